import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { bigCommerceApiRequest } from '../BigCommerce/transport';
import { all, fetchFullOrder, get, notFoundAsNull } from '../BigCommerce/changes/records';
import {
	CART_READ,
	CATALOG_READ,
	CUSTOMERS_READ,
	INFORMATION_READ,
	ORDERS_READ,
	TRANSACTIONS_READ,
} from '../BigCommerce/shared/scopes';
import { orderStatusName } from './events';

/**
 * Full records: BigCommerce sends IDs only; this fetches what they point at. A record that is
 * gone (deleted since, or a `…/deleted` event) is reported with `deleted: true` instead of an error.
 */

export interface Hydrated {
	record: IDataObject | null;
	recordStatus: 'fetched' | 'deleted' | 'notFetched' | 'malformed';
	extra?: IDataObject;
}

// hydration only reads: each request names the least scope it needs (for the 403 hint)
const ORDERS = ORDERS_READ;
const PRODUCTS = CATALOG_READ;
const CUSTOMERS = CUSTOMERS_READ;
const CARTS = CART_READ;
const INFO = INFORMATION_READ;

async function fetchCart(ctx: IExecuteFunctions, i: number, id: string, freshLink: boolean) {
	const cart = (await get(ctx, i, 'v3', `/carts/${id}`, CARTS, {
		include: 'line_items.physical_items.options,line_items.digital_items.options,redirect_urls',
	})) as IDataObject;
	const groups = (cart.line_items ?? {}) as IDataObject;
	const lineItems: IDataObject[] = [];
	for (const kind of ['physical_items', 'digital_items', 'custom_items', 'gift_certificates']) {
		const list = groups[kind];
		if (Array.isArray(list))
			for (const entry of list) lineItems.push({ ...(entry as IDataObject), kind });
	}
	let links = (cart.redirect_urls ?? {}) as IDataObject;
	if (freshLink) {
		links = (await bigCommerceApiRequest.call(ctx, {
			method: 'POST',
			version: 'v3',
			path: `/carts/${id}/redirect_urls`,
			body: {},
			scope: CARTS,
			itemIndex: i,
		})) as IDataObject;
	}
	let email = typeof cart.email === 'string' && cart.email ? cart.email : undefined;
	const customerId = Number(cart.customer_id ?? 0);
	if (!email && customerId > 0) {
		const customers = await all(ctx, i, 'v3', '/customers', CUSTOMERS, { 'id:in': customerId });
		const found = customers[0]?.email;
		if (typeof found === 'string' && found) email = found;
	}
	return {
		record: cart,
		extra: {
			lineItems,
			email: email ?? null,
			customerId,
			recoveryUrl: (links.cart_url as string | undefined) ?? null,
			checkoutUrl: (links.checkout_url as string | undefined) ?? null,
		},
	};
}

async function fetchCustomer(
	ctx: IExecuteFunctions,
	i: number,
	id: number,
): Promise<IDataObject | null> {
	const customers = await all(ctx, i, 'v3', '/customers', CUSTOMERS, {
		'id:in': id,
		include: 'addresses,attributes,formfields',
	});
	return customers[0] ?? null;
}

/**
 * IDs come from the delivery's body and end up in request paths: anything but the documented form
 * (a positive integer; a cart's UUID or 32-hex ID) is refused before a path is built, so an ID such
 * as `1/../../v3/customers?include=addresses#` can never read another endpoint.
 */
class MalformedId extends Error {}

const absent = (value: unknown) => value === undefined || value === null || value === '';

/** A positive integer ID, undefined when absent; throws MalformedId otherwise. */
function intId(value: unknown): number | undefined {
	if (absent(value)) return undefined;
	if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return value;
	if (
		typeof value === 'string' &&
		/^[1-9][0-9]{0,15}$/.test(value) &&
		Number.isSafeInteger(Number(value))
	) {
		return Number(value);
	}
	throw new MalformedId();
}

/** Like intId, but the ID must be there. */
function requiredIntId(value: unknown): number {
	const id = intId(value);
	if (id === undefined) throw new MalformedId();
	return id;
}

/** A cart ID: a UUID or 32 hex digits; throws MalformedId otherwise. */
function cartId(value: unknown): string {
	if (
		typeof value === 'string' &&
		/^(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9a-fA-F]{32})$/.test(
			value,
		)
	) {
		return value;
	}
	throw new MalformedId();
}

/**
 * Fetches the record an event points at. `base` is the scope without a channel prefix.
 */
