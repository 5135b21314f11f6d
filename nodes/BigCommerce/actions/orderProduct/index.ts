import { defineResource } from '../defineResource';
import * as getAll from './getAll.operation';

export const orderProduct = defineResource(
	{ name: 'Order Product', value: 'orderProduct' },
	[getAll],
	{
		defaultOperation: 'getAll',
	},
);
