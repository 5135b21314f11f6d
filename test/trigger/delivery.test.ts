import { persistedKeys } from '../../nodes/BigCommerceTrigger/dedup';
import { HOOK_HEADER } from '../../nodes/BigCommerceTrigger/verify';
import type { Json } from '../helpers/sandbox';
import { FakeN8n, hooksAt, useTriggerSandbox } from '../helpers/trigger';

const { sandbox, open } = useTriggerSandbox();
let counter = 0;
beforeEach(() => sandbox.webhooks.configure({ sign: false }));

/** A trigger activated on the sandbox, in its own workflow (fresh duplicate memory). */
async function activeTrigger(params: Record<string, unknown> = {}) {
	counter++;
	const n8n = await FakeN8n.start(
		sandbox,
		{ includeFullRecord: false, ...params },
		`wf-delivery-${counter}`,
		`a1b2c3d4-0000-4000-8000-${String(counter).padStart(12, '0')}`,
	);
	open.push(n8n);
	await n8n.activate();
	return n8n;
}

async function post(n8n: FakeN8n, body: unknown, headers: Record<string, string>) {
	const answer = await fetch(n8n.webhookUrl, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', ...headers },
		body: JSON.stringify(body),
	});
	return { status: answer.status, body: (await answer.json().catch(() => null)) as Json };
}

const orderId = () => (sandbox.state.orders as Json[])[0].id as number;

function hookOf(n8n: FakeN8n, scope: string): Json {
	return hooksAt(sandbox, n8n.webhookUrl).find((h) => h.scope === scope);
}

describe('authenticity', () => {
	const envelope = () => ({
		scope: 'store/order/created',
		store_id: sandbox.storeId,
		data: { type: 'order', id: orderId() },
		hash: 'a'.repeat(40),
		created_at: Math.floor(Date.now() / 1000),
		producer: `stores/${sandbox.storeHash}`,
	});

	it('a delivery without the secret header is refused with 401 and starts nothing', async () => {
		const n8n = await activeTrigger();
		const answer = await post(n8n, envelope(), {});
		expect(answer.status).toBe(401);
		expect(n8n.executions).toHaveLength(0);
	});

	it('a wrong secret is refused with 401 and starts nothing', async () => {
		const n8n = await activeTrigger();
		const secret = n8n.nodeData.secret as string;
		const wrong = secret.slice(0, -1) + (secret.endsWith('0') ? '1' : '0');
		expect((await post(n8n, envelope(), { [HOOK_HEADER]: wrong })).status).toBe(401);
		expect((await post(n8n, envelope(), { [HOOK_HEADER]: `${secret}x` })).status).toBe(401);
		expect(n8n.executions).toHaveLength(0);
	});

	it('the right secret (as BigCommerce sends it) starts one execution with the event', async () => {
		const n8n = await activeTrigger();
		sandbox.emit('store/order/created', { type: 'order', id: orderId() });
		await n8n.settle();
		expect(n8n.executions).toHaveLength(1);
		const [item] = n8n.executions[0].output ?? [];
		expect(item.json).toMatchObject({
			event: 'store/order/created',
			resourceType: 'order',
			resourceId: orderId(),
			storeHash: sandbox.storeHash,
			storeId: sandbox.storeId,
			// the same shape as the polling trigger's items, which say source: 'poll'
			source: 'webhook',
		});
		expect(item.json.raw).toEqual(
			expect.objectContaining({
				scope: 'store/order/created',
				producer: `stores/${sandbox.storeHash}`,
			}),
		);
		expect(item.pairedItem).toEqual({ item: 0 });
	});

	it('no stored secret (state lost without re-activation): 401 and a warning', async () => {
		const n8n = await activeTrigger();
		n8n.saved = {};
		expect((await post(n8n, envelope(), { [HOOK_HEADER]: 'anything' })).status).toBe(401);
		expect(
			n8n.logs.some((l) => l.level === 'warn' && /activate the workflow again/.test(l.message)),
		).toBe(true);
	});

	it('Standard Webhooks signatures: valid accepted; wrong secret or stale timestamp refused', async () => {
		sandbox.webhooks.configure({ sign: true });
		const n8n = await activeTrigger();
		const clientSecret = sandbox.webhooks.clientSecretOf(
			hookOf(n8n, 'store/order/created').client_id,
		);
		const withSecret = (secret: string) => ({
			bigCommerceApi: { ...n8n.credentials.bigCommerceApi, clientSecret: secret },
		});
		n8n.credentials = withSecret(clientSecret);
		n8n.params.options = { allowInsecureUrl: true, verifySignature: true };
		sandbox.emit('store/order/created', { type: 'order', id: orderId() });
		await n8n.settle();
		expect(n8n.executions).toHaveLength(1);

		n8n.credentials = withSecret('not-the-secret');
		sandbox.emit('store/order/created', { type: 'order', id: orderId() + 1 });
		await n8n.settle();
		expect(n8n.executions).toHaveLength(1);
		expect(n8n.responses.at(-1)?.status).toBe(401);

		n8n.credentials = withSecret(clientSecret);
		n8n.params.options = {
			allowInsecureUrl: true,
			verifySignature: true,
			signatureToleranceSeconds: 300,
		};
		sandbox.advanceClock(10 * 60 * 1000); // the sandbox signs 10 minutes in the future
		sandbox.emit('store/order/created', { type: 'order', id: orderId() + 2 });
		await n8n.settle();
		expect(n8n.executions).toHaveLength(1);
		expect(n8n.responses.at(-1)?.status).toBe(401);
		sandbox.advanceClock(-10 * 60 * 1000);
	});
});

