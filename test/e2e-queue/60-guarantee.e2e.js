'use strict';
/**
 * The trigger's delivery guarantee in queue mode (issue 17), counted on data: for every delivery,
 * the executions started (rows in PostgreSQL) and, separately, the executions whose downstream
 * node ran (n8n's run data). What holds it together in queue mode:
 * - webhook(): the in-process claim (one map per webhook process, claimed before the first await)
 *   answers a copy that reaches the same process "duplicate" without an execution;
 * - execute() on the worker: n8n's `checkProcessedAndRecord` (processed_data in PostgreSQL) drops a
 *   copy whose key an earlier execution already recorded; it is read-then-write, not atomic, so
 *   two executions of one key whose execute() overlap can both pass.
 * With nginx routing each webhook path to one process (`hash $request_uri consistent;`) every copy
 * meets the same claim map; with round-robin only the worker-side check stands between copies that
 * reach different processes. The last test measures how often that lets a duplicate through.
 */
const {
	triggerWorkflow,
	publishedHook,
	settledExecutions,
	eligibleOrders,
	deliverOnce,
	describeAttempts,
	assertAnswered,
} = require('./trigger-helpers');

const SEQUENTIAL = 'e2eQueueTrigSeq1';
const RESTART_HASH = 'e2eQueueTrigRsH1';
const RESTART_RR = 'e2eQueueTrigRsR1';
const MEASURE_HASH = 'e2eQueueTrigMeHa';
const MEASURE_RR = 'e2eQueueTrigMeRR';
const ALL = [SEQUENTIAL, RESTART_HASH, RESTART_RR, MEASURE_HASH, MEASURE_RR];
const SCOPE = 'store/order/created';

/** Copies per round and the spacings measured (ms between the starts of two copies). */
const COPIES = 8;
const SPACINGS_MS = [0, 50, 500, 2000];
const ROUNDS = Number(process.env.E2E_QUEUE_ROUNDS) || 2; // the README's table: E2E_QUEUE_ROUNDS=5

/** A new delivery (a distinct key: a created_at no other test uses) and its message id. */
let nextCreatedAt = Math.floor(Date.now() / 1000) - 86_400;
function newEvent(ctx, order) {
	nextCreatedAt += 1;
	return {
		payload: ctx.sandbox.webhooks.envelope(SCOPE, { type: 'order', id: order.id }, nextCreatedAt),
		// the same message each time it is sent (BigCommerce's repeats keep it)
		messageId: `msg_q2_${nextCreatedAt}`,
	};
}

/** Executions of `id` newer than `afterId`: how many started, how many reached the downstream node. */
async function countSince(ctx, id, afterId) {
	const rows = (await settledExecutions(ctx, id, { quietMs: 2500 })).filter((r) => r.id > afterId);
	const withData = await ctx.n8n.listExecutions({ workflowId: id, includeData: true });
	const downstream = withData.filter(
		(e) => Number(e.id) > afterId && e.data?.resultData?.runData?.Downstream,
	).length;
	return { rows, started: rows.length, downstream };
}

const lastExecutionId = async (ctx, id) => (await ctx.executions(id)).at(-1)?.id ?? 0;

/**
 * The executions a model of the claim predicts: a copy starts one unless its webhook process
 * already claimed the key in memory since it (re)started.
 */
function predictedStarts(servedBy, restartedAt = Infinity, restarted = undefined) {
	const claimed = new Set();
	let starts = 0;
	servedBy.forEach((process, i) => {
		if (i === restartedAt) claimed.delete(restarted);
		if (!claimed.has(process)) {
			claimed.add(process);
			starts += 1;
		}
	});
	return starts;
}

