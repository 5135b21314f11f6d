'use strict';
/**
 * Items in parallel in a real n8n: the store's first products (up to 40; the e2e store has 30) as
 * input items, ids in a shuffled order, through one
 * Product › Get node. The sandbox answers the first items last; the execution's output must still
 * be in input order with each item paired to its input, and the sandbox must have had several of
 * the node's requests in flight at once.
 */
const WF = 'e2eItemsParallel';
const NODE = 'Get products';
const ITEMS = 40;
/**
 * Items 1-3's answers are held back this long, so they come after later items' answers. (Not item
 * 0's: a fresh n8n process sends its first request to a store alone, to learn the quota.)
 */
const SLOW_MS = 1500;

/** A fixed shuffle of the store's first ITEMS product ids (input order is not id order). */
function inputIds(sandbox) {
	const ids = [...sandbox.state.products.keys()].map(Number).slice(0, ITEMS);
	// 7 is prime to any count here but multiples of 7, so this visits every id once
	const step = ids.length % 7 === 0 ? 1 : 7;
	return ids.map((_, i) => ids[(i * step) % ids.length]);
}

function nodeItems(run) {
	const runs = run.json?.data?.resultData?.runData?.[NODE];
	return runs ? runs[0].data.main[0] : [];
}

module.exports = {
	name: 'Items in parallel: output order and pairedItem in a real n8n',

	workflows: (ctx) => [
		ctx.wf.actionWorkflow({
			id: WF,
			name: 'e2e: items in parallel',
			steps: [
				ctx.wf.codeStep(
					'Product ids',
					`return ${JSON.stringify(inputIds(ctx.sandbox))}.map((id) => ({ json: { id } }));`,
				),
				{
					name: NODE,
					executeOnce: false,
					alwaysOutputData: false,
					parameters: {
						resource: 'product',
						operation: 'get',
						productId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
						include: [],
					},
				},
			],
		}),
	],

	tests: [
		{
			name: 'many items: output in input order, pairedItem per input, several requests in flight',
			async run(ctx) {
				const ids = inputIds(ctx.sandbox);
				ctx.assert.ok(ids.length >= 20, `only ${ids.length} products in the store`);
				const before = ctx.sandbox.requests.length;
				const slow = ids.slice(1, 4).map((id) =>
					ctx.sandbox.faults.add({
						method: 'GET',
						path: new RegExp(`^/catalog/products/${id}$`),
						kind: 'latency',
						latencyMs: SLOW_MS,
					}),
				);
				// every other product answer after 150 ms, so the node's requests overlap at the sandbox
				slow.push(
					ctx.sandbox.faults.add({
						method: 'GET',
						path: /^\/catalog\/products\/\d+$/,
						kind: 'latency',
						latencyMs: 150,
						times: Infinity,
					}),
				);
				let run;
				try {
					run = ctx.expectSuccess(await ctx.execute(WF), WF);
				} finally {
					for (const fault of slow) fault.remove();
				}
				const items = nodeItems(run);
				ctx.assert.deepEqual(
					items.map((item) => item.json.id),
					ids,
				);
				ctx.assert.deepEqual(
					items.map((item) => item.pairedItem),
					ids.map((_, item) => ({ item })),
				);
				const requests = ctx.sandbox.requests
					.slice(before)
					.filter((r) => r.method === 'GET' && /^\/catalog\/products\/\d+$/.test(r.path));
				ctx.assert.equal(requests.length, ids.length);
				const answeredAt = (id) =>
					requests.find((r) => r.path === `/catalog/products/${id}`).answeredAt;
				// the sandbox answered an early item after the last one...
				ctx.assert.ok(answeredAt(ids[1]) > answeredAt(ids[ids.length - 1]), 'answers out of order');
				// ...because the node had many of them in flight at once
				const most = Math.max(...requests.map((r) => r.inFlight));
				ctx.assert.ok(most >= 8, `at most ${most} requests in flight at once`);
			},
		},
	],
};
