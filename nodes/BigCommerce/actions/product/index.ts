import type { INodeProperties } from 'n8n-workflow';

import type { ResourceModule } from '../types';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as exportCatalog from './exportCatalog.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getInfoForShopper from './getInfoForShopper.operation';
import * as update from './update.operation';
import * as updateMany from './updateMany.operation';

const operationSelector: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['product'] } },
	options: [
		{
			name: 'Create',
			value: 'create',
			action: 'Create a product',
			description: 'Create a product with name, type, price, weight and optional fields',
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a product',
			description: 'Permanently delete a product with its variants, images and fields (destructive)',
		},
		{
			name: 'Export Catalog',
			value: 'exportCatalog',
			action: 'Export the product catalog',
			description:
				'Every product with variants, images, custom fields and videos in the fewest API calls; optional visible/in-stock and customer-group filters, incremental mode and a CSV or JSON Lines file',
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a product',
			description: 'Get a product by ID with its variants, images, custom fields, videos and options',
		},
		{
			name: 'Get Info for Shopper',
			value: 'getInfoForShopper',
			action: 'Get product info for a shopper',
			description:
				'Answer a shopper\'s product question: look up a visible product by ID, SKU (product or variant) or name and return its plain-text description, price and sale price, availability, variants with options and stock, custom fields, images and videos',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many products',
			description:
				'List products filtered by keyword, name, SKU (including variant SKUs), category, brand, visibility, availability, inventory, modification date or channel',
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update a product',
			description: 'Change a product\'s fields',
		},
		{
			name: 'Update Many',
			value: 'updateMany',
			action: 'Update many products',
			description:
				'Update a batch of products from a JSON array of product IDs with the fields to change, 10 per request; the whole batch is checked before anything is sent',
		},
	],
	default: 'get',
};

export const product: ResourceModule = {
	option: { name: 'Product', value: 'product' },
	description: [
		operationSelector,
		...create.description,
		...del.description,
		...exportCatalog.description,
		...get.description,
		...getAll.description,
		...getInfoForShopper.description,
		...update.description,
		...updateMany.description,
	],
	operations: { create, delete: del, exportCatalog, get, getAll, getInfoForShopper, update, updateMany },
};