describe('exactly once', () => {
	it('sequential repeats of one delivery start one execution; repeats answered 200', async () => {
		const n8n = await activeTrigger();
		sandbox.emit('store/order/created', { type: 'order', id: orderId() });
		await n8n.settle();
		for (let i = 0; i < 3; i++) {
			sandbox.webhooks.repeat();
			await n8n.settle();
		}
		expect(n8n.executions).toHaveLength(1);
		expect(n8n.responses.map((r) => r.status)).toEqual([200, 200, 200, 200]);
		expect(n8n.responses.slice(1).map((r) => r.body)).toEqual([
			'duplicate',
			'duplicate',
			'duplicate',
		]);
		const deliveries = sandbox.webhooks
			.list()
			.filter((d: Json) => d.hookId === hookOf(n8n, 'store/order/created').id);
		expect(deliveries.every((d: Json) => d.status === 'delivered')).toBe(true);
	});

	it('eight copies arriving at the same instant start one execution', async () => {
		const n8n = await activeTrigger();
		const hook = sandbox.state.hooks.find(
			(h: Json) => h.id === hookOf(n8n, 'store/order/created').id,
		);
		const payload = sandbox.webhooks.envelope('store/order/created', {
			type: 'order',
			id: orderId(),
		});
		for (let i = 0; i < 8; i++) sandbox.webhooks.deliver(hook, payload);
		await n8n.settle();
		expect(n8n.responses).toHaveLength(8);
		expect(n8n.executions).toHaveLength(1);
		expect(n8n.responses.filter((r) => r.body === 'duplicate')).toHaveLength(7);
	});

	it('genuinely different events with the same thin data are not merged', async () => {
		const n8n = await activeTrigger({ events: ['store/order/created', 'store/order/updated'] });
		const data = { type: 'order', id: orderId() };
		sandbox.emit('store/order/updated', data);
		await n8n.settle();
		sandbox.advanceClock(2000); // a second update of the same order, later: same hash
		sandbox.emit('store/order/updated', data);
		await n8n.settle();
		sandbox.emit('store/order/created', data); // same hash and second, other scope
		await n8n.settle();
		const hashes = n8n.executions.map((e) => e.items[0].json.hash);
		expect(new Set(hashes).size).toBe(1);
		expect(n8n.executions).toHaveLength(3);
	});

	it('a repeat after n8n restarts starts nothing (the key was saved by the execution)', async () => {
		const n8n = await activeTrigger();
		sandbox.emit('store/order/created', { type: 'order', id: orderId() });
		await n8n.settle();
		const key = n8n.executions[0].items[0].json.deliveryKey as string;
		expect(Object.keys(persistedKeys(n8n.nodeData))).toContain(key);

		n8n.restart();
		await n8n.activate(); // n8n re-runs checkExists at start: the remembered deliveries survive
		sandbox.webhooks.repeat();
		sandbox.webhooks.repeat(undefined, 3);
		await n8n.settle();
		expect(n8n.executions).toHaveLength(1);
		// and a new event after the restart still runs
		sandbox.emit('store/order/created', { type: 'order', id: orderId() + 1 });
		await n8n.settle();
		expect(n8n.executions).toHaveLength(2);
	});

	it('an execution that fails fetching the record still records the delivery (no re-run after a restart)', async () => {
		const n8n = await activeTrigger({ includeFullRecord: true, skipIncompleteOrders: false });
		const fault = sandbox.faults.add({
			method: 'GET',
			path: /^\/orders\/\d+$/,
			kind: 'status',
			status: 403,
			times: 5,
		});
		try {
			sandbox.emit('store/order/created', { type: 'order', id: orderId() });
			await n8n.settle();
		} finally {
			fault.remove();
		}
		expect(n8n.executions).toHaveLength(1);
		expect(n8n.executions[0].error?.message).toMatch(/403/);
		expect(Object.keys(persistedKeys(n8n.nodeData))).toContain(
			n8n.executions[0].items[0].json.deliveryKey,
		);
		n8n.restart();
		sandbox.webhooks.repeat();
		await n8n.settle();
		expect(n8n.executions).toHaveLength(1);
	});

	it("overlapping executions do not lose each other's keys (last writer wins in n8n)", async () => {
		const n8n = await activeTrigger();
		const hook = sandbox.state.hooks.find(
			(h: Json) => h.id === hookOf(n8n, 'store/order/created').id,
		);
		const ids = [orderId(), orderId() + 1, orderId() + 2];
		for (const id of ids)
			sandbox.webhooks.deliver(
				hook,
				sandbox.webhooks.envelope('store/order/created', { type: 'order', id }),
			);
		await n8n.settle();
		expect(n8n.executions).toHaveLength(3);
		const keys = n8n.executions.map((e) => e.items[0].json.deliveryKey as string);
		expect(Object.keys(persistedKeys(n8n.nodeData))).toEqual(expect.arrayContaining(keys));
	});

	it('a copy that reached another n8n process is dropped inside the execution (queue-mode guard)', async () => {
		const n8n = await activeTrigger();
		n8n.processed = new Set();
		sandbox.emit('store/order/created', { type: 'order', id: orderId() });
		await n8n.settle();
		expect(n8n.executions[0].output).toHaveLength(1);
		// a second webhook process knows nothing of the first one's memory
		n8n.restart();
		const saved = n8n.saved;
		n8n.saved = { [n8n.key]: { ...n8n.nodeData, deliveryLog: '' } }; // its copy was loaded before the save
		sandbox.webhooks.repeat();
		await n8n.settle();
		expect(n8n.executions).toHaveLength(2);
		expect(n8n.executions[1].output).toEqual([]);
		expect(n8n.logs.some((l) => /already processed; skipped/.test(l.message))).toBe(true);
		n8n.saved = saved;
	});
});

