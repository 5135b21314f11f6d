import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { bigCommerceApiRequest } from '../../transport';
import { destructiveNotice, requireUuid, toItems } from '../common';
import { CART_WRITE, cartIdParameter } from './shared';

const properties: INodeProperties[] = [
	destructiveNotice('This permanently deletes the cart and its line items. It cannot be undone.'),
	{ ...cartIdParameter, description: 'The UUID of the cart to delete permanently, with all its line items' },
];

export const description = updateDisplayOptions(
	{ show: { resource: ['cart'], operation: ['delete'] } },
	properties,
);

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
