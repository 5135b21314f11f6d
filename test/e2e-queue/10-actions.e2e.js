'use strict';
/**
 * Action workflows in queue mode: a Webhook-started workflow (n8n's own Webhook node, the way
 * queue-mode users start work; `n8n execute` falls back to regular mode there) called through
 * nginx, enqueued by a webhook process, run by a worker: credentials (two stores), pagination
 * (600 products = 3 pages of 250), Export Catalog (CSV, 3 calls), a write, and the answer built
 * from the last node's data.
 */
const { values } = require('../e2e/helpers');

const WF = 'e2eQueueAction01';
const PATH = 'e2e-queue-actions';
const BIG = {
	id: 'bcQueueBigStore1',
	name: 'BigCommerce 600-product store',
	type: 'bigCommerceApi',
};
const PRODUCTS = 600;
const EMAIL = 'queue.worker@example.com';

function actionWorkflow(ctx) {
	const webhook = {
		id: ctx.wf.stableUuid(`${WF}:webhook`),
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: ctx.wf.stableUuid(`${WF}:webhookId`),
		parameters: {
			httpMethod: 'POST',
			path: PATH,
			responseMode: 'lastNode',
			responseData: 'allEntries',
		},
	};
	const steps = [
		ctx.wf.bigCommerceNode(WF, {
			name: 'Get store',
			parameters: { resource: 'store', operation: 'get' },
		}),
		ctx.wf.bigCommerceNode(WF, {
			name: 'List products',
			credential: BIG,
			parameters: { resource: 'product', operation: 'getAll', returnAll: true },
		}),
		ctx.wf.bigCommerceNode(WF, {
			name: 'Export catalog',
			credential: BIG,
			parameters: {
				resource: 'product',
				operation: 'exportCatalog',
				simplify: true,
				options: { fileFormat: 'csv' },
			},
		}),
		ctx.wf.bigCommerceNode(WF, {
			name: 'Create customer',
			parameters: {
				resource: 'customer',
				operation: 'create',
				email: `={{ $('Webhook').first().json.body.email }}`,
				firstName: 'Queue',
				lastName: 'Worker',
			},
		}),
		{
			id: ctx.wf.stableUuid(`${WF}:Summary`),
			...ctx.wf.codeStep(
				'Summary',
				`const products = $('List products').all().map((i) => i.json.id);
return [{ json: {
	store: $('Get store').first().json.name,
	products: products.length,
	distinctProducts: new Set(products).size,
	exported: $('Export catalog').last().json.exported,
	exportCalls: $('Export catalog').last().json.api_calls,
	exportFile: $('Export catalog').last().binary?.data?.mimeType ?? null,
	customerId: $('Create customer').first().json.id,
	customerEmail: $('Create customer').first().json.email,
} }];`,
			),
		},
	];
	for (const node of steps) node.executeOnce = true;
	const nodes = [webhook, ...steps];
	nodes.forEach((node, i) => (node.position = [260 * i, 0]));
	return ctx.wf.workflow({ id: WF, name: 'e2e queue: action workflow on a worker', nodes });
}

