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
 */
const WF = 'e2eQueueCrash001';
const PATH = 'e2e-queue-crash';

function crashWorkflow(ctx) {
	const nodes = [
		{
			id: ctx.wf.stableUuid(`${WF}:webhook`),
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			webhookId: ctx.wf.stableUuid(`${WF}:webhookId`),
			parameters: { httpMethod: 'POST', path: PATH, responseMode: 'onReceived' },
		},
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
			parameters: { resume: 'timeInterval', amount: 20, unit: 'seconds' },
		},
		ctx.wf.bigCommerceNode(WF, {
			name: 'After',
			parameters: { resource: 'store', operation: 'get' },
		}),
	];
	nodes.forEach((node, i) => (node.position = [260 * i, 0]));
	return ctx.wf.workflow({ id: WF, name: 'e2e queue: worker killed mid-execution', nodes });
}

const storeReads = (ctx, from) =>
	ctx.sandbox.requests
		.slice(from)
		.filter((r) => r.method === 'GET' && r.version === 'v2' && r.path === '/store');

module.exports = {
	name: 'Queue mode: a worker killed mid-execution',
	workflows: (ctx) => [crashWorkflow(ctx)],
	setup: async (ctx) => {
		await ctx.n8n.publish(WF);
	},
	tests: [
		{
			name: 'the execution is not re-run by the other worker, ends as error (stalled job), and the nodes after the kill never run',
			timeoutMs: 420_000,
			async run(ctx) {
				const from = ctx.sandbox.requests.length;
				const before = (await ctx.executions(WF)).length;
				const res = await ctx.waitFor(
					async () => {
						const r = await ctx.post(`/webhook/${PATH}`, {});
						return r.status === 404 ? null : r;
					},
					{ timeoutMs: 60_000, intervalMs: 1000, message: `webhook /${PATH} registered` },
				);
				ctx.assert.equal(res.status, 200, res.text.slice(0, 300));
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
				ctx.assert.match(String(error?.message), /failed to be processed too many times/);
				ctx.assert.deepEqual(otherWorkers, [], 'no other worker re-ran the execution');
				ctx.assert.equal(
					storeReads(ctx, from).length,
					1,
					'only the node before the kill reached the store',
				);
				ctx.assert.equal((await ctx.executions(WF)).length, before + 1, 'no new execution');
			},
		},
	],
};
