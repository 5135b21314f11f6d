'use strict';
/**
 * Issue #16 in a real n8n 2.40.7: never miss an event.
 *
 * 1. The BigCommerce Polling Trigger, published with a Poll Time every minute (n8n refuses shorter
 *    intervals): a look-back date over seeded history, then orders and products created, updated
 *    and re-updated between polls, and changes made while n8n is stopped; every change is emitted
 *    exactly once, none missed, counted from the executions n8n recorded.
 * 2. Hooks switched off: the webhook trigger workflow (→ Execute Workflow → processing workflow)
 *    is published; n8n is stopped; orders and products change while the deliveries fail until the
 *    sandbox switches the hooks off (its compressed retry clock); n8n starts again (default
 *    publication service) and the hooks stay off; the example "Keep BigCommerce hooks healthy"
 *    (examples/keep-hooks-healthy.json) re-enables them and every missed change reaches the
 *    processing workflow exactly once.
 */
const fs = require('node:fs');
const path = require('node:path');

const POLL = 'e2ePollTrigger01';
const PROCESSING = 'e2eProcessing001';
const HOOKED = 'e2eHookTrigger01';
const HEALTH = 'e2eHookHealth001';
const POLL_NODE = 'BigCommerce Polling Trigger';
const SUB_TRIGGER = 'When called';

const seconds = (ms) => Math.floor(ms / 1000);

/** ctx.started() with more time to boot: on 2 shared cores under load n8n took over 120 s. */
async function up(ctx) {
	if (!ctx.n8n.child) await ctx.n8n.start({ timeoutMs: 300_000 });
}

function api(ctx, method, version, apiPath, body) {
	return ctx.request(`${ctx.sandbox.apiPath(version)}${apiPath}`, {
		method,
		headers: { 'X-Auth-Token': ctx.sandbox.accessToken, Accept: 'application/json' },
		body,
	});
}

async function createOrder(ctx) {
	const res = await api(ctx, 'POST', 'v2', '/orders', {
		billing_address: {
			first_name: 'Poll',
			last_name: 'Tester',
			street_1: '1 Main St',
			city: 'Austin',
			state: 'Texas',
			zip: '78701',
			country: 'United States',
			country_iso2: 'US',
			email: 'poll@example.com',
		},
		products: [{ product_id: 1, quantity: 1 }],
		status_id: 11,
	});
	ctx.assert.equal(res.status, 200, res.text);
	return res.json.id;
}

async function setOrderStatus(ctx, id, statusId) {
	const res = await api(ctx, 'PUT', 'v2', `/orders/${id}`, { status_id: statusId });
	ctx.assert.equal(res.status, 200, res.text);
}

async function createProduct(ctx, name) {
	const res = await api(ctx, 'POST', 'v3', '/catalog/products', {
		name,
		type: 'physical',
		weight: 1,
		price: 10,
	});
	ctx.assert.equal(res.status, 200, res.text);
	return res.json.data.id;
}

async function renameProduct(ctx, id, name) {
	const res = await api(ctx, 'PUT', 'v3', `/catalog/products/${id}`, { name });
	ctx.assert.equal(res.status, 200, res.text);
}

const orderOf = (ctx, id) => ctx.sandbox.state.orders.find((o) => o.id === id);
const productOf = (ctx, id) => ctx.sandbox.state.catalog.products.get(id);
/** The key of a record's current modification, as the polling trigger emits it. */
const orderKey = (ctx, id) => `order:${id}@${seconds(orderOf(ctx, id).date_modified)}`;
const productKey = (ctx, id) => `product:${id}@${seconds(productOf(ctx, id).date_modified)}`;

/** Every item a workflow's executions got from `node`, in execution order. */
async function itemsOf(ctx, workflowId, node) {
	const list = await ctx.n8n.listExecutions({ workflowId, includeData: true });
	return list
		.sort((a, b) => Number(a.id) - Number(b.id))
		.flatMap((execution) =>
			(execution.data?.resultData?.runData?.[node]?.[0]?.data?.main?.[0] || []).map((i) => i.json),
		);
}

const pollKeys = async (ctx) =>
	(await itemsOf(ctx, POLL, POLL_NODE)).map(
		(item) => `${item.resourceType}:${item.resourceId}@${seconds(Date.parse(item.createdAt))}`,
	);

/** Waits until the polling trigger emitted every key in `wanted`; returns all keys emitted. */
async function emitted(ctx, wanted, message) {
	return await ctx.waitFor(
		async () => {
			const keys = await pollKeys(ctx);
			return wanted.every((key) => keys.includes(key)) ? keys : null;
		},
		{ timeoutMs: 180_000, intervalMs: 3000, message },
	);
}

