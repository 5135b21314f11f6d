#!/usr/bin/env node
'use strict';
/**
 * End-to-end suite in a real n8n (2.40.7 by default): `npm run test:e2e [-- --grep <text>] [-- --list]`.
 *
 * The version matrix: `N8N_E2E_VERSION=1.123.81 npm run test:e2e -- --core` runs the core set (the
 * tests marked `core: true`: credential test, a read and a write per main resource, Export Catalog,
 * trigger lifecycle and duplicates) on another n8n of e2e/install-n8n.js VERSIONS (installed into
 * its own cache folder on first use). A whole run (no --grep) in regular mode records its results in
 * docs/compatibility/n8n-<version>.json and rewrites the README's compatibility table
 * (e2e/lib/compatibility.js).
 *
 * Shared setup (once): install n8n if needed (cache), build + pack this package, start the
 * sandbox, create an n8n user folder with the tarball installed, import the credentials and the
 * workflows of every scenario in ONE import each. Then the scenarios in test/e2e/*.e2e.js run in
 * file-name order, their tests in order. The last line printed is "N passed, N failed".
 *
 * `--queue` runs test/e2e-queue/*.e2e.js instead, on a queue-mode cluster (PostgreSQL, Redis, main,
 * two `n8n webhook`, two `n8n worker`, nginx in front: e2e/lib/queue.js); `--routing path-hash`
 * makes nginx route each webhook path to one webhook process (default: round-robin).
 *
 * `--ui` runs test/ui/*.e2e.js instead: the same harness plus one Debian Chromium on n8n's editor,
 * signed in as the owner (e2e/lib/browser.js; `ctx.ui.page` is a playwright-core Page);
 * `--screenshots` does the same and writes the pictures the tests take into docs/images.
 *
 * A test with `expectedToFailUntil: '<what fixes it>'` is a known failure: it runs, its failure is
 * printed and not counted; if it passes, that counts as a failure (remove the marker).
 * `knownFailureOn: { '<n8n version>': '<why>' }` does the same on that n8n version only.
 *
 * Env: E2E_VERBOSE=1 (n8n command timings), E2E_KEEP=1 (keep the n8n user folder and logs),
 * E2E_SKIP_BUILD=1 (use the current dist/), N8N_E2E_CACHE (where n8n is installed).
 */
const fs = require('node:fs');
const path = require('node:path');

const { createHarness, createQueueHarness, installer } = require('./lib');
const compatibility = require('./lib/compatibility');

const REPO = path.resolve(__dirname, '..');
const SCENARIO_DIRS = {
	regular: path.join(REPO, 'test', 'e2e'),
	queue: path.join(REPO, 'test', 'e2e-queue'),
	ui: path.join(REPO, 'test', 'ui'),
};

function parseArgs(argv) {
	const args = { grep: [], list: false, queue: false, core: false, routing: 'round-robin' };
	for (let i = 0; i < argv.length; i++) {
		if (argv[i] === '--grep' || argv[i] === '-g') args.grep.push(argv[++i].toLowerCase());
		else if (argv[i].startsWith('--grep=')) args.grep.push(argv[i].slice(7).toLowerCase());
		else if (argv[i] === '--list') args.list = true;
		else if (argv[i] === '--queue') args.queue = true;
		else if (argv[i] === '--core') args.core = true;
		else if (argv[i] === '--ui') args.ui = true;
		else if (argv[i] === '--screenshots') args.ui = args.screenshots = true;
		else if (argv[i] === '--routing') args.routing = argv[++i];
		else if (argv[i].startsWith('--routing=')) args.routing = argv[i].slice(10);
	}
	return args;
}

function loadScenarios(dir) {
	if (!fs.existsSync(dir)) return [];
	return fs
		.readdirSync(dir)
		.filter((f) => f.endsWith('.e2e.js'))
		.sort()
		.map((file) => {
			const mod = require(path.join(dir, file));
			return { file, ...mod, name: mod.name || file.replace(/\.e2e\.js$/, '') };
		});
}

