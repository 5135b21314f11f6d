import { NodeOperationError } from 'n8n-workflow';

import { useSandbox } from '../../helpers/sandbox';
import { orderInStatus, stateOrder } from './fixtures';
import { locator, runNode, runNodeError } from '../../helpers/node';

const sandbox = useSandbox();

/** Runs Order › Cancel on this order expecting a refusal: the error and the requests sent. */
const refuseCancel = (orderId: number) =>
	runNodeError(sandbox, { resource: 'order', operation: 'cancel', orderId: locator(orderId) });

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
		const { error, requests } = await refuseCancel(order.id);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain(`"${name}"`);
		expect(requests.filter((r) => r.method !== 'GET')).toHaveLength(0);
		expect(stateOrder(sandbox, order.id).status_id).toBe(statusId);
	});

	it('refuses an already cancelled order', async () => {
		const order = orderInStatus(sandbox, 5);
		const { error } = await refuseCancel(order.id);
		expect(error.message).toMatch(/already Cancelled/);
	});

	it('refuses an order whose items shipped even if its status says otherwise', async () => {
		const order = orderInStatus(sandbox, 12);
		stateOrder(sandbox, order.id).products[0].quantity_shipped = 1;
		const { error, requests } = await refuseCancel(order.id);
		expect(error.message).toMatch(/already shipped/);
		expect(requests.filter((r) => r.method === 'PUT')).toHaveLength(0);
		stateOrder(sandbox, order.id).products[0].quantity_shipped = 0;
	});

	it('answers an unknown order with a NodeOperationError and no PUT', async () => {
		const { error, requests } = await refuseCancel(999999);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(/Order 999999 was not found/);
		expect(requests.map((r) => r.method)).toEqual(['GET']);
	});
});
