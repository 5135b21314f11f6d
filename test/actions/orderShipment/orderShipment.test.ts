import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { acknowledgeViolations, type Json, useSandbox, recordEvents } from '../../helpers/sandbox';
import { orderInStatus, stateOrder } from '../order/fixtures';
import { locator, runNode, runNodeError } from '../../helpers/node';

const sandbox = useSandbox();
const events = recordEvents(sandbox);

/** An Awaiting Fulfillment order with at least 2 units over at least 2 lines, nothing shipped. */
function freshOrder(): Json {
	const order = (sandbox.state.orders as Json[]).find(
		(o) =>
			o.status_id === 11 &&
			!o.is_deleted &&
			o.products.length >= 2 &&
			o.products.every((p: Json) => p.quantity_shipped === 0),
	);
	if (!order) throw new Error('no suitable seeded order');
	return order;
}

describe('Order Shipment → Create', () => {
	it('ships selected items (Partially Shipped), then the rest (Shipped), with tracking', async () => {
		const order = freshOrder();
		const [first, ...rest] = order.products;
		events.length = 0;
		const mark = sandbox.requests.length;
		const out = (
			await runNode(sandbox, {
				resource: 'orderShipment',
				operation: 'create',
				orderId: locator(order.id),
				itemsMode: 'selected',
				items: { item: [{ orderProductId: first.id, quantity: first.quantity }] },
				trackingNumber: '1Z999AA10123456784',
				trackingCarrier: 'ups',
				trackingLink: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
			})
		).out;
		expect(out[0].json).toMatchObject({
			order_id: order.id,
			tracking_number: '1Z999AA10123456784',
			tracking_carrier: 'ups',
			tracking_link: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
			items: [{ order_product_id: first.id, quantity: first.quantity }],
		});
		const sent = sandbox.requests.slice(mark);
		expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([
			`GET /orders/${order.id}/shipping_addresses`,
			`POST /orders/${order.id}/shipments`,
		]);
		expect(sent[1].body).toEqual({
			order_address_id: order.shipping_addresses[0].id,
			items: [{ order_product_id: first.id, quantity: first.quantity }],
			tracking_number: '1Z999AA10123456784',
			tracking_carrier: 'ups',
			tracking_link: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
		});
		expect(stateOrder(sandbox, order.id).status_id).toBe(3);
		expect(stateOrder(sandbox, order.id).products[0].quantity_shipped).toBe(first.quantity);
		expect(events).toContainEqual([
			'store/order/statusUpdated',
			{ type: 'order', id: order.id, status: { previous_status_id: 11, new_status_id: 3 } },
		]);
		expect(events).toContainEqual([
			'store/shipment/created',
			{ type: 'shipment', id: out[0].json.id, orderId: order.id },
		]);

		const second = (
			await runNode(sandbox, {
				resource: 'orderShipment',
				operation: 'create',
				orderId: locator(order.id),
				itemsMode: 'remaining',
				trackingNumber: '9400111',
				trackingCarrier: 'usps',
			})
		).out;
		expect((second[0].json.items as Json[]).map((i) => i.order_product_id)).toEqual(
			rest.map((p: Json) => p.id),
		);
		expect(stateOrder(sandbox, order.id).status_id).toBe(2);

		const read = (
			await runNode(sandbox, { resource: 'order', operation: 'get', orderId: locator(order.id) })
		).out;
		expect(read[0].json).toMatchObject({
			status: 'Shipped',
			items_shipped: read[0].json.items_total,
		});
	});

	it('refuses to ship an order with nothing left, without POSTing', async () => {
		const order = orderInStatus(sandbox, 2);
		const mark = sandbox.requests.length;
		const error = (
			await runNodeError(sandbox, {
				resource: 'orderShipment',
				operation: 'create',
				orderId: locator(order.id),
				itemsMode: 'remaining',
			})
		).error;
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(/nothing left to ship/);
		expect(sandbox.requests.slice(mark).filter((r) => r.method === 'POST')).toHaveLength(0);
	});

	it('passes on the API refusal when shipping more than ordered', async () => {
		const order = freshOrder();
		const error = (
			await runNodeError(sandbox, {
				resource: 'orderShipment',
				operation: 'create',
				orderId: locator(order.id),
				itemsMode: 'json',
				itemsJson: JSON.stringify([{ order_product_id: order.products[0].id, quantity: 99 }]),
				additionalFields: { orderAddressId: order.shipping_addresses[0].id },
			})
		).error;
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/left to ship/);
		expect(stateOrder(sandbox, order.id).shipments).toHaveLength(0);
		// the spec documents only 201 for this POST; BigCommerce answers a V2 400 for invalid items
		expect(acknowledgeViolations().map((v) => v.reason)).toEqual([]);
	});

	it.each([
		[
			'bad items JSON',
			{ itemsMode: 'json', itemsJson: '[{"order_product_id": 1, "quantity": }]' },
			/"Items \(JSON\)" is not valid JSON/,
		],
		[
			'zero quantity',
			{ itemsMode: 'selected', items: { item: [{ orderProductId: 1, quantity: 0 }] } },
			/Quantity" must be a whole number of 1/,
		],
		['no items', { itemsMode: 'selected', items: {} }, /at least one/],
		[
			'a tracking link that is not a URL',
			{ itemsMode: 'remaining', trackingLink: 'ups.com/track' },
			/"Tracking Link" must be a URL/,
		],
		[
			'a negative order ID',
			{ itemsMode: 'remaining', orderId: locator('-1') },
			/"Order" must be a positive whole number/,
		],
	])('rejects %s before any request', async (_name, params, message) => {
		const mark = sandbox.requests.length;
		const error = (
			await runNodeError(sandbox, {
				resource: 'orderShipment',
				operation: 'create',
				orderId: locator(100),
				...params,
			})
		).error;
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(message);
		expect(sandbox.requests.slice(mark)).toHaveLength(0);
	});
});