module.exports = {
	name: 'Queue mode: action workflows on workers',

	async credentials(ctx) {
		const big = await ctx.startSandbox({ seed: { products: PRODUCTS }, rateLimit: false });
		ctx.shared.bigStore = big;
		return [{ ...BIG, data: ctx.credentialData(big) }];
	},

	workflows: (ctx) => [actionWorkflow(ctx)],

	// published offline (main's CLI) before the cluster boots: main activates it at start
	setup: async (ctx) => {
		await ctx.n8n.publish(WF);
	},

	tests: [
		{
			name: 'a webhook call through nginx runs the workflow on a worker: store, 3 pages of products, a customer created',
			async run(ctx) {
				const big = ctx.shared.bigStore;
				const bigBefore = big.requests.length;
				const before = ctx.sandbox.requests.length;
				const res = await ctx.waitFor(
					async () => {
						const r = await ctx.post(`/webhook/${PATH}`, { email: EMAIL });
						return r.status === 404 ? null : r; // main activates it a few seconds after boot
					},
					{ timeoutMs: 60_000, intervalMs: 1000, message: `webhook /${PATH} registered` },
				);
				ctx.log(`answer ${res.status} through nginx from ${res.servedBy} (${res.upstream})`);
				ctx.assert.equal(res.status, 200, res.text.slice(0, 500));
				ctx.assert.match(String(res.servedBy), /^webhook-\d$/);
				const [summary] = res.json;
				ctx.assert.deepEqual(summary, {
					store: 'Sandbox Outfitters',
					products: PRODUCTS,
					distinctProducts: PRODUCTS,
					exported: PRODUCTS,
					exportCalls: Math.ceil(PRODUCTS / 250),
					exportFile: 'text/csv',
					customerId: summary.customerId,
					customerEmail: EMAIL,
				});
				// the store answered these, with the credentials' tokens
				const pages = big.requests
					.slice(bigBefore)
					.filter((r) => r.method === 'GET' && r.path === '/catalog/products');
				// List products and Export catalog each read the 3 pages once
				ctx.assert.deepEqual(
					pages.map((r) => `${r.query.page}/${r.query.limit} ${r.status}`).sort(),
					['1/250 200', '1/250 200', '2/250 200', '2/250 200', '3/250 200', '3/250 200'],
				);
				ctx.assert.ok(pages.every((r) => r.headers['x-auth-token'] === big.accessToken));
				const created = ctx.sandbox.requests
					.slice(before)
					.filter((r) => r.method === 'POST' && r.path === '/customers');
				ctx.assert.equal(created.length, 1);
				ctx.assert.ok(
					values(ctx.sandbox.state.customers).some(
						(c) => c.id === summary.customerId && c.email === EMAIL,
					),
				);
				ctx.shared.firstActionCustomer = summary.customerId;
			},
		},
		{
			name: "n8n recorded the execution as run by a worker, with every node's data",
			async run(ctx) {
				const [row] = (await ctx.executions(WF)).slice(-1);
				ctx.assert.ok(row, 'an execution row in PostgreSQL');
				ctx.assert.equal(row.status, 'success');
				ctx.assert.equal(row.mode, 'webhook');
				const ranOn = await ctx.waitFor(() => ctx.cluster.workerOf(row.id), {
					timeoutMs: 10_000,
					message: `a worker logging execution ${row.id}`,
				});
				ctx.log(`execution ${row.id}: ${row.status}, run by ${ranOn}`);
				ctx.assert.match(ranOn, /^worker-\d$/);
				const elsewhere = ctx.cluster
					.logLines(new RegExp(`Worker started execution ${row.id}\\b`))
					.filter((l) => !l.startsWith(`${ranOn}:`));
				ctx.assert.deepEqual(elsewhere, [], 'only one worker started it');
				const [execution] = (
					await ctx.n8n.listExecutions({ workflowId: WF, includeData: true })
				).filter((e) => Number(e.id) === row.id);
				const runData = execution.data.resultData.runData;
				ctx.assert.deepEqual(Object.keys(runData).sort(), [
					'Create customer',
					'Export catalog',
					'Get store',
					'List products',
					'Summary',
					'Webhook',
				]);
				ctx.assert.equal(runData['List products'][0].data.main[0].length, PRODUCTS);
				// one item per product plus the summary item that carries the CSV
				ctx.assert.equal(runData['Export catalog'][0].data.main[0].length, PRODUCTS + 1);
				ctx.assert.equal(
					runData['Create customer'][0].data.main[0][0].json.id,
					ctx.shared.firstActionCustomer,
				);
			},
		},
		{
			name: 'four simultaneous calls are spread over both webhook processes, each run by a worker with its own result',
			async run(ctx) {
				const before = (await ctx.executions(WF)).length;
				const emails = [1, 2, 3, 4].map((i) => `queue.worker.${i}@example.com`);
				const answers = await Promise.all(
					emails.map((email) => ctx.post(`/webhook/${PATH}`, { email })),
				);
				ctx.log(`answers ${answers.map((a) => `${a.status} from ${a.servedBy}`).join(', ')}`);
				ctx.assert.deepEqual(
					answers.map((a) => a.status),
					[200, 200, 200, 200],
				);
				ctx.assert.deepEqual(
					answers.map((a) => a.json[0].customerEmail),
					emails,
				);
				ctx.assert.deepEqual([...new Set(answers.map((a) => a.servedBy))].sort(), [
					'webhook-1',
					'webhook-2',
				]);
				const rows = (await ctx.executions(WF)).slice(before);
				ctx.assert.equal(rows.length, 4);
				ctx.assert.ok(rows.every((r) => r.status === 'success'));
				const workers = rows.map((r) => ctx.cluster.workerOf(r.id));
				ctx.log(`executions ${rows.map((r, i) => `${r.id} on ${workers[i]}`).join(', ')}`);
				ctx.assert.ok(
					workers.every((w) => /^worker-\d$/.test(String(w))),
					'every execution ran on a worker',
				);
			},
		},
	],
};
