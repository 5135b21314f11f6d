import { defineResource } from '../defineResource';
import * as getAll from './getAll.operation';

export const orderTransaction = defineResource(
	{ name: 'Order Transaction', value: 'orderTransaction' },
	[getAll],
	{
		defaultOperation: 'getAll',
	},
);