describe('Order Shipment → Get Many / Update / Delete', () => {
	it('lists shipments with tracking and ISO dates; none → empty', async () => {
		const shipped = orderInStatus(sandbox, 10);
		const out = (
			await runNode(sandbox, {
				resource: 'orderShipment',
				operation: 'getAll',
				orderId: locator(shipped.id),
				returnAll: true,
			})
		).out;
		expect(out.map((item) => item.json.tracking_number)).toEqual(
			shipped.shipments.map((s: Json) => s.tracking_number),
		);
		expect(out[0].json.date_created).toMatch(/^\d{4}-\d{2}-\d{2}T/);
		const pending = orderInStatus(sandbox, 7);
		const none = (
			await runNode(sandbox, {
				resource: 'orderShipment',
				operation: 'getAll',
				orderId: locator(pending.id),
				returnAll: true,
			})
		).out;
		expect(none).toHaveLength(0);
		expect(sandbox.requests.at(-1)?.status).toBe(204);
	});

	it('updates tracking with one PUT', async () => {
		const order = orderInStatus(sandbox, 10);
		const shipment = order.shipments[0];
		events.length = 0;
		const out = (
			await runNode(sandbox, {
				resource: 'orderShipment',
				operation: 'update',
				orderId: locator(order.id),
				shipmentId: String(shipment.id),
				updateFields: { trackingNumber: 'NEW123', trackingCarrier: 'dhl', comments: 'relabelled' },
			})
		).out;
		expect(out[0].json).toMatchObject({
			id: shipment.id,
			tracking_number: 'NEW123',
			tracking_carrier: 'dhl',
			comments: 'relabelled',
		});
		expect(sandbox.requests.at(-1)).toMatchObject({
			method: 'PUT',
			path: `/orders/${order.id}/shipments/${shipment.id}`,
			body: { tracking_number: 'NEW123', tracking_carrier: 'dhl', comments: 'relabelled' },
		});
		expect(events).toContainEqual([
			'store/shipment/updated',
			{ type: 'shipment', id: shipment.id, orderId: order.id },
		]);
	});

	it('deletes a shipment (items count as unshipped again)', async () => {
		const order = orderInStatus(sandbox, 3);
		const shipment = order.shipments[0];
		const out = (
			await runNode(sandbox, {
				resource: 'orderShipment',
				operation: 'delete',
				orderId: locator(order.id),
				shipmentId: String(shipment.id),
			})
		).out;
		expect(out[0].json).toEqual({ order_id: order.id, id: shipment.id, deleted: true });
		expect(sandbox.requests.at(-1)).toMatchObject({ method: 'DELETE', status: 204 });
		expect(stateOrder(sandbox, order.id).shipments).toHaveLength(0);
		expect(
			stateOrder(sandbox, order.id).products.every((p: Json) => p.quantity_shipped === 0),
		).toBe(true);
	});

	it('rejects a non-numeric shipment ID and an empty update before any request', async () => {
		const mark = sandbox.requests.length;
		const a = (
			await runNodeError(sandbox, {
				resource: 'orderShipment',
				operation: 'delete',
				orderId: locator(100),
				shipmentId: 'abc',
			})
		).error;
		expect(a.message).toMatch(/"Shipment ID" must be a positive whole number/);
		const b = (
			await runNodeError(sandbox, {
				resource: 'orderShipment',
				operation: 'update',
				orderId: locator(100),
				shipmentId: '1',
				updateFields: {},
			})
		).error;
		expect(b.message).toMatch(/"Update Fields" is empty/);
		expect(sandbox.requests.slice(mark)).toHaveLength(0);
	});
});
