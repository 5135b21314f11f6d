import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { bigCommerceApiRequestFull, unwrapResponse } from '../../transport';
import { requireUuid, toItems } from '../common';
import { CART_WRITE, cartIdParameter, itemIdParameter } from './shared';

const properties: INodeProperties[] = [
	cartIdParameter,
	{
		...itemIdParameter,
		description: 'The UUID of the line item to remove. Removing the last item deletes the cart.',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['cart'], operation: ['removeItem'] } },
	properties,
);

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
