import { NodeApiError } from 'n8n-workflow';

import { type Json, useSandbox } from '../../helpers/sandbox';
import { expectRejectedBeforeRequest, runNode, runNodeError } from '../../helpers/node';

let fixtures: Json;
const sandbox = useSandbox();
beforeAll(async () => {
	fixtures = sandbox.state.cartFixtures;
});

const checkout = (checkoutId: string, options: Record<string, unknown> = {}) => ({
	resource: 'checkout',
	operation: 'get',
	checkoutId,
	options,
});

describe('Checkout → Get', () => {
	it('returns the checkout of a guest cart with its billing address and totals', async () => {
		const fixture = fixtures.abandonedGuestEmail;
		const out = await runNode(sandbox, checkout(fixture.id));
		const result = out.json[0];
		expect(result).toMatchObject({
			id: fixture.id,
			order_id: null,
			billing_address: { email: 'guest.buyer@example.net', country_code: 'US' },
		});
		expect(result.cart.id).toBe(fixture.id);
		expect(result.cart.line_items.physical_items.length).toBeGreaterThan(0);
		expect(result.grand_total).toBe(result.cart.cart_amount_inc_tax);
		expect(sandbox.requests.at(-1)).toMatchObject({
			method: 'GET',
			version: 'v3',
			path: `/checkouts/${fixture.id}`,
			status: 200,
		});
	});

	it('sends the include list for the options', async () => {
		const out = await runNode(
			sandbox,
			checkout(fixtures.active.id, { includeOptions: true, includeShippingOptions: true }),
		);
		const items = out.json[0].cart.line_items.physical_items.concat(
			out.json[0].cart.line_items.digital_items,
		);
		for (const item of items) expect(Array.isArray(item.options)).toBe(true);
		expect(sandbox.requests.at(-1)?.query).toEqual({
			include:
				'cart.line_items.physical_items.options,cart.line_items.digital_items.options,consignments.available_shipping_options',
		});
	});

	it('Simplify returns a compact checkout built from the same single request', async () => {
		const fixture = fixtures.abandonedGuestEmail;
		const full = (await runNode(sandbox, checkout(fixture.id))).json[0];
		const mark = sandbox.requests.length;
		const out = (await runNode(sandbox, checkout(fixture.id, { simplify: true }))).json[0];
		expect(sandbox.requests.slice(mark).map((r) => `${r.method} ${r.path}`)).toEqual([
			`GET /checkouts/${fixture.id}`,
		]);
		expect(out).toMatchObject({
			id: fixture.id,
			order_id: null,
			email: 'guest.buyer@example.net',
			billing_country_code: 'US',
			grand_total: full.grand_total,
			tax_total: full.tax_total,
			subtotal_inc_tax: full.subtotal_inc_tax,
		});
		expect(out.cart).toMatchObject({ id: fixture.id, cart_amount: full.cart.cart_amount });
		expect(out.cart.line_items.map((item: Json) => item.id)).toEqual(
			full.cart.line_items.physical_items
				.concat(
					full.cart.line_items.digital_items,
					full.cart.line_items.custom_items ?? [],
					full.cart.line_items.gift_certificates ?? [],
				)
				.map((item: Json) => item.id),
		);
		expect(out.consignments).toHaveLength((full.consignments ?? []).length);
		expect(out).not.toHaveProperty('billing_address');
		expect(JSON.stringify(out).length).toBeLessThan(JSON.stringify(full).length);
	});

	it('shows the order of a converted cart', async () => {
		const out = await runNode(sandbox, checkout(fixtures.converted.id));
		expect(out.json[0].order_id).toBe(String(fixtures.converted.orderId));
	});

	it('accepts either spelling of the checkout scope', async () => {
		for (const scope of ['store_checkout_read_only', 'store_checkouts_read_only']) {
			const token = sandbox.addToken(`checkout-${scope}`, [scope]);
			const out = await runNode(sandbox, checkout(fixtures.active.id), {
				credentials: {
					bigCommerceApi: {
						storeHash: sandbox.storeHash,
						accessToken: token,
						apiBaseUrl: sandbox.baseUrl,
					},
				},
			});
			expect(out.json[0].id).toBe(fixtures.active.id);
		}
	});

	it('names the scope when it is missing', async () => {
		const token = sandbox.addToken('no-checkout-scope', ['store_cart']);
		const error = (
			await runNodeError(sandbox, checkout(fixtures.active.id) as Json, {
				credentials: {
					bigCommerceApi: {
						storeHash: sandbox.storeHash,
						accessToken: token,
						apiBaseUrl: sandbox.baseUrl,
					},
				},
			})
		).error;
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).description).toContain('store_checkouts_read_only');
	});

	it('reports an unknown checkout as a 404 and rejects a malformed ID before any request', async () => {
		const error = (await runNodeError(sandbox, checkout('8a3b2c1d-0e9f-4a8b-9c7d-6e5f4a3b2c1d')))
			.error;
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).httpCode).toBe('404');
		await expectRejectedBeforeRequest(sandbox, checkout('cart-1'), /"Checkout ID" must be a UUID/);
	});
});
