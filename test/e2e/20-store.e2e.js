'use strict';
/** Store resource in a workflow, run headlessly by n8n (`n8n execute`). */
module.exports = {
	name: 'Resource: Store',
	workflows: (ctx) => [
		ctx.wf.actionWorkflow({
			id: 'e2eStoreGet00001',
			name: 'e2e: store information',
			steps: [{ name: 'Get store', parameters: { resource: 'store', operation: 'get' } }],
		}),
	],
	tests: [
		{
			name: 'Get Information returns the store record with the token sent as X-Auth-Token',
			core: true,
			async run(ctx) {
				const before = ctx.sandbox.requests.length;
				const run = await ctx.executeOk('e2eStoreGet00001');
				const items = run.output('Get store');
				ctx.assert.equal(items.length, 1);
				ctx.assert.equal(items[0].name, 'Sandbox Outfitters');
				ctx.assert.equal(items[0].currency, 'USD');
				const sent = ctx.sandbox.requests.slice(before);
				ctx.assert.deepEqual(
					sent.map((r) => `${r.method} ${r.version}${r.path} ${r.status}`),
					['GET v2/store 200'],
				);
			},
		},
	],
};