function fmtMs(ms) {
	return ms >= 60_000 ? `${(ms / 60_000).toFixed(1)} min` : `${(ms / 1000).toFixed(1)} s`;
}

function out(line = '') {
	process.stdout.write(`${line}\n`);
}

async function withTimeout(promise, ms, label) {
	let timer;
	const timeout = new Promise((_, reject) => {
		timer = setTimeout(() => reject(new Error(`${label}: timed out after ${fmtMs(ms)}`)), ms);
	});
	try {
		return await Promise.race([promise, timeout]);
	} finally {
		clearTimeout(timer);
	}
}

/**
 * `--ui`: one Chromium on the editor of the harness's n8n, signed in as the owner
 * (e2e/lib/browser.js); `--screenshots` also writes the pictures into docs/images.
 */
async function openUi(harness, args) {
	const { openBrowser } = require('./lib/browser');
	// generous: on this shared 2-core machine under a load average of ~30, `n8n start` missed the
	// default 120 s twice in a row (2026-12-05) while n8n itself was fine
	if (!harness.n8n.child) await harness.n8n.start({ timeoutMs: 300_000 });
	const ui = await openBrowser({ baseUrl: harness.n8n.baseUrl, screenshots: !!args.screenshots });
	await ui.signIn(harness.n8n.owner);
	return ui;
}

