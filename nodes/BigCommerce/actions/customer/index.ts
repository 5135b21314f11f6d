import { defineResource } from '../defineResource';
import * as create from './create.operation';
import * as deleteOperation from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const customer = defineResource(
	{ name: 'Customer', value: 'customer' },
	[create, deleteOperation, get, getAll, update],
	{
		defaultOperation: 'get',
	},
);
