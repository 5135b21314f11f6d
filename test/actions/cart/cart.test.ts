import { NodeApiError } from 'n8n-workflow';

import { type Json, useSandbox } from '../../helpers/sandbox';
import { buyableProducts, recordEvents, round2 } from '../customer/fixtures';
import {
	expectRejectedBeforeRequest,
	requestsSince,
	runNode,
	runNodeError,
} from '../../helpers/node';

let products: ReturnType<typeof buyableProducts>;
const sandbox = useSandbox();
beforeAll(async () => {
	products = buyableProducts(sandbox, 4);
});

const cart = (params: Record<string, unknown>) => ({ resource: 'cart', ...params });
const physical = (c: Json): Json[] =>
	c.line_items.physical_items.concat(c.line_items.digital_items);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('Cart lifecycle', () => {
	let cartId: string;

	it('creates a cart for a customer from line item fields, with redirect URLs', async () => {
		const [a, b] = products;
		const events = recordEvents(sandbox);
		const from = sandbox.requests.length;
		const out = await runNode(
			sandbox,
			cart({
				operation: 'create',
				lineItemsInput: 'fields',
				lineItems: {
					item: [
						{ productId: a.id, quantity: 2 },
						{ productId: b.id, variantId: b.variantId, quantity: 1, listPrice: -1 },
					],
				},
				additionalFields: {
					customerId: { __rl: true, mode: 'list', value: '1' },
					channelId: { __rl: true, mode: 'id', value: '1' },
					currencyCode: 'usd',
				},
				options: { includeRedirectUrls: true },
			}),
		);
		const created = out.json[0];
		cartId = created.id;
		expect(cartId).toMatch(UUID);
		expect(created).toMatchObject({
			customer_id: 1,
			email: 'shopper1@example.com',
			channel_id: 1,
			currency: { code: 'USD' },
		});
		const items = physical(created);
		expect(items.map((i: Json) => [i.product_id, i.quantity, i.sale_price])).toEqual([
			[a.id, 2, a.price],
			[b.id, 1, b.price],
		]);
		expect(created.cart_amount).toBe(round2(a.price * 2 + b.price));
		expect(created.redirect_urls.checkout_url).toContain(cartId);
		const [post] = requestsSince(sandbox, from);
		expect(post).toMatchObject({
			method: 'POST',
			path: '/carts',
			query: { include: 'redirect_urls' },
			status: 201,
		});
		expect(post.body).toEqual({
			line_items: [
				{ product_id: a.id, quantity: 2 },
				{ product_id: b.id, quantity: 1, variant_id: b.variantId },
			],
			customer_id: 1,
			channel_id: 1,
			currency: { code: 'USD' },
		});
		expect(events.map((e) => e.scope)).toEqual([
			'store/cart/created',
			'store/cart/lineItem/created',
			'store/cart/lineItem/created',
		]);
		expect(events[0].data).toEqual({ type: 'cart', id: cartId });
	});

	it('gets the cart, simplified', async () => {
		const out = await runNode(
			sandbox,
			cart({ operation: 'get', cartId, options: { simplify: true } }),
		);
		const simple = out.json[0];
		expect(simple).toMatchObject({
			id: cartId,
			customer_id: 1,
			email: 'shopper1@example.com',
			currency: 'USD',
			item_count: 3,
		});
		expect(simple.line_items).toHaveLength(2);
		expect(simple.line_items[0]).toMatchObject({
			product_id: products[0].id,
			quantity: 2,
			type: 'physical',
			sale_price: products[0].price,
		});
		expect(sandbox.requests.at(-1)).toMatchObject({
			method: 'GET',
			path: `/carts/${cartId}`,
			status: 200,
		});
	});

	it('adds items from JSON: a new product, and more of one already in the cart', async () => {
		const [a, , c] = products;
		const from = sandbox.requests.length;
		const out = await runNode(
			sandbox,
			cart({
				operation: 'addItems',
				cartId,
				lineItemsInput: 'json',
				lineItemsJson: JSON.stringify([
					{ product_id: c.id, quantity: 1 },
					{ product_id: a.id, quantity: 1 },
				]),
			}),
		);
		const items = physical(out.json[0]);
		expect(items.find((i: Json) => i.product_id === a.id).quantity).toBe(3);
		expect(items.find((i: Json) => i.product_id === c.id).quantity).toBe(1);
		expect(requestsSince(sandbox, from)).toEqual([
			expect.objectContaining({
				method: 'POST',
				path: `/carts/${cartId}/items`,
				body: {
					line_items: [
						{ product_id: c.id, quantity: 1 },
						{ product_id: a.id, quantity: 1 },
					],
				},
				status: 201,
			}),
		]);
	});

	it("updates an item's quantity, reading its product from the cart", async () => {
		const item = physical(sandbox.cartView(sandbox.state.carts.get(cartId))).find(
			(i: Json) => i.product_id === products[2].id,
		);
		const from = sandbox.requests.length;
		const out = await runNode(
			sandbox,
			cart({ operation: 'updateItem', cartId, itemId: item.id, quantity: 4 }),
		);
		const updated = physical(out.json[0]).find((i: Json) => i.id === item.id);
		expect(updated).toMatchObject({
			quantity: 4,
			extended_sale_price: round2(products[2].price * 4),
		});
		const requests = requestsSince(sandbox, from);
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			`GET /carts/${cartId}`,
			`PUT /carts/${cartId}/items/${item.id}`,
		]);
		expect(requests[1].body).toEqual({
			line_item: { product_id: products[2].id, quantity: 4, variant_id: item.variant_id },
		});
	});

	it('updates with the product ID given in one request', async () => {
		const item = physical(sandbox.cartView(sandbox.state.carts.get(cartId))).find(
			(i: Json) => i.product_id === products[2].id,
		);
		const from = sandbox.requests.length;
		await runNode(
			sandbox,
			cart({
				operation: 'updateItem',
				cartId,
				itemId: item.id,
				quantity: 2,
				additionalFields: {
					productId: { __rl: true, mode: 'list', value: String(products[2].id) },
				},
			}),
		);
		expect(requestsSince(sandbox, from).map((r) => r.method)).toEqual(['PUT']);
		expect(
			sandbox.state.carts.get(cartId).line_items.find((i: Json) => i.id === item.id).quantity,
		).toBe(2);
	});

	it('creates a recovery link with query parameters', async () => {
		const from = sandbox.requests.length;
		const out = await runNode(
			sandbox,
			cart({
				operation: 'createRecoveryLink',
				cartId,
				queryParameters: { parameter: [{ name: 'utm_source', value: 'email' }] },
			}),
		);
		expect(out.json[0]).toMatchObject({ cart_id: cartId });
		for (const key of ['cart_url', 'checkout_url', 'embedded_checkout_url']) {
			expect(out.json[0][key]).toContain(`id=${cartId}`);
			expect(out.json[0][key]).toContain('utm_source=email');
		}
		expect(requestsSince(sandbox, from)).toEqual([
			expect.objectContaining({
				method: 'POST',
				path: `/carts/${cartId}/redirect_urls`,
				body: { query_params: { utm_source: 'email' } },
				status: 201,
			}),
		]);
	});

	it('removes items; removing the last one deletes the cart', async () => {
		const ids = sandbox.state.carts.get(cartId).line_items.map((i: Json) => i.id);
		const events = recordEvents(sandbox);
		const first = await runNode(sandbox, cart({ operation: 'removeItem', cartId, itemId: ids[0] }));
		expect(physical(first.json[0]).map((i: Json) => i.id)).toEqual(ids.slice(1));
		await runNode(sandbox, cart({ operation: 'removeItem', cartId, itemId: ids[1] }));
		const last = await runNode(sandbox, cart({ operation: 'removeItem', cartId, itemId: ids[2] }));
		expect(last.json[0]).toEqual({ id: cartId, removed_item_id: ids[2], cart_deleted: true });
		expect(sandbox.requests.at(-1)).toMatchObject({ method: 'DELETE', status: 204 });
		expect(events.map((e) => e.scope)).toContain('store/cart/deleted');
		const error = (await runNodeError(sandbox, cart({ operation: 'get', cartId }))).error;
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).httpCode).toBe('404');
	});
});

