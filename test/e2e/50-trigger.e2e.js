'use strict';
/**
 * BigCommerce Trigger in a real n8n 2.40.7: hook lifecycle (activation, restart, re-enabling,
 * unpublishing), authenticity (401, no execution), exactly one execution per distinct delivery
 * (sequential repeats, simultaneous copies, a repeat after an n8n restart) and the abandoned-cart
 * recipe (hydrated cart with a recovery link). Deliveries are real HTTP POSTs from the sandbox's
 * webhook engine to n8n's production webhook URL.
 */
const ORDERS = 'e2eTrigOrders001';
const CARTS = 'e2eTrigCarts0001';
const NODE = 'BigCommerce Trigger';

function triggerWorkflow(ctx, id, name, parameters) {
	const webhookId = ctx.wf.stableUuid(`${id}:webhook`);
	const trigger = {
		id: ctx.wf.stableUuid(`${id}:trigger`),
		name: NODE,
		type: ctx.wf.NODE_TYPES.trigger,
		typeVersion: 1,
		position: [0, 0],
		webhookId,
		parameters: {
			authentication: 'accessToken',
			// n8n's WEBHOOK_URL here is http://127.0.0.1:<port>: fine for the sandbox only
			options: { allowInsecureUrl: true },
			...parameters,
		},
		credentials: { bigCommerceApi: { id: ctx.creds.api.id, name: ctx.creds.api.name } },
	};
	return ctx.wf.workflow({ id, name, nodes: [trigger], connections: {} });
}

const webhookIdOf = (ctx, id) => ctx.wf.stableUuid(`${id}:webhook`);
const destination = (ctx, id) => `${ctx.n8n.baseUrl}/webhook/${webhookIdOf(ctx, id)}/webhook`;
const hooksOf = (ctx, id) =>
	ctx.sandbox.state.hooks.filter((h) => h.destination === destination(ctx, id));
const deliveriesTo = (ctx, id) =>
	ctx.sandbox.webhooks.list().filter((d) => d.destination === destination(ctx, id));

async function executions(ctx, workflowId, includeData = false) {
	return await ctx.n8n.listExecutions({ workflowId, includeData });
}

/** The trigger node's output items of an execution (Public API, includeData=true). */
function triggerOutput(execution) {
	const runData = execution?.data?.resultData?.runData?.[NODE];
	const items = runData?.[0]?.data?.main?.[0] || [];
	return items.map((item) => item.json);
}

/** Waits until every delivery to this workflow got its final answer. */
async function settled(ctx) {
	await ctx.sandbox.webhooks.settle();
}

/** Waits until n8n activated the workflow: its hooks exist and are active. */
async function activated(ctx, id, count) {
	return await ctx.waitFor(
		() => {
			const hooks = hooksOf(ctx, id);
			return hooks.length === count && hooks.every((h) => h.is_active) ? hooks : null;
		},
		{ timeoutMs: 60_000, message: `${count} active hook(s) for ${id}` },
	);
}

/** After an n8n (re)start in legacy activation mode: waits until checkExists listed the hooks. */
async function activationRan(ctx, id, fromRequest) {
	const dest = destination(ctx, id);
	await ctx.waitFor(
		() =>
			ctx.sandbox.requests
				.slice(fromRequest)
				.some((r) => r.method === 'GET' && r.path === '/hooks' && r.query.destination === dest),
		{ timeoutMs: 60_000, message: `activation of ${id} (GET /hooks?destination=…)` },
	);
	await ctx.delay(2000); // create() follows checkExists at once when it is needed
}

/** Waits until n8n serves the workflow's webhook (a probe without the secret gets 401, not 404). */
async function webhookLive(ctx, id) {
	await ctx.waitFor(
		async () =>
			(await ctx.request(destination(ctx, id), { method: 'POST', body: {} })).status === 401,
		{ timeoutMs: 60_000, intervalMs: 500, message: `webhook of ${id} live` },
	);
}

