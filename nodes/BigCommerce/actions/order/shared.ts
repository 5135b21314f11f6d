import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { bigCommerceApiRequest } from '../../transport';
import { emailValue, fail, isoDateValue, jsonValue, locatorValue } from '../common';

/** BigCommerce's 15 order statuses (V2 `status_id`). */
export const ORDER_STATUSES: Record<number, string> = {
	0: 'Incomplete',
	1: 'Pending',
	2: 'Shipped',
	3: 'Partially Shipped',
	4: 'Refunded',
	5: 'Cancelled',
	6: 'Declined',
	7: 'Awaiting Payment',
	8: 'Awaiting Pickup',
	9: 'Awaiting Shipment',
	10: 'Completed',
	11: 'Awaiting Fulfillment',
	12: 'Manual Verification Required',
	13: 'Disputed',
	14: 'Partially Refunded',
};

/** Status dropdown options (sorted by name); values are the status IDs as strings. */
export const STATUS_OPTIONS = Object.entries(ORDER_STATUSES)
	.map(([id, name]) => ({ name, value: id }))
	.sort((a, b) => a.name.localeCompare(b.name));

export const ORDERS_READ = 'store_v2_orders_read_only';
export const ORDERS_WRITE = 'store_v2_orders';
export const CANCELLED_STATUS_ID = 5;

export function statusName(id: unknown): string | undefined {
	return ORDER_STATUSES[Number(id)];
}

/** An order-status resource locator (list search shows the store's labels, or an ID 0-14). */
export function statusLocator(description: string): INodeProperties {
	return {
		displayName: 'Status',
		name: 'statusId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchOrderStatuses', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 11',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^([0-9]|1[0-4])$', errorMessage: 'An order status ID is a number from 0 to 14' },
					},
				],
			},
		],
	};
}

/** The Order resource locator (list search or ID). */
export function orderLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Order',
		name: 'orderId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The order (its order number / ID)',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchOrders', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 123',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^[0-9]+$', errorMessage: 'An order ID is a whole number such as 123' },
					},
				],
			},
		],
		...overrides,
	};
}

/** A whole number read from a collection value (filters, update fields; plain or resource locator). */
export function checkWholeNumber(
	ctx: IExecuteFunctions,
	i: number,
	raw: unknown,
	label: string,
	min = 0,
): number {
	const value = locatorValue(raw);
	const text = typeof value === 'number' ? String(value) : String(value ?? '').trim();
	if (!/^\d+$/.test(text) || Number(text) < min || !Number.isSafeInteger(Number(text))) {
		fail(
			ctx,
			i,
			`"${label}" must be a whole number of ${min} or more; got "${text}"`,
			min === 1 ? 'IDs are positive whole numbers such as 123.' : undefined,
		);
	}
	return Number(text);
}

/** An email address read from a collection value (common emailValue). */
export const checkEmail = emailValue;

/** A date (ISO 8601 or anything Date.parse accepts) converted to ISO 8601 for V2 filters. */
export const checkDate = isoDateValue;

export function checkStatusId(ctx: IExecuteFunctions, i: number, value: unknown, label: string): number {
	const raw = value && typeof value === 'object' && 'value' in (value as IDataObject) ? (value as IDataObject).value : value;
	const id = checkWholeNumber(ctx, i, raw, label, 0);
	if (!statusName(id)) {
		fail(ctx, i, `"${label}" must be an order status ID from 0 to 14; got "${id}"`);
	}
	return id;
}

/** A JSON value from a parameter or collection field, parsed and shape-checked (common jsonValue). */
export function parseJsonValue(
	ctx: IExecuteFunctions,
	i: number,
	raw: unknown,
	label: string,
	kind: 'object' | 'array',
): unknown {
	return jsonValue(ctx, i, raw, label, kind, kind === 'array' ? '[{"product_id": 1, "quantity": 1}]' : '{"first_name": "Jane"}');
}

export function isNotFound(error: unknown): boolean {
	return error instanceof NodeApiError && String(error.httpCode) === '404';
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
		if (isNotFound(error)) return undefined;
		if (error instanceof NodeOperationError) throw new NodeOperationError(ctx.getNode(), error, { itemIndex: i });
		throw new NodeApiError(ctx.getNode(), error as JsonObject, { itemIndex: i });
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

const num = (value: unknown): number | null => {
	if (value === undefined || value === null || value === '') return null;
	const n = Number(value);
	return Number.isFinite(n) ? n : null;
};

export const toNumber = num;

/** Adds the status name beside the status ID (kept when BigCommerce already sent it). */
export function withStatusName(order: IDataObject): IDataObject {
	if (order.status_id !== undefined && !order.status) order.status = statusName(order.status_id) ?? '';
	return order;
}

/** The compact form of an order (Simplify). */
export function simplifyOrder(order: IDataObject): IDataObject {
	const billing = (order.billing_address ?? {}) as IDataObject;
	return {
		id: order.id,
		status_id: order.status_id,
		status: order.status ?? statusName(order.status_id),
		customer_id: order.customer_id,
		email: billing.email ?? '',
		name: [billing.first_name, billing.last_name].filter(Boolean).join(' '),
		date_created: order.date_created || null,
		date_modified: order.date_modified || null,
		date_shipped: order.date_shipped || null,
		currency_code: order.currency_code,
		subtotal_inc_tax: num(order.subtotal_inc_tax),
		total_inc_tax: num(order.total_inc_tax),
		items_total: order.items_total,
		items_shipped: order.items_shipped,
		payment_status: order.payment_status,
		payment_method: order.payment_method,
		channel_id: order.channel_id,
		is_deleted: order.is_deleted,
	};
}
