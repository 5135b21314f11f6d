import type { INodeProperties } from 'n8n-workflow';

import type { ResourceModule } from '../types';
import * as create from './create.operation';
import * as deleteOperation from './delete.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

const operationSelector: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['customerAddress'] } },
	options: [
		{
			name: 'Create',
			value: 'create',
			action: 'Create a customer address',
			description: 'Add an address to a customer\'s address book',
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a customer address',
			description: 'Permanently delete a saved address (destructive)',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many customer addresses',
			description: 'List saved addresses, of one customer or of all',
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update a customer address',
			description: 'Change a saved address',
		},
	],
	default: 'getAll',
};

export const customerAddress: ResourceModule = {
	option: { name: 'Customer Address', value: 'customerAddress' },
	description: [
		operationSelector,
		...create.description,
		...getAll.description,
		...update.description,
		...deleteOperation.description,
	],
	operations: { create, delete: deleteOperation, getAll, update },
};
