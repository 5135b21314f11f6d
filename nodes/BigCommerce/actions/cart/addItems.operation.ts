import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { bigCommerceApiRequest } from '../../transport';
import { requireUuid, toItems } from '../common';
import { CART_WRITE, cartIdParameter, lineItemsProperties, readLineItems } from './shared';

const properties: INodeProperties[] = [cartIdParameter, ...lineItemsProperties()];

export const description = updateDisplayOptions(
	{ show: { resource: ['cart'], operation: ['addItems'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const cartId = requireUuid(this, i, 'cartId', 'Cart ID');
	const lineItems = readLineItems(this, i);
	const cart = (await bigCommerceApiRequest.call(this, {
		method: 'POST',
		version: 'v3',
		path: `/carts/${cartId}/items`,
		body: { line_items: lineItems },
		scope: CART_WRITE,
		itemIndex: i,
	})) as IDataObject;
	return toItems(this, cart);
}
