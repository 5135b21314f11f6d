/**
 * The package must load on every n8n of the compatibility matrix (e2e/install-n8n.js VERSIONS).
 * n8n installs a community package without its peer dependencies, so the shipped code runs with
 * the HOST's n8n-workflow: a value it imports that an older n8n-workflow lacks is `undefined` there
 * (`NodeConnectionTypes.Main` throws while n8n loads the node; n8n-workflow exports that constant
 * only from 1.83, i.e. n8n 1.85, on). This test compiles every shipped file the way the build does
 * and checks each n8n-workflow value it reads against the exports of the n8n-workflow that the
 * OLDEST n8n of the matrix ships (installed as the devDependency alias n8n-workflow-oldest-supported).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const installer = require('../../e2e/install-n8n.js') as {
	VERSIONS: Record<string, { node: string; n8nWorkflow: string }>;
};

const root = path.resolve(__dirname, '..', '..');
const OLDEST_ALIAS = 'n8n-workflow-oldest-supported';

function compareVersions(a: string, b: string): number {
	const pa = a.split('.').map(Number);
	const pb = b.split('.').map(Number);
	for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
	return 0;
}

function shippedSources(): string[] {
	const out: string[] = [];
	const walk = (dir: string) => {
		for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
			const rel = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(rel);
			else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(rel);
		}
	};
	walk('credentials');
	walk('nodes');
	return out.sort();
}

/** The n8n-workflow values a file reads at run time, from its CommonJS output (types are erased). */
function n8nWorkflowValuesUsed(relativePath: string): string[] {
	const source = fs.readFileSync(path.join(root, relativePath), 'utf8');
	const { outputText } = ts.transpileModule(source, {
		compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2019 },
		fileName: relativePath,
	});
	const binding = /const (\w+) = require\("n8n-workflow"\);/.exec(outputText);
	if (!binding) return [];
	const used = new Set<string>();
	for (const match of outputText.matchAll(new RegExp(`\\b${binding[1]}\\.(\\w+)`, 'g')))
		used.add(match[1]);
	return [...used].sort();
}

describe('shipped code and the oldest supported n8n-workflow', () => {
	const oldestN8n = Object.keys(installer.VERSIONS).sort(compareVersions)[0];
	const expectedWorkflow = installer.VERSIONS[oldestN8n].n8nWorkflow;

	it('the alias is the n8n-workflow that the oldest n8n of the matrix depends on', () => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const aliased = require(`${OLDEST_ALIAS}/package.json`) as { version: string };
		expect({ n8n: oldestN8n, n8nWorkflow: aliased.version }).toEqual({
			n8n: oldestN8n,
			n8nWorkflow: expectedWorkflow,
		});
	});

	it('every n8n-workflow value a shipped file reads exists in that version', () => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const exported = new Set(Object.keys(require(OLDEST_ALIAS) as object));
		const files = shippedSources();
		const uses = files.map((file) => ({ file, values: n8nWorkflowValuesUsed(file) }));
		// the scan itself must see the package's imports (NodeApiError is read by the transport)
		expect(uses.some((u) => u.values.includes('NodeApiError'))).toBe(true);
		const missing = uses.flatMap(({ file, values }) =>
			values.filter((name) => !exported.has(name)).map((name) => `${file}: ${name}`),
		);
		expect({ oldestN8n, n8nWorkflow: expectedWorkflow, missing }).toEqual({
			oldestN8n,
			n8nWorkflow: expectedWorkflow,
			missing: [],
		});
	});
});
