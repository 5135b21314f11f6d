import type { IDataObject } from 'n8n-workflow';

import { startSandbox, type Json, type SandboxHandle } from '../helpers/sandbox';
import { FakeN8n } from '../helpers/trigger';

let sandbox: SandboxHandle;
let n8n: FakeN8n;

beforeAll(async () => {
	sandbox = await startSandbox();
	n8n = await FakeN8n.start(
		sandbox,
		{
			events: [
				'store/order/*',
				'store/cart/abandoned',
				'store/cart/converted',
				'store/cart/lineItem/updated',
				'store/customer/updated',
				'store/customer/address/updated',
				'store/product/updated',
				'store/product/deleted',
				'store/shipment/created',
				'store/sku/updated',
			],
			skipIncompleteOrders: false,
		},
		'wf-hydration',
	);
	await n8n.activate();
});
afterAll(async () => {
	await n8n.close();
	await sandbox.close();
});

/** Emits an event and returns the single item the execution produced. */
async function run(scope: string, data: IDataObject): Promise<IDataObject> {
	const before = n8n.executions.length;
	sandbox.advanceClock(1000); // distinct created_at: a new delivery each time
	sandbox.emit(scope, data);
	await n8n.settle();
	expect(n8n.executions).toHaveLength(before + 1);
	const execution = n8n.executions[before];
	if (execution.error) throw execution.error;
	expect(execution.output).toHaveLength(1);
	return execution.output![0].json;
}

async function api(path: string): Promise<Json> {
	const answer = await fetch(`${sandbox.baseUrl}/stores/${sandbox.storeHash}${path}`, {
		headers: { 'X-Auth-Token': sandbox.accessToken, Accept: 'application/json' },
	});
	return answer.json();
}

