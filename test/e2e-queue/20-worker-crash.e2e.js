'use strict';
/**
 * A worker killed (SIGKILL) in the middle of an execution: what n8n 2.40.7 does with the job.
 * n8n's Bull queue runs with `maxStalledCount: 0` (scaling/scaling.service.js): a job whose worker
 * died is never handed to another worker. Once its lock expires (QUEUE_WORKER_LOCK_DURATION, 60 s)
 * a live worker's stall check (QUEUE_WORKER_STALLED_INTERVAL, 30 s) fails it, and the process that
 * enqueued it (here a webhook process, waiting on `job.finished()` in workflow-runner.js) records
 * the execution as "error" with n8n's MaxStalledCountError. So an execution on a dying worker runs
 * at most once, and its remaining nodes never run. The store's request log shows which nodes ran:
 * one "Get store" before the Wait, one after it.
 * The execution is a BigCommerce Trigger delivery: BigCommerce got its 200 when the execution was
 * enqueued (so it would not resend), and execute() recorded the key (processed_data) before the
 * kill, so resends of the delivery never reach the downstream again; n8n's Retry of the stalled
 * execution has no run data to start from. The delivery's downstream is lost: at most once.
 */
const {
	triggerWorkflow,
	publishedHook,
	eligibleOrders,
	deliverOnce,
	describeAttempts,
	assertAnswered,
} = require('./trigger-helpers');

const WF = 'e2eQueueCrash001';

/** BigCommerce Trigger → Before (store) → Wait 10 s → After (store): the worker is killed during the Wait. */
function crashWorkflow(ctx) {
	return triggerWorkflow(
		ctx,
		WF,
		'e2e queue: worker killed mid-execution',
		['store/order/created'],
		[
			ctx.wf.bigCommerceNode(WF, {
				name: 'Before',
				parameters: { resource: 'store', operation: 'get' },
			}),
			{
				id: ctx.wf.stableUuid(`${WF}:wait`),
				name: 'Wait',
				type: 'n8n-nodes-base.wait',
				typeVersion: 1.1,
				webhookId: ctx.wf.stableUuid(`${WF}:waitId`),
				// under 65 s n8n waits in the worker's memory: the worker is mid-execution meanwhile
				parameters: { resume: 'timeInterval', amount: 10, unit: 'seconds' },
			},
			ctx.wf.bigCommerceNode(WF, {
				name: 'After',
				parameters: { resource: 'store', operation: 'get' },
			}),
		],
	);
}

const storeReads = (ctx, from) =>
	ctx.sandbox.requests
		.slice(from)
		.filter((r) => r.method === 'GET' && r.version === 'v2' && r.path === '/store');

