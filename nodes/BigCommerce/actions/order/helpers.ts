import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { bigCommerceApiRequest } from '../../transport';
import { wholeNumberValue, fail, emailValue, asPositiveId } from '../../shared/validate';
import { orderStatusName, CANCELLED_STATUS_ID } from '../../shared/orderStatuses';
import { ORDERS_READ, ORDERS_WRITE } from '../../shared/scopes';
import { isHttpError, rethrow } from '../../shared/errors';
import { toNumber } from '../../shared/simplify';
import { NodeOperationError } from 'n8n-workflow';

export function checkStatusId(
	ctx: IExecuteFunctions,
	i: number,
	value: unknown,
	label: string,
): number {
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
export async function setOrderCancelled(
	ctx: IExecuteFunctions,
	i: number,
	orderId: number,
): Promise<IDataObject> {
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
	if (order.status_id !== undefined && !order.status)
		order.status = orderStatusName(order.status_id) ?? '';
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

/**
 * The identity rule for every operation that reveals or changes ONE shopper's order (the
 * operations an AI agent facing shoppers may call): the order number AND the order's billing
 * email must both match. Order numbers are sequential, so a number alone proves nothing.
 *
 * A missing value, an unknown or archived order and an email that is not the order's all get
 * the same answer, word for word, so the answer never tells a guesser which part was wrong.
 * A value that is not even shaped like an order number or an email gets a format error instead:
 * that depends only on what was typed, so it reveals nothing about the store.
 */

/** The one answer for "these two values do not identify an order". */
export const SHOPPER_IDENTITY_FAILURE = 'No order matches this "Order Number" and "Email"';
export const SHOPPER_IDENTITY_HINT =
	'Both are needed: the order number (digits, e.g. 1042 or #1042) and the email address the order was placed with.';

/** The Order Number and Email parameters of the identity-checked operations. */
export function shopperIdentityFields(purpose: string): INodeProperties[] {
	return [
		{
			displayName: 'Order Number',
			name: 'orderNumber',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 1042',
			description: `The order number the shopper gives (a leading # and spaces are ignored); ${purpose}`,
		},
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'name@email.com',
			description:
				'The email address the shopper placed the order with (compared trimmed, ignoring case)',
		},
	];
}

/** Trimmed, case-insensitive comparison of two email addresses (false when either is empty). */
export function sameShopperEmail(a: unknown, b: unknown): boolean {
	if (typeof a !== 'string' || typeof b !== 'string') return false;
	const left = a.trim().toLowerCase();
	return left !== '' && left === b.trim().toLowerCase();
}

function identityFailure(ctx: IExecuteFunctions, i: number): never {
	throw new NodeOperationError(ctx.getNode(), `Item ${i}: ${SHOPPER_IDENTITY_FAILURE}`, {
		itemIndex: i,
		description: SHOPPER_IDENTITY_HINT,
	});
}

const text = (value: unknown): string =>
	value === undefined || value === null ? '' : String(value).trim();

/**
 * Reads Order Number and Email, then fetches the order and returns it only if its billing email
 * matches. Every way of not matching throws the same SHOPPER_IDENTITY_FAILURE; nothing is sent
 * when a value is missing or malformed.
 */
export async function verifyShopperOrder(ctx: IExecuteFunctions, i: number): Promise<IDataObject> {
	const givenNumber = text(ctx.getNodeParameter('orderNumber', i, ''));
	const givenEmail = text(ctx.getNodeParameter('email', i, ''));
	const digits = givenNumber.replace(/^#\s*/, '');
	if (digits === '' || givenEmail === '') identityFailure(ctx, i);
	if (asPositiveId(digits) === undefined) {
		fail(
			ctx,
			i,
			`"Order Number" must be a positive whole number such as 1042 (a leading # is fine); got "${givenNumber}"`,
		);
	}
	const email = emailValue(ctx, i, givenEmail, 'Email');
	const order = await fetchOrder(ctx, i, Number(digits));
	const billingEmail = (order?.billing_address as IDataObject | undefined)?.email;
	if (!order || order.is_deleted === true || !sameShopperEmail(billingEmail, email))
		identityFailure(ctx, i);
	return order;
}
