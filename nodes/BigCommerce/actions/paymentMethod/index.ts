import { defineResource } from '../defineResource';
import * as getAll from './getAll.operation';

export const paymentMethod = defineResource(
	{ name: 'Payment Method', value: 'paymentMethod' },
	[getAll],
	{
		defaultOperation: 'getAll',
	},
);
