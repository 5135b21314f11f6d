import { startSandbox, type Json, type SandboxHandle } from '../../helpers/sandbox';

import { locator, runNode } from '../../helpers/node';

/** Order › Get Many with Include Line Items: line items arrive with the list (V2 include). */
describe('Order → Get Many, Include Line Items (300 orders)', () => {
	let sandbox: SandboxHandle;
	beforeAll(async () => {
		sandbox = await startSandbox({ seed: { orders: 300 } });
	});
	afterAll(async () => sandbox.close());

	const live = () => (sandbox.state.orders as Json[]).filter((o) => !o.is_deleted);

	it('reads 300 orders with their line items in 2 list calls and no per-order call', async () => {
		expect(live()).toHaveLength(300);
		const mark = sandbox.requests.length;
		const out = (
			await runNode(sandbox, {
				resource: 'order',
				operation: 'getAll',
				returnAll: true,
				includeLineItems: true,
			})
		).out;
		const requests = sandbox.requests.slice(mark);
		expect(requests).toHaveLength(2);
		for (const r of requests) {
			expect(r).toMatchObject({ method: 'GET', version: 'v2', path: '/orders', status: 200 });
			expect(r.query).toMatchObject({
				include: 'consignments.line_items',
				consignment_structure: 'object',
				limit: '250',
			});
		}
		expect(requests.map((r) => r.query.page)).toEqual(['1', '2']);
		expect(requests.some((r) => /^\/orders\/\d+\/products/.test(r.path))).toBe(false);
		expect(out).toHaveLength(300);
		for (const item of out) {
			const order = item.json as Json;
			const seeded = live().find((o) => o.id === order.id);
			expect(order.products.map((p: Json) => p.id)).toEqual(seeded.products.map((p: Json) => p.id));
			expect(order.products.reduce((n: number, p: Json) => n + p.quantity, 0)).toBe(
				order.items_total,
			);
		}
		// simplified order (the default) plus the list
		expect(Object.keys(out[0].json)).toEqual(
			expect.arrayContaining(['id', 'status', 'total_inc_tax', 'products']),
		);
		expect(out[0].json.consignments).toBeUndefined();
	});

	it('line items equal what GET /orders/{id}/products returns (Order › Get, Include Products)', async () => {
		const listed = (
			await runNode(sandbox, {
				resource: 'order',
				operation: 'getAll',
				returnAll: false,
				limit: 5,
				includeLineItems: true,
				simplify: false,
				filters: { minId: live()[120].id },
			})
		).out;
		expect(listed).toHaveLength(5);
		for (const item of listed) {
			const order = item.json as Json;
			const [single] = (
				await runNode(sandbox, {
					resource: 'order',
					operation: 'get',
					orderId: locator(order.id),
					include: ['products'],
				})
			).out;
			expect(order.products.length).toBeGreaterThan(0);
			expect(order.products).toEqual((single.json as Json).products);
			// the full order keeps its consignments, each naming its line items by ID
			const shipping = order.consignments.shipping as Json[];
			expect(shipping.flatMap((c) => c.line_item_ids)).toEqual(
				order.products.map((p: Json) => p.id),
			);
			expect(shipping[0].line_items).toBeUndefined();
			expect(order.status).toEqual(expect.any(String));
		}
	});

	it('without the option the list is read as before (no include, products is the link)', async () => {
		const mark = sandbox.requests.length;
		const out = (
			await runNode(sandbox, {
				resource: 'order',
				operation: 'getAll',
				returnAll: false,
				limit: 3,
				simplify: false,
			})
		).out;
		const [request] = sandbox.requests.slice(mark);
		expect(request.query.include).toBeUndefined();
		expect(request.query.consignment_structure).toBeUndefined();
		expect(out[0].json.products).toMatchObject({ resource: `/orders/${out[0].json.id}/products` });
		expect(out[0].json.consignments).toBeUndefined();
	});

	it('GET /orders/{id} with the include answers the same consignments as the list', async () => {
		const id = live()[7].id;
		const v2 = sandbox.apiPath('v2');
		const query = 'include=consignments.line_items&consignment_structure=object';
		const headers = { 'X-Auth-Token': sandbox.accessToken, Accept: 'application/json' };
		const one = (await (await fetch(`${v2}/orders/${id}?${query}`, { headers })).json()) as Json;
		const list = (await (
			await fetch(`${v2}/orders?min_id=${id}&max_id=${id}&${query}`, { headers })
		).json()) as Json;
		expect(one.consignments).toEqual(list[0].consignments);
		expect(one.consignments.shipping[0].line_items[0]).toMatchObject({
			order_id: id,
			product_id: expect.any(Number),
			quantity: expect.any(Number),
		});
		// only links without `.line_items`
		const linked = (await (
			await fetch(`${v2}/orders/${id}?include=consignments&consignment_structure=object`, {
				headers,
			})
		).json()) as Json;
		expect(linked.consignments.shipping[0].line_items[0]).toEqual({
			url: expect.stringMatching(new RegExp(`/orders/${id}/products/\\d+$`)),
			resource: expect.stringMatching(new RegExp(`^/orders/${id}/products/\\d+$`)),
		});
	});

	it('the consignments match the official schemas branch by branch (the oneOf with a bare link accepts anything)', async () => {
		// order_RespOnly.consignments is oneOf [link, orderConsignment_Get]: the link schema has no
		// required field, so the contract check passes any object; check the real branch here
		const validator = sandbox.contract as Json;
		const doc = validator.specs.documents['orders.v2.oas2.yml'];
		const schema = (name: string) =>
			validator.compileSchema({ doc }, { $ref: `#/components/schemas/${name}` }, 'response', false);
		const lineItem = schema('orderProducts');
		const shipping = schema('shippingConsignment_Get');
		const consignments = schema('orderConsignment_Get');
		const response = await fetch(
			`${sandbox.apiPath('v2')}/orders?limit=20&include=consignments.line_items&consignment_structure=object`,
			{
				headers: { 'X-Auth-Token': sandbox.accessToken, Accept: 'application/json' },
			},
		);
		const orders = (await response.json()) as Json[];
		expect(orders).toHaveLength(20);
		for (const order of orders) {
			const { shipping: ships, ...rest } = order.consignments;
			for (const consignment of ships) {
				const { line_items: items, ...fields } = consignment;
				expect([shipping(fields), shipping.errors]).toEqual([true, null]);
				for (const item of items) expect([lineItem(item), lineItem.errors]).toEqual([true, null]);
			}
			expect([consignments({ ...rest, shipping: [] }), consignments.errors]).toEqual([true, null]);
		}
	});
});