describe('filters', () => {
	it('a channel filter subscribes per channel and outputs the plain event with its channel', async () => {
		const order = (sandbox.state.orders as Json[])[0];
		const n8n = await activeTrigger({ channelId: order.channel_id });
		expect(hooksAt(sandbox, n8n.webhookUrl).map((h) => h.scope)).toEqual([
			`store/channel/${order.channel_id}/order/created`,
		]);
		sandbox.emit('store/order/created', { type: 'order', id: order.id });
		await n8n.settle();
		expect(n8n.executions).toHaveLength(1);
		expect(n8n.executions[0].items[0].json).toMatchObject({
			event: 'store/order/created',
			scope: `store/channel/${order.channel_id}/order/created`,
			channelId: order.channel_id,
		});
	});

	it('an event the node did not select is acknowledged and ignored', async () => {
		const n8n = await activeTrigger();
		const answer = await post(
			n8n,
			{
				scope: 'store/product/updated',
				store_id: '1',
				data: { type: 'product', id: 1 },
				hash: 'b'.repeat(40),
				created_at: 1,
				producer: 'stores/x',
			},
			{ [HOOK_HEADER]: n8n.nodeData.secret as string },
		);
		expect(answer).toEqual({ status: 200, body: 'ignored: event not selected' });
		expect(n8n.executions).toHaveLength(0);
	});

	it('order status from/to filters', async () => {
		const n8n = await activeTrigger({
			events: ['store/order/statusUpdated'],
			orderStatusFrom: [11],
			orderStatusTo: [2, 10],
		});
		const change = (from: number, to: number) =>
			sandbox.emit('store/order/statusUpdated', {
				type: 'order',
				id: orderId(),
				status: { previous_status_id: from, new_status_id: to },
			});
		change(11, 2); // passes
		change(1, 2); // wrong from
		change(11, 5); // wrong to
		change(11, 10); // passes
		await n8n.settle();
		expect(
			n8n.executions.map((e) => [e.items[0].json.statusFrom, e.items[0].json.statusTo]),
		).toEqual([
			[
				{ id: 11, name: 'Awaiting Fulfillment' },
				{ id: 2, name: 'Shipped' },
			],
			[
				{ id: 11, name: 'Awaiting Fulfillment' },
				{ id: 10, name: 'Completed' },
			],
		]);
	});

	it('skips order-created events of incomplete orders (status 0), unless turned off', async () => {
		const order = (sandbox.state.orders as Json[])[1];
		const previous = order.status_id;
		order.status_id = 0;
		try {
			const n8n = await activeTrigger();
			sandbox.emit('store/order/created', { type: 'order', id: order.id });
			await n8n.settle();
			// checked in the execution (webhook() makes no API call): it ends with no item
			expect(n8n.executions).toHaveLength(1);
			expect(n8n.executions[0].output).toEqual([]);

			n8n.params.skipIncompleteOrders = false;
			sandbox.advanceClock(1000);
			sandbox.emit('store/order/created', { type: 'order', id: order.id });
			await n8n.settle();
			expect(n8n.executions).toHaveLength(2);
			expect(n8n.executions[1].output).toHaveLength(1);
		} finally {
			order.status_id = previous;
		}
	});
});
