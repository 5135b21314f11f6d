'use strict';
/**
 * Helpers of the queue-mode trigger scenarios (50-trigger, 20-worker-crash, 60-guarantee): the
 * trigger workflow, waiting for activation, deliveries through nginx, and counting executions.
 * Not a scenario file (run.js loads only *.e2e.js).
 */
const NODE = 'BigCommerce Trigger';

/**
 * A workflow with the BigCommerce Trigger (sandbox credential) on `events`, followed by the
 * `downstream` nodes in a chain (default: one No-Op named "Downstream": "the downstream ran" is
 * what a shop owner cares about).
 */
function triggerWorkflow(ctx, id, name, events, downstream) {
	const trigger = {
		id: ctx.wf.stableUuid(`${id}:trigger`),
		name: NODE,
		type: ctx.wf.NODE_TYPES.trigger,
		typeVersion: 1,
		position: [0, 0],
		webhookId: ctx.wf.stableUuid(`${id}:webhook`),
		parameters: {
			authentication: 'accessToken',
			events,
			// WEBHOOK_URL here is nginx on http://127.0.0.1:<port>: fine for the sandbox only
			options: { allowInsecureUrl: true },
		},
		credentials: { bigCommerceApi: { id: ctx.creds.api.id, name: ctx.creds.api.name } },
	};
	const after = downstream || [
		{
			id: ctx.wf.stableUuid(`${id}:downstream`),
			name: 'Downstream',
			type: 'n8n-nodes-base.noOp',
			typeVersion: 1,
			parameters: {},
		},
	];
	after.forEach((node, i) => (node.position = [260 * (i + 1), 0]));
	return ctx.wf.workflow({ id, name, nodes: [trigger, ...after] });
}

const destination = (ctx, id) =>
	`${ctx.webhookBaseUrl}/webhook/${ctx.wf.stableUuid(`${id}:webhook`)}/webhook`;
const hooksOf = (ctx, id) =>
	ctx.sandbox.state.hooks.filter((h) => h.destination === destination(ctx, id));
const hookWrites = (ctx, from) =>
	ctx.sandbox.requests
		.slice(from)
		.filter((r) => r.path.startsWith('/hooks') && r.method !== 'GET')
		.map((r) => `${r.method} ${r.path.replace(/\d+$/, ':id')} ${r.status}`);

/** Waits until main activated the workflow: `count` active hooks pointing at nginx. */
async function activated(ctx, id, count) {
	return await ctx.waitFor(
		() => {
			const hooks = hooksOf(ctx, id);
			return hooks.length === count && hooks.every((h) => h.is_active) ? hooks : null;
		},
		{ timeoutMs: 90_000, message: `${count} active hook(s) for ${id}` },
	);
}

/**
 * Waits until both webhook processes serve the workflow's webhook through nginx (a probe without
 * the secret gets 401, not 404). Returns the processes that answered.
 */
async function webhookLive(ctx, id) {
	const served = new Set();
	await ctx.waitFor(
		async () => {
			const res = await ctx.post(destination(ctx, id).slice(ctx.webhookBaseUrl.length), {});
			if (res.status === 401) served.add(res.servedBy);
			return served.size >= ctx.cluster.webhooks.length;
		},
		{
			timeoutMs: 90_000,
			intervalMs: 300,
			message: `webhook of ${id} live on every webhook process`,
		},
	);
	return [...served].sort();
}

/** Waits until the workflow's executions stop changing (none new, all finished for `quietMs`). */
async function settledExecutions(ctx, id, { quietMs = 4000, timeoutMs = 90_000 } = {}) {
	const deadline = Date.now() + timeoutMs;
	let last = '';
	let since = Date.now();
	for (;;) {
		const rows = await ctx.executions(id);
		const state = rows.map((r) => `${r.id}:${r.status}`).join(',');
		const finished = rows.every(
			(r) => r.finished || ['success', 'error', 'crashed', 'canceled'].includes(r.status),
		);
		if (state !== last) {
			last = state;
			since = Date.now();
		} else if (finished && Date.now() - since >= quietMs) {
			return rows;
		}
		if (Date.now() > deadline)
			throw new Error(`executions of ${id} still changing after ${timeoutMs} ms: ${state}`);
		await ctx.delay(500);
	}
}

/**
 * The hook of a workflow published in a scenario's `setup` (offline: main activates it when the
 * cluster starts), once it is active and both webhook processes serve the workflow. Cached.
 */
async function publishedHook(ctx, id) {
	ctx.shared.publishedHooks = ctx.shared.publishedHooks || {};
	if (!ctx.shared.publishedHooks[id]) {
		const [hook] = await activated(ctx, id, 1);
		await webhookLive(ctx, id);
		ctx.shared.publishedHooks[id] = hook;
	}
	return ctx.shared.publishedHooks[id];
}

/** Orders the trigger passes on (not incomplete), distinct. */
function eligibleOrders(ctx, count) {
	const orders = ctx.sandbox.state.orders
		.filter((o) => o.status_id !== 0 && !o.is_deleted)
		.slice(0, count);
	if (orders.length < count) throw new Error(`the sandbox has fewer than ${count} eligible orders`);
	return orders;
}

