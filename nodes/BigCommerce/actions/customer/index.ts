import type { INodeProperties } from 'n8n-workflow';

import type { ResourceModule } from '../types';
import * as create from './create.operation';
import * as deleteOperation from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

const operationSelector: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['customer'] } },
	options: [
		{
			name: 'Create',
			value: 'create',
			action: 'Create a customer',
			description: 'Create a customer account, optionally with addresses',
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a customer',
			description: 'Permanently delete a customer and their addresses (destructive)',
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a customer',
			description: 'Get one customer by ID or email, with addresses and group name',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many customers',
			description: 'List customers filtered by email, name, group, company or change date',
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update a customer',
			description: 'Change a customer\'s details, group or password',
		},
	],
	default: 'get',
};

export const customer: ResourceModule = {
	option: { name: 'Customer', value: 'customer' },
	description: [
		operationSelector,
		...create.description,
		...get.description,
		...getAll.description,
		...update.description,
		...deleteOperation.description,
	],
	operations: { create, delete: deleteOperation, get, getAll, update },
};
