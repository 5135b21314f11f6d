import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { bigCommerceApiRequest } from '../../transport';
import { CART_WRITE } from '../../shared/scopes';
import { fail, asPositiveId } from '../../shared/validate';

export const cartIdParameter: INodeProperties = {
	displayName: 'Cart ID',
	name: 'cartId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 8a3b2c1d-0e9f-4a8b-9c7d-6e5f4a3b2c1d',
	description:
		"The cart's UUID (carts have no list: take it from a cart webhook, an order's cart_ID or a Create result)",
};

export const itemIdParameter: INodeProperties = {
	displayName: 'Line Item ID',
	name: 'itemId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 6e3f1f4c-2f0a-4b7e-9d5c-0a1b2c3d4e5f',
	description: 'The UUID of the line item in the cart (the "ID" of an entry in line_items)',
};

/** Line items entered as fields or as JSON (Create, Add Items). */
/** The Include Product Options option of Cart › Get and Checkout › Get. */
export const includeOptionsProperty: INodeProperties = {
	displayName: 'Include Product Options',
	name: 'includeOptions',
	type: 'boolean',
	default: false,
	description: 'Whether to include the chosen product options (size, color...) of each line item',
};

export function lineItemsProperties(): INodeProperties[] {
	return [
		{
			displayName: 'Line Items Input',
			name: 'lineItemsInput',
			type: 'options',
			default: 'fields',
			options: [
				{
					name: 'Fields',
					value: 'fields',
					description: 'Enter product, variant and quantity per line',
				},
				{
					name: 'JSON',
					value: 'json',
					description:
						'Enter BigCommerce line_items as JSON (option selections, list price overrides)',
				},
			],
		},
		{
			displayName: 'Line Items',
			name: 'lineItems',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Line Item',
			default: {},
			displayOptions: { show: { lineItemsInput: ['fields'] } },
			options: [
				{
					displayName: 'Item',
					name: 'item',
					values: [
						{
							displayName: 'Product ID',
							name: 'productId',
							type: 'number',
							default: 0,
							description: 'ID of the product to add',
						},
						{
							displayName: 'Variant ID',
							name: 'variantId',
							type: 'number',
							default: 0,
							description:
								"ID of the variant (needed for products with options; 0 = the product's only variant)",
						},
						{
							displayName: 'Quantity',
							name: 'quantity',
							type: 'number',
							typeOptions: { minValue: 1 },
							default: 1,
						},
						{
							displayName: 'List Price Override',
							name: 'listPrice',
							type: 'number',
							typeOptions: { minValue: -1, numberPrecision: 2 },
							default: -1,
							description: 'A price to charge instead of the catalog price (-1 = catalog price)',
						},
					],
				},
			],
		},
		{
			displayName: 'Line Items (JSON)',
			name: 'lineItemsJson',
			type: 'json',
			default: '[\n  {\n    "product_id": 1,\n    "quantity": 1\n  }\n]',
			displayOptions: { show: { lineItemsInput: ['json'] } },
			description:
				'An array of line items, e.g. [{"product_id": 12, "variant_id": 34, "quantity": 2}] or with option_selections [{"option_id": 5, "option_value": 21}]',
		},
	];
}

const ITEM_KEYS = new Set([
	'product_id',
	'variant_id',
	'quantity',
	'list_price',
	'name',
	'option_selections',
	'gift_wrapping',
]);

/** Checks one line item (from JSON or fields) and returns it in BigCommerce's form. */
function checkItem(
	ctx: IExecuteFunctions,
	i: number,
	raw: unknown,
	position: number,
	label: string,
): IDataObject {
	const where = `${label} entry ${position}`;
	if (!raw || typeof raw !== 'object' || Array.isArray(raw))
		fail(ctx, i, `${where} must be an object such as {"product_id": 12, "quantity": 1}`);
	const input = raw as IDataObject;
	const unknown = Object.keys(input).filter((key) => !ITEM_KEYS.has(key));
	if (unknown.length) {
		fail(
			ctx,
			i,
			`${where} has unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k}"`).join(', ')}`,
			`Accepted fields: ${[...ITEM_KEYS].join(', ')} (BigCommerce's snake_case names).`,
		);
	}
	const item: IDataObject = {};
	const productId = asPositiveId(input.product_id);
	if (productId === undefined)
		fail(
			ctx,
			i,
			`${where}: "product_id" must be a positive whole number; got "${String(input.product_id ?? '')}"`,
		);
	item.product_id = productId;
	const quantity = asPositiveId(input.quantity);
	if (quantity === undefined)
		fail(
			ctx,
			i,
			`${where}: "quantity" must be a whole number of 1 or more; got "${String(input.quantity ?? '')}"`,
		);
	item.quantity = quantity;
	if (input.variant_id !== undefined && input.variant_id !== null && input.variant_id !== '') {
		const variantId = asPositiveId(input.variant_id);
		if (variantId === undefined)
			fail(
				ctx,
				i,
				`${where}: "variant_id" must be a positive whole number; got "${String(input.variant_id)}"`,
			);
		item.variant_id = variantId;
	}
	if (input.list_price !== undefined && input.list_price !== null && input.list_price !== '') {
		const price = Number(input.list_price);
		if (!Number.isFinite(price) || price < 0)
			fail(
				ctx,
				i,
				`${where}: "list_price" must be a number of 0 or more; got "${String(input.list_price)}"`,
			);
		item.list_price = price;
	}
	if (input.name !== undefined) item.name = String(input.name);
	if (input.option_selections !== undefined) {
		if (!Array.isArray(input.option_selections))
			fail(ctx, i, `${where}: "option_selections" must be an array`);
		(input.option_selections as unknown[]).forEach((selection, k) => {
			const s = selection as IDataObject;
			if (
				!s ||
				typeof s !== 'object' ||
				asPositiveId(s.option_id) === undefined ||
				s.option_value === undefined ||
				s.option_value === ''
			) {
				fail(
					ctx,
					i,
					`${where}: option_selections[${k}] needs "option_id" (a whole number) and "option_value"`,
				);
			}
		});
		item.option_selections = input.option_selections as IDataObject[];
	}
	if (input.gift_wrapping !== undefined) item.gift_wrapping = input.gift_wrapping as IDataObject;
	return item;
}