async function main() {
	const args = parseArgs(process.argv.slice(2));
	if (args.ui && !args.list && !require('./lib/browser').findChromium()) {
		out('UI suite skipped: install chromium (apt-get install -y chromium)');
		out('0 passed, 0 failed');
		return 0;
	}
	const all = loadScenarios(
		args.queue ? SCENARIO_DIRS.queue : args.ui ? SCENARIO_DIRS.ui : SCENARIO_DIRS.regular,
	);
	const selected = all
		.map((scenario) => {
			const tests = (scenario.tests || []).filter((t) => {
				if (args.core && !t.core) return false;
				if (!args.grep.length) return true;
				const label = `${scenario.name} ${t.name}`.toLowerCase();
				return args.grep.some((g) => label.includes(g));
			});
			return { ...scenario, tests };
		})
		.filter((scenario) => scenario.tests.length);
	if (args.list) {
		for (const s of selected) for (const t of s.tests) out(`${s.name} › ${t.name}`);
		return 0;
	}
	const started = Date.now();
	const results = [];
	let harness;
	try {
		const count = selected.reduce((n, s) => n + s.tests.length, 0);
		out(
			`e2e: ${count} tests in ${selected.length} scenarios (real n8n ${installer.N8N_VERSION} on Node ${installer.NODE_VERSION}${args.core ? ', core set' : ''}${args.queue ? `, queue mode, nginx ${args.routing}` : ''})`,
		);
		const options = {
			verbose: process.env.E2E_VERBOSE === '1',
			scenarios: selected,
			progress: (message) => out(`  · ${message}`),
		};
		harness = args.queue
			? await createQueueHarness({ ...options, routing: args.routing })
			: await createHarness(options);
		if (args.ui) harness.ctx.ui = await openUi(harness, args);
		out(
			`  · setup done in ${fmtMs(Date.now() - started)} (n8n user folder ${harness.n8n.userFolder})`,
		);
		for (const scenario of selected) {
			out(`\n${scenario.name}`);
			for (const test of scenario.tests) {
				const t0 = Date.now();
				// a known failure everywhere (expectedToFailUntil) or on this n8n only (knownFailureOn)
				const knownUntil = test.expectedToFailUntil || test.knownFailureOn?.[installer.N8N_VERSION];
				const violationsBefore = harness.violations().length;
				harness.ctx.log = (line) => out(`    | ${line}`);
				try {
					await withTimeout(
						Promise.resolve(test.run(harness.ctx)),
						test.timeoutMs || 300_000,
						test.name,
					);
					const known = test.knownViolations || [];
					const all = harness.violations().slice(violationsBefore);
					const violations = all.filter(
						(v) => !known.some((re) => re.test(harness.formatViolation(v))),
					);
					for (const v of all.filter((x) => !violations.includes(x))) {
						out(`    (known contract issue, reported: ${harness.formatViolation(v)})`);
					}
					if (violations.length && !test.allowContractViolations) {
						throw new Error(
							`sandbox recorded ${violations.length} OpenAPI contract violation(s):\n` +
								violations
									.slice(0, 5)
									.map((v) => `    ${harness.formatViolation(v)}`)
									.join('\n'),
						);
					}
					if (knownUntil) {
						results.push({
							scenario: scenario.name,
							test: test.name,
							ok: false,
							ms: Date.now() - t0,
							unexpectedPass: true,
						});
						out(
							`  ✗ ${test.name} (${fmtMs(Date.now() - t0)}): PASSES now, but is marked expectedToFailUntil '${knownUntil}': remove the marker`,
						);
					} else {
						results.push({
							scenario: scenario.name,
							test: test.name,
							ok: true,
							ms: Date.now() - t0,
						});
						out(`  ✓ ${test.name} (${fmtMs(Date.now() - t0)})`);
					}
				} catch (error) {
					const known = !!knownUntil;
					results.push({
						scenario: scenario.name,
						test: test.name,
						ok: false,
						known,
						ms: Date.now() - t0,
						error,
					});
					out(
						`  ${known ? '✗ (known failure until ' + knownUntil + ')' : '✗'} ${test.name} (${fmtMs(Date.now() - t0)})`,
					);
					const message = (error && (error.stack || error.message)) || String(error);
					if (harness.ctx.ui)
						out(`      page at failure: ${await harness.ctx.ui.failureShot(test.name)}`);
					out(
						message
							.split('\n')
							.slice(0, 30)
							.map((l) => `      ${l}`)
							.join('\n'),
					);
				}
			}
		}
	} catch (error) {
		results.push({ scenario: 'setup', test: 'shared setup', ok: false, error });
		out(`\n✗ setup failed: ${(error && (error.stack || error.message)) || error}`);
	} finally {
		if (harness?.ctx.ui) await harness.ctx.ui.close();
		if (harness) await harness.close({ keep: process.env.E2E_KEEP === '1' });
		else await require('./lib').processes.cleanupAll();
	}
	const passed = results.filter((r) => r.ok).length;
	const knownFailures = results.filter((r) => r.known).length;
	const failed = results.length - passed - knownFailures;
	out('\nSummary');
	for (const r of results)
		out(`  ${r.ok ? 'pass' : r.known ? 'KNOWN' : 'FAIL'}  ${r.scenario} › ${r.test}`);
	if (knownFailures) out(`  ${knownFailures} known failure(s) (expectedToFailUntil), not counted`);
	out(`  total time ${fmtMs(Date.now() - started)}`);
	if (!args.queue && !args.ui && !args.grep.length) {
		const file = compatibility.recordRun({
			n8n: installer.N8N_VERSION,
			node: installer.NODE_VERSION,
			suite: args.core ? 'core' : 'full',
			results,
			totalMs: Date.now() - started,
		});
		const changed = compatibility.updateReadme();
		out(
			`  recorded in ${path.relative(REPO, file)}${changed ? '; README compatibility table updated' : ''}`,
		);
	}
	out(`${passed} passed, ${failed} failed`);
	return failed === 0 && passed > 0 ? 0 : 1;
}

main().then(
	(code) => {
		process.exitCode = code;
		// Anything still open (sockets) must not keep us alive.
		setTimeout(() => process.exit(code), 500).unref();
	},
	(error) => {
		out(String(error && error.stack));
		out('0 passed, 1 failed');
		process.exit(1);
	},
);
