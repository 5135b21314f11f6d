import type { INodeProperties } from 'n8n-workflow';

import type { ResourceModule } from '../types';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

const operationSelector: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['brand'] } },
	options: [
		{ name: 'Create', value: 'create', action: 'Create a brand', description: 'Create a brand' },
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a brand',
			description: 'Permanently delete a brand; its products lose the brand (destructive)',
		},
		{ name: 'Get', value: 'get', action: 'Get a brand', description: 'Get a brand by ID' },
		{ name: 'Get Many', value: 'getAll', action: 'Get many brands', description: 'List brands, optionally filtered by name' },
		{ name: 'Update', value: 'update', action: 'Update a brand', description: 'Change a brand\'s name or page fields' },
	],
	default: 'getAll',
};

export const brand: ResourceModule = {
	option: { name: 'Brand', value: 'brand' },
	description: [
		operationSelector,
		...create.description,
		...del.description,
		...get.description,
		...getAll.description,
		...update.description,
	],
	operations: { create, delete: del, get, getAll, update },
};
