import { type Json, useSandbox } from '../../helpers/sandbox';
import { locator, runNode } from '../../helpers/node';

const sandbox = useSandbox();

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
