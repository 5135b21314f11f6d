/**
 * The BigCommerce Polling Trigger against the in-process sandbox: changes made through the action
 * node between polls, each emitted once; the clock is moved instead of waited for (Date.now drives
 * both the node and the sandbox here).
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { BigCommercePollingTrigger } from '../../nodes/BigCommercePollingTrigger/BigCommercePollingTrigger.node';
import { MAX_SEEN, parseState } from '../../nodes/BigCommerce/changes';
import { retrySettings } from '../../nodes/BigCommerce/transport';
import { createPollContext, sandboxCredentials } from '../helpers/context';
import { locator, runNode } from '../helpers/node';
import { startSandbox, type Json, type SandboxHandle } from '../helpers/sandbox';
import { createOrder, movableClock, renameProduct, setOrderStatus } from '../helpers/storeChanges';

let sandbox: SandboxHandle;
let tick: (seconds: number) => void;
const savedBackoff = retrySettings.baseBackoffMs;

beforeAll(async () => {
	retrySettings.baseBackoffMs = 5;
	tick = movableClock(Date.UTC(2026, 5, 1, 12, 0, 0, 250)).tick;
	sandbox = await startSandbox({ seed: { seed: 7, orders: 300, products: 30, customers: 20 } });
});
afterAll(async () => {
	retrySettings.baseBackoffMs = savedBackoff;
	jest.restoreAllMocks();
	await sandbox.close();
});

const ALL_EVENTS = [
	'store/order/created',
	'store/order/updated',
	'store/product/created',
	'store/product/updated',
];

/** One published-workflow poll on this static data; the items it emitted (none: []). */
async function poll(
	staticData: IDataObject,
	params: Record<string, unknown> = {},
	mode: 'trigger' | 'manual' = 'trigger',
) {
	const { ctx, warnings } = createPollContext({
		params: { authentication: 'accessToken', events: ALL_EVENTS, startFrom: 'now', ...params },
		credentials: sandboxCredentials(sandbox),
		staticData,
		mode,
	});
	const before = sandbox.requests.length;
	const out = (await new BigCommercePollingTrigger().poll.call(ctx)) as
		| INodeExecutionData[][]
		| null;
	return {
		items: out ? out[0].map((item) => item.json as Json) : [],
		returnedNull: out === null,
		requests: sandbox.requests.slice(before),
		warnings,
	};
}

const keys = (items: Json[]) => items.map((item) => `${item.event} ${item.resourceId}`);

