import { NodeOperationError } from 'n8n-workflow';

import { type Json, useSandbox, recordEvents } from '../../helpers/sandbox';
import { orderInStatus, stateOrder } from './fixtures';
import { locator, runNode, runNodeError } from '../../helpers/node';

const sandbox = useSandbox();
const events = recordEvents(sandbox);

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
