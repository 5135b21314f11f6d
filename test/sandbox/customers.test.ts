/** The sandbox's customers, customer groups, carts, abandoned carts and checkouts, over HTTP. */
import {
	acknowledgeViolations,
	startSandbox,
	type Json,
	type SandboxHandle,
	useSandbox,
} from '../helpers/sandbox';

/** The request violations a test provoked on purpose (an invalid body), acknowledged. */
function expectRequestViolation(pattern: RegExp) {
	const taken = acknowledgeViolations();
	expect(taken.map((v) => `${v.direction}: ${v.reason}`)).toEqual([expect.stringMatching(pattern)]);
}

const sandbox = useSandbox({ rateLimit: false });

async function call(
	box: SandboxHandle,
	version: 'v2' | 'v3',
	method: string,
	path: string,
	body?: Json,
	token = box.accessToken,
) {
	const response = await fetch(`${box.apiPath(version)}${path}`, {
		method,
		headers: {
			'X-Auth-Token': token,
			Accept: 'application/json',
			'Content-Type': 'application/json',
		},
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	return { status: response.status, body: text ? JSON.parse(text) : undefined };
}
const v3 = (method: string, path: string, body?: Json, token?: string) =>
	call(sandbox, 'v3', method, path, body, token);
const v2 = (method: string, path: string, body?: Json, token?: string) =>
	call(sandbox, 'v2', method, path, body, token);

function events(box: SandboxHandle) {
	const list: Array<{ scope: string; data: Json }> = [];
	box.eventListeners.push((scope: string, data: Json) => list.push({ scope, data }));
	return list;
}

describe('seed', () => {
	it('holds 25 customers by default, shopper1..25@example.com, with addresses and groups', async () => {
		const list = await v3('GET', '/customers?limit=250&include=addresses');
		expect(list.body.meta.pagination).toMatchObject({ total: 25, total_pages: 1 });
		expect(list.body.data.map((c: Json) => c.email)).toEqual(
			Array.from({ length: 25 }, (_, k) => `shopper${k + 1}@example.com`),
		);
		expect(list.body.data.filter((c: Json) => c.addresses.length > 0).length).toBeGreaterThan(15);
		expect(new Set(list.body.data.map((c: Json) => c.customer_group_id))).toEqual(
			new Set([0, 1, 2, 3]),
		);
	});

	it("keeps the catalog's restricted category out of the Retail group", async () => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { RESTRICTED_CATEGORY_ID } = require('../../sandbox/seed/catalog');
		const retail = await v2('GET', '/customer_groups/1');
		expect(retail.body).toMatchObject({
			id: 1,
			name: 'Retail',
			category_access: { type: 'specific' },
		});
		expect(retail.body.category_access.categories).not.toContain(RESTRICTED_CATEGORY_ID);
		expect(retail.body.category_access.categories.length).toBeGreaterThan(3);
		expect(retail.body.date_created).toMatch(
			/^[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d \+0000$/,
		);
		const wholesale = await v2('GET', '/customer_groups/2');
		expect(wholesale.body.category_access).toEqual({ type: 'all' });
	});

	it('is deterministic and sized by seed options; carts cover abandoned with and without email', async () => {
		const a = await startSandbox({ rateLimit: false, seed: { customers: 5, seed: 7 } });
		const b = await startSandbox({ rateLimit: false, seed: { customers: 5, seed: 7 } });
		try {
			expect(a.state.customers).toHaveLength(5);
			expect(JSON.stringify(a.state.customers)).toBe(JSON.stringify(b.state.customers));
			expect(a.state.cartFixtures).toEqual(b.state.cartFixtures);
			const f = a.state.cartFixtures;
			expect(f.abandonedCustomer).toMatchObject({
				email: expect.stringMatching(/@example\.com$/),
				token: expect.stringMatching(/^[0-9a-f]{32}$/),
			});
			expect(f.abandonedGuestEmail).toMatchObject({
				customerId: 0,
				email: 'guest.buyer@example.net',
				token: expect.stringMatching(/^[0-9a-f]{32}$/),
			});
			expect(f.abandonedGuestNoEmail).toMatchObject({
				customerId: 0,
				token: expect.stringMatching(/^[0-9a-f]{32}$/),
			});
			expect(f.abandonedGuestNoEmail.email).toBeUndefined();
			expect(f.active.token).toBeUndefined();
			expect(f.converted.orderId).toEqual(expect.any(Number));
		} finally {
			await a.close();
			await b.close();
		}
	});
});

describe('V3 /customers', () => {
	it('filters with id:in, email:in, name:in, name:like, customer_group_id:in and dates', async () => {
		const ids = await v3('GET', '/customers?id:in=3,1,2');
		expect(ids.body.data.map((c: Json) => c.id)).toEqual([1, 2, 3]);
		const emails = await v3('GET', '/customers?email:in=SHOPPER4@example.com,shopper5@example.com');
		expect(emails.body.data.map((c: Json) => c.id)).toEqual([4, 5]);
		const c6 = sandbox.state.customers.find((c: Json) => c.id === 6);
		const names = await v3(
			'GET',
			`/customers?name:in=${encodeURIComponent(`${c6.first_name} ${c6.last_name}`)}`,
		);
		expect(names.body.data.map((c: Json) => c.id)).toContain(6);
		const like = await v3(
			'GET',
			`/customers?name:like=${encodeURIComponent(c6.last_name.slice(1, 4))}`,
		);
		for (const c of like.body.data)
			expect(`${c.first_name} ${c.last_name}`.toLowerCase()).toContain(
				c6.last_name.slice(1, 4).toLowerCase(),
			);
		const vip = await v3('GET', '/customers?customer_group_id:in=3&limit=250');
		expect(vip.body.data.length).toBe(
			sandbox.state.customers.filter((c: Json) => c.customer_group_id === 3).length,
		);
		const cutoff = sandbox.state.customers[10].date_created;
		const newer = await v3(
			'GET',
			`/customers?date_created:min=${new Date(cutoff).toISOString()}&limit=250`,
		);
		expect(
			newer.body.data.every(
				(c: Json) => Date.parse(c.date_created) >= Math.floor(cutoff / 1000) * 1000,
			),
		).toBe(true);
		expect(newer.body.data.length).toBe(
			sandbox.state.customers.filter((c: Json) => c.date_created >= cutoff).length,
		);
		const bad = await v3('GET', '/customers?date_modified:min=not-a-date');
		expect(bad.status).toBe(422);
	});

	it('pages with page/limit and with the after cursor', async () => {
		const page2 = await v3('GET', '/customers?page=2&limit=10');
		expect(page2.body.data.map((c: Json) => c.id)).toEqual(
			Array.from({ length: 10 }, (_, k) => k + 11),
		);
		expect(page2.body.meta.pagination).toMatchObject({
			total: 25,
			count: 10,
			per_page: 10,
			current_page: 2,
			total_pages: 3,
		});
		const first = await v3('GET', '/customers?limit=10');
		const cursor = first.body.meta.cursor_pagination.end_cursor;
		const next = await v3('GET', `/customers?limit=10&after=${encodeURIComponent(cursor)}`);
		expect(next.body.data.map((c: Json) => c.id)).toEqual(page2.body.data.map((c: Json) => c.id));
		expect(next.body.meta.pagination).toBeUndefined();
		expect(next.body.meta.cursor_pagination.links.next).toBeDefined();
	});

	it('creates up to 10 customers per call: 413 above, 422 on missing fields or a taken email', async () => {
		const count = sandbox.state.customers.length;
		const many = Array.from({ length: 11 }, (_, k) => ({
			email: `batch${k}@example.com`,
			first_name: 'B',
			last_name: `${k}`,
		}));
		const tooMany = await v3('POST', '/customers', many);
		expect(tooMany.status).toBe(413);
		expect(sandbox.state.customers.length).toBe(count);
		const missing = await v3('POST', '/customers', [{ email: 'x@example.com', first_name: 'X' }]);
		expect(missing.status).toBe(422);
		expect(missing.body.errors).toHaveProperty(['[0].last_name']);
		expectRequestViolation(/^request: .*required property 'last_name'/);
		const taken = await v3('POST', '/customers', [
			{ email: 'Shopper1@example.com', first_name: 'A', last_name: 'B' },
		]);
		expect(taken.status).toBe(422);
		expect(sandbox.state.customers.length).toBe(count);
		const ten = await v3('POST', '/customers', many.slice(0, 10));
		expect(ten.status).toBe(200);
		expect(ten.body.data).toHaveLength(10);
		expect(sandbox.state.customers.length).toBe(count + 10);
		// new customers join the default group (Retail)
		expect(ten.body.data[0].customer_group_id).toBe(1);
		await v3('DELETE', `/customers?id:in=${ten.body.data.map((c: Json) => c.id).join(',')}`);
		expect(sandbox.state.customers.length).toBe(count);
	});

	it('updates up to 10 customers per call, each with its id', async () => {
		const recorded = events(sandbox);
		const tooMany = await v3(
			'PUT',
			'/customers',
			Array.from({ length: 11 }, (_, k) => ({ id: k + 1, notes: 'x' })),
		);
		expect(tooMany.status).toBe(413);
		const noId = await v3('PUT', '/customers', [{ notes: 'x' }]);
		expect(noId.status).toBe(422);
		expectRequestViolation(/^request: .*required property 'id'/);
		const ok = await v3('PUT', '/customers', [
			{ id: 2, notes: 'Called about order' },
			{ id: 3, customer_group_id: 2 },
		]);
		expect(ok.status).toBe(200);
		expect(ok.body.data.map((c: Json) => [c.id, c.notes, c.customer_group_id])).toEqual([
			[2, 'Called about order', ok.body.data[0].customer_group_id],
			[3, ok.body.data[1].notes, 2],
		]);
		expect(recorded).toEqual([
			{ scope: 'store/customer/updated', data: { type: 'customer', id: 2 } },
			{ scope: 'store/customer/updated', data: { type: 'customer', id: 3 } },
		]);
	});

	it('emits created and deleted events, and address events with the customer id', async () => {
		const recorded = events(sandbox);
		const created = await v3('POST', '/customers', [
			{
				email: 'events@example.com',
				first_name: 'Eve',
				last_name: 'Nts',
				addresses: [
					{
						first_name: 'Eve',
						last_name: 'Nts',
						address1: '1 A St',
						city: 'Austin',
						state_or_province: 'Texas',
						postal_code: '78701',
						country_code: 'US',
					},
				],
			},
		]);
		const id = created.body.data[0].id;
		const addressId = created.body.data[0].addresses[0].id;
		await v3('PUT', '/customers/addresses', [{ id: addressId, city: 'Houston' }]);
		await v3('DELETE', `/customers/addresses?id:in=${addressId}`);
		await v3('DELETE', `/customers?id:in=${id}`);
		expect(recorded).toEqual([
			{ scope: 'store/customer/created', data: { type: 'customer', id } },
			{
				scope: 'store/customer/address/created',
				data: { type: 'customer', id: addressId, address: { customer_id: id } },
			},
			{
				scope: 'store/customer/address/updated',
				data: { type: 'customer', id: addressId, address: { customer_id: id } },
			},
			{
				scope: 'store/customer/address/deleted',
				data: { type: 'customer', id: addressId, address: { customer_id: id } },
			},
			{ scope: 'store/customer/deleted', data: { type: 'customer', id } },
		]);
	});

	it('ignores a DELETE without id:in (204, nothing changes)', async () => {
		// the request itself breaks the spec (id:in is required): checked on a sandbox without the contract
		const loose = await startSandbox({ rateLimit: false, contract: false });
		try {
			const count = loose.state.customers.length;
			const response = await call(loose, 'v3', 'DELETE', '/customers');
			expect(response.status).toBe(204);
			expect(loose.state.customers.length).toBe(count);
		} finally {
			await loose.close();
		}
	});

	it('omits an identical address on create (200, nothing added)', async () => {
		const address = {
			customer_id: 9,
			first_name: 'Dup',
			last_name: 'Addr',
			address1: '2 B St',
			city: 'Austin',
			state_or_province: 'Texas',
			postal_code: '78701',
			country_code: 'US',
		};
		const first = await v3('POST', '/customers/addresses', [address]);
		expect(first.body.data).toHaveLength(1);
		const again = await v3('POST', '/customers/addresses', [address]);
		expect(again.status).toBe(200);
		expect(again.body.data).toEqual([]);
		const missing = await v3('POST', '/customers/addresses', [{ customer_id: 9, first_name: 'X' }]);
		expect(missing.status).toBe(422);
		expectRequestViolation(/^request: .*required property 'last_name'/);
	});

	it('enforces the customers scope (read-only token reads, cannot write)', async () => {
		const token = sandbox.addToken('customers-read', ['store_v2_customers_read_only']);
		expect((await v3('GET', '/customers?limit=1', undefined, token)).status).toBe(200);
		expect((await v2('GET', '/customer_groups', undefined, token)).status).toBe(200);
		const write = await v3(
			'POST',
			'/customers',
			[{ email: 'ro@example.com', first_name: 'R', last_name: 'O' }],
			token,
		);
		expect(write.status).toBe(403);
	});
});

describe('V2 /customer_groups', () => {
	it('lists, counts, filters and answers 204 for an empty page', async () => {
		expect((await v2('GET', '/customer_groups')).body.map((g: Json) => g.name)).toEqual([
			'Retail',
			'Wholesale',
			'VIP',
		]);
		expect((await v2('GET', '/customer_groups/count')).body).toEqual({ count: 3 });
		expect(
			(await v2('GET', '/customer_groups?name:like=ip')).body.map((g: Json) => g.name),
		).toEqual(['VIP']);
		expect((await v2('GET', '/customer_groups?page=2')).status).toBe(204);
		const missing = await v2('GET', '/customer_groups/99');
		expect(missing.status).toBe(404);
		expect(missing.body.errors[0]).toMatchObject({ status: 404 });
	});
});

describe('V3 carts, abandoned carts and checkouts', () => {
	it('prices line items from the catalog and answers 404 for an unknown product', async () => {
		const product = [...sandbox.state.catalog.products.values()].find(
			(p: Json) => p.variants.length === 1 && p.inventory_tracking === 'none',
		);
		const created = await v3('POST', '/carts', {
			line_items: [{ product_id: product.id, quantity: 3 }],
		});
		expect(created.status).toBe(201);
		const item =
			created.body.data.line_items.physical_items[0] ??
			created.body.data.line_items.digital_items[0];
		const price = product.sale_price > 0 ? product.sale_price : product.price;
		expect(item).toMatchObject({
			product_id: product.id,
			variant_id: product.variants[0].id,
			name: product.name,
			quantity: 3,
			sale_price: price,
		});
		expect(created.body.data.cart_amount).toBe(Math.round(price * 300) / 100);
		const unknown = await v3('POST', '/carts', {
			line_items: [{ product_id: 999999, quantity: 1 }],
		});
		expect(unknown.status).toBe(404);
	});

	it('refuses a stale version with 409 (optimistic concurrency)', async () => {
		const id = sandbox.state.cartFixtures.active.id;
		const version = sandbox.state.carts.get(id).version;
		const stale = await v3('PUT', `/carts/${id}`, { customer_id: 3, version: version - 1 });
		expect(stale.status).toBe(409);
		const ok = await v3('PUT', `/carts/${id}`, { customer_id: 3, version });
		expect(ok.status).toBe(201);
		expect(ok.body.data.version).toBe(version + 1);
	});

	it('resolves seeded abandoned-cart tokens to their carts', async () => {
		for (const role of [
			'abandonedCustomer',
			'abandonedCustomer2',
			'abandonedGuestEmail',
			'abandonedGuestNoEmail',
		]) {
			const fixture = sandbox.state.cartFixtures[role];
			const found = await v3('GET', `/abandoned-carts/${fixture.token}`);
			expect(found.body).toEqual({ data: { cart_id: fixture.id }, meta: {} });
			expect((await v3('GET', `/carts/${fixture.id}`)).status).toBe(200);
		}
		expect((await v3('GET', '/abandoned-carts/ffffffffffffffffffffffffffffffff')).status).toBe(404);
		const token = sandbox.addToken('info-only', ['store_v2_information_read_only']);
		expect(
			(
				await v3(
					'GET',
					`/abandoned-carts/${sandbox.state.cartFixtures.abandonedCustomer.token}`,
					undefined,
					token,
				)
			).status,
		).toBe(200);
		expect(
			(
				await v3(
					'GET',
					`/carts/${sandbox.state.cartFixtures.abandonedCustomer.id}`,
					undefined,
					token,
				)
			).status,
		).toBe(403);
	});

	it('abandonCart and convertCart change the cart and emit the events', async () => {
		const recorded = events(sandbox);
		const id = sandbox.state.cartFixtures.activeGuest.id;
		const { token } = sandbox.abandonCart(id);
		expect(sandbox.state.carts.get(id).status).toBe('abandoned');
		expect((await v3('GET', `/abandoned-carts/${token}`)).body.data.cart_id).toBe(id);
		const { orderId } = sandbox.convertCart(id, { orderId: 4242 });
		expect(orderId).toBe(4242);
		expect(recorded).toEqual([
			{ scope: 'store/cart/abandoned', data: { type: 'cart', id, token } },
			{ scope: 'store/cart/converted', data: { type: 'cart', id, orderId: 4242 } },
		]);
		expect((await v3('GET', `/carts/${id}`)).status).toBe(404);
		const checkout = await v3('GET', `/checkouts/${id}`);
		expect(checkout.body.data.order_id).toBe('4242');
		expect(() => sandbox.abandonCart(id)).toThrow(/does not exist/);
	});

	it('convertCart without an order id places a real V2 order for the cart', async () => {
		const fixture = sandbox.state.cartFixtures.abandonedCustomer;
		const cart = sandbox.state.carts.get(fixture.id);
		const items = cart.line_items.map((i: Json) => [i.product_id, i.quantity]);
		const recorded = events(sandbox);
		const { orderId } = sandbox.convertCart(fixture.id);
		const scopes = recorded.map((e) => e.scope);
		expect(scopes.indexOf('store/order/created')).toBeGreaterThanOrEqual(0);
		expect(scopes.at(-1)).toBe('store/cart/converted');
		expect(recorded.at(-1)?.data).toEqual({ type: 'cart', id: fixture.id, orderId });
		expect(recorded.find((e) => e.scope === 'store/order/created')?.data).toEqual({
			type: 'order',
			id: orderId,
		});
		const order = await v2('GET', `/orders/${orderId}`);
		expect(order.body).toMatchObject({
			id: orderId,
			customer_id: fixture.customerId,
			cart_id: fixture.id,
			status_id: 11,
			billing_address: { email: fixture.email },
		});
		const products = await v2('GET', `/orders/${orderId}/products`);
		expect(products.body.map((p: Json) => [p.product_id, p.quantity])).toEqual(items);
		expect((await v3('GET', `/checkouts/${fixture.id}`)).body.data.order_id).toBe(String(orderId));
	});

	it('a change to an abandoned cart makes it active again', async () => {
		const id = sandbox.state.cartFixtures.abandonedCustomer2.id;
		expect(sandbox.state.carts.get(id).status).toBe('abandoned');
		await v3('PUT', `/carts/${id}`, {
			customer_id: sandbox.state.cartFixtures.abandonedCustomer2.customerId,
		});
		expect(sandbox.state.carts.get(id).status).toBe('active');
	});

	it('offers abandon and convert as control endpoints', async () => {
		const [item] = sandbox.state.carts.get(sandbox.state.cartFixtures.active.id).line_items;
		const created = await v3('POST', '/carts', {
			line_items: [{ product_id: item.product_id, variant_id: item.variant_id, quantity: 1 }],
		});
		const id = created.body.data.id;
		const recorded = events(sandbox);
		const abandon = await fetch(`${sandbox.baseUrl}/__sandbox/carts/${id}/abandon`, {
			method: 'POST',
		});
		expect(abandon.status).toBe(200);
		const { token } = (await abandon.json()) as { token: string };
		const convert = await fetch(`${sandbox.baseUrl}/__sandbox/carts/${id}/convert`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ orderId: 77 }),
		});
		expect(await convert.json()).toEqual({ id, orderId: 77 });
		expect(recorded.map((e) => e.scope)).toEqual(['store/cart/abandoned', 'store/cart/converted']);
		expect(recorded[0].data).toEqual({ type: 'cart', id, token });
		const unknown = await fetch(`${sandbox.baseUrl}/__sandbox/carts/${id}/abandon`, {
			method: 'POST',
		});
		expect(unknown.status).toBe(404);
	});
});
