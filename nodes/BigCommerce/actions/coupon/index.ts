import type { INodeProperties } from 'n8n-workflow';

import type { ResourceModule } from '../types';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as lookUpCode from './lookUpCode.operation';
import * as update from './update.operation';

const operationSelector: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['coupon'] } },
	options: [
		{
			name: 'Create',
			value: 'create',
			action: 'Create a coupon',
			description: 'Create a coupon code with a discount',
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a coupon',
			description: 'Permanently delete a coupon (destructive)',
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a coupon',
			description: 'Get a coupon by ID',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many coupons',
			description: 'List coupons, optionally filtered by code, name or type',
		},
		{
			name: 'Look Up Code',
			value: 'lookUpCode',
			action: 'Look up a coupon code',
			description:
				'Check whether a coupon code is valid now (enabled, dates, usage limit) and give its discount, minimum purchase and expiry; the reason when invalid',
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update a coupon',
			description: 'Change a coupon\'s code, discount, limits or expiry',
		},
	],
	default: 'lookUpCode',
};

export const coupon: ResourceModule = {
	option: { name: 'Coupon', value: 'coupon' },
	description: [
		operationSelector,
		...create.description,
		...del.description,
		...get.description,
		...getAll.description,
		...lookUpCode.description,
		...update.description,
	],
	operations: { create, delete: del, get, getAll, lookUpCode, update },
};
