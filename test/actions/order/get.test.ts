import { type Json, useSandbox } from '../../helpers/sandbox';
import { orderInStatus } from './fixtures';
import { locator, runNode } from '../../helpers/node';

const sandbox = useSandbox();

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;

describe('Order → Get', () => {
	it('returns the order with ISO dates and its status name', async () => {
		const seeded = orderInStatus(sandbox, 11);
		const mark = sandbox.requests.length;
		const out = (
			await runNode(sandbox, { resource: 'order', operation: 'get', orderId: locator(seeded.id) })
		).out;
		expect(out).toHaveLength(1);
		expect(out[0].json).toMatchObject({
			id: seeded.id,
			status_id: 11,
			status: 'Awaiting Fulfillment',
		});
		expect(out[0].json.date_created).toMatch(ISO);
		expect(out[0].pairedItem).toEqual({ item: 0 });
		expect(sandbox.requests.slice(mark)).toEqual([
			expect.objectContaining({
				method: 'GET',
				version: 'v2',
				path: `/orders/${seeded.id}`,
				status: 200,
			}),
		]);
	});

	it('fetches products, shipping addresses, shipments and coupons in parallel and merges them', async () => {
		const seeded = orderInStatus(sandbox, 2);
		const mark = sandbox.requests.length;
		const out = (
			await runNode(sandbox, {
				resource: 'order',
				operation: 'get',
				orderId: locator(seeded.id),
				include: ['products', 'shipping_addresses', 'shipments', 'coupons'],
			})
		).out;
		const order = out[0].json as Json;
		expect(order.products.map((p: Json) => p.id)).toEqual(seeded.products.map((p: Json) => p.id));
		expect(order.shipping_addresses[0].id).toBe(seeded.shipping_addresses[0].id);
		expect(order.shipments[0]).toMatchObject({
			tracking_number: seeded.shipments[0].tracking_number,
			tracking_link: seeded.shipments[0].tracking_link,
		});
		expect(order.shipments[0].date_created).toMatch(ISO);
		expect(Array.isArray(order.coupons)).toBe(true);
		const paths = sandbox.requests
			.slice(mark)
			.map((r) => r.path)
			.sort();
		expect(paths).toEqual(
			[
				`/orders/${seeded.id}`,
				`/orders/${seeded.id}/coupons`,
				`/orders/${seeded.id}/products`,
				`/orders/${seeded.id}/shipments`,
				`/orders/${seeded.id}/shipping_addresses`,
			].sort(),
		);
	});

	it('simplifies to a compact record', async () => {
		const seeded = orderInStatus(sandbox, 10);
		const out = (
			await runNode(sandbox, {
				resource: 'order',
				operation: 'get',
				orderId: locator(seeded.id),
				simplify: true,
			})
		).out;
		expect(Object.keys(out[0].json)).not.toContain('billing_address');
		expect(out[0].json).toMatchObject({
			id: seeded.id,
			status: 'Completed',
			email: seeded.billing_address.email,
		});
		expect(typeof out[0].json.total_inc_tax).toBe('number');
	});
});
