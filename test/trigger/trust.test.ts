/**
 * Issue #10, section 2: the trigger never loses an event. Each test here failed on the code
 * before the fix (see the branch's commits): retry after a failed hydration, claims released,
 * no API call before BigCommerce is answered, webhook-id as the key, bounds that evict the
 * oldest, IDs from the body validated, Standard Webhooks settings, the acknowledgement body.
 */
import type { IDataObject } from 'n8n-workflow';

import { MAX_PERSISTED, persistedKeys } from '../../nodes/BigCommerceTrigger/dedup';
import { HOOK_HEADER } from '../../nodes/BigCommerceTrigger/verify';
import type { Json } from '../helpers/sandbox';
import { FakeN8n, hooksAt, useTriggerSandbox, type Params } from '../helpers/trigger';

const { sandbox, open } = useTriggerSandbox();
let counter = 0;
beforeEach(() => sandbox.webhooks.configure({ sign: false }));

async function activeTrigger(params: Params = {}, activate = true) {
	counter++;
	const n8n = await FakeN8n.start(
		sandbox,
		params,
		`wf-trust-${counter}`,
		`b1b2c3d4-0000-4000-8000-${String(counter).padStart(12, '0')}`,
	);
	open.push(n8n);
	if (activate) await n8n.activate();
	return n8n;
}

const order = () =>
	(sandbox.state.orders as Json[]).find((o: Json) => o.status_id !== 0 && !o.is_deleted);

function envelope(data: IDataObject, scope = 'store/order/created'): IDataObject {
	return {
		scope,
		store_id: sandbox.storeId,
		data,
		hash: 'c'.repeat(40),
		created_at: Math.floor(Date.now() / 1000),
		producer: `stores/${sandbox.storeHash}`,
	};
}

/** A delivery POSTed straight to the trigger (bodies the sandbox's webhook engine would never send). */
async function post(n8n: FakeN8n, body: unknown, headers: Record<string, string> = {}) {
	const answer = await fetch(n8n.webhookUrl, {
		method: 'POST',
		headers: {
			'Content-Type': 'application/json',
			[HOOK_HEADER]: n8n.nodeData.secret as string,
			...headers,
		},
		body: JSON.stringify(body),
	});
	const text = await answer.text();
	let parsed: unknown = text;
	try {
		parsed = JSON.parse(text);
	} catch {
		// plain text
	}
	return { status: answer.status, body: parsed };
}

const apiRequestsSince = (from: number) =>
	sandbox.requests.slice(from).filter((r) => !r.path.startsWith('/hooks'));

/** Delivers one store/order/created event while every order read is answered with `status`. */
async function deliverWhileOrderReadsFail(n8n: FakeN8n, orderId: number, status: number) {
	const refused = sandbox.faults.add({
		method: 'GET',
		path: /^\/orders\//,
		kind: 'status',
		status,
		times: 1000,
	});
	try {
		sandbox.emit('store/order/created', { type: 'order', id: orderId });
		await n8n.settle();
	} finally {
		refused.remove();
	}
}

describe('Retry of a failed execution delivers the record', () => {
	it('API down → execution fails → API back → Retry outputs the full record; a resend stays a duplicate', async () => {
		const n8n = await activeTrigger({ skipIncompleteOrders: false });
		const target = order();
		await deliverWhileOrderReadsFail(n8n, target.id, 503);
		expect(n8n.executions).toHaveLength(1);
		expect(n8n.executions[0].error).toBeDefined();

		const retried = await n8n.retry(n8n.executions[0]);
		expect(retried.error).toBeUndefined();
		expect(retried.output).toHaveLength(1);
		expect(retried.output![0].json).toMatchObject({
			recordStatus: 'fetched',
			record: { id: target.id },
		});

		n8n.restart(); // even with the process memory gone, the saved key refuses the resend
		sandbox.webhooks.repeat();
		await n8n.settle();
		expect(n8n.executions).toHaveLength(2);
		expect(n8n.responses.at(-1)?.body).toBe('duplicate');
	});
});

describe('Retry "with the original workflow" (no static data in the snapshot)', () => {
	it('delivers the record and leaves the stored secret and keys alone', async () => {
		const n8n = await activeTrigger({ skipIncompleteOrders: false });
		const target = order();
		await deliverWhileOrderReadsFail(n8n, target.id, 503);
		expect(n8n.executions[0].error).toBeDefined();
		n8n.processed = new Set([n8n.executions[0].items[0].json.deliveryKey as string]); // n8n's processed_data has it
		const before = JSON.stringify(n8n.nodeData);
		const retried = await n8n.retry(n8n.executions[0], { originalWorkflow: true });
		expect(retried.output?.[0]?.json).toMatchObject({
			recordStatus: 'fetched',
			record: { id: target.id },
		});
		expect(JSON.stringify(n8n.nodeData)).toBe(before);
	});
});

