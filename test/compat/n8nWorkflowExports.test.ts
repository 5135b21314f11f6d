/**
 * The package must load on every n8n of the compatibility matrix (e2e/install-n8n.js VERSIONS).
 * n8n installs a community package without its peer dependencies, so the shipped code runs with
 * the HOST's n8n-workflow: a value it imports that an older n8n-workflow lacks is `undefined` there
 * (`NodeConnectionTypes.Main` throws while n8n loads the node: n8n-workflow exports that constant
 * only from 1.83, i.e. n8n 1.85, on). This test compiles every shipped file the way the build does
 * and checks each n8n-workflow value it reads against the exports of the n8n-workflow that the
 * OLDEST n8n of the matrix ships (the devDependency alias n8n-workflow-oldest-supported).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const uses = require('../helpers/n8nWorkflowUses') as {
	oldestMatrixVersion(): { n8n: string; n8nWorkflow: string };
	oldestN8nWorkflow(): { version: string; exports: string[] };
	shippedN8nWorkflowValues(): Array<{ file: string; values: string[] }>;
};

describe('shipped code and the oldest supported n8n-workflow', () => {
	const oldest = uses.oldestMatrixVersion();

	it('the alias is the n8n-workflow that the oldest n8n of the matrix depends on', () => {
		expect({ ...oldest, n8nWorkflow: uses.oldestN8nWorkflow().version }).toEqual(oldest);
	});

	it('every n8n-workflow value a shipped file reads exists in that version', () => {
		const exported = new Set(uses.oldestN8nWorkflow().exports);
		const shipped = uses.shippedN8nWorkflowValues();
		// the scan itself must see the package's value imports (NodeApiError is read by the transport)
		expect(shipped.some((u) => u.values.includes('NodeApiError'))).toBe(true);
		const missing = shipped.flatMap(({ file, values }) =>
			values.filter((name) => !exported.has(name)).map((name) => `${file}: ${name}`),
		);
		expect({ ...oldest, missing }).toEqual({ ...oldest, missing: [] });
	});
});
