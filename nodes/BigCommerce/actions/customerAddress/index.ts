import { defineResource } from '../defineResource';
import * as create from './create.operation';
import * as deleteOperation from './delete.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const customerAddress = defineResource(
	{ name: 'Customer Address', value: 'customerAddress' },
	[create, deleteOperation, getAll, update],
	{
		defaultOperation: 'getAll',
	},
);
