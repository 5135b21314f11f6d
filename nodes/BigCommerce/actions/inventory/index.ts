import type { INodeProperties } from 'n8n-workflow';

import type { ResourceModule } from '../types';
import * as adjust from './adjust.operation';
import * as getItems from './getItems.operation';
import * as getLocations from './getLocations.operation';

const operationSelector: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['inventory'] } },
	options: [
		{
			name: 'Adjust',
			value: 'adjust',
			action: 'Adjust inventory',
			description:
				'Set (absolute) or change (relative) stock per location for many items, batched by 2000; all items are checked first',
		},
		{
			name: 'Get Items',
			value: 'getItems',
			action: 'Get inventory items',
			description: 'Get stock per location (available to sell, on hand, safety stock) by SKU, product, variant or location',
		},
		{
			name: 'Get Locations',
			value: 'getLocations',
			action: 'Get inventory locations',
			description: 'List inventory locations (warehouses, stores) with their IDs and codes',
		},
	],
	default: 'getItems',
};

export const inventory: ResourceModule = {
	option: { name: 'Inventory', value: 'inventory' },
	description: [operationSelector, ...adjust.description, ...getItems.description, ...getLocations.description],
	operations: { adjust, getItems, getLocations },
};
