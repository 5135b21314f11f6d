import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { fetchOrder } from './shared';
import { emailValue, fail, asPositiveId } from '../../shared/validate';

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
			description: 'The email address the shopper placed the order with (compared trimmed, ignoring case)',
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
	if (!order || order.is_deleted === true || !sameShopperEmail(billingEmail, email)) identityFailure(ctx, i);
	return order;
}
