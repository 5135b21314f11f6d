'use strict';
/**
 * Catalog export of a 2,000-product store in a real n8n: every product once, 250 per API call,
 * a CSV file with one line per product; then the incremental mode across runs (n8n keeps the
 * cursor in the workflow's static data between executions): only products changed since the
 * previous run, and nothing when nothing changed.
 */
const WF = 'e2eExport2000001';
const CRED = {
	id: 'bcE2eBigStore001',
	name: 'BigCommerce 2,000-product store',
	type: 'bigCommerceApi',
};
const PRODUCTS = 2000;

function exportItems(run) {
	const runs = run.json?.data?.resultData?.runData?.Export;
	const items = runs ? runs[runs.length - 1].data.main[0] : [];
	const summary = items[items.length - 1];
	return { products: items.slice(0, -1).map((i) => i.json), summary };
}

function productCalls(sandbox, before) {
	return sandbox.requests
		.slice(before)
		.filter((r) => r.method === 'GET' && r.version === 'v3' && r.path === '/catalog/products');
}

/** Changes products through the sandbox's own API (as a store admin would), so date_modified moves. */
async function touchProducts(ctx, big, ids) {
	for (const id of ids) {
		const res = await ctx.request(`${big.apiPath('v3')}/catalog/products/${id}`, {
			method: 'PUT',
			headers: { 'X-Auth-Token': big.accessToken, Accept: 'application/json' },
			body: { price: 99.5 },
		});
		ctx.assert.equal(res.status, 200, `PUT product ${id}: ${res.status} ${res.text.slice(0, 200)}`);
	}
}

module.exports = {
	name: 'Catalog export (2,000 products, incremental)',

	async credentials(ctx) {
		const big = await ctx.startSandbox({ seed: { products: PRODUCTS }, rateLimit: false });
		ctx.shared.bigStore = big;
		return [{ ...CRED, data: ctx.credentialData(big) }];
	},

	workflows: (ctx) => [
		ctx.wf.actionWorkflow({
			id: WF,
			name: 'e2e: catalog export, incremental, CSV',
			steps: [
				{
					name: 'Export',
					credential: CRED,
					parameters: {
						resource: 'product',
						operation: 'exportCatalog',
						simplify: true,
						options: { fileFormat: 'csv', incremental: true },
					},
				},
			],
		}),
	],

	tests: [
		{
			name: 'first run exports all 2,000 products in 8 calls, with a CSV of 2,000 rows',
			core: true,
			timeoutMs: 600_000,
			async run(ctx) {
				const big = ctx.shared.bigStore;
				const before = big.requests.length;
				const t0 = Date.now();
				const run = ctx.expectSuccess(await ctx.execute(WF, { timeoutMs: 480_000 }), WF);
				ctx.shared.exportFirstRunMs = Date.now() - t0;
				const { products, summary } = exportItems(run);
				ctx.assert.equal(products.length, PRODUCTS);
				ctx.assert.equal(new Set(products.map((p) => p.id)).size, PRODUCTS, 'each product once');
				ctx.assert.equal(summary.json.exported, PRODUCTS);
				ctx.assert.equal(summary.json.api_calls, PRODUCTS / 250);
				const calls = productCalls(big, before);
				ctx.assert.equal(calls.length, PRODUCTS / 250);
				ctx.assert.ok(
					calls.every((c) => Number(c.query.limit) === 250),
					'pages of 250',
				);
				const file = summary.binary && summary.binary.data;
				ctx.assert.ok(file, 'the summary item carries the CSV');
				ctx.assert.equal(file.mimeType, 'text/csv');
				const bytes = ctx.n8n.readBinary(file);
				// the UTF-8 byte order mark (on by default) so Excel reads accented names correctly
				ctx.assert.deepEqual(
					[...bytes.subarray(0, 3)],
					[0xef, 0xbb, 0xbf],
					'the CSV starts with a UTF-8 BOM',
				);
				const lines = bytes.subarray(3).toString('utf8').trim().split('\n');
				ctx.assert.equal(lines.length, PRODUCTS + 1, 'header + one line per product');
				ctx.assert.match(lines[0], /^id,/);
			},
		},
		{
			name: 'second run (incremental) exports only the 3 products changed since the first',
			core: true,
			timeoutMs: 600_000,
			async run(ctx) {
				const big = ctx.shared.bigStore;
				await ctx.delay(1100); // the cursor has second precision
				await touchProducts(ctx, big, [5, 777, 1999]);
				const before = big.requests.length;
				const run = ctx.expectSuccess(await ctx.execute(WF, { timeoutMs: 480_000 }), WF);
				const { products, summary } = exportItems(run);
				ctx.assert.deepEqual(
					products.map((p) => p.id).sort((a, b) => a - b),
					[5, 777, 1999],
				);
				ctx.assert.equal(summary.json.incremental, true);
				ctx.assert.ok(summary.json.since, 'the run says since when');
				const calls = productCalls(big, before);
				ctx.assert.equal(calls.length, 1);
				ctx.assert.ok(
					calls[0].query['date_modified:min'],
					`filtered by date_modified:min: ${JSON.stringify(calls[0].query)}`,
				);
			},
		},
		{
			name: 'third run (incremental, nothing changed) exports nothing',
			core: true,
			timeoutMs: 600_000,
			async run(ctx) {
				await ctx.delay(1100);
				const run = ctx.expectSuccess(await ctx.execute(WF, { timeoutMs: 480_000 }), WF);
				const { products, summary } = exportItems(run);
				ctx.assert.deepEqual(
					products.map((p) => p.id),
					[],
					`the cursor of the second run must be kept (since=${summary.json.since})`,
				);
				ctx.assert.equal(summary.json.exported, 0);
			},
		},
	],
};