function duplicates(keys) {
	const seen = new Set();
	return keys.filter((key) => (seen.has(key) ? true : (seen.add(key), false)));
}

function pollingWorkflow(ctx, since) {
	return ctx.wf.workflow({
		id: POLL,
		name: 'e2e: polling trigger',
		nodes: [
			{
				id: ctx.wf.stableUuid(`${POLL}:trigger`),
				name: POLL_NODE,
				type: `${ctx.wf.PACKAGE}.bigCommercePollingTrigger`,
				typeVersion: 1,
				position: [0, 0],
				parameters: {
					authentication: 'accessToken',
					// the shortest Poll Time n8n accepts
					pollTimes: { item: [{ mode: 'everyMinute' }] },
					events: [
						'store/order/created',
						'store/order/updated',
						'store/product/created',
						'store/product/updated',
					],
					startFrom: 'date',
					startDate: new Date(since * 1000).toISOString(),
					includeFullRecord: false,
				},
				credentials: { bigCommerceApi: { id: ctx.creds.api.id, name: ctx.creds.api.name } },
			},
		],
		connections: {},
	});
}

function processingWorkflow(ctx) {
	const trigger = {
		id: ctx.wf.stableUuid(`${PROCESSING}:trigger`),
		name: SUB_TRIGGER,
		type: 'n8n-nodes-base.executeWorkflowTrigger',
		typeVersion: 1.1,
		position: [0, 0],
		parameters: { inputSource: 'passthrough' },
	};
	const work = {
		id: ctx.wf.stableUuid(`${PROCESSING}:work`),
		name: 'Process',
		type: 'n8n-nodes-base.noOp',
		typeVersion: 1,
		position: [240, 0],
		parameters: {},
	};
	return ctx.wf.workflow({ id: PROCESSING, name: 'e2e: processing', nodes: [trigger, work] });
}

const executeProcessing = (ctx, id, name) => ({
	id: ctx.wf.stableUuid(`${id}:execute`),
	name,
	type: 'n8n-nodes-base.executeWorkflow',
	typeVersion: 1.2,
	position: [240, 0],
	parameters: {
		workflowId: { __rl: true, value: PROCESSING, mode: 'id' },
		workflowInputs: {
			mappingMode: 'defineBelow',
			value: {},
			matchingColumns: [],
			schema: [],
			attemptToConvertTypes: false,
			convertFieldsToString: true,
		},
		mode: 'once',
		options: { waitForSubWorkflow: true },
	},
});

function hookedWorkflow(ctx) {
	const trigger = {
		id: ctx.wf.stableUuid(`${HOOKED}:trigger`),
		name: 'BigCommerce Trigger',
		type: ctx.wf.NODE_TYPES.trigger,
		typeVersion: 1,
		position: [0, 0],
		webhookId: ctx.wf.stableUuid(`${HOOKED}:webhook`),
		parameters: {
			authentication: 'accessToken',
			events: ['store/order/created', 'store/product/updated'],
			includeFullRecord: false,
			options: { allowInsecureUrl: true },
		},
		credentials: { bigCommerceApi: { id: ctx.creds.api.id, name: ctx.creds.api.name } },
	};
	return ctx.wf.workflow({
		id: HOOKED,
		name: 'e2e: webhook trigger → processing',
		nodes: [trigger, executeProcessing(ctx, HOOKED, 'Process it')],
	});
}

/** The example, pointed at the processing workflow, with the sandbox's compressed retry window. */
function healthWorkflow() {
	const example = JSON.parse(
		fs.readFileSync(
			path.join(__dirname, '..', '..', 'examples', 'keep-hooks-healthy.json'),
			'utf8',
		),
	);
	const wf = JSON.parse(JSON.stringify(example));
	wf.id = HEALTH;
	wf.name = 'e2e: keep hooks healthy (the example)';
	for (const node of wf.nodes) {
		if (node.name === 'Process the missed changes') node.parameters.workflowId.value = PROCESSING;
		// the sandbox retries for ~1.4 s instead of BigCommerce's 48 h: a window of 6 s
		if (node.name === 'Restore switched-off hooks') node.parameters.retryWindowMinutes = 0.1;
	}
	return wf;
}

const hookDestination = (ctx) =>
	`${ctx.n8n.baseUrl}/webhook/${ctx.wf.stableUuid(`${HOOKED}:webhook`)}/webhook`;