describe('claims', () => {
	it('created_at 1e300 is refused with 400 before claiming, every time (no 500, no "duplicate")', async () => {
		const n8n = await activeTrigger({ includeFullRecord: false });
		const body = { ...envelope({ type: 'order', id: order().id }), created_at: 1e300 };
		const first = await post(n8n, body);
		const again = await post(n8n, body);
		expect(first.status).toBe(400);
		expect(again.status).toBe(400);
		expect(JSON.stringify(again.body)).toMatch(/created_at/);
		expect(n8n.executions).toHaveLength(0);
	});

	it('a claim is released when building the execution fails after it: the resend starts the execution', async () => {
		const n8n = await activeTrigger({ includeFullRecord: false });
		const body = envelope({ type: 'order', id: order().id });
		n8n.failNextReturnJsonArray = true;
		const first = await post(n8n, body);
		expect(first.status).toBe(500);
		const resend = await post(n8n, body);
		expect(resend.status).toBe(200);
		await n8n.idle();
		expect(n8n.executions).toHaveLength(1);
	});
});

describe('the acknowledgement makes no API call', () => {
	it('Skip Incomplete Orders on, API down: answered 200 {received:true} with no API request; the check runs in the execution', async () => {
		const n8n = await activeTrigger({ includeFullRecord: false, skipIncompleteOrders: true });
		let go!: () => void;
		n8n.hold = new Promise<void>((resolve) => (go = resolve));
		const down = sandbox.faults.add({
			method: 'GET',
			path: /^\/orders\//,
			kind: 'status',
			status: 503,
			times: 1000,
		});
		const from = sandbox.requests.length;
		try {
			const answer = await post(n8n, envelope({ type: 'order', id: order().id }));
			expect(answer).toEqual({ status: 200, body: { received: true } });
			expect(apiRequestsSince(from)).toEqual([]);
			go();
			await n8n.idle();
		} finally {
			down.remove();
		}
		expect(n8n.executions).toHaveLength(1);
		// the order could not be read: the execution fails (Retry delivers it), it does not pass it on unchecked
		expect(n8n.executions[0].error?.message).toBeDefined();
		expect(
			apiRequestsSince(from).some((r) => r.method === 'GET' && /^\/orders\/\d+$/.test(r.path)),
		).toBe(true);
		const retried = await n8n.retry(n8n.executions[0]);
		expect(retried.output).toHaveLength(1);
	});

	it('an incomplete order (status 0) is dropped inside the execution, not in webhook()', async () => {
		const incomplete = (sandbox.state.orders as Json[])[1];
		const previous = incomplete.status_id;
		incomplete.status_id = 0;
		try {
			for (const includeFullRecord of [true, false]) {
				const n8n = await activeTrigger({ includeFullRecord });
				sandbox.advanceClock(1000);
				sandbox.emit('store/order/created', { type: 'order', id: incomplete.id });
				await n8n.settle();
				expect(n8n.responses.at(-1)?.body).toEqual({ received: true });
				expect(n8n.executions).toHaveLength(1);
				expect(n8n.executions[0].output).toEqual([]);
			}
		} finally {
			incomplete.status_id = previous;
		}
	});
});

describe('identity of a delivery', () => {
	it('with a webhook-id header it is the key: two messages with byte-identical bodies run twice, a retry of one does not', async () => {
		sandbox.webhooks.configure({ sign: true });
		const n8n = await activeTrigger({ includeFullRecord: false });
		const hook = hooksAt(sandbox, n8n.webhookUrl)[0];
		const payload = sandbox.webhooks.envelope('store/order/created', {
			type: 'order',
			id: order().id,
		});
		sandbox.webhooks.deliver(hook, payload); // two distinct messages, same body, same second
		sandbox.webhooks.deliver(hook, payload);
		await n8n.settle();
		expect(n8n.executions).toHaveLength(2);
		sandbox.webhooks.repeat(); // BigCommerce's retry of the last message: same webhook-id
		await n8n.settle();
		expect(n8n.executions).toHaveLength(2);
		expect(n8n.responses.at(-1)?.body).toBe('duplicate');
	});
});

describe('bounds', () => {
	it('past the persisted bound the oldest deliveries are evicted first, and a warning is logged once', async () => {
		const n8n = await activeTrigger({ includeFullRecord: false });
		const bound = MAX_PERSISTED;
		const extra = 100;
		const now = Math.floor(Date.now() / 1000);
		const deliveries: Record<string, number> = {};
		// a stored workflow (earlier format: key → expiry), every key in the same second
		for (let i = 0; i < bound + extra; i++)
			deliveries[`k${String(i).padStart(6, '0')}`] = now + 3600;
		n8n.saved = { [n8n.key]: { ...n8n.nodeData, deliveries } };
		sandbox.emit('store/order/created', { type: 'order', id: order().id });
		await n8n.settle();
		const kept = Object.keys(persistedKeys(n8n.nodeData));
		expect(kept).toHaveLength(bound);
		expect(kept).toContain(n8n.executions[0].items[0].json.deliveryKey);
		// the oldest (first stored) went, the newest stayed
		expect(kept).not.toContain('k000000');
		expect(kept).not.toContain(`k${String(extra).padStart(6, '0')}`);
		expect(kept).toContain(`k${String(extra + 1).padStart(6, '0')}`);
		expect(kept).toContain(`k${String(bound + extra - 1).padStart(6, '0')}`);
		const warnings = n8n.logs.filter((l) => l.level === 'warn' && /bound/.test(l.message));
		expect(warnings).toHaveLength(1);
	});
});