describe('Cart → Delete', () => {
	it('deletes a cart', async () => {
		const created = await runNode(
			sandbox,
			cart({
				operation: 'create',
				lineItems: { item: [{ productId: products[3].id, quantity: 1 }] },
			}),
		);
		const id = created.json[0].id;
		expect(created.json[0]).toMatchObject({ customer_id: 0, email: '' });
		const out = await runNode(sandbox, cart({ operation: 'delete', cartId: id }));
		expect(out.json).toEqual([{ id, deleted: true }]);
		expect(sandbox.requests.at(-1)).toMatchObject({
			method: 'DELETE',
			path: `/carts/${id}`,
			status: 204,
		});
		expect(sandbox.state.carts.has(id)).toBe(false);
	});
});

describe('Cart: errors', () => {
	it("reports an unknown product as BigCommerce's error", async () => {
		const error = (
			await runNodeError(
				sandbox,
				cart({ operation: 'create', lineItems: { item: [{ productId: 987654, quantity: 1 }] } }),
			)
		).error;
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toContain('Product 987654 does not exist');
	});

	it('rejects bad cart and item IDs before any request', async () => {
		await expectRejectedBeforeRequest(
			sandbox,
			cart({ operation: 'get', cartId: '12345' }),
			/"Cart ID" must be a UUID/,
		);
		await expectRejectedBeforeRequest(
			sandbox,
			cart({ operation: 'delete', cartId: '' }),
			/"Cart ID" must be a UUID/,
		);
		const id = '8a3b2c1d-0e9f-4a8b-9c7d-6e5f4a3b2c1d';
		await expectRejectedBeforeRequest(
			sandbox,
			cart({ operation: 'removeItem', cartId: id, itemId: 'first' }),
			/"Line Item ID" must be a UUID/,
		);
		await expectRejectedBeforeRequest(
			sandbox,
			cart({ operation: 'updateItem', cartId: id, itemId: id, quantity: 0 }),
			/"Quantity" must be a whole number of 1 or more/,
		);
		await expectRejectedBeforeRequest(
			sandbox,
			cart({
				operation: 'createRecoveryLink',
				cartId: id,
				queryParameters: { parameter: [{ name: ' ', value: 'x' }] },
			}),
			/entry 1 needs a name/,
		);
	});

	it('rejects bad line items before any request', async () => {
		const json = (lineItemsJson: string) =>
			cart({ operation: 'create', lineItemsInput: 'json', lineItemsJson });
		await expectRejectedBeforeRequest(
			sandbox,
			json('[{"product_id": 1, "quantity": 1'),
			/"Line Items \(JSON\)" is not valid JSON/,
		);
		await expectRejectedBeforeRequest(sandbox, json('{"product_id": 1}'), /must be a JSON array/);
		await expectRejectedBeforeRequest(sandbox, json('[]'), /must hold at least one line item/);
		await expectRejectedBeforeRequest(
			sandbox,
			json('[{"productId": 1, "quantity": 1}]'),
			/entry 1 has unknown field "productId"/,
		);
		await expectRejectedBeforeRequest(
			sandbox,
			json('[{"product_id": 1, "quantity": 0}]'),
			/"quantity" must be a whole number of 1 or more/,
		);
		await expectRejectedBeforeRequest(
			sandbox,
			json('[{"product_id": -2, "quantity": 1}]'),
			/"product_id" must be a positive whole number/,
		);
		await expectRejectedBeforeRequest(
			sandbox,
			json('[{"product_id": 2, "quantity": 1, "option_selections": [{"option_value": 3}]}]'),
			/option_selections\[0\] needs "option_id"/,
		);
		await expectRejectedBeforeRequest(
			sandbox,
			cart({ operation: 'create', lineItems: { item: [] } }),
			/"Line Items" must hold at least one line item/,
		);
		await expectRejectedBeforeRequest(
			sandbox,
			cart({ operation: 'create', lineItems: { item: [{ productId: 0, quantity: 1 }] } }),
			/"Line Items" entry 1: "product_id" must be a positive whole number/,
		);
		await expectRejectedBeforeRequest(
			sandbox,
			cart({
				operation: 'create',
				lineItems: { item: [{ productId: 1, quantity: 1 }] },
				additionalFields: { currencyCode: 'dollars' },
			}),
			/"Currency Code" must be a three-letter ISO 4217 code/,
		);
		await expectRejectedBeforeRequest(
			sandbox,
			cart({
				operation: 'addItems',
				cartId: '8a3b2c1d-0e9f-4a8b-9c7d-6e5f4a3b2c1d',
				lineItemsInput: 'json',
				lineItemsJson: '[{"product_id": 1, "quantity": "two"}]',
			}),
			/"quantity" must be a whole number/,
		);
	});
});