describe('BigCommerce Polling Trigger', () => {
	it('starts "now" without reading anything, then emits each change made between polls once', async () => {
		const staticData: IDataObject = {};
		const first = await poll(staticData);
		expect(first.returnedNull).toBe(true);
		expect(first.requests).toEqual([]);

		tick(10);
		const orderId = await createOrder(sandbox);
		tick(1);
		await renameProduct(sandbox, 3, 'Polled Three');
		tick(5);
		const second = await poll(staticData);
		expect(keys(second.items)).toEqual([
			`store/order/created ${orderId}`,
			'store/product/updated 3',
		]);
		const order = second.items[0];
		expect(order).toMatchObject({
			source: 'poll',
			resourceType: 'order',
			storeHash: sandbox.storeHash,
			status: 'Awaiting Fulfillment',
			recordStatus: 'fetched',
			deleted: false,
			data: { type: 'order', id: orderId },
		});
		// the webhook trigger's full order record: products, shipping addresses, shipments
		expect(order.record.id).toBe(orderId);
		expect(order.record.products).toEqual([expect.objectContaining({ product_id: 1 })]);
		expect(Array.isArray(order.record.shipping_addresses)).toBe(true);
		expect(second.items[1].record).toMatchObject({ id: 3, name: 'Polled Three' });
		expect(Array.isArray(second.items[1].record.variants)).toBe(true);
		// one list call per resource, with the date filters
		const lists = second.requests.filter(
			(r) => r.path === '/orders' || r.path === '/catalog/products',
		);
		expect(lists.map((r) => Object.keys(r.query).sort())).toEqual([
			expect.arrayContaining(['max_date_modified', 'min_date_modified']),
			expect.arrayContaining(['date_modified:max', 'date_modified:min']),
		]);

		// nothing changed: nothing emitted, one call per resource (the overlap is re-read, not re-sent)
		tick(60);
		const third = await poll(staticData);
		expect(third.returnedNull).toBe(true);
		expect(third.requests.map((r) => r.path)).toEqual(['/orders', '/catalog/products']);

		// update and re-update: each modification once, never twice
		await setOrderStatus(sandbox, orderId, '9');
		tick(5);
		const fourth = await poll(staticData);
		expect(keys(fourth.items)).toEqual([`store/order/updated ${orderId}`]);
		tick(3);
		await setOrderStatus(sandbox, orderId, '2');
		await renameProduct(sandbox, 3, 'Polled Three again');
		tick(5);
		const fifth = await poll(staticData);
		expect(keys(fifth.items)).toEqual([
			`store/order/updated ${orderId}`,
			'store/product/updated 3',
		]);
		expect(fifth.items[0].record.status_id).toBe(2);
		tick(60);
		expect((await poll(staticData)).returnedNull).toBe(true);
	});

	it('leaves a second in progress for the next poll: two updates in one second are not collapsed into the first', async () => {
		const staticData: IDataObject = {};
		await poll(staticData);
		tick(10);
		await renameProduct(sandbox, 4, 'first name');
		// polled in the same second as the update
		const early = await poll(staticData);
		expect(early.items).toEqual([]);
		await renameProduct(sandbox, 4, 'second name');
		tick(3);
		const later = await poll(staticData);
		expect(keys(later.items)).toEqual(['store/product/updated 4']);
		expect(later.items[0].record.name).toBe('second name');
	});

	it('backfills from a look-back date: every record modified since then once, across pages, then only new changes', async () => {
		// a look-back date that takes in 270 of the seeded orders (more than one page of 250)
		const byModified = (sandbox.state.orders as Json[])
			.map((o) => o.date_modified as number)
			.sort((a, b) => b - a);
		const since = Math.floor(byModified[269] / 1000) * 1000;
		const expected = (sandbox.state.orders as Json[]).filter(
			(o) => !o.is_deleted && o.date_modified >= since && o.status_id !== 0,
		).length;
		expect(expected).toBeGreaterThan(250); // more than one page
		const staticData: IDataObject = {};
		const params = {
			events: ['store/order/created', 'store/order/updated'],
			startFrom: 'date',
			startDate: new Date(since).toISOString(),
			includeFullRecord: false,
		};
		const first = await poll(staticData, params);
		const ids = first.items.map((item) => item.resourceId);
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids).toHaveLength(expected);
		expect(first.requests.filter((r) => r.path === '/orders').length).toBe(2);
		tick(30);
		expect((await poll(staticData, params)).returnedNull).toBe(true);
	});

	it('keeps its place across a restart (state as n8n saves it) and after a failed poll', async () => {
		const staticData: IDataObject = {};
		await poll(staticData);
		tick(5);
		await renameProduct(sandbox, 6, 'before restart');
		tick(5);
		expect(keys((await poll(staticData)).items)).toEqual(['store/product/updated 6']);
		// a restart: the saved static data, read back from the database
		const restored = JSON.parse(JSON.stringify(staticData)) as IDataObject;
		tick(5);
		await renameProduct(sandbox, 7, 'while down');
		tick(5);
		// API down while the order details are read: the poll fails and stores nothing
		const orderId = await createOrder(sandbox);
		tick(5);
		const saved = restored.changes;
		const fault = sandbox.faults.add({
			method: 'GET',
			path: new RegExp(`^/v2/orders/${orderId}/products`),
			kind: 'status',
			status: 503,
			times: Infinity,
		});
		await expect(poll(restored)).rejects.toBeInstanceOf(NodeApiError);
		expect(restored.changes).toBe(saved);
		fault.remove();
		const after = await poll(restored);
		expect(keys(after.items)).toEqual([
			'store/product/updated 7',
			`store/order/created ${orderId}`,
		]);
		tick(60);
		expect((await poll(restored)).returnedNull).toBe(true);
	});

	it('tells a status change from another update and applies the status filters', async () => {
		const staticData: IDataObject = {};
		const params = {
			events: ['store/order/created', 'store/order/statusUpdated', 'store/order/updated'],
			orderStatusTo: [2],
		};
		await poll(staticData, params);
		tick(5);
		const orderId = await createOrder(sandbox);
		tick(5);
		expect(keys((await poll(staticData, params)).items)).toEqual([
			`store/order/created ${orderId}`,
		]);
		await setOrderStatus(sandbox, orderId, '9'); // filtered out: not to Shipped
		tick(5);
		expect((await poll(staticData, params)).items).toEqual([]);
		await setOrderStatus(sandbox, orderId, '2');
		tick(5);
		const shipped = await poll(staticData, params);
		expect(shipped.items).toEqual([
			expect.objectContaining({
				event: 'store/order/statusUpdated',
				statusFrom: { id: 9, name: 'Awaiting Shipment' },
				statusTo: { id: 2, name: 'Shipped' },
			}),
		]);
	});

	it('customers: an update is emitted once, with the addresses in the same call', async () => {
		const staticData: IDataObject = {};
		const params = { events: ['store/customer/created', 'store/customer/updated'] };
		await poll(staticData, params);
		tick(5);
		await runNode(sandbox, {
			resource: 'customer',
			operation: 'update',
			customerId: locator('4'),
			updateFields: { notes: 'changed for the poll' },
		});
		tick(5);
		const changed = await poll(staticData, params);
		expect(keys(changed.items)).toEqual(['store/customer/updated 4']);
		expect(changed.items[0].record).toMatchObject({ id: 4, notes: 'changed for the poll' });
		expect(Array.isArray(changed.items[0].record.addresses)).toBe(true);
		expect(changed.requests.map((r) => `${r.path} ${r.query.include}`)).toEqual([
			'/customers addresses,attributes,formfields',
		]);
		tick(60);
		expect((await poll(staticData, params)).returnedNull).toBe(true);
	});

	it('returns a sample in the editor (Fetch Test Event) without moving its state', async () => {
		const staticData: IDataObject = {};
		await poll(staticData);
		const before = JSON.stringify(staticData);
		const sample = await poll(staticData, {}, 'manual');
		expect(sample.items.map((item) => item.resourceType)).toEqual(['order', 'product']);
		expect(sample.items[0]).toMatchObject({ source: 'poll', recordStatus: 'fetched' });
		expect(JSON.stringify(staticData)).toBe(before);
	});

	it('refuses bad settings before any request', async () => {
		const none = poll({}, { events: [] });
		await expect(none).rejects.toThrow(/Choose at least one event in "Events"/);
		const before = sandbox.requests.length;
		await expect(poll({}, { startFrom: 'date', startDate: 'last tuesday' })).rejects.toThrow(
			/"Start Date" must be a date such as 2026-01-31T00:00:00Z; got "last tuesday"/,
		);
		await expect(poll({}, { options: { overlapSeconds: -5 } })).rejects.toBeInstanceOf(
			NodeOperationError,
		);
		expect(sandbox.requests.length).toBe(before);
	});

	it('keeps its state bounded', async () => {
		const staticData: IDataObject = {};
		await poll(staticData, { events: ['store/product/updated'] });
		for (let round = 0; round < 3; round++) {
			tick(400); // past the overlap window
			await renameProduct(sandbox, 8, `round ${round}`);
			tick(5);
			await poll(staticData, { events: ['store/product/updated'] });
		}
		const state = parseState(staticData.changes);
		// only the changes inside the overlap window are remembered
		expect(Object.keys(state.resources.product!.seen)).toEqual([expect.stringMatching(/^8@/)]);
		expect(MAX_SEEN).toBe(20000);
	});
});
