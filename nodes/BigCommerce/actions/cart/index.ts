import type { INodeProperties } from 'n8n-workflow';

import type { ResourceModule } from '../types';
import * as addItems from './addItems.operation';
import * as create from './create.operation';
import * as createRecoveryLink from './createRecoveryLink.operation';
import * as deleteOperation from './delete.operation';
import * as get from './get.operation';
import * as removeItem from './removeItem.operation';
import * as updateItem from './updateItem.operation';

const operationSelector: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['cart'] } },
	options: [
		{
			name: 'Add Items',
			value: 'addItems',
			action: 'Add items to a cart',
			description: 'Add products to an existing cart',
		},
		{
			name: 'Create',
			value: 'create',
			action: 'Create a cart',
			description: 'Create a cart with line items, for a customer or a guest',
		},
		{
			name: 'Create Recovery Link',
			value: 'createRecoveryLink',
			action: 'Create a cart recovery link',
			description: 'Create single-use links that restore the cart or open its checkout',
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a cart',
			description: 'Permanently delete a cart (destructive)',
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a cart',
			description: 'Get a cart with its line items and totals',
		},
		{
			name: 'Remove Item',
			value: 'removeItem',
			action: 'Remove an item from a cart',
			description: 'Remove one line item (removing the last one deletes the cart)',
		},
		{
			name: 'Update Item',
			value: 'updateItem',
			action: 'Update a cart item',
			description: 'Change the quantity, variant or price of a line item',
		},
	],
	default: 'get',
};

export const cart: ResourceModule = {
	option: { name: 'Cart', value: 'cart' },
	description: [
		operationSelector,
		...create.description,
		...get.description,
		...addItems.description,
		...updateItem.description,
		...removeItem.description,
		...createRecoveryLink.description,
		...deleteOperation.description,
	],
	operations: { addItems, create, createRecoveryLink, delete: deleteOperation, get, removeItem, updateItem },
};