describe('IDs from the body', () => {
	it('a path in an order ID is "malformed", not "deleted", and no request is built from it', async () => {
		const n8n = await activeTrigger({
			skipIncompleteOrders: false,
			events: ['store/order/created', 'store/cart/abandoned'],
		});
		const from = sandbox.requests.length;
		const evil = '1/../../../v3/customers?include=addresses#';
		expect((await post(n8n, envelope({ type: 'order', id: evil }))).status).toBe(200);
		await n8n.idle();
		const cart = {
			...envelope({ type: 'cart', id: '../customers' }, 'store/cart/abandoned'),
			hash: 'd'.repeat(40),
		};
		expect((await post(n8n, cart)).status).toBe(200);
		await n8n.idle();
		expect(n8n.executions.map((e) => e.output?.[0]?.json.recordStatus)).toEqual([
			'malformed',
			'malformed',
		]);
		expect(n8n.executions.map((e) => e.output?.[0]?.json.record)).toEqual([null, null]);
		expect(apiRequestsSince(from)).toEqual([]);
	});
});

describe('Standard Webhooks settings', () => {
	function withClientSecret(n8n: FakeN8n, clientSecret: string) {
		n8n.credentials = { bigCommerceApi: { ...n8n.credentials.bigCommerceApi, clientSecret } };
	}

	it('the client secret comes from the credential: signed deliveries accepted, a wrong one refused', async () => {
		sandbox.webhooks.configure({ sign: true });
		const n8n = await activeTrigger({ includeFullRecord: false });
		const clientSecret = sandbox.webhooks.clientSecretOf(
			hooksAt(sandbox, n8n.webhookUrl)[0].client_id,
		);
		n8n.params.options = { allowInsecureUrl: true, verifySignature: true };
		withClientSecret(n8n, clientSecret);
		sandbox.emit('store/order/created', { type: 'order', id: order().id });
		await n8n.settle();
		expect(n8n.executions).toHaveLength(1);
		withClientSecret(n8n, 'not-the-secret');
		sandbox.emit('store/order/created', { type: 'order', id: order().id + 1 });
		await n8n.settle();
		expect(n8n.executions).toHaveLength(1);
		expect(n8n.responses.at(-1)?.status).toBe(401);
	});

	it('a Client Secret left in the node options stops activation with a message to move it', async () => {
		const n8n = await activeTrigger(
			{ options: { allowInsecureUrl: true, verifySignature: true, clientSecret: 'in-clear' } },
			false,
		);
		withClientSecret(n8n, 'from-credential');
		await expect(n8n.activate()).rejects.toThrow(/Client Secret.*credential/);
	});

	it('Signature Tolerance 0 (or above 3600) stops activation naming the parameter; a delivery is refused, not checked with 300', async () => {
		for (const tolerance of [0, 86400]) {
			const n8n = await activeTrigger(
				{
					options: {
						allowInsecureUrl: true,
						verifySignature: true,
						signatureToleranceSeconds: tolerance,
					},
				},
				false,
			);
			withClientSecret(n8n, 'secret');
			await expect(n8n.activate()).rejects.toThrow(
				/Signature Tolerance \(Seconds\) must be a whole number from 1 to 3600/,
			);
		}
		sandbox.webhooks.configure({ sign: true });
		const n8n = await activeTrigger({ includeFullRecord: false });
		withClientSecret(
			n8n,
			sandbox.webhooks.clientSecretOf(hooksAt(sandbox, n8n.webhookUrl)[0].client_id),
		);
		n8n.params.options = {
			allowInsecureUrl: true,
			verifySignature: true,
			signatureToleranceSeconds: 0,
		};
		sandbox.emit('store/order/created', { type: 'order', id: order().id });
		await n8n.settle();
		expect(n8n.executions).toHaveLength(0);
		expect(n8n.responses.at(-1)?.status).toBe(401);
		expect(n8n.logs.some((l) => l.level === 'warn' && /Signature Tolerance/.test(l.message))).toBe(
			true,
		);
	});
});

describe('Hydration names the least scope it needs', () => {
	it('a 403 while reading the order names the read-only orders scope, not the write scope', async () => {
		const n8n = await activeTrigger({ skipIncompleteOrders: false });
		const target = order();
		await deliverWhileOrderReadsFail(n8n, target.id, 403);
		expect(n8n.executions).toHaveLength(1);
		const error = n8n.executions[0].error as { description?: string } | undefined;
		expect(error?.description).toContain('"store_v2_orders_read_only"');
	});
});