export async function hydrate(
	ctx: IExecuteFunctions,
	i: number,
	base: string,
	data: IDataObject,
): Promise<Hydrated> {
	const type = String(data.type ?? '');
	const deletedEvent = /\/deleted$/.test(base);
	const result = await notFoundAsNull(hydrateRecord(ctx, i, base, data, type, deletedEvent)).catch(
		(error: unknown): Hydrated => {
			if (error instanceof MalformedId) return { record: null, recordStatus: 'malformed' };
			throw error;
		},
	);
	return result ?? { record: null, recordStatus: 'deleted' };
}

async function hydrateRecord(
	ctx: IExecuteFunctions,
	i: number,
	base: string,
	data: IDataObject,
	type: string,
	deletedEvent: boolean,
): Promise<Hydrated> {
	const found = (record: IDataObject | null, extra?: IDataObject): Hydrated => ({
		record,
		recordStatus: 'fetched',
		extra,
	});
	if (base.startsWith('store/order/transaction/')) {
		const orderId = intId(data.order_id);
		if (orderId === undefined) return { record: null, recordStatus: 'notFetched' };
		const order = await fetchFullOrder(ctx, i, orderId);
		const transactions = await all(
			ctx,
			i,
			'v3',
			`/orders/${orderId}/transactions`,
			TRANSACTIONS_READ,
		);
		return found({ ...order, transactions });
	}
	if (base.startsWith('store/order/metafield/'))
		return { record: null, recordStatus: 'notFetched' };
	if (type === 'order' || base.startsWith('store/order/')) {
		const order = await fetchFullOrder(ctx, i, requiredIntId(data.id));
		return found(order, { status: order.status ?? orderStatusName(order.status_id) });
	}
	if (base === 'store/cart/converted') {
		cartId(data.id);
		const orderId = intId(data.orderId);
		const order = orderId === undefined ? null : await fetchFullOrder(ctx, i, orderId);
		return found(order, { cartId: data.id, orderId: orderId ?? null });
	}
	if (type === 'cart_line_item') {
		const cart = await fetchCart(ctx, i, cartId(data.cartId), false);
		return found(cart.record, cart.extra);
	}
	if (type === 'cart') {
		if (base === 'store/cart/deleted') return { record: null, recordStatus: 'deleted' };
		const cart = await fetchCart(ctx, i, cartId(data.id), base === 'store/cart/abandoned');
		return found(cart.record, cart.extra);
	}
	if (type === 'product' && !base.includes('/metafield/')) {
		if (deletedEvent) return { record: null, recordStatus: 'deleted' };
		const product = (await get(
			ctx,
			i,
			'v3',
			`/catalog/products/${requiredIntId(data.id)}`,
			PRODUCTS,
			{
				include: 'variants,images,custom_fields',
			},
		)) as IDataObject;
		return found(product);
	}
	if (type === 'sku') {
		const ref = ((data.sku ?? data.inventory) || {}) as IDataObject;
		const productId = intId(ref.product_id);
		const variantId = intId(ref.variant_id);
		if (deletedEvent) return { record: null, recordStatus: 'deleted' };
		if (productId === undefined || variantId === undefined)
			return { record: null, recordStatus: 'notFetched' };
		const variant = (await get(
			ctx,
			i,
			'v3',
			`/catalog/products/${productId}/variants/${variantId}`,
			PRODUCTS,
		)) as IDataObject;
		return found(variant);
	}
	if (type === 'customer') {
		const address = data.address as IDataObject | undefined;
		if (deletedEvent && !address) return { record: null, recordStatus: 'deleted' };
		const customer = await fetchCustomer(
			ctx,
			i,
			requiredIntId(address ? address.customer_id : data.id),
		);
		if (!customer) return { record: null, recordStatus: 'deleted' };
		return found(
			customer,
			address ? { addressId: data.id, addressDeleted: deletedEvent } : undefined,
		);
	}
	if (type === 'shipment') {
		if (deletedEvent) return { record: null, recordStatus: 'deleted' };
		const shipment = (await get(
			ctx,
			i,
			'v2',
			`/orders/${requiredIntId(data.orderId)}/shipments/${requiredIntId(data.id)}`,
			ORDERS,
		)) as IDataObject;
		return found(shipment);
	}
	if (type === 'category' && !base.includes('/metafield/')) {
		if (deletedEvent) return { record: null, recordStatus: 'deleted' };
		const category = (await get(
			ctx,
			i,
			'v3',
			`/catalog/categories/${requiredIntId(data.id)}`,
			PRODUCTS,
		)) as IDataObject;
		return found(category);
	}
	if (type === 'store') {
		return found((await get(ctx, i, 'v2', '/store', INFO)) as IDataObject);
	}
	return { record: null, recordStatus: 'notFetched' };
}
