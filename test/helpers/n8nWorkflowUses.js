'use strict';
/**
 * For test/compat (TypeScript tests may not read files or require modules themselves): which
 * n8n-workflow values the shipped code reads at run time, and the n8n-workflow of the oldest n8n
 * in the compatibility matrix (e2e/install-n8n.js VERSIONS).
 */
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

const { VERSIONS, compareVersions } = require('../../e2e/install-n8n');

const ROOT = path.resolve(__dirname, '..', '..');
/** The devDependency alias holding the oldest matrix version's n8n-workflow. */
const OLDEST_ALIAS = 'n8n-workflow-oldest-supported';

/** { n8n, n8nWorkflow } of the oldest n8n in the matrix. */
function oldestMatrixVersion() {
	const n8n = Object.keys(VERSIONS).sort(compareVersions)[0];
	return { n8n, n8nWorkflow: VERSIONS[n8n].n8nWorkflow };
}

/** { version, exports } of the aliased oldest n8n-workflow. */
function oldestN8nWorkflow() {
	return {
		version: require(`${OLDEST_ALIAS}/package.json`).version,
		exports: Object.keys(require(OLDEST_ALIAS)),
	};
}

/** The .ts files the build ships (credentials/, nodes/), relative to the repository. */
function shippedSources() {
	const out = [];
	const walk = (dir) => {
		for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
			const rel = path.posix.join(dir, entry.name);
			if (entry.isDirectory()) walk(rel);
			else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(rel);
		}
	};
	walk('credentials');
	walk('nodes');
	return out.sort();
}

/**
 * [{ file, values }]: the n8n-workflow exports each shipped file reads at run time, from its
 * CommonJS output (what the build emits: type-only imports are erased, values become
 * `n8n_workflow_1.<name>`).
 */
function shippedN8nWorkflowValues() {
	return shippedSources().map((file) => {
		const source = fs.readFileSync(path.join(ROOT, file), 'utf8');
		const { outputText } = ts.transpileModule(source, {
			compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2019 },
			fileName: file,
		});
		const binding = /const (\w+) = require\("n8n-workflow"\);/.exec(outputText);
		const values = new Set();
		if (binding) {
			for (const match of outputText.matchAll(new RegExp(`\\b${binding[1]}\\.(\\w+)`, 'g')))
				values.add(match[1]);
		}
		return { file, values: [...values].sort() };
	});
}

module.exports = { oldestMatrixVersion, oldestN8nWorkflow, shippedN8nWorkflowValues };
