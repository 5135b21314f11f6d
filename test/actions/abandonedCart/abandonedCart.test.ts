import { NodeApiError } from 'n8n-workflow';

import { type Json, useSandbox } from '../../helpers/sandbox';
import { buyableProducts, recordEvents } from '../customer/fixtures';
import {
	expectRejectedBeforeRequest,
	requestsSince,
	runNode,
	runNodeError,
} from '../../helpers/node';

let fixtures: Json;
const sandbox = useSandbox();
beforeAll(async () => {
	fixtures = sandbox.state.cartFixtures;
});

const byToken = (token: string, options: Record<string, unknown> = {}) => ({
	resource: 'abandonedCart',
	operation: 'get',
	token,
	options,
});

describe('Abandoned Cart → Get by Token', () => {
	it("hydrates a customer's abandoned cart: items, email, name and a fresh recovery link", async () => {
		const fixture = fixtures.abandonedCustomer;
		const from = sandbox.requests.length;
		const out = await runNode(sandbox, byToken(fixture.token));
		const result = out.json[0];
		const customer = sandbox.state.customers.find((c: Json) => c.id === fixture.customerId);
		expect(result).toMatchObject({
			token: fixture.token,
			cart_id: fixture.id,
			status: 'open',
			order_id: null,
			email: customer.email,
			email_source: 'cart',
			customer_id: customer.id,
			customer_name: `${customer.first_name} ${customer.last_name}`,
		});
		expect(result.cart).toMatchObject({ id: fixture.id, customer_id: customer.id, item_count: 3 });
		expect(result.cart.line_items).toHaveLength(2);
		expect(result.cart.line_items[0]).toEqual(
			expect.objectContaining({
				product_id: expect.any(Number),
				name: expect.any(String),
				quantity: 1,
			}),
		);
		expect(result.recovery_link.cart_url).toContain(`id=${fixture.id}`);
		expect(result.recovery_link.checkout_url).toContain('action=loadInCheckout');
		expect(result.warnings).toBeUndefined();
		expect(requestsSince(sandbox, from).map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
			`GET /abandoned-carts/${fixture.token} 200`,
			`GET /carts/${fixture.id} 200`,
			'GET /customers 200',
			`POST /carts/${fixture.id}/redirect_urls 201`,
		]);
	});

	it("finds a guest's email on the checkout billing address when the cart has none", async () => {
		const fixture = fixtures.abandonedGuestEmail;
		sandbox.state.carts.get(fixture.id).email = '';
		const out = await runNode(sandbox, byToken(fixture.token));
		expect(out.json[0]).toMatchObject({
			cart_id: fixture.id,
			status: 'open',
			customer_id: 0,
			email: 'guest.buyer@example.net',
			email_source: 'billing_address',
			customer_name: 'Robin Guest',
		});
		expect(out.json[0].recovery_link.cart_url).toContain(fixture.id);
		expect(sandbox.requests.some((r) => r.path === `/checkouts/${fixture.id}`)).toBe(true);
	});

	it('says so when no email is known (guest who never reached checkout)', async () => {
		const fixture = fixtures.abandonedGuestNoEmail;
		const out = await runNode(sandbox, byToken(fixture.token, { simplify: false }));
		expect(out.json[0]).toMatchObject({
			cart_id: fixture.id,
			status: 'open',
			email: null,
			email_source: null,
			customer_id: 0,
			customer_name: null,
		});
		// the full cart, not simplified
		expect(
			out.json[0].cart.line_items.physical_items.length +
				out.json[0].cart.line_items.digital_items.length,
		).toBeGreaterThan(0);
		expect(out.json[0].recovery_link).not.toBeNull();
	});

	it('reports a cart converted into an order, without a recovery link', async () => {
		const fixture = fixtures.converted;
		const from = sandbox.requests.length;
		const out = await runNode(sandbox, byToken(fixture.token));
		expect(out.json[0]).toMatchObject({
			cart_id: fixture.id,
			status: 'converted',
			order_id: fixture.orderId,
			cart: null,
			recovery_link: null,
			email: fixture.email,
		});
		expect(requestsSince(sandbox, from).some((r) => r.path.endsWith('/redirect_urls'))).toBe(false);
	});

	it('returns only the cart ID with hydration off (one request)', async () => {
		const fixture = fixtures.abandonedCustomer2;
		const from = sandbox.requests.length;
		const out = await runNode(sandbox, byToken(fixture.token, { hydrate: false }));
		expect(out.json).toEqual([{ token: fixture.token, cart_id: fixture.id }]);
		expect(requestsSince(sandbox, from)).toHaveLength(1);
	});

	it('skips the recovery link when asked', async () => {
		const fixture = fixtures.abandonedCustomer2;
		const from = sandbox.requests.length;
		const out = await runNode(sandbox, byToken(fixture.token, { createRecoveryLink: false }));
		expect(out.json[0]).toMatchObject({
			status: 'open',
			recovery_link: null,
			email: fixture.email,
		});
		expect(requestsSince(sandbox, from).some((r) => r.method === 'POST')).toBe(false);
	});

	it('works on a cart abandoned at run time (token from the store/cart/abandoned event)', async () => {
		const [product] = buyableProducts(sandbox, 1);
		const created = await runNode(sandbox, {
			resource: 'cart',
			operation: 'create',
			lineItems: { item: [{ productId: product.id, quantity: 2 }] },
			additionalFields: { customerId: 8 },
		});
		const events = recordEvents(sandbox);
		const { id, token } = sandbox.abandonCart(created.json[0].id);
		expect(events).toEqual([{ scope: 'store/cart/abandoned', data: { type: 'cart', id, token } }]);
		expect(token).toMatch(/^[0-9a-f]{32}$/);
		const out = await runNode(sandbox, byToken(token));
		expect(out.json[0]).toMatchObject({
			cart_id: id,
			status: 'open',
			email: 'shopper8@example.com',
			customer_id: 8,
		});
		expect(out.json[0].cart.line_items[0]).toMatchObject({ product_id: product.id, quantity: 2 });
	});

	it('keeps going with a warning when a lookup lacks its scope', async () => {
		const token = sandbox.addToken('carts-and-info-only', [
			'store_v2_information_read_only',
			'store_cart',
		]);
		const fixture = fixtures.abandonedCustomer;
		const out = await runNode(sandbox, byToken(fixture.token), {
			credentials: {
				bigCommerceApi: {
					storeHash: sandbox.storeHash,
					accessToken: token,
					apiBaseUrl: sandbox.baseUrl,
				},
			},
		});
		expect(out.json[0]).toMatchObject({
			status: 'open',
			email: fixture.email,
			email_source: 'cart',
			customer_name: null,
		});
		expect(out.json[0].warnings).toEqual([expect.stringContaining('store_v2_customers_read_only')]);
		expect(out.json[0].recovery_link).not.toBeNull();
	});

	it('reports an unknown token as a 404', async () => {
		const error = (await runNodeError(sandbox, byToken('0123456789abcdef0123456789abcdef'))).error;
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).httpCode).toBe('404');
	});

	it('rejects a malformed token before any request', async () => {
		await expectRejectedBeforeRequest(
			sandbox,
			byToken('not-a-token'),
			/"Token" must be an abandoned-cart token/,
		);
		await expectRejectedBeforeRequest(
			sandbox,
			byToken(''),
			/"Token" must be an abandoned-cart token/,
		);
	});
});
