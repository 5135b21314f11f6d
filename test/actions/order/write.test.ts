import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { type Json, useSandbox, recordEvents } from '../../helpers/sandbox';
import { orderInStatus, stateOrder } from './fixtures';
import { locator, runNode, runNodeError } from '../../helpers/node';

const sandbox = useSandbox();
const events = recordEvents(sandbox);

const billing = {
	first_name: 'Jane',
	last_name: 'Doe',
	street_1: '555 East Street',
	city: 'Austin',
	state: 'Texas',
	zip: '78701',
	country_iso2: 'us',
	email: 'jane@example.com',
};

describe('Order → Create', () => {
	it('creates an order that later reads return, shipping to the billing address', async () => {
		const mark = sandbox.requests.length;
		const out = (
			await runNode(sandbox, {
				resource: 'order',
				operation: 'create',
				billingAddress: billing,
				products: JSON.stringify([
					{ product_id: 1, quantity: 2 },
					{ name: 'Gift wrap', quantity: 1, price_inc_tax: 5, price_ex_tax: 5 },
				]),
				additionalFields: {
					customerId: { __rl: true, mode: 'list', value: '1' },
					channelId: { __rl: true, mode: 'id', value: '1' },
					statusId: '11',
					staffNotes: 'VIP',
				},
			})
		).out;
		const created = out[0].json as Json;
		expect(created).toMatchObject({
			status_id: 11,
			status: 'Awaiting Fulfillment',
			customer_id: 1,
			staff_notes: 'VIP',
			items_total: 3,
		});
		const sent = sandbox.requests.slice(mark);
		expect(sent).toHaveLength(1);
		expect(sent[0]).toMatchObject({ method: 'POST', path: '/orders', status: 200 });
		expect(sent[0].body.billing_address).toMatchObject({
			country_iso2: 'US',
			email: 'jane@example.com',
		});
		expect(sent[0].body.shipping_addresses).toEqual([
			expect.objectContaining({ street_1: '555 East Street' }),
		]);
		expect(sent[0].body.status_id).toBe(11);
		expect(sent[0].body).toMatchObject({ customer_id: 1, channel_id: 1 });
		const state = stateOrder(sandbox, created.id);
		expect(state.products).toHaveLength(2);
		expect(events).toContainEqual(['store/order/created', { type: 'order', id: created.id }]);
	});
});

describe('Order → Update', () => {
	it('changes status, notes and message with one PUT and records the status change', async () => {
		const order = orderInStatus(sandbox, 7);
		events.length = 0;
		const mark = sandbox.requests.length;
		const out = (
			await runNode(sandbox, {
				resource: 'order',
				operation: 'update',
				orderId: locator(order.id),
				updateFields: { statusId: '11', staffNotes: 'paid by wire', customerMessage: 'Thanks!' },
			})
		).out;
		expect(out[0].json).toMatchObject({
			id: order.id,
			status_id: 11,
			status: 'Awaiting Fulfillment',
			staff_notes: 'paid by wire',
			customer_message: 'Thanks!',
		});
		expect(sandbox.requests.slice(mark)).toEqual([
			expect.objectContaining({
				method: 'PUT',
				path: `/orders/${order.id}`,
				body: { status_id: 11, staff_notes: 'paid by wire', customer_message: 'Thanks!' },
			}),
		]);
		expect(stateOrder(sandbox, order.id).status_id).toBe(11);
		expect(events).toContainEqual([
			'store/order/statusUpdated',
			{ type: 'order', id: order.id, status: { previous_status_id: 7, new_status_id: 11 } },
		]);
	});

	it('merges a partial billing address change into the current address', async () => {
		const order = orderInStatus(sandbox, 9);
		const out = (
			await runNode(sandbox, {
				resource: 'order',
				operation: 'update',
				orderId: locator(order.id),
				updateFields: { billingAddress: '{"phone": "512-555-0199"}' },
			})
		).out;
		expect((out[0].json.billing_address as Json).phone).toBe('512-555-0199');
		expect((out[0].json.billing_address as Json).zip).toBe(order.billing_address.zip);
	});

	it('refuses an empty update without sending anything', async () => {
		const mark = sandbox.requests.length;
		const error = (
			await runNodeError(sandbox, {
				resource: 'order',
				operation: 'update',
				orderId: locator(100),
				updateFields: {},
			})
		).error;
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(/Update Fields/);
		expect(sandbox.requests.slice(mark)).toHaveLength(0);
	});
});

