import type {
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeProperties,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest } from '../../transport';
import { createRedirectUrls, simplifyCart } from '../cart/helpers';
import {
	CART_READ,
	CHECKOUT_READ,
	CUSTOMERS_READ,
	INFORMATION_READ,
	CART_WRITE,
} from '../../shared/scopes';
import { fail } from '../../shared/validate';
import { toItems } from '../../shared/items';

export const option: OperationOption = {
	name: 'Get by Token',
	value: 'get',
	action: 'Get an abandoned cart by token',
	description:
		"Turn an abandoned-cart token into the cart: its items, the shopper's email when known, whether it became an order, and a fresh recovery link",
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Token',
		name: 'token',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		placeholder: 'e.g. 1eed6d2d979776ff18e695ceeb10ea61',
		description:
			'The abandoned-cart token: the "token" of a store/cart/abandoned webhook (BigCommerce Trigger) or of the link in the abandoned-cart email',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Create Recovery Link',
				name: 'createRecoveryLink',
				type: 'boolean',
				default: true,
				description:
					'Whether to create fresh single-use cart and checkout links for the shopper (needs the Carts modify scope)',
			},
			{
				displayName: 'Include Cart Details',
				name: 'hydrate',
				type: 'boolean',
				default: true,
				description:
					"Whether to also read the cart, the shopper's email and name and whether the cart was since converted into an order. Off: only the cart ID (one request).",
			},
			{
				displayName: 'Simplify',
				name: 'simplify',
				type: 'boolean',
				default: true,
				description:
					'Whether to return the cart compactly (totals and one flat list of line items) instead of the full cart',
			},
		],
	},
];

const TOKEN = /^(?:[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** A NodeApiError's HTTP status, when the transport gave one. */
function statusOf(error: unknown): number | undefined {
	if (error instanceof NodeApiError && error.httpCode) return Number(error.httpCode);
	return undefined;
}

/**
 * Runs an optional lookup: a 404 answers undefined, a 403 (missing scope) answers undefined and
 * adds a warning; anything else is a real failure.
 */
async function optional<T>(
	node: INode,
	warnings: string[],
	what: string,
	scope: string,
	call: () => Promise<T>,
): Promise<T | undefined> {
	try {
		return await call();
	} catch (error) {
		const status = statusOf(error);
		if (status === 404) return undefined;
		if (status === 403) {
			warnings.push(`Skipped ${what}: the API account lacks the scope ${scope}.`);
			return undefined;
		}
		// a NodeApiError is handed back as is
		throw new NodeApiError(node, error as JsonObject);
	}
}

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const token = String(this.getNodeParameter('token', i, '') ?? '').trim();
	if (!TOKEN.test(token)) {
		fail(
			this,
			i,
			`"Token" must be an abandoned-cart token: 32 hexadecimal characters such as 1eed6d2d979776ff18e695ceeb10ea61; got "${token}"`,
			'Take it from the "token" field of a store/cart/abandoned webhook, or from the t= parameter of the abandoned-cart email link.',
		);
	}
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const hydrate = options.hydrate !== false;
	const wantLink = options.createRecoveryLink !== false;
	const simplify = options.simplify !== false;

	const found = (await bigCommerceApiRequest.call(this, {
		method: 'GET',
		version: 'v3',
		path: `/abandoned-carts/${token}`,
		scope: INFORMATION_READ,
		itemIndex: i,
	})) as IDataObject;
	const cartId = String(found.cart_id ?? '');
	if (!hydrate) return toItems(this, { token, cart_id: cartId });

	const warnings: string[] = [];
	const out: IDataObject = {
		token,
		cart_id: cartId,
		status: 'open',
		order_id: null,
		email: null,
		email_source: null,
		customer_id: 0,
		customer_name: null,
		cart: null,
		recovery_link: null,
	};

	const cart = await optional(
		this.getNode(),
		warnings,
		'the cart',
		CART_READ,
		async () =>
			(await bigCommerceApiRequest.call(this, {
				method: 'GET',
				version: 'v3',
				path: `/carts/${cartId}`,
				scope: CART_READ,
				itemIndex: i,
			})) as IDataObject,
	);
	let checkout: IDataObject | undefined;
	const readCheckout = async () => {
		if (checkout === undefined) {
			checkout =
				(await optional(
					this.getNode(),
					warnings,
					'the checkout (billing email, order)',
					CHECKOUT_READ,
					async () =>
						(await bigCommerceApiRequest.call(this, {
							method: 'GET',
							version: 'v3',
							path: `/checkouts/${cartId}`,
							scope: CHECKOUT_READ,
							itemIndex: i,
						})) as IDataObject,
				)) ?? {};
		}
		return checkout;
	};

	let customerId = 0;
	if (cart) {
		out.cart = simplify ? simplifyCart(cart) : cart;
		customerId = Number(cart.customer_id) || 0;
		if (typeof cart.email === 'string' && cart.email) {
			out.email = cart.email;
			out.email_source = 'cart';
		}
	} else {
		// no cart any more: converted into an order, deleted, or expired (carts live 30 days)
		const seen = await readCheckout();
		const orderId = seen.order_id;
		if (orderId !== undefined && orderId !== null && orderId !== '') {
			out.status = 'converted';
			out.order_id = Number(orderId);
		} else {
			out.status = 'gone';
		}
		const seenCart = (seen.cart ?? {}) as IDataObject;
		customerId = Number(seenCart.customer_id) || 0;
		if (typeof seenCart.email === 'string' && seenCart.email) {
			out.email = seenCart.email;
			out.email_source = 'cart';
		}
	}
	out.customer_id = customerId;

	if (customerId > 0) {
		const customers = await optional(
			this.getNode(),
			warnings,
			'the customer',
			CUSTOMERS_READ,
			async () =>
				(await bigCommerceApiRequest.call(this, {
					method: 'GET',
					version: 'v3',
					path: '/customers',
					qs: { 'id:in': customerId },
					scope: CUSTOMERS_READ,
					itemIndex: i,
				})) as IDataObject[],
		);
		const customer = Array.isArray(customers) ? customers[0] : undefined;
		if (customer) {
			out.customer_name =
				`${String(customer.first_name ?? '')} ${String(customer.last_name ?? '')}`.trim() || null;
			if (!out.email && customer.email) {
				out.email = customer.email;
				out.email_source = 'customer';
			}
		}
	}
	if (!out.email) {
		// a guest who reached checkout left their email on the billing address
		const billing = ((await readCheckout()).billing_address ?? {}) as IDataObject;
		if (typeof billing.email === 'string' && billing.email) {
			out.email = billing.email;
			out.email_source = 'billing_address';
			if (!out.customer_name) {
				out.customer_name =
					`${String(billing.first_name ?? '')} ${String(billing.last_name ?? '')}`.trim() || null;
			}
		}
	}

	if (wantLink && out.status === 'open') {
		out.recovery_link =
			(await optional(
				this.getNode(),
				warnings,
				'the recovery link',
				CART_WRITE,
				async () => await createRedirectUrls(this, i, cartId),
			)) ?? null;
	}
	if (warnings.length) out.warnings = warnings;
	return toItems(this, out);
}