describe('full records', () => {
	it('order: with products, shipping addresses and shipments; the raw event kept', async () => {
		const order = (sandbox.state.orders as Json[]).find((o: Json) => o.shipments.length);
		const out = await run('store/order/created', { type: 'order', id: order.id });
		expect(out.recordStatus).toBe('fetched');
		expect(out.deleted).toBe(false);
		const record = out.record as IDataObject;
		expect(record.id).toBe(order.id);
		expect((record.products as IDataObject[]).length).toBe(order.products.length);
		expect((record.shipping_addresses as IDataObject[]).length).toBe(
			order.shipping_addresses.length,
		);
		expect((record.shipments as IDataObject[]).map((s) => s.id)).toEqual(
			order.shipments.map((s: Json) => s.id),
		);
		expect(out.raw).toEqual(
			expect.objectContaining({
				scope: 'store/order/created',
				data: { type: 'order', id: order.id },
			}),
		);
	});

	it('abandoned cart: cart, line items, shopper email and a fresh recovery link', async () => {
		const fixture = sandbox.state.cartFixtures.active;
		const from = sandbox.requests.length;
		const before = n8n.executions.length;
		sandbox.advanceClock(1000);
		sandbox.abandonCart(fixture.id);
		await n8n.settle();
		expect(n8n.executions).toHaveLength(before + 1);
		const out = n8n.executions[before].output![0].json;
		expect(out.event).toBe('store/cart/abandoned');
		expect(out.cartId).toBe(fixture.id);
		expect((out.record as IDataObject).id).toBe(fixture.id);
		expect((out.lineItems as IDataObject[]).length).toBeGreaterThan(0);
		expect(out.email).toBe(fixture.email);
		expect(out.recoveryUrl).toEqual(expect.stringMatching(/^https:\/\//));
		expect(
			sandbox.requests
				.slice(from)
				.some(
					(r) =>
						r.method === 'POST' &&
						r.path === `/carts/${fixture.id}/redirect_urls` &&
						r.status === 201,
				),
		).toBe(true);
	});

	it('abandoned guest cart without any email: email null, still a recovery link', async () => {
		const fixture = sandbox.state.cartFixtures.activeGuest;
		const before = n8n.executions.length;
		sandbox.advanceClock(1000);
		sandbox.abandonCart(fixture.id);
		await n8n.settle();
		const out = n8n.executions[before].output![0].json;
		expect(out.email).toBe(fixture.email ?? null);
		expect(out.recoveryUrl).toEqual(expect.stringMatching(/^https:\/\//));
	});

	it('cart converted: the order it became (to stop a recovery sequence)', async () => {
		const fixture = sandbox.state.cartFixtures.abandonedCustomer;
		const before = n8n.executions.length;
		sandbox.advanceClock(1000);
		const existing = (sandbox.state.orders as Json[])[2].id;
		const { orderId } = sandbox.convertCart(fixture.id, { orderId: existing });
		expect(orderId).toBe(existing);
		await n8n.settle();
		const out = n8n.executions[before].output![0].json;
		expect(out).toMatchObject({ event: 'store/cart/converted', cartId: fixture.id, orderId });
		expect((out.record as IDataObject).id).toBe(orderId);
		expect(Array.isArray((out.record as IDataObject).products)).toBe(true);
	});

	it('customer: with addresses; an address event hydrates its customer', async () => {
		const customer = (sandbox.state.customers as Json[])[0];
		const out = await run('store/customer/updated', { type: 'customer', id: customer.id });
		expect((out.record as IDataObject).id).toBe(customer.id);
		expect(Array.isArray((out.record as IDataObject).addresses)).toBe(true);
		const viaAddress = await run('store/customer/address/updated', {
			type: 'customer',
			id: 999,
			address: { customer_id: customer.id },
		});
		expect((viaAddress.record as IDataObject).id).toBe(customer.id);
		expect(viaAddress.addressId).toBe(999);
	});

	it('product: with variants; a SKU event gives its variant', async () => {
		const [product] = (await api('/v3/catalog/products?limit=1&include=variants')).data;
		const out = await run('store/product/updated', { type: 'product', id: product.id });
		expect((out.record as IDataObject).id).toBe(product.id);
		expect(((out.record as IDataObject).variants as IDataObject[]).length).toBe(
			product.variants.length,
		);
		const variant = product.variants[0];
		const sku = await run('store/sku/updated', {
			type: 'sku',
			id: variant.sku_id ?? variant.id,
			sku: { product_id: product.id, variant_id: variant.id },
		});
		expect((sku.record as IDataObject).id).toBe(variant.id);
	});

	it('shipment: the shipment record', async () => {
		const order = (sandbox.state.orders as Json[]).find((o: Json) => o.shipments.length);
		const shipment = order.shipments[0];
		const out = await run('store/shipment/created', {
			type: 'shipment',
			id: shipment.id,
			orderId: order.id,
		});
		expect(out.record).toEqual(expect.objectContaining({ id: shipment.id, order_id: order.id }));
	});

	it('a deleted event is marked deleted without fetching anything', async () => {
		const from = sandbox.requests.length;
		const out = await run('store/product/deleted', { type: 'product', id: 424242 });
		expect(out).toMatchObject({
			record: null,
			recordStatus: 'deleted',
			deleted: true,
			resourceId: 424242,
		});
		expect(sandbox.requests.slice(from).some((r) => r.path.startsWith('/catalog/products'))).toBe(
			false,
		);
	});

	it('a record gone by the time it is fetched (404) is marked deleted, not an error', async () => {
		const out = await run('store/product/updated', { type: 'product', id: 424243 });
		expect(out).toMatchObject({ record: null, recordStatus: 'deleted', deleted: true });
		const order = await run('store/order/updated', { type: 'order', id: 987654 });
		expect(order).toMatchObject({ record: null, deleted: true, event: 'store/order/updated' });
	});

	it('Include Full Record off: the thin event only, no request', async () => {
		n8n.params.includeFullRecord = false;
		try {
			const from = sandbox.requests.length;
			const out = await run('store/order/updated', { type: 'order', id: 100 });
			expect(out.record).toBeUndefined();
			expect(out.data).toEqual({ type: 'order', id: 100 });
			expect(sandbox.requests.slice(from).filter((r) => r.path.startsWith('/orders'))).toHaveLength(
				0,
			);
		} finally {
			n8n.params.includeFullRecord = true;
		}
	});
});
