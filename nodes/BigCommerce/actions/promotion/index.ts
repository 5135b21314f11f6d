import type { INodeProperties } from 'n8n-workflow';

import type { ResourceModule } from '../types';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as generateCodes from './generateCodes.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as listActive from './listActive.operation';
import * as update from './update.operation';

const operationSelector: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['promotion'] } },
	options: [
		{
			name: 'Create',
			value: 'create',
			action: 'Create a promotion',
			description: 'Create an automatic or coupon promotion',
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a promotion',
			description: 'Permanently delete a promotion and its codes (destructive)',
		},
		{
			name: 'Generate Coupon Codes',
			value: 'generateCodes',
			action: 'Generate coupon codes for a promotion',
			description: 'Generate unique codes for a Bulk coupon promotion',
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a promotion',
			description: 'Get a promotion by ID',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many promotions',
			description: 'List promotions, optionally filtered by status, code, name, type or channel',
		},
		{
			name: 'List Active',
			value: 'listActive',
			action: 'List active promotions',
			description:
				'List the promotions running now (enabled and inside their dates) with their discount and coupon code',
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update a promotion',
			description: 'Change a promotion\'s name, status, dates, limits or rules',
		},
	],
	default: 'listActive',
};

export const promotion: ResourceModule = {
	option: { name: 'Promotion', value: 'promotion' },
	description: [
		operationSelector,
		...create.description,
		...del.description,
		...generateCodes.description,
		...get.description,
		...getAll.description,
		...listActive.description,
		...update.description,
	],
	operations: { create, delete: del, generateCodes, get, getAll, listActive, update },
};
