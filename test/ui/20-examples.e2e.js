'use strict';
/**
 * The example workflows (examples/*.json) opened in n8n's editor: every node of the file is on the
 * canvas and every connection of the file is drawn (the AI agent's tool, model and memory nodes
 * attached to the agent). `npm run screenshots` writes one picture per example
 * (docs/images/example-<file>.png) for the README.
 *
 * The examples are imported as the e2e suites import them (e2e/lib/examples.js): their nodes
 * reference the harness's BigCommerce and SMTP credentials. The AI agent's OpenAI node has no
 * credential in the shipped file; it gets one made here (a placeholder key, never called), so the
 * editor opens the workflow with every credential set, as a user's own would be.
 */
const OPENAI_CREDENTIAL = {
	id: 'bcUiOpenAiCred01',
	name: 'OpenAI (placeholder)',
	type: 'openAiApi',
};

/** Connections of a workflow file as "source → target (type)" lines. */
function fileEdges(workflow) {
	const edges = [];
	for (const [source, byType] of Object.entries(workflow.connections || {}))
		for (const [type, outputs] of Object.entries(byType))
			for (const output of outputs || [])
				for (const target of output || []) edges.push(`${source} → ${target.node} (${type})`);
	return edges.sort();
}

/** The examples the UI suite imports (ids and names as shipped). */
function examples(ctx) {
	return ctx.examples().map(({ file, workflow }) => {
		for (const node of workflow.nodes)
			if (node.type === '@n8n/n8n-nodes-langchain.lmChatOpenAi')
				node.credentials = {
					[OPENAI_CREDENTIAL.type]: { id: OPENAI_CREDENTIAL.id, name: OPENAI_CREDENTIAL.name },
				};
		return { file, workflow };
	});
}

/**
 * Opens an example and waits until every one of its nodes is on the canvas; returns the
 * connections drawn, as "source → target" lines.
 */
async function openOnCanvas(ctx, workflow) {
	const { page } = ctx.ui;
	await page.goto(`/workflow/${workflow.id}`, { waitUntil: 'domcontentloaded' });
	for (const node of workflow.nodes) {
		if (node.type === 'n8n-nodes-base.stickyNote') continue;
		await page
			.locator(`[data-test-id="canvas-node"][data-node-name="${node.name}"]`)
			.waitFor({ timeout: 120_000 });
	}
	const expected = fileEdges(workflow).map((e) => e.replace(/ \(.*\)$/, ''));
	const drawn = async () =>
		(
			await page
				.locator('[data-test-id="edge"]')
				.evaluateAll((els) =>
					els.map(
						(el) =>
							`${el.getAttribute('data-source-node-name')} → ${el.getAttribute('data-target-node-name')}`,
					),
				)
		).sort();
	await ctx
		.waitFor(async () => (await drawn()).length >= expected.length, {
			timeoutMs: 30_000,
			message: `${expected.length} connections drawn`,
		})
		.catch(() => undefined);
	return { expected, drawn: await drawn() };
}

/** A picture of the canvas only (no sidebar, no header), fitted to the nodes. */
async function shootCanvas(ctx, name) {
	const { page } = ctx.ui;
	if (!ctx.ui.screenshots) return;
	await page.locator('[data-test-id="zoom-to-fit"]').click();
	await ctx.delay(600); // the zoom animates
	const box = await page.locator('[data-test-id="canvas"]').first().boundingBox();
	// without the Editor/Executions tabs above, the toolbar on the right, the execute button and the
	// zoom controls below
	await ctx.ui.shot(name, {
		x: box.x,
		y: box.y + 40,
		width: box.width - 64,
		height: box.height - 100,
	});
}

module.exports = {
	name: 'Examples on the canvas (real browser)',

	credentials: () => [
		{ ...OPENAI_CREDENTIAL, data: { apiKey: 'sk-placeholder-never-called', url: '' } },
	],

	workflows: (ctx) => examples(ctx).map(({ workflow }) => workflow),

	tests: [
		{
			name: 'the AI agent example opens with its six BigCommerce tools, the model and the memory connected to the agent',
			async run(ctx) {
				const { workflow } = examples(ctx).find((e) => e.file === 'ai-support-agent.json');
				const tools = workflow.nodes.filter((n) => n.type === ctx.wf.NODE_TYPES.tool);
				ctx.assert.equal(tools.length, 6, 'the file has six tool nodes');
				const { expected, drawn } = await openOnCanvas(ctx, workflow);
				ctx.assert.deepEqual(drawn, expected, 'every connection of the file is drawn');
				const page = ctx.ui.page;
				for (const tool of tools) {
					const edge = page.locator(
						`[data-test-id="edge"][data-source-node-name="${tool.name}"][data-target-node-name="Support agent"]`,
					);
					ctx.assert.equal(await edge.count(), 1, `"${tool.name}" is attached to the agent`);
					// the tool's box shows its name on the canvas
					await page
						.locator(`[data-test-id="canvas-node"][data-node-name="${tool.name}"]`)
						.getByText(tool.name, { exact: true })
						.waitFor();
				}
				// no node is flagged with a problem (missing credential, unknown parameter)
				const issues = await page.locator('[data-test-id="node-issues"]').count();
				ctx.assert.equal(issues, 0, 'no node shows an issue marker');
				await shootCanvas(ctx, 'example-ai-support-agent');
			},
		},
		...[
			'quick-start.json',
			'scheduled-catalog-export.json',
			'abandoned-cart-recovery.json',
			'order-fulfilment-sync.json',
		].map((file) => ({
			name: `${file} opens with every node and connection of the file`,
			async run(ctx) {
				const example = examples(ctx).find((e) => e.file === file);
				ctx.assert.ok(example, `${file} is missing`);
				const { expected, drawn } = await openOnCanvas(ctx, example.workflow);
				ctx.assert.deepEqual(drawn, expected, 'every connection of the file is drawn');
				const issues = await ctx.ui.page.locator('[data-test-id="node-issues"]').count();
				ctx.assert.equal(issues, 0, 'no node shows an issue marker');
				await shootCanvas(ctx, `example-${file.replace(/\.json$/, '')}`);
			},
		})),
	],
};