/**
 * Sends one delivery of `payload` to the hook (`extra.messageId`: the same message again) and waits
 * for its final answer (with the sandbox's retries).
 */
async function deliverOnce(ctx, hook, payload, extra = {}) {
	const from = ctx.cluster.nginx.requests().length;
	const delivery = ctx.sandbox.webhooks.deliver(hook, payload, extra);
	await delivery.done;
	// nginx writes its access-log line just after the answer went out. A delivery's attempts are
	// sequential, so for a caller that sends one delivery at a time the lines are its attempts, in
	// order (callers sending copies concurrently read the log as a whole instead)
	const lines = await ctx.waitFor(
		() => {
			const logged = ctx.cluster.nginx.requests().slice(from);
			return logged.length >= delivery.attempts.length
				? logged.slice(0, delivery.attempts.length)
				: null;
		},
		{ timeoutMs: 5000, intervalMs: 50, message: 'nginx access log' },
	);
	const servedByAttempt = lines.map((line) => ctx.cluster.processAt(line.upstreams.at(-1))?.label);
	return {
		attempts: delivery.attempts.map((a) => a.status),
		servedBy: servedByAttempt[0], // the first attempt's process
		servedByAttempt,
		// "200 in 140 ms", "0 in 5003 ms (timed out after 5000 ms)": what a failure report needs
		attemptDetails: delivery.attempts.map(
			(a) => `${a.status} in ${a.ms} ms${a.error ? ` (${a.error})` : ''}`,
		),
	};
}

/** One delivery's attempts: "200 in 46 ms by webhook-1" (then the retries, if any). */
function describeAttempts(answer) {
	return answer.attemptDetails
		.map((detail, i) => `${detail} by ${answer.servedByAttempt[i]}`)
		.join(', then ');
}

/**
 * Every delivery ends in 200 and no attempt is refused. An attempt that timed out on a loaded
 * machine is retried by the store, as BigCommerce does; the counts follow every attempt.
 */
function assertAnswered(ctx, answers) {
	ctx.assert.deepEqual(
		answers.map((a) => a.attempts.at(-1)),
		answers.map(() => 200),
		'every delivery is answered 200',
	);
	ctx.assert.deepEqual(
		answers.flatMap((a) => a.attempts).filter((status) => status >= 300),
		[],
		'no attempt is refused',
	);
}

/**
 * Publishes a fresh trigger workflow, then sends `copies` simultaneous copies of one new delivery
 * through nginx routed by `routing`. Returns the answers, which webhook process got how many, and
 * the executions: started, and those whose downstream node ran.
 */
async function simultaneousCopies(ctx, id, routing, order, copies = 8) {
	const { nginx } = ctx.cluster;
	await ctx.n8n.publish(id);
	const [hook] = await activated(ctx, id, 1);
	await webhookLive(ctx, id); // before switching: under path-hash only one process answers
	await nginx.reload(routing);
	try {
		const payload = ctx.sandbox.webhooks.envelope('store/order/created', {
			type: 'order',
			id: order.id,
		});
		const from = nginx.requests().length;
		const deliveries = Array.from({ length: copies }, () =>
			ctx.sandbox.webhooks.deliver(hook, payload),
		);
		await Promise.all(deliveries.map((d) => d.done));
		const attempts = deliveries.reduce((n, d) => n + d.attempts.length, 0);
		const lines = await ctx.waitFor(
			() => {
				const all = nginx.requests().slice(from);
				return all.length >= attempts ? all : null;
			},
			{ timeoutMs: 5000, intervalMs: 50, message: 'nginx access log' },
		);
		const servedBy = {};
		for (const line of lines) {
			const label = ctx.cluster.processAt(line.upstreams.at(-1))?.label;
			servedBy[label] = (servedBy[label] || 0) + 1;
		}
		const rows = await settledExecutions(ctx, id);
		const withData = await ctx.n8n.listExecutions({ workflowId: id, includeData: true });
		const downstream = withData.filter((e) => e.data?.resultData?.runData?.Downstream).length;
		const result = {
			answers: deliveries.map((d) => d.attempts[0].status),
			servedBy,
			started: rows.length,
			downstream,
		};
		ctx.log(
			`${routing}: ${copies} simultaneous copies → answers ${result.answers.join(',')}; served ${JSON.stringify(servedBy)}; executions started ${result.started} (${rows.map((r) => r.status).join(', ')}), downstream ran in ${downstream}`,
		);
		return result;
	} finally {
		await nginx.reload('round-robin');
	}
}

/** Static data for the log: secrets replaced by their length (never printed). */
function describeStaticData(ctx, data) {
	return JSON.stringify(ctx.redactSecrets(data));
}

module.exports = {
	NODE,
	triggerWorkflow,
	destination,
	hooksOf,
	hookWrites,
	activated,
	webhookLive,
	publishedHook,
	settledExecutions,
	eligibleOrders,
	deliverOnce,
	describeAttempts,
	assertAnswered,
	simultaneousCopies,
	describeStaticData,
};
