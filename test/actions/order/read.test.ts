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

describe('Order → Get Many', () => {
	it('filters by status and sends status_id', async () => {
		const mark = sandbox.requests.length;
		const out = (
			await runNode(sandbox, {
				resource: 'order',
				operation: 'getAll',
				returnAll: true,
				filters: { statusId: '2' },
				simplify: true,
			})
		).out;
		const expected = (sandbox.state.orders as Json[])
			.filter((o) => o.status_id === 2)
			.map((o) => o.id);
		expect(out.map((item) => item.json.id)).toEqual(expected);
		expect(out.every((item) => item.json.status === 'Shipped')).toBe(true);
		expect(sandbox.requests.slice(mark)[0]).toMatchObject({
			path: '/orders',
			query: { status_id: '2', page: '1', limit: '250' },
		});
	});

	it('filters by email, customer, channel, ID range and dates', async () => {
		const out = (
			await runNode(sandbox, {
				resource: 'order',
				operation: 'getAll',
				returnAll: true,
				filters: { email: 'shopper2@example.com' },
			})
		).out;
		expect(out.length).toBeGreaterThan(0);
		expect(out.every((item) => item.json.email === 'shopper2@example.com')).toBe(true);

		const byCustomer = (
			await runNode(sandbox, {
				resource: 'order',
				operation: 'getAll',
				returnAll: true,
				filters: { customerId: 0 },
			})
		).out;
		expect(byCustomer.length).toBeGreaterThan(0);
		expect(byCustomer.every((item) => item.json.customer_id === 0)).toBe(true);

		const channel = (
			await runNode(sandbox, {
				resource: 'order',
				operation: 'getAll',
				returnAll: true,
				filters: { channelId: { __rl: true, mode: 'list', value: '2' } },
			})
		).out;
		expect(channel.length).toBeGreaterThan(0);
		expect(channel.every((item) => item.json.channel_id === 2)).toBe(true);

		// the customer picker (a resource locator; a plain number from older workflows still works);
		// a picker added but left empty filters nothing
		const customerId = (sandbox.state.orders as Json[]).find(
			(o) => o.customer_id > 0 && !o.is_deleted,
		).customer_id;
		const picked = (
			await runNode(sandbox, {
				resource: 'order',
				operation: 'getAll',
				returnAll: true,
				filters: {
					customerId: locator(customerId),
					channelId: { __rl: true, mode: 'list', value: '' },
				},
			})
		).out;
		expect(picked.length).toBeGreaterThan(0);
		expect(picked.every((item) => item.json.customer_id === customerId)).toBe(true);
		expect(sandbox.requests.at(-1)!.query).toEqual(
			expect.objectContaining({ customer_id: String(customerId) }),
		);
		expect(sandbox.requests.at(-1)!.query).not.toHaveProperty('channel_id');

		const mark = sandbox.requests.length;
		const range = (
			await runNode(sandbox, {
				resource: 'order',
				operation: 'getAll',
				returnAll: true,
				filters: {
					minId: 105,
					maxId: 109,
					createdAfter: '2020-01-01T00:00:00Z',
					modifiedBefore: '2030-01-01T00:00:00Z',
				},
			})
		).out;
		expect(range.map((item) => item.json.id)).toEqual([105, 106, 107, 108, 109]);
		expect(sandbox.requests.slice(mark)[0].query).toMatchObject({
			min_id: '105',
			max_id: '109',
			min_date_created: '2020-01-01T00:00:00Z',
			max_date_modified: '2030-01-01T00:00:00Z',
		});
	});

	it('honours Limit with one page request and sorts newest first', async () => {
		const mark = sandbox.requests.length;
		const out = (
			await runNode(sandbox, {
				resource: 'order',
				operation: 'getAll',
				returnAll: false,
				limit: 3,
				sort: 'date_created:desc',
			})
		).out;
		expect(out).toHaveLength(3);
		const created = out.map((item) => Date.parse(item.json.date_created as string));
		expect([...created].sort((a, b) => b - a)).toEqual(created);
		expect(sandbox.requests.slice(mark)).toHaveLength(1);
		expect(sandbox.requests.slice(mark)[0].query).toMatchObject({
			limit: '3',
			sort: 'date_created:desc',
		});
	});

	it('returns nothing (no error) when no order matches (V2 answers 204)', async () => {
		const out = (
			await runNode(sandbox, {
				resource: 'order',
				operation: 'getAll',
				returnAll: true,
				filters: { email: 'nobody@example.org' },
			})
		).out;
		expect(out).toHaveLength(0);
		expect(sandbox.requests.at(-1)?.status).toBe(204);
	});
});

describe('Order → Get Statuses', () => {
	it('lists the 15 statuses with names', async () => {
		const out = (await runNode(sandbox, { resource: 'order', operation: 'getStatuses' })).out;
		expect(out).toHaveLength(15);
		expect(out.find((item) => item.json.id === 5)?.json.name).toBe('Cancelled');
		expect(out.find((item) => item.json.id === 11)?.json.name).toBe('Awaiting Fulfillment');
	});
});
