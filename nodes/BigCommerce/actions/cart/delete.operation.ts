import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest } from '../../transport';
import { cartIdParameter } from './helpers';
import { CART_WRITE } from '../../shared/scopes';
import { destructiveNotice } from '../../shared/properties';
import { requireUuid } from '../../shared/validate';
import { toItems } from '../../shared/items';

export const option: OperationOption = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a cart',
	description: 'Permanently delete a cart (destructive)',
};

export const properties: INodeProperties[] = [
	destructiveNotice('This permanently deletes the cart and its line items. It cannot be undone.'),
	{
		...cartIdParameter,
		description: 'The UUID of the cart to delete permanently, with all its line items',
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const cartId = requireUuid(this, i, 'cartId', 'Cart ID');
	await bigCommerceApiRequest.call(this, {
		method: 'DELETE',
		version: 'v3',
		path: `/carts/${cartId}`,
		scope: CART_WRITE,
		itemIndex: i,
	});
	return toItems(this, { id: cartId, deleted: true });
}