module.exports = {
	name: 'Queue mode: the delivery guarantee',
	workflows: (ctx) => [
		triggerWorkflow(ctx, SEQUENTIAL, 'e2e queue: sequential repeats', [SCOPE]),
		triggerWorkflow(ctx, RESTART_HASH, 'e2e queue: repeat after restart, path-hash', [SCOPE]),
		triggerWorkflow(ctx, RESTART_RR, 'e2e queue: repeat after restart, round-robin', [SCOPE]),
		triggerWorkflow(ctx, MEASURE_HASH, 'e2e queue: copies measured, path-hash', [SCOPE]),
		triggerWorkflow(ctx, MEASURE_RR, 'e2e queue: copies measured, round-robin', [SCOPE]),
	],
	setup: async (ctx) => {
		// offline: main activates them when the cluster starts
		for (const id of ALL) await ctx.n8n.publish(id);
	},
	tests: [
		{
			name: 'round-robin: 6 sequential repeats of one delivery (1 s apart) reach both webhook processes; 2 executions start, the downstream runs once',
			async run(ctx) {
				const hook = await publishedHook(ctx, SEQUENTIAL);
				const [order] = eligibleOrders(ctx, 1);
				const event = newEvent(ctx, order);
				const after = await lastExecutionId(ctx, SEQUENTIAL);
				const answers = [];
				for (let i = 0; i < 6; i++) {
					if (i) await ctx.delay(1000);
					answers.push(await deliverOnce(ctx, hook, event.payload, { messageId: event.messageId }));
				}
				// every attempt, retries included (a timed-out one on a loaded machine moves the rotation)
				const servedBy = answers.flatMap((a) => a.servedByAttempt);
				const { rows, started, downstream } = await countSince(ctx, SEQUENTIAL, after);
				ctx.log(
					`answers ${answers.map(describeAttempts).join('; ')}; executions started ${started} (${rows.map((r) => `${r.status} on ${ctx.cluster.workerOf(r.id) ?? '?'}`).join(', ')}); downstream ran in ${downstream}`,
				);
				assertAnswered(ctx, answers);
				ctx.assert.deepEqual([...new Set(servedBy)].sort(), ['webhook-1', 'webhook-2']);
				// each webhook process starts one execution for the first copy it sees; the worker drops the second
				ctx.assert.equal(started, predictedStarts(servedBy), 'executions started');
				ctx.assert.equal(downstream, 1, 'executions whose downstream node ran');
			},
		},
		{
			name: 'path-hash: a repeat after restarting the webhook process that received the first copy reaches it again; it starts an execution, the downstream does not run again',
			async run(ctx) {
				const { cluster } = ctx;
				const hook = await publishedHook(ctx, RESTART_HASH);
				const [order] = eligibleOrders(ctx, 1);
				const event = newEvent(ctx, order);
				const after = await lastExecutionId(ctx, RESTART_HASH);
				await cluster.nginx.reload('path-hash');
				try {
					const first = await deliverOnce(ctx, hook, event.payload, { messageId: event.messageId });
					await settledExecutions(ctx, RESTART_HASH, { quietMs: 1500 });
					const owner = cluster.webhooks.find((w) => w.label === first.servedBy);
					await cluster.restart(owner);
					await ctx.delay(2500); // nginx retries a failed server after fail_timeout (2 s)
					const repeat = await deliverOnce(ctx, hook, event.payload, {
						messageId: event.messageId,
					});
					const { rows, started, downstream } = await countSince(ctx, RESTART_HASH, after);
					ctx.log(
						`first copy ${describeAttempts(first)}; ${first.servedBy} restarted; repeat ${describeAttempts(repeat)}; executions started ${started} (${rows.map((r) => r.status).join(', ')}); downstream ran in ${downstream}`,
					);
					assertAnswered(ctx, [first, repeat]);
					ctx.assert.equal(
						repeat.servedBy,
						first.servedBy,
						'path-hash sends the repeat to the same process',
					);
					// the restarted process has forgotten its claim: it starts one; the worker's check drops it
					ctx.assert.equal(started, 2, 'executions started');
					ctx.assert.equal(downstream, 1, 'executions whose downstream node ran');
				} finally {
					await cluster.nginx.reload('round-robin');
				}
			},
		},
		{
			name: 'round-robin: repeats after restarting the webhook process that received the first copy reach both processes; the downstream does not run again',
			async run(ctx) {
				const { cluster } = ctx;
				const hook = await publishedHook(ctx, RESTART_RR);
				const [order] = eligibleOrders(ctx, 1);
				const event = newEvent(ctx, order);
				const after = await lastExecutionId(ctx, RESTART_RR);
				const first = await deliverOnce(ctx, hook, event.payload, { messageId: event.messageId });
				await settledExecutions(ctx, RESTART_RR, { quietMs: 1500 });
				const owner = cluster.webhooks.find((w) => w.label === first.servedBy);
				await cluster.restart(owner);
				await ctx.delay(2500);
				const repeats = [];
				for (let i = 0; i < 4; i++) {
					if (i) await ctx.delay(1000);
					repeats.push(await deliverOnce(ctx, hook, event.payload, { messageId: event.messageId }));
				}
				const servedBy = [first, ...repeats].flatMap((a) => a.servedByAttempt);
				const { rows, started, downstream } = await countSince(ctx, RESTART_RR, after);
				ctx.log(
					`first copy ${describeAttempts(first)}; restarted; repeats ${repeats.map(describeAttempts).join('; ')}; executions started ${started} (${rows.map((r) => r.status).join(', ')}); downstream ran in ${downstream}`,
				);
				assertAnswered(ctx, [first, ...repeats]);
				ctx.assert.deepEqual([...new Set(servedBy)].sort(), ['webhook-1', 'webhook-2']);
				ctx.assert.equal(
					started,
					predictedStarts(servedBy, first.servedByAttempt.length, first.servedBy),
					'executions started',
				);
				ctx.assert.equal(downstream, 1, 'executions whose downstream node ran');
			},
		},
		{
			name: `measured: ${COPIES} copies of a new delivery at ${SPACINGS_MS.join(' / ')} ms spacing, ${ROUNDS} rounds each: path-hash → downstream exactly once; round-robin → duplicates counted`,
			timeoutMs: 600_000,
			async run(ctx) {
				const { nginx } = ctx.cluster;
				const table = [];
				const [order] = eligibleOrders(ctx, 1);
				// live on both webhook processes before any routing change (path-hash: only one answers)
				for (const id of [MEASURE_HASH, MEASURE_RR]) await publishedHook(ctx, id);
				for (const [routing, id] of [
					['path-hash', MEASURE_HASH],
					['round-robin', MEASURE_RR],
				]) {
					const hook = await publishedHook(ctx, id);
					await nginx.reload(routing);
					await ctx.delay(1000); // nginx's old worker hands over: no refused connection in round 1
					try {
						for (const spacing of SPACINGS_MS) {
							for (let round = 0; round < ROUNDS; round++) {
								const event = newEvent(ctx, order);
								const after = await lastExecutionId(ctx, id);
								const fromLine = nginx.requests().length;
								const sends = [];
								for (let i = 0; i < COPIES; i++) {
									if (i && spacing) await ctx.delay(spacing);
									sends.push(deliverOnce(ctx, hook, event.payload, { messageId: event.messageId }));
								}
								const answers = await Promise.all(sends);
								const { started, downstream } = await countSince(ctx, id, after);
								// concurrent copies: which process served which is read from nginx's log as a whole
								const lines = await ctx.waitFor(
									() => {
										const all = nginx.requests().slice(fromLine);
										return all.length >= COPIES ? all : null;
									},
									{ timeoutMs: 5000, intervalMs: 50, message: 'nginx access log' },
								);
								const processes = new Set(
									lines.map((l) => ctx.cluster.processAt(l.upstreams.at(-1))?.label),
								).size;
								table.push({ routing, spacing, round, answers, processes, started, downstream });
								ctx.log(
									`${routing}, ${spacing} ms: answers ${answers.map((a) => a.attempts.join('/')).join(',')}; ${processes} process(es); started ${started}, downstream ran ${downstream}`,
								);
							}
						}
					} finally {
						await nginx.reload('round-robin');
					}
				}
				// the README's table: duplicate downstream runs per N copies
				for (const routing of ['path-hash', 'round-robin']) {
					for (const spacing of SPACINGS_MS) {
						const rows = table.filter((r) => r.routing === routing && r.spacing === spacing);
						ctx.log(
							`TABLE ${routing} | ${spacing} ms | started ${rows.map((r) => r.started).join('+')} | downstream ${rows.map((r) => r.downstream).join('+')} | duplicates ${rows.reduce((n, r) => n + r.downstream - 1, 0)} in ${rows.length} rounds`,
						);
					}
				}
				for (const row of table) {
					// the final answer of each copy (a refused connection is retried, as BigCommerce does)
					ctx.assert.deepEqual(
						row.answers.map((a) => a.attempts.at(-1)),
						Array(COPIES).fill(200),
					);
					ctx.assert.ok(
						row.downstream >= 1,
						`${row.routing} ${row.spacing} ms: the event reached the downstream`,
					);
					if (row.routing === 'path-hash') {
						ctx.assert.equal(row.processes, 1, 'path-hash: one webhook process got every copy');
						ctx.assert.equal(row.started, 1, `path-hash ${row.spacing} ms: executions started`);
						ctx.assert.equal(row.downstream, 1, `path-hash ${row.spacing} ms: downstream runs`);
					}
				}
			},
		},
	],
};
