import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest } from '../../transport';
import { allLineItems, cartIdParameter, itemIdParameter } from './helpers';
import { optionalLocator } from '../../shared/locators';
import { CART_READ, CART_WRITE } from '../../shared/scopes';
import { wholeNumberValue, fail, isBlank, locatorValue, requireUuid } from '../../shared/validate';
import { toItems } from '../../shared/items';
import { moneyProperty } from '../../shared/properties';

export const option: OperationOption = {
	name: 'Update Item',
	value: 'updateItem',
	action: 'Update a cart item',
	description: 'Change the quantity, variant or price of a line item',
};

export const properties: INodeProperties[] = [
	cartIdParameter,
	itemIdParameter,
	{
		displayName: 'Quantity',
		name: 'quantity',
		type: 'number',
		typeOptions: { minValue: 1 },
		required: true,
		default: 1,
		description: 'The new quantity of the line item (use Remove Item to take it out of the cart)',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			moneyProperty(
				'List Price Override',
				'listPrice',
				'A price to charge instead of the catalog price',
			),
			optionalLocator('product', {
				name: 'productId',
				description: "The line item's product (looked up from the cart when empty)",
			}),
			{
				displayName: 'Variant ID',
				name: 'variantId',
				type: 'number',
				default: 0,
				description: 'Switch the line item to another variant of the same product',
			},
		],
	},
];

/** Items at once (see OperationModule.itemsInParallel). May read the cart before changing a line: items on the same cart must not interleave. */
export const itemsInParallel = 1;

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const cartId = requireUuid(this, i, 'cartId', 'Cart ID');
	const itemId = requireUuid(this, i, 'itemId', 'Line Item ID');
	const quantity = wholeNumberValue(this, i, this.getNodeParameter('quantity', i), 'Quantity', {
		min: 1,
	});
	const fields = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const lineItem: IDataObject = { quantity };
	if (fields.variantId !== undefined && Number(fields.variantId) !== 0) {
		lineItem.variant_id = wholeNumberValue(this, i, fields.variantId, 'Variant ID', { min: 1 });
	}
	if (fields.listPrice !== undefined) {
		const price = Number(fields.listPrice);
		if (!Number.isFinite(price) || price < 0)
			fail(
				this,
				i,
				`"List Price Override" must be a number of 0 or more; got "${String(fields.listPrice)}"`,
			);
		lineItem.list_price = price;
	}
	const picked = locatorValue(fields.productId);
	let productId =
		!isBlank(picked) && Number(picked) !== 0
			? wholeNumberValue(this, i, picked, 'Product', { min: 1 })
			: undefined;
	if (productId === undefined) {
		// BigCommerce wants the product ID with the change: read it from the cart
		const cart = (await bigCommerceApiRequest.call(this, {
			method: 'GET',
			version: 'v3',
			path: `/carts/${cartId}`,
			scope: CART_READ,
			itemIndex: i,
		})) as IDataObject;
		const item = allLineItems(cart).find(
			(entry) => String(entry.id).toLowerCase() === itemId.toLowerCase(),
		);
		if (!item)
			fail(
				this,
				i,
				`Cart ${cartId} has no line item ${itemId}`,
				'Use Cart → Get to see the line item IDs.',
			);
		productId = Number(item.product_id);
		if (lineItem.variant_id === undefined && item.variant_id !== undefined)
			lineItem.variant_id = item.variant_id;
	}
	const cart = (await bigCommerceApiRequest.call(this, {
		method: 'PUT',
		version: 'v3',
		path: `/carts/${cartId}/items/${itemId}`,
		body: { line_item: { product_id: productId, ...lineItem } },
		scope: CART_WRITE,
		itemIndex: i,
	})) as IDataObject;
	return toItems(this, cart);
}
