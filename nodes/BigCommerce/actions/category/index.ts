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
	displayOptions: { show: { resource: ['category'] } },
	options: [
		{ name: 'Create', value: 'create', action: 'Create a category', description: 'Create a category, top-level or below a parent' },
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a category',
			description: 'Permanently delete a category and its subcategories (destructive)',
		},
		{ name: 'Get', value: 'get', action: 'Get a category', description: 'Get a category by ID' },
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many categories',
			description: 'List categories, optionally filtered by name, parent, visibility or keyword',
		},
		{ name: 'Update', value: 'update', action: 'Update a category', description: 'Change a category\'s fields or move it' },
	],
	default: 'getAll',
};

export const category: ResourceModule = {
	option: { name: 'Category', value: 'category' },
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
