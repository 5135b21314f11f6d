import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { bigCommerceApiRequest } from '../../transport';
import { wholeNumberValue, fail } from '../../shared/validate';
import { orderStatusName, CANCELLED_STATUS_ID } from '../../shared/orderStatuses';
import { ORDERS_READ, ORDERS_WRITE } from '../../shared/scopes';
import { isHttpError, rethrow } from '../../shared/errors';
import { toNumber } from '../../shared/simplify';


export function checkStatusId(ctx: IExecuteFunctions, i: number, value: unknown, label: string): number {
	const id = wholeNumberValue(ctx, i, value, label);
	if (!orderStatusName(id)) {
		fail(ctx, i, `"${label}" must be an order status ID from 0 to 14; got "${id}"`);
	}
	return id;
}


/** GET /v2/orders/{id}; a 404 becomes `undefined`. */
export async function fetchOrder(
	ctx: IExecuteFunctions,
	i: number,
	orderId: number,
	scope = ORDERS_READ,
): Promise<IDataObject | undefined> {
	try {
		return (await bigCommerceApiRequest.call(ctx, {
			method: 'GET',
			version: 'v2',
			path: `/orders/${orderId}`,
			scope,
			itemIndex: i,
		})) as IDataObject;
	} catch (error) {
		if (isHttpError(error, 404)) return undefined;
		rethrow(ctx, i, error);
	}
}

/** PUT status Cancelled on an order (the callers decide whether it may be cancelled). */
export async function setOrderCancelled(ctx: IExecuteFunctions, i: number, orderId: number): Promise<IDataObject> {
	return (await bigCommerceApiRequest.call(ctx, {
		method: 'PUT',
		version: 'v2',
		path: `/orders/${orderId}`,
		body: { status_id: CANCELLED_STATUS_ID },
		scope: ORDERS_WRITE,
		itemIndex: i,
	})) as IDataObject;
}


/** Adds the status name beside the status ID (kept when BigCommerce already sent it). */
export function withStatusName(order: IDataObject): IDataObject {
	if (order.status_id !== undefined && !order.status) order.status = orderStatusName(order.status_id) ?? '';
	return order;
}

/** The compact form of an order (Simplify). */
export function simplifyOrder(order: IDataObject): IDataObject {
	const billing = (order.billing_address ?? {}) as IDataObject;
	return {
		id: order.id,
		status_id: order.status_id,
		status: order.status ?? orderStatusName(order.status_id),
		customer_id: order.customer_id,
		email: billing.email ?? '',
		name: [billing.first_name, billing.last_name].filter(Boolean).join(' '),
		date_created: order.date_created || null,
		date_modified: order.date_modified || null,
		date_shipped: order.date_shipped || null,
		currency_code: order.currency_code,
		subtotal_inc_tax: toNumber(order.subtotal_inc_tax),
		total_inc_tax: toNumber(order.total_inc_tax),
		items_total: order.items_total,
		items_shipped: order.items_shipped,
		payment_status: order.payment_status,
		payment_method: order.payment_method,
		channel_id: order.channel_id,
		is_deleted: order.is_deleted,
	};
}