module.exports = {
	name: 'Queue mode: a worker killed mid-execution',
	workflows: (ctx) => [crashWorkflow(ctx)],
	setup: async (ctx) => {
		await ctx.n8n.publish(WF); // offline: main activates it when the cluster starts
	},
	tests: [
		{
			name: 'a trigger execution whose worker is killed: not re-run by the other worker, ends as error (stalled job), the nodes after the kill never run; resends and n8n Retry run nothing after the trigger again (at most once)',
			timeoutMs: 480_000,
			async run(ctx) {
				const hook = await publishedHook(ctx, WF);
				const from = ctx.sandbox.requests.length;
				const before = (await ctx.executions(WF)).length;
				const [order] = eligibleOrders(ctx, 1);
				const payload = ctx.sandbox.webhooks.envelope('store/order/created', {
					type: 'order',
					id: order.id,
				});
				const messageId = 'msg_q2_worker_crash';
				const answer = await deliverOnce(ctx, hook, payload, { messageId });
				assertAnswered(ctx, [answer]); // BigCommerce is answered before the execution runs
				const row = await ctx.waitFor(async () => (await ctx.executions(WF))[before], {
					timeoutMs: 30_000,
					message: 'the execution row',
				});
				const victimLabel = await ctx.waitFor(() => ctx.cluster.workerOf(row.id), {
					timeoutMs: 30_000,
					message: `a worker starting execution ${row.id}`,
				});
				await ctx.waitFor(() => storeReads(ctx, from).length === 1, {
					timeoutMs: 30_000,
					message: 'the node before the Wait ran',
				});
				const victim = ctx.cluster.workers.find((w) => w.label === victimLabel);
				const killedAt = Date.now();
				await victim.kill('SIGKILL');
				ctx.log(
					`execution ${row.id} started on ${victimLabel}; ${victimLabel} killed (SIGKILL) during the Wait`,
				);

				const final = await ctx.waitFor(
					async () => {
						const current = (await ctx.executions(WF)).find((r) => r.id === row.id);
						return current && !['new', 'running', 'waiting'].includes(current.status)
							? current
							: null;
					},
					{
						timeoutMs: 300_000,
						intervalMs: 2000,
						message: `execution ${row.id} leaving "running"`,
					},
				);
				const secondsToFinal = Math.round((Date.now() - killedAt) / 1000);
				const otherWorkers = ctx.cluster
					.logLines(new RegExp(`Worker started execution ${row.id}\\b`))
					.filter((l) => !l.startsWith(`${victimLabel}:`));
				ctx.log(
					`execution ${row.id}: "${final.status}" ${secondsToFinal} s after the kill; started by another worker: ${otherWorkers.length ? otherWorkers.join(' | ') : 'no'}; store reads: ${storeReads(ctx, from).length}`,
				);

				const [stored] = (
					await ctx.n8n.listExecutions({ workflowId: WF, includeData: true })
				).filter((e) => Number(e.id) === row.id);
				const error = stored?.data?.resultData?.error;
				const ran = Object.keys(stored?.data?.resultData?.runData || {});
				ctx.log(
					`n8n recorded: ${error?.name || '-'}: ${String(error?.message || '-').slice(0, 120)}; nodes with run data: ${ran.join(', ') || '-'}`,
				);

				await ctx.cluster.restart(victim); // the cluster is whole again for the next scenarios
				ctx.assert.equal(final.status, 'error');
				const storeReadsAtFailure = storeReads(ctx, from).length;

				// BigCommerce resends the delivery (once to each webhook process, round-robin)
				const resends = [];
				for (let i = 0; i < 2; i++)
					resends.push(await deliverOnce(ctx, hook, payload, { messageId }));
				await ctx.delay(4000);
				const afterResends = await ctx.executions(WF);
				await ctx.waitFor(
					async () =>
						(await ctx.executions(WF)).every((r) => !['new', 'running'].includes(r.status)),
					{ timeoutMs: 60_000, message: 'the resends settled' },
				);
				ctx.log(
					`resends: ${resends.map(describeAttempts).join('; ')}; executions started by them: ${afterResends.length - before - 1}; store reads since: ${storeReads(ctx, from).length - storeReadsAtFailure}`,
				);

				// n8n's Retry (REST, the editor's button) of the failed execution
				const retry = await ctx.n8n.rest('POST', `/executions/${row.id}/retry`, {
					loadWorkflow: false,
				});
				ctx.assert.equal(retry.status, 200, `retry: ${retry.status} ${retry.text.slice(0, 300)}`);
				const retried = await ctx.waitFor(
					async () => {
						const list = await ctx.n8n.listExecutions({ workflowId: WF, includeData: true });
						const run = list.find((e) => String(e.retryOf) === String(row.id));
						return run &&
							run.finished !== undefined &&
							['success', 'error', 'crashed'].includes(run.status)
							? run
							: null;
					},
					{ timeoutMs: 120_000, intervalMs: 2000, message: `the retry of ${row.id} finished` },
				);
				const retriedRan = Object.keys(retried.data?.resultData?.runData || {});
				const retryError = retried.data?.resultData?.error;
				ctx.log(
					`retry ${retried.id}: ${retried.status}; nodes that ran: ${retriedRan.join(', ') || '-'}; error: ${retryError?.name || '-'}: ${String(retryError?.message || '-').slice(0, 160)}`,
				);

				assertAnswered(ctx, resends);
				// at most once: nothing after the trigger ran again for this delivery, neither for the
				// resends (the key was recorded before the kill) nor for n8n's Retry (n8n 2.40.7 keeps no
				// run data of a stalled job: the Retry has nothing to run from; stated in the README)
				ctx.assert.equal(
					storeReads(ctx, from).length,
					storeReadsAtFailure,
					'no node after the trigger reached the store again',
				);
				ctx.assert.match(String(error?.message), /failed to be processed too many times/);
				ctx.assert.deepEqual(otherWorkers, [], 'no other worker re-ran the execution');
				ctx.assert.equal(storeReadsAtFailure, 1, 'only the node before the kill reached the store');
			},
		},
	],
};
