'use strict';
/**
 * Orders in one workflow run headlessly by n8n: list, get, the shopper-facing status look-up,
 * order products, a status update then a shipment with tracking (fulfilment sync), transactions,
 * cancel (and the refusal to cancel twice, as a continue-on-fail item).
 */
const { values, idOf, requestLines } = require('./helpers');

const WF = 'e2eOrders0000001';
const TRACKING = '1Z999AA10123456784';

function pick(ctx) {
	if (ctx.shared.orderPick) return ctx.shared.orderPick;
	const orders = values(ctx.sandbox.state.orders).filter((o) => !o.is_deleted);
	const awaiting = orders.filter((o) => Number(o.status_id) === 11 && !(o.shipments || []).length);
	ctx.assert.ok(awaiting.length >= 2, 'the sandbox seed needs two orders Awaiting Fulfillment');
	ctx.shared.orderPick = { cancel: awaiting[0], ship: awaiting[1] };
	return ctx.shared.orderPick;
}

const order = (id) => ({ __rl: true, mode: 'id', value: String(id) });

module.exports = {
	name: 'Resource: Orders (support agent + fulfilment)',

	workflows(ctx) {
		const { cancel, ship } = pick(ctx);
		return [
			ctx.wf.actionWorkflow({
				id: WF,
				name: 'e2e: orders',
				steps: [
					{ name: 'List orders', parameters: { resource: 'order', operation: 'getAll', limit: 5 } },
					{
						name: 'Get order',
						parameters: { resource: 'order', operation: 'get', orderId: order(cancel.id) },
					},
					{
						name: 'Status for shopper',
						parameters: {
							resource: 'order',
							operation: 'getStatusForShopper',
							lookup: 'order',
							orderNumber: String(cancel.id),
							email: cancel.email.toUpperCase(),
						},
					},
					{
						name: 'Status for wrong email',
						parameters: {
							resource: 'order',
							operation: 'getStatusForShopper',
							lookup: 'order',
							orderNumber: String(cancel.id),
							email: 'someone.else@example.org',
						},
						continueOnFail: true,
					},
					{
						name: 'Order products',
						parameters: {
							resource: 'orderProduct',
							operation: 'getAll',
							orderId: order(ship.id),
							returnAll: true,
						},
					},
					{
						name: 'Mark awaiting shipment',
						parameters: {
							resource: 'order',
							operation: 'update',
							orderId: order(ship.id),
							updateFields: { statusId: '9' },
						},
					},
					{
						name: 'Create shipment',
						parameters: {
							resource: 'orderShipment',
							operation: 'create',
							orderId: order(ship.id),
							itemsMode: 'remaining',
							trackingNumber: TRACKING,
							trackingCarrier: 'ups',
						},
					},
					{
						name: 'List shipments',
						parameters: {
							resource: 'orderShipment',
							operation: 'getAll',
							orderId: order(ship.id),
							returnAll: true,
						},
					},
					{
						name: 'Transactions',
						parameters: {
							resource: 'orderTransaction',
							operation: 'getAll',
							orderId: order(cancel.id),
							returnAll: true,
						},
					},
					{ name: 'Statuses', parameters: { resource: 'order', operation: 'getStatuses' } },
					{
						name: 'Cancel order',
						parameters: { resource: 'order', operation: 'cancel', orderId: order(cancel.id) },
					},
					{
						name: 'Cancel again',
						parameters: { resource: 'order', operation: 'cancel', orderId: idOf('Cancel order') },
						continueOnFail: true,
					},
				],
			}),
		];
	},

	tests: [
		{
			name: 'the orders workflow runs to the end',
			async run(ctx) {
				ctx.shared.ordersBefore = ctx.sandbox.requests.length;
				const run = await ctx.runOnce(WF);
				ctx.expectSuccess(run, WF);
			},
		},
		{
			name: 'Get Many / Get return orders with status names and ISO dates',
			core: true,
			async run(ctx) {
				const run = ctx.expectSuccess(await ctx.runOnce(WF));
				const list = run.output('List orders');
				ctx.assert.equal(list.length, 5);
				for (const o of list)
					ctx.assert.ok(o.id && typeof o.status === 'string', JSON.stringify(o).slice(0, 300));
				const [one] = run.output('Get order');
				ctx.assert.equal(one.id, pick(ctx).cancel.id);
				ctx.assert.match(String(one.date_created), /^\d{4}-\d{2}-\d{2}T/);
			},
		},
		{
			name: 'support agent: order status for the shopper (email must match)',
			async run(ctx) {
				const run = ctx.expectSuccess(await ctx.runOnce(WF));
				const [status] = run.output('Status for shopper');
				ctx.assert.equal(status.order_number, pick(ctx).cancel.id);
				ctx.assert.equal(status.status, 'Awaiting Fulfillment');
				const [wrong] = run.output('Status for wrong email');
				const text = JSON.stringify(wrong);
				ctx.assert.ok(
					!text.includes(pick(ctx).cancel.email),
					`must not leak the order's email: ${text}`,
				);
				ctx.assert.ok(
					wrong.error || wrong.found === false || wrong.found === 0,
					`wrong email must not get the order: ${text}`,
				);
			},
		},
		{
			name: 'fulfilment: status update, then a shipment with tracking ships the order',
			core: true,
			async run(ctx) {
				const run = ctx.expectSuccess(await ctx.runOnce(WF));
				const { ship } = pick(ctx);
				const products = run.output('Order products');
				ctx.assert.ok(products.length >= 1);
				const [updated] = run.output('Mark awaiting shipment');
				ctx.assert.equal(Number(updated.status_id), 9);
				const [shipment] = run.output('Create shipment');
				ctx.assert.equal(shipment.tracking_number, TRACKING);
				ctx.assert.equal(shipment.order_id, ship.id);
				const shipments = run.output('List shipments');
				ctx.assert.ok(shipments.some((s) => s.tracking_number === TRACKING));
				const stored = values(ctx.sandbox.state.orders).find((o) => o.id === ship.id);
				ctx.assert.equal(
					Number(stored.status_id),
					2,
					'all items shipped → status Shipped in the store',
				);
			},
		},
		{
			name: 'support agent: cancel an order, and a second cancel is refused without a write',
			async run(ctx) {
				const run = ctx.expectSuccess(await ctx.runOnce(WF));
				const { cancel } = pick(ctx);
				const [cancelled] = run.output('Cancel order');
				ctx.assert.equal(Number(cancelled.status_id), 5);
				ctx.assert.equal(cancelled.previous_status, 'Awaiting Fulfillment');
				const stored = values(ctx.sandbox.state.orders).find((o) => o.id === cancel.id);
				ctx.assert.equal(Number(stored.status_id), 5);
				const [again] = run.output('Cancel again');
				ctx.assert.match(String(again.error), /already Cancelled/);
				const puts = requestLines(ctx.sandbox, ctx.shared.ordersBefore).filter((l) =>
					l.startsWith(`PUT v2/orders/${cancel.id} `),
				);
				ctx.assert.equal(puts.length, 1, `one cancelling write: ${puts.join(', ')}`);
			},
		},
		{
			name: 'transactions and the status list',
			async run(ctx) {
				const run = ctx.expectSuccess(await ctx.runOnce(WF));
				ctx.assert.ok(Array.isArray(run.output('Transactions')));
				const statuses = run.output('Statuses');
				ctx.assert.ok(
					statuses.some((s) => s.name === 'Cancelled' && Number(s.id) === 5),
					JSON.stringify(statuses).slice(0, 300),
				);
			},
		},
	],
};
