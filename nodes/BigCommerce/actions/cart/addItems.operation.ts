import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest } from '../../transport';
import { cartIdParameter, lineItemsProperties, readLineItems } from './helpers';
import { CART_WRITE } from '../../shared/scopes';
import { requireUuid } from '../../shared/validate';
import { toItems } from '../../shared/items';

export const option: OperationOption = {
	name: 'Add Items',
	value: 'addItems',
	action: 'Add items to a cart',
	description: 'Add products to an existing cart',
};

export const properties: INodeProperties[] = [cartIdParameter, ...lineItemsProperties()];

/** Items at once (see OperationModule.itemsInParallel). Items usually fill the same cart, and the order of its lines is the order of the items. */
export const itemsInParallel = 1;

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