const hookWrites = (ctx, from) =>
	ctx.sandbox.requests
		.slice(from)
		.filter((r) => r.path.startsWith('/hooks') && r.method !== 'GET')
		.map((r) => `${r.method} ${r.path} ${r.status}`);

/** Restarts n8n with n8n's legacy activation (every start runs checkExists/create) on or off. */
async function restartWith(ctx, legacyActivation) {
	if (legacyActivation) ctx.n8n.extraEnv.N8N_USE_WORKFLOW_PUBLICATION_SERVICE = 'false';
	else delete ctx.n8n.extraEnv.N8N_USE_WORKFLOW_PUBLICATION_SERVICE;
	await ctx.n8n.restart();
}

function eligibleOrder(ctx) {
	return ctx.sandbox.state.orders.find((o) => o.status_id !== 0 && !o.is_deleted);
}

async function waitForExecutions(ctx, id, count) {
	return await ctx.waitFor(
		async () => {
			const list = await executions(ctx, id, true);
			return list.length >= count &&
				list.every((e) => e.finished || e.status === 'success' || e.status === 'error')
				? list
				: null;
		},
		{ timeoutMs: 60_000, message: `${count} finished execution(s) of ${id}` },
	);
}

module.exports = {
	name: 'Trigger',
	workflows: (ctx) => [
		triggerWorkflow(ctx, ORDERS, 'e2e: trigger orders', {
			events: ['store/order/created', 'store/order/statusUpdated'],
		}),
		triggerWorkflow(ctx, CARTS, 'e2e: trigger abandoned carts', {
			events: ['store/cart/abandoned', 'store/cart/converted'],
		}),
	],
	tests: [
		{
			name: 'activation registers exactly one hook per event, carrying a secret header',
			core: true,
			async run(ctx) {
				await ctx.stopped();
				await ctx.n8n.publish(ORDERS);
				await ctx.n8n.publish(CARTS);
				await ctx.started();
				const hooks = await activated(ctx, ORDERS, 2);
				ctx.assert.deepEqual(hooks.map((h) => h.scope).sort(), [
					'store/order/created',
					'store/order/statusUpdated',
				]);
				for (const hook of hooks) {
					const secret = hook.headers && hook.headers['X-N8n-BigCommerce-Secret'];
					ctx.assert.match(String(secret), /^[0-9a-f]{64}$/);
				}
				await activated(ctx, CARTS, 2);
				ctx.shared.triggerHookIds = hooks.map((h) => h.id).sort();
			},
		},
		{
			name: 'a restart of n8n adds no hook and the hooks keep working (n8n 2.40 does not re-run activation)',
			core: true,
			async run(ctx) {
				const from = ctx.sandbox.requests.length;
				await restartWith(ctx, false);
				await webhookLive(ctx, ORDERS);
				await ctx.delay(3000);
				ctx.assert.deepEqual(hookWrites(ctx, from), []);
				ctx.assert.deepEqual(
					hooksOf(ctx, ORDERS)
						.map((h) => h.id)
						.sort(),
					ctx.shared.triggerHookIds,
				);
				ctx.assert.ok(hooksOf(ctx, ORDERS).every((h) => h.is_active));
			},
		},
		{
			name: 're-activating the workflow replaces a hook the store deactivated',
			core: true,
			async run(ctx) {
				await ctx.started();
				const [hook] = hooksOf(ctx, ORDERS);
				ctx.sandbox.webhooks.deactivate(hook.id);
				await ctx.n8n.unpublish(ORDERS);
				await ctx.waitFor(() => hooksOf(ctx, ORDERS).length === 0, {
					timeoutMs: 30_000,
					message: 'hooks deleted',
				});
				await ctx.n8n.publish(ORDERS);
				const hooks = await activated(ctx, ORDERS, 2);
				ctx.assert.deepEqual(hooks.map((h) => h.scope).sort(), [
					'store/order/created',
					'store/order/statusUpdated',
				]);
				ctx.shared.triggerHookIds = hooks.map((h) => h.id).sort();
				await webhookLive(ctx, ORDERS);
			},
		},
		{
			name: 'a delivery with a wrong or missing secret is answered 401 and starts nothing',
			core: true,
			async run(ctx) {
				await ctx.started();
				const before = (await executions(ctx, ORDERS)).length;
				const body = {
					scope: 'store/order/created',
					store_id: ctx.sandbox.storeId,
					data: { type: 'order', id: eligibleOrder(ctx).id },
					hash: 'f'.repeat(40),
					created_at: Math.floor(Date.now() / 1000),
					producer: `stores/${ctx.sandbox.storeHash}`,
				};
				const missing = await ctx.request(destination(ctx, ORDERS), { method: 'POST', body });
				const wrong = await ctx.request(destination(ctx, ORDERS), {
					method: 'POST',
					body,
					headers: { 'X-N8n-BigCommerce-Secret': '0'.repeat(64) },
				});
				ctx.assert.equal(missing.status, 401);
				ctx.assert.equal(wrong.status, 401);
				await ctx.delay(1000);
				ctx.assert.equal((await executions(ctx, ORDERS)).length, before);
			},
		},
		{
			name: 'sequential repeats of a delivery start exactly one execution',
			core: true,
			async run(ctx) {
				await ctx.started();
				const before = (await executions(ctx, ORDERS)).length;
				const order = eligibleOrder(ctx);
				ctx.sandbox.emit('store/order/created', { type: 'order', id: order.id });
				await settled(ctx);
				const [first] = deliveriesTo(ctx, ORDERS).slice(-1);
				for (let i = 0; i < 3; i++) {
					ctx.sandbox.webhooks.repeat(first.id);
					await settled(ctx);
				}
				const answers = deliveriesTo(ctx, ORDERS).filter(
					(d) => d.id === first.id || d.copyOf === first.id,
				);
				ctx.assert.deepEqual(
					answers.map((d) => d.attempts.at(-1).status),
					[200, 200, 200, 200],
				);
				const list = await waitForExecutions(ctx, ORDERS, before + 1);
				await ctx.delay(1000);
				ctx.assert.equal((await executions(ctx, ORDERS)).length, before + 1);
				const out = triggerOutput(list[0]);
				ctx.assert.equal(out.length, 1);
				ctx.assert.equal(out[0].event, 'store/order/created');
				ctx.assert.equal(out[0].record.id, order.id);
				ctx.assert.ok(Array.isArray(out[0].record.products), 'full order with products');
				ctx.shared.triggerRepeatDelivery = first.id;
			},
		},
		{
			name: 'eight simultaneous copies of a delivery start exactly one execution',
			core: true,
			async run(ctx) {
				await ctx.started();
				const before = (await executions(ctx, ORDERS)).length;
				const hook = hooksOf(ctx, ORDERS).find((h) => h.scope === 'store/order/statusUpdated');
				const payload = ctx.sandbox.webhooks.envelope('store/order/statusUpdated', {
					type: 'order',
					id: eligibleOrder(ctx).id,
					status: { previous_status_id: 11, new_status_id: 2 },
				});
				for (let i = 0; i < 8; i++) ctx.sandbox.webhooks.deliver(hook, payload);
				await settled(ctx);
				const copies = deliveriesTo(ctx, ORDERS).filter((d) => d.payload === payload);
				ctx.assert.deepEqual(
					copies.map((d) => d.attempts.at(-1).status),
					Array(8).fill(200),
				);
				await waitForExecutions(ctx, ORDERS, before + 1);
				await ctx.delay(1000);
				ctx.assert.equal((await executions(ctx, ORDERS)).length, before + 1);
			},
		},
		{
			name: 'API down: answered 200 {"received":true} at once with no API call; the execution fails; Retry after the API is back delivers the record; a resend stays a duplicate',
			async run(ctx) {
				await ctx.started();
				const before = (await executions(ctx, ORDERS)).length;
				const order = eligibleOrder(ctx);
				const down = ctx.sandbox.faults.add({
					method: 'GET',
					path: /^\/orders\//,
					kind: 'status',
					status: 503,
					times: -1,
				});
				const from = ctx.sandbox.requests.length;
				const clockOffset = ctx.sandbox.now() - Date.now(); // request times are on the sandbox's clock
				let delivery;
				try {
					ctx.sandbox.advanceClock(1000); // a new created_at second: a distinct delivery
					ctx.sandbox.emit('store/order/created', { type: 'order', id: order.id });
					await settled(ctx);
					[delivery] = deliveriesTo(ctx, ORDERS).slice(-1);
					const attempt = delivery.attempts.at(-1);
					ctx.assert.equal(attempt.status, 200);
					ctx.assert.deepEqual(JSON.parse(attempt.body), { received: true });
					ctx.assert.ok(attempt.ms < 2000, `acknowledged in ${attempt.ms} ms with the API down`);
					// no API request before the answer was sent (Skip Incomplete Orders is on by default)
					const answeredAt = attempt.at + attempt.ms;
					const early = ctx.sandbox.requests
						.slice(from)
						.filter((r) => !r.path.startsWith('/hooks') && r.at - clockOffset < answeredAt - 5);
					ctx.assert.deepEqual(
						early.map((r) => `${r.method} ${r.path}`),
						[],
					);
					const [failed] = await waitForExecutions(ctx, ORDERS, before + 1);
					ctx.assert.equal(failed.status, 'error');
					ctx.shared.triggerFailedExecution = failed.id;
				} finally {
					down.remove();
				}
				// n8n's Retry (REST, as the editor's button) once the API is back
				const retry = await ctx.n8n.rest(
					'POST',
					`/executions/${ctx.shared.triggerFailedExecution}/retry`,
					{ loadWorkflow: false },
				);
				ctx.assert.equal(retry.status, 200, `retry: ${retry.status} ${retry.text.slice(0, 300)}`);
				const list = await waitForExecutions(ctx, ORDERS, before + 2);
				const retried =
					list.find((e) => String(e.retryOf) === String(ctx.shared.triggerFailedExecution)) ||
					list[0];
				ctx.assert.equal(retried.status, 'success');
				const [out] = triggerOutput(retried);
				ctx.assert.equal(out.record.id, order.id);
				ctx.assert.equal(out.recordStatus, 'fetched');
				ctx.assert.ok(Array.isArray(out.record.products), 'full order with products');
				// BigCommerce resending the same delivery is still a duplicate
				ctx.sandbox.webhooks.repeat(delivery.id);
				await settled(ctx);
				const [resend] = deliveriesTo(ctx, ORDERS)
					.filter((d) => d.copyOf === delivery.id)
					.slice(-1);
				ctx.assert.equal(resend.attempts.at(-1).status, 200);
				ctx.assert.equal(resend.attempts.at(-1).body, 'duplicate');
				await ctx.delay(1500);
				ctx.assert.equal((await executions(ctx, ORDERS)).length, before + 2);
				// and the stored secret survived both executions: a new event still starts one
				ctx.sandbox.advanceClock(1000);
				ctx.sandbox.emit('store/order/created', { type: 'order', id: order.id });
				await settled(ctx);
				ctx.assert.equal(deliveriesTo(ctx, ORDERS).at(-1).attempts.at(-1).status, 200);
				await waitForExecutions(ctx, ORDERS, before + 3);
			},
		},
		{
			name: 'a repeat after n8n restarts starts no execution; a new event still does',
			core: true,
			async run(ctx) {
				await ctx.started();
				const before = (await executions(ctx, ORDERS)).length;
				await restartWith(ctx, false);
				await webhookLive(ctx, ORDERS);
				ctx.sandbox.webhooks.repeat(ctx.shared.triggerRepeatDelivery);
				await settled(ctx);
				ctx.sandbox.webhooks.repeat(ctx.shared.triggerRepeatDelivery, 4);
				await settled(ctx);
				const repeats = deliveriesTo(ctx, ORDERS)
					.filter((d) => d.copyOf === ctx.shared.triggerRepeatDelivery)
					.slice(-5);
				ctx.assert.deepEqual(
					repeats.map((d) => d.attempts.at(-1).status),
					[200, 200, 200, 200, 200],
				);
				await ctx.delay(1000);
				ctx.assert.equal(
					(await executions(ctx, ORDERS)).length,
					before,
					'a repeat after the restart started an execution',
				);
				ctx.sandbox.advanceClock(1000);
				ctx.sandbox.emit('store/order/created', { type: 'order', id: eligibleOrder(ctx).id });
				await settled(ctx);
				await waitForExecutions(ctx, ORDERS, before + 1);
			},
		},
		{
			name: 'abandoned cart: the execution carries the cart, line items, email and a recovery link',
			async run(ctx) {
				await ctx.started();
				const before = (await executions(ctx, CARTS)).length;
				const fixture = ctx.sandbox.state.cartFixtures.active;
				ctx.sandbox.abandonCart(fixture.id);
				await settled(ctx);
				const list = await waitForExecutions(ctx, CARTS, before + 1);
				const [out] = triggerOutput(list[0]);
				ctx.assert.equal(out.event, 'store/cart/abandoned');
				ctx.assert.equal(out.cartId, fixture.id);
				ctx.assert.equal(out.record.id, fixture.id);
				ctx.assert.ok(out.lineItems.length > 0, 'line items');
				ctx.assert.equal(out.email, fixture.email);
				ctx.assert.match(out.recoveryUrl, /^https:\/\//);
			},
		},
		{
			name: 'legacy activation (N8N_USE_WORKFLOW_PUBLICATION_SERVICE=false): each start runs checkExists and adds no hook',
			async run(ctx) {
				const from = ctx.sandbox.requests.length;
				await restartWith(ctx, true);
				await activationRan(ctx, ORDERS, from);
				ctx.assert.deepEqual(hookWrites(ctx, from), []);
				ctx.assert.deepEqual(
					hooksOf(ctx, ORDERS)
						.map((h) => h.id)
						.sort(),
					ctx.shared.triggerHookIds,
				);
			},
		},
		{
			name: 'legacy activation: a hook the store deactivated is re-enabled at the next start, same id',
			async run(ctx) {
				const [hook] = hooksOf(ctx, ORDERS);
				ctx.sandbox.webhooks.deactivate(hook.id);
				const from = ctx.sandbox.requests.length;
				await restartWith(ctx, true);
				await activated(ctx, ORDERS, 2);
				ctx.assert.deepEqual(
					hooksOf(ctx, ORDERS)
						.map((h) => h.id)
						.sort(),
					ctx.shared.triggerHookIds,
				);
				ctx.assert.deepEqual(hookWrites(ctx, from), [`PUT /hooks/${hook.id} 200`]);
			},
		},
		{
			name: "unpublishing removes exactly the workflow's hooks",
			core: true,
			async run(ctx) {
				await ctx.started();
				await ctx.n8n.unpublish(ORDERS);
				await ctx.waitFor(() => hooksOf(ctx, ORDERS).length === 0, {
					timeoutMs: 30_000,
					message: 'hooks deleted',
				});
				ctx.assert.equal(hooksOf(ctx, CARTS).length, 2, 'the other workflow keeps its hooks');
				await ctx.n8n.unpublish(CARTS);
				await ctx.waitFor(() => hooksOf(ctx, CARTS).length === 0, {
					timeoutMs: 30_000,
					message: 'cart hooks deleted',
				});
				delete ctx.n8n.extraEnv.N8N_USE_WORKFLOW_PUBLICATION_SERVICE;
			},
		},
	],
};