const hooksOf = (ctx) =>
	ctx.sandbox.state.hooks.filter((h) => h.destination === hookDestination(ctx));

/** What the processing workflow received, as "event resourceType:id", in order. */
async function processed(ctx) {
	return (await itemsOf(ctx, PROCESSING, SUB_TRIGGER)).map(
		(item) => `${item.event} ${item.resourceType}:${item.resourceId} ${item.source}`,
	);
}

module.exports = {
	name: 'Never miss an event (issue 16)',
	workflows: (ctx) => [processingWorkflow(ctx), hookedWorkflow(ctx), healthWorkflow()],
	tests: [
		{
			name: 'polling trigger: a look-back date backfills every record modified since, each once',
			timeoutMs: 600_000,
			async run(ctx) {
				// the 12th most recently modified live order: a look-back over part of the history
				const live = ctx.sandbox.state.orders.filter((o) => !o.is_deleted && o.status_id !== 0);
				const since = seconds(
					[...live].sort((a, b) => b.date_modified - a.date_modified)[11].date_modified,
				);
				await ctx.stopped();
				await ctx.importWorkflows([pollingWorkflow(ctx, since)]);
				const backfill = [
					...live.filter((o) => seconds(o.date_modified) >= since).map((o) => orderKey(ctx, o.id)),
					...[...ctx.sandbox.state.catalog.products.values()]
						.filter((p) => seconds(p.date_modified) >= since)
						.map((p) => productKey(ctx, p.id)),
				];
				ctx.shared.pollExpected = [...backfill];
				ctx.log(`look-back ${new Date(since * 1000).toISOString()}: ${backfill.length} records`);
				await ctx.n8n.publish(POLL);
				await up(ctx);
				const keys = await emitted(ctx, backfill, 'the backfill');
				ctx.assert.deepEqual(duplicates(keys), []);
				ctx.assert.deepEqual([...keys].sort(), [...backfill].sort());
			},
		},
		{
			name: 'polling trigger: created, updated and re-updated orders and products between polls, each change once',
			timeoutMs: 900_000,
			async run(ctx) {
				await up(ctx);
				const expected = ctx.shared.pollExpected;
				/** One batch of changes between two polls; waits until a poll emitted them. */
				const batch = async (label, change) => {
					const keys = await change();
					expected.push(...keys);
					await emitted(ctx, keys, label);
				};
				let orderId;
				let productId;
				await batch('created', async () => {
					orderId = await createOrder(ctx);
					productId = await createProduct(ctx, 'Polled product');
					return [orderKey(ctx, orderId), productKey(ctx, productId)];
				});
				ctx.shared.pollOrder = orderId;
				ctx.shared.pollProduct = productId;
				await batch('updated', async () => {
					await setOrderStatus(ctx, orderId, 9);
					await renameProduct(ctx, productId, 'Polled product, renamed');
					return [orderKey(ctx, orderId), productKey(ctx, productId)];
				});
				await batch('re-updated', async () => {
					await setOrderStatus(ctx, orderId, 2);
					await renameProduct(ctx, productId, 'Polled product, renamed again');
					return [orderKey(ctx, orderId), productKey(ctx, productId)];
				});
				const keys = await pollKeys(ctx);
				ctx.assert.deepEqual(duplicates(keys), []);
				ctx.assert.deepEqual([...keys].sort(), [...expected].sort());
			},
		},
		{
			name: 'polling trigger: a change made while n8n is stopped is emitted once after the restart, nothing else again',
			timeoutMs: 600_000,
			async run(ctx) {
				await ctx.stopped();
				await setOrderStatus(ctx, ctx.shared.pollOrder, 10);
				await renameProduct(ctx, ctx.shared.pollProduct, 'renamed while n8n was down');
				const expected = ctx.shared.pollExpected;
				expected.push(orderKey(ctx, ctx.shared.pollOrder), productKey(ctx, ctx.shared.pollProduct));
				await up(ctx);
				await emitted(ctx, expected, 'the changes made while n8n was down');
				await ctx.delay(65_000); // one more poll of an unchanged store
				const keys = await pollKeys(ctx);
				ctx.log(
					`${keys.length} changes emitted in ${(await ctx.n8n.listExecutions({ workflowId: POLL })).length} executions`,
				);
				ctx.assert.deepEqual(duplicates(keys), []);
				ctx.assert.deepEqual([...keys].sort(), [...expected].sort());
				await ctx.stopped();
				await ctx.n8n.unpublish(POLL);
			},
		},
		{
			name: 'hooks switched off while n8n is down stay off after a restart; the health example restores them and every missed change reaches processing once',
			timeoutMs: 900_000,
			async run(ctx) {
				await ctx.stopped();
				await ctx.n8n.publish(PROCESSING);
				await ctx.n8n.publish(HOOKED);
				await up(ctx);
				await ctx.waitFor(
					() => hooksOf(ctx).length === 2 && hooksOf(ctx).every((h) => h.is_active),
					{
						timeoutMs: 60_000,
						message: 'the two hooks of the webhook trigger',
					},
				);
				// a change while all is well: delivered by the hook
				const [before, inGap, inGapToo, after] = [
					...ctx.sandbox.state.catalog.products.keys(),
				].slice(2, 6);
				await ctx.delay(3000);
				await renameProduct(ctx, before, 'delivered while n8n was up');
				await ctx.waitFor(async () => (await processed(ctx)).length === 1, {
					timeoutMs: 60_000,
					message: 'the first delivery processed',
				});

				// n8n down: deliveries fail until the sandbox switches the hooks off
				ctx.sandbox.webhooks.configure({ retrySchedule: [200, 400, 800] });
				await ctx.stopped();
				await ctx.delay(7000); // the delivered change is older than the 6 s retry window
				const orderId = await createOrder(ctx);
				await renameProduct(ctx, inGap, 'changed while the hook failed');
				await ctx.sandbox.webhooks.settle();
				ctx.assert.deepEqual(
					hooksOf(ctx).map((h) => h.is_active),
					[false, false],
					'the sandbox switched both hooks off',
				);
				await ctx.delay(1100);
				await renameProduct(ctx, inGapToo, 'changed while the hook was off');

				// n8n starts (default publication service): nothing turns the hooks back on
				await up(ctx);
				await ctx.delay(10_000);
				ctx.assert.deepEqual(
					hooksOf(ctx).map((h) => h.is_active),
					[false, false],
				);

				// the health workflow (the example): restore, catch up, hand over
				await ctx.delay(2500); // the gap's last second is over
				const run = await ctx.executeOk(HEALTH);
				const restored = run.output('Restore switched-off hooks');
				ctx.assert.deepEqual(restored.map((h) => h.scope).sort(), [
					'store/order/created',
					'store/product/updated',
				]);
				for (const hook of restored) {
					ctx.assert.ok(hook.switchedOffAt && hook.restoredAt && hook.missedSince);
					ctx.assert.equal(hook.headers['X-N8n-BigCommerce-Secret'], '[redacted]');
				}
				const caught = run.output('Catch up the gap');
				ctx.log(`caught up: ${caught.map((c) => `${c.event} ${c.resourceId}`).join(', ')}`);
				ctx.assert.ok(caught.every((c) => c.caughtUp === true && c.source === 'catchUp'));
				const [summary] = run.output('Summary');
				ctx.log(`summary: ${summary.message}`);
				ctx.assert.equal(summary.caughtUpChanges, caught.length);
				ctx.assert.deepEqual(
					hooksOf(ctx).map((h) => h.is_active),
					[true, true],
				);

				// a second run: nothing to restore, nothing handed over again
				const again = await ctx.executeOk(HEALTH);
				ctx.assert.deepEqual(again.output('Restore switched-off hooks'), []);

				// the restored hooks deliver again
				ctx.sandbox.webhooks.configure({ retrySchedule: [50, 150, 300] });
				await up(ctx);
				await ctx.delay(3000);
				await renameProduct(ctx, after, 'delivered after the restore');
				await ctx.waitFor(
					async () => (await processed(ctx)).some((p) => p.includes(`product:${after} `)),
					{ timeoutMs: 60_000, message: 'the delivery after the restore processed' },
				);
				const got = await processed(ctx);
				ctx.log(`processed: ${got.join(' | ')}`);
				const count = (needle) => got.filter((p) => p.includes(needle)).length;
				ctx.assert.equal(count(`product:${before} `), 1, 'the change before the outage, once');
				ctx.assert.equal(
					count(`store/order/created order:${orderId} `),
					1,
					'the order created in the gap, once',
				);
				ctx.assert.equal(
					count(`product:${inGap} `),
					1,
					'the product changed while deliveries failed, once',
				);
				ctx.assert.equal(
					count(`product:${inGapToo} `),
					1,
					'the product changed while the hook was off, once',
				);
				ctx.assert.equal(count(`product:${after} `), 1, 'the change after the restore, once');
				ctx.assert.equal(got.length, 5);
				await ctx.stopped();
				await ctx.n8n.unpublish(HOOKED);
			},
		},
	],
};
