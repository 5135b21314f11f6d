import { NodeOperationError } from 'n8n-workflow';

import { type Json, useSandbox } from '../../helpers/sandbox';
import { orderInStatus } from './fixtures';
import { runNode, runNodeError } from '../../helpers/node';

const sandbox = useSandbox();

const lookup = (orderNumber: string | number, email: string) => ({
	resource: 'order',
	operation: 'getStatusForShopper',
	lookup: 'order',
	orderNumber: String(orderNumber),
	email,
});

describe('Order → Get Status for Shopper', () => {
	it('returns status, items, totals and shipments with carrier, tracking number and link', async () => {
		const order = orderInStatus(sandbox, 3);
		const out = (
			await runNode(sandbox, lookup(`#${order.id}`, order.billing_address.email.toUpperCase()))
		).out;
		const answer = out[0].json as Json;
		expect(answer).toMatchObject({
			order_number: order.id,
			status: 'Partially Shipped',
			status_id: 3,
			currency: 'USD',
		});
		expect(answer.items).toHaveLength(order.products.length);
		expect(answer.items[0]).toMatchObject({
			name: order.products[0].name,
			quantity: order.products[0].quantity,
		});
		expect(typeof answer.totals.total).toBe('number');
		expect(answer.shipments).toHaveLength(1);
		expect(answer.shipments[0]).toMatchObject({
			tracking_number: order.shipments[0].tracking_number,
			tracking_link: order.shipments[0].tracking_link,
		});
		expect(answer.shipments[0].carrier).toBeTruthy();
		expect(answer.shipments[0].items[0].name).toBe(order.products[0].name);
		expect(JSON.stringify(answer)).not.toContain(order.billing_address.street_1);
	});

	it('answers a wrong email exactly like a nonexistent order', async () => {
		const order = orderInStatus(sandbox, 2);
		const markA = sandbox.requests.length;
		const mismatch = (await runNodeError(sandbox, lookup(order.id, 'someone.else@example.com')))
			.error;
		const sentA = sandbox.requests.slice(markA).length;
		const missing = (await runNodeError(sandbox, lookup(987654, 'someone.else@example.com'))).error;
		expect(mismatch).toBeInstanceOf(NodeOperationError);
		expect(missing).toBeInstanceOf(NodeOperationError);
		expect(mismatch.message.replace(String(order.id), 'N')).toBe(
			missing.message.replace('987654', 'N'),
		);
		expect((mismatch as NodeOperationError).description).toBe(
			(missing as NodeOperationError).description,
		);
		expect(mismatch.message).not.toMatch(/Shipped|exists|belongs/);
		// no follow-up reads for someone else's order
		expect(sentA).toBe(1);
	});

	it("lists a shopper's recent orders by email alone, newest first, compact", async () => {
		const out = (
			await runNode(sandbox, {
				resource: 'order',
				operation: 'getStatusForShopper',
				lookup: 'recent',
				email: 'shopper2@example.com',
				maxOrders: 3,
			})
		).out;
		const answer = out[0].json as Json;
		const expected = (sandbox.state.orders as Json[])
			.filter((o) => o.email === 'shopper2@example.com')
			.sort((a, b) => b.date_created - a.date_created)
			.slice(0, 3)
			.map((o) => o.id);
		expect(answer.orders.map((o: Json) => o.order_number)).toEqual(expected);
		expect(Object.keys(answer.orders[0]).sort()).toEqual(
			[
				'currency',
				'date_created',
				'date_shipped',
				'items_shipped',
				'items_total',
				'order_number',
				'status',
				'status_id',
				'total',
			].sort(),
		);
	});

	it('rejects a malformed email or order number before any request', async () => {
		const mark = sandbox.requests.length;
		const badEmail = (await runNodeError(sandbox, lookup(100, 'not-an-email'))).error;
		expect(badEmail).toBeInstanceOf(NodeOperationError);
		expect(badEmail.message).toMatch(/"Email" must be an email address/);
		const badNumber = (await runNodeError(sandbox, lookup('12a', 'shopper1@example.com'))).error;
		expect(badNumber.message).toMatch(/"Order Number" must be a positive whole number/);
		expect(sandbox.requests.slice(mark)).toHaveLength(0);
	});
});