/** Reads and validates the line items of Create / Add Items. */
export function readLineItems(ctx: IExecuteFunctions, i: number): IDataObject[] {
	const mode = ctx.getNodeParameter('lineItemsInput', i, 'fields') as string;
	let raw: unknown[];
	let label: string;
	if (mode === 'json') {
		label = '"Line Items (JSON)"';
		const value = ctx.getNodeParameter('lineItemsJson', i, '') as unknown;
		let parsed: unknown = value;
		if (typeof value === 'string') {
			try {
				parsed = JSON.parse(value);
			} catch (error) {
				fail(
					ctx,
					i,
					`${label} is not valid JSON (${(error as Error).message})`,
					'Enter a JSON array, e.g. [{"product_id": 12, "quantity": 1}]',
				);
			}
		}
		if (!Array.isArray(parsed)) fail(ctx, i, `${label} must be a JSON array of line items`);
		raw = parsed;
	} else {
		label = '"Line Items"';
		const collection = ctx.getNodeParameter('lineItems', i, {}) as { item?: IDataObject[] };
		raw = (collection.item ?? []).map((entry) => {
			const item: IDataObject = { product_id: entry.productId, quantity: entry.quantity ?? 1 };
			if (entry.variantId !== undefined && Number(entry.variantId) !== 0)
				item.variant_id = entry.variantId;
			if (entry.listPrice !== undefined && Number(entry.listPrice) >= 0)
				item.list_price = entry.listPrice;
			return item;
		});
	}
	if (!raw.length) fail(ctx, i, `${label} must hold at least one line item`);
	return raw.map((entry, index) => checkItem(ctx, i, entry, index + 1, label));
}

/** Every line item of a cart, with its kind. */
export function allLineItems(cart: IDataObject): IDataObject[] {
	const groups = (cart.line_items ?? {}) as IDataObject;
	const out: IDataObject[] = [];
	for (const [kind, key] of [
		['physical', 'physical_items'],
		['digital', 'digital_items'],
		['custom', 'custom_items'],
		['gift_certificate', 'gift_certificates'],
	] as const) {
		const list = groups[key];
		if (Array.isArray(list))
			for (const item of list as IDataObject[]) out.push({ ...item, type: kind });
	}
	return out;
}

/** A compact cart: totals, shopper and one flat list of line items. */
export function simplifyCart(cart: IDataObject): IDataObject {
	const items = allLineItems(cart).map((item) => ({
		id: item.id,
		type: item.type,
		product_id: item.product_id,
		variant_id: item.variant_id,
		sku: item.sku,
		name: item.name,
		quantity: item.quantity,
		sale_price: item.sale_price ?? item.amount ?? item.list_price,
		extended_sale_price: item.extended_sale_price ?? item.extended_list_price,
		url: item.url,
		image_url: item.image_url,
	}));
	const currency = (cart.currency ?? {}) as IDataObject;
	const out: IDataObject = {
		id: cart.id,
		customer_id: cart.customer_id,
		email: cart.email || null,
		channel_id: cart.channel_id,
		currency: currency.code,
		base_amount: cart.base_amount,
		discount_amount: cart.discount_amount,
		cart_amount: cart.cart_amount,
		item_count: items.reduce((sum, item) => sum + (Number(item.quantity) || 0), 0),
		line_items: items,
		created_time: cart.created_time,
		updated_time: cart.updated_time,
	};
	if (cart.redirect_urls) out.redirect_urls = cart.redirect_urls;
	return out;
}

/**
 * Creates single-use cart and checkout links for a cart (valid 30 days; BigCommerce invalidates a
 * link once it has been visited, so create a fresh one for every message).
 */
export async function createRedirectUrls(
	ctx: IExecuteFunctions,
	i: number,
	cartId: string,
	queryParams: IDataObject = {},
): Promise<IDataObject> {
	const urls = (await bigCommerceApiRequest.call(ctx, {
		method: 'POST',
		version: 'v3',
		path: `/carts/${cartId}/redirect_urls`,
		// always a JSON body (the operation declares one, and so a Content-Type)
		body: Object.keys(queryParams).length ? { query_params: queryParams } : {},
		scope: CART_WRITE,
		itemIndex: i,
	})) as IDataObject;
	return {
		cart_url: urls.cart_url,
		checkout_url: urls.checkout_url,
		embedded_checkout_url: urls.embedded_checkout_url,
	};
}
