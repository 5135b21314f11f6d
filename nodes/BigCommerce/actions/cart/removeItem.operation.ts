import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequestFull, unwrapResponse } from '../../transport';
import { cartIdParameter, itemIdParameter } from './helpers';
import { CART_WRITE } from '../../shared/scopes';
import { requireUuid } from '../../shared/validate';
import { toItems } from '../../shared/items';

export const option: OperationOption = {
	name: 'Remove Item',
	value: 'removeItem',
	action: 'Remove an item from a cart',
	description: 'Remove one line item (removing the last one deletes the cart)',
};

export const properties: INodeProperties[] = [
	cartIdParameter,
	{
		...itemIdParameter,
		description: 'The UUID of the line item to remove. Removing the last item deletes the cart.',
	},
];

/** Items at once (see OperationModule.itemsInParallel). Items usually change the same cart: one change after the other. */
export const itemsInParallel = 1;

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const cartId = requireUuid(this, i, 'cartId', 'Cart ID');
	const itemId = requireUuid(this, i, 'itemId', 'Line Item ID');
	const response = await bigCommerceApiRequestFull.call(this, {
		method: 'DELETE',
		version: 'v3',
		path: `/carts/${cartId}/items/${itemId}`,
		scope: CART_WRITE,
		itemIndex: i,
	});
	if (response.statusCode === 204) {
		// that was the last item: BigCommerce deleted the cart
		return toItems(this, { id: cartId, removed_item_id: itemId, cart_deleted: true });
	}
	const cart = unwrapResponse('v3', 'DELETE', response) as IDataObject;
	return toItems(this, cart);
}
