import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { bigCommerceApiRequest, bigCommerceApiRequestAllItems } from '../transport';
import type { ApiVersion, BigCommerceContext } from '../transport';
import { ORDERS_READ } from '../shared/scopes';

/**
 * Reading full records, shared by the webhook trigger (hydrate.ts: a delivery's IDs → records) and
 * the polling machinery (index.ts: a changed order → the same record with its products, shipping
 * addresses and shipments), so both triggers output the same `record`.
 */

export function isNotFound(error: unknown): boolean {
	return error instanceof NodeApiError && String(error.httpCode) === '404';
}

/** The answer, or null when BigCommerce says 404 (every other failure propagates unchanged). */
export async function notFoundAsNull<T>(request: Promise<T>): Promise<T | null> {
	return await request.then(
		(value) => value,
		(error: unknown) => {
			if (isNotFound(error)) return null;
			throw error;
		},
	);
}

export async function get(
	ctx: BigCommerceContext,
	itemIndex: number,
	version: ApiVersion,
	path: string,
	scope: string,
	qs?: IDataObject,
): Promise<unknown> {
	return await bigCommerceApiRequest.call(ctx, {
		method: 'GET',
		version,
		path,
		qs,
		scope,
		itemIndex,
	});
}

/** Every page of a list; an empty list when the parent is gone (404). */
export async function all(
	ctx: BigCommerceContext,
	itemIndex: number,
	version: ApiVersion,
	path: string,
	scope: string,
	qs?: IDataObject,
): Promise<IDataObject[]> {
	const list = await notFoundAsNull(
		bigCommerceApiRequestAllItems.call(
			ctx,
			{ method: 'GET', version, path, qs, scope, itemIndex },
			{ returnAll: true },
		),
	);
	return list ?? [];
}

/** An order already read (single or from a list) with its products, shipping addresses, shipments. */
export async function withOrderDetails(
	ctx: BigCommerceContext,
	i: number,
	order: IDataObject,
): Promise<IDataObject> {
	const id = Number(order.id);
	const [products, shippingAddresses, shipments] = await Promise.all([
		all(ctx, i, 'v2', `/orders/${id}/products`, ORDERS_READ),
		all(ctx, i, 'v2', `/orders/${id}/shipping_addresses`, ORDERS_READ),
		all(ctx, i, 'v2', `/orders/${id}/shipments`, ORDERS_READ),
	]);
	return { ...order, products, shipping_addresses: shippingAddresses, shipments };
}

/** The full order record (the trigger's `record` for order events). */
export async function fetchFullOrder(
	ctx: BigCommerceContext,
	i: number,
	id: number,
): Promise<IDataObject> {
	const order = (await get(ctx, i, 'v2', `/orders/${id}`, ORDERS_READ)) as IDataObject;
	return await withOrderDetails(ctx, i, order);
}