describe('Order → Cancel', () => {
	it('cancels an Awaiting Fulfillment order with one PUT and returns it Cancelled', async () => {
		const order = orderInStatus(sandbox, 11);
		const mark = sandbox.requests.length;
		const out = (
			await runNode(sandbox, { resource: 'order', operation: 'cancel', orderId: locator(order.id) })
		).out;
		expect(out[0].json).toMatchObject({
			id: order.id,
			status_id: 5,
			status: 'Cancelled',
			previous_status: 'Awaiting Fulfillment',
		});
		expect(stateOrder(sandbox, order.id).status_id).toBe(5);
		const puts = sandbox.requests.slice(mark).filter((r) => r.method === 'PUT');
		expect(puts).toEqual([
			expect.objectContaining({ path: `/orders/${order.id}`, body: { status_id: 5 } }),
		]);
	});

	it.each([
		[2, 'Shipped'],
		[3, 'Partially Shipped'],
		[10, 'Completed'],
		[4, 'Refunded'],
		[14, 'Partially Refunded'],
		[6, 'Declined'],
	])('refuses an order in status %i (%s), naming it, and sends no PUT', async (statusId, name) => {
		const order = orderInStatus(sandbox, statusId);
		const mark = sandbox.requests.length;
		const error = (
			await runNodeError(sandbox, {
				resource: 'order',
				operation: 'cancel',
				orderId: locator(order.id),
			})
		).error;
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain(`"${name}"`);
		expect(sandbox.requests.slice(mark).filter((r) => r.method !== 'GET')).toHaveLength(0);
		expect(stateOrder(sandbox, order.id).status_id).toBe(statusId);
	});

	it('refuses an already cancelled order', async () => {
		const order = orderInStatus(sandbox, 5);
		const error = (
			await runNodeError(sandbox, {
				resource: 'order',
				operation: 'cancel',
				orderId: locator(order.id),
			})
		).error;
		expect(error.message).toMatch(/already Cancelled/);
	});

	it('refuses an order whose items shipped even if its status says otherwise', async () => {
		const order = orderInStatus(sandbox, 12);
		stateOrder(sandbox, order.id).products[0].quantity_shipped = 1;
		const mark = sandbox.requests.length;
		const error = (
			await runNodeError(sandbox, {
				resource: 'order',
				operation: 'cancel',
				orderId: locator(order.id),
			})
		).error;
		expect(error.message).toMatch(/already shipped/);
		expect(sandbox.requests.slice(mark).filter((r) => r.method === 'PUT')).toHaveLength(0);
		stateOrder(sandbox, order.id).products[0].quantity_shipped = 0;
	});

	it('answers an unknown order with a NodeOperationError and no PUT', async () => {
		const mark = sandbox.requests.length;
		const error = (
			await runNodeError(sandbox, {
				resource: 'order',
				operation: 'cancel',
				orderId: locator(999999),
			})
		).error;
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(/Order 999999 was not found/);
		expect(sandbox.requests.slice(mark).map((r) => r.method)).toEqual(['GET']);
	});
});

describe('Order → Archive', () => {
	it('archives with DELETE: hidden from lists afterwards', async () => {
		const order = orderInStatus(sandbox, 1);
		events.length = 0;
		const out = (
			await runNode(sandbox, {
				resource: 'order',
				operation: 'archive',
				orderId: locator(order.id),
			})
		).out;
		expect(out[0].json).toEqual({ id: order.id, archived: true });
		expect(sandbox.requests.at(-1)).toMatchObject({
			method: 'DELETE',
			path: `/orders/${order.id}`,
			status: 204,
		});
		expect(stateOrder(sandbox, order.id).is_deleted).toBe(true);
		expect(events).toContainEqual(['store/order/archived', { type: 'order', id: order.id }]);
		const list = (
			await runNode(sandbox, {
				resource: 'order',
				operation: 'getAll',
				returnAll: true,
				filters: { minId: order.id, maxId: order.id },
			})
		).out;
		expect(list).toHaveLength(0);
	});

	it('maps a missing order to a NodeApiError 404', async () => {
		const error = (
			await runNodeError(sandbox, {
				resource: 'order',
				operation: 'archive',
				orderId: locator(999998),
			})
		).error;
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).httpCode).toBe('404');
	});
});
