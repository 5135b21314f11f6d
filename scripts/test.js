'use strict';
/**
 * The README's test command (`npm test`): the unit and integration suite (jest, against the
 * in-process sandbox), then the end-to-end suite in a real n8n (`npm run test:e2e`, n8n 2.40.7), then
 * the version matrix: the core e2e set on every other n8n of e2e/install-n8n.js VERSIONS
 * (`N8N_E2E_VERSION=<v> npm run test:e2e -- --core`; `E2E_MATRIX=off` skips it), then the
 * queue-mode suite (`npm run test:e2e -- --queue`) when PostgreSQL, Redis and nginx are installed
 * (otherwise one "skipped" line: a developer without them still gets a green run; CI installs them),
 * then the browser suite on n8n's editor (`npm run test:ui`) when Chromium is installed (the same).
 * Prints one closing line "tests: N passed, N failed". `--unit` runs only jest.
 */
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const unitOnly = process.argv.includes('--unit');
let passed = 0;
let failed = 0;
let ok = true;

const jestReport = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bc-jest-')), 'report.json');
const jest = spawnSync(
	process.execPath,
	[require.resolve('jest/bin/jest'), '--json', `--outputFile=${jestReport}`],
	{ cwd: root, stdio: 'inherit' },
);
if (fs.existsSync(jestReport)) {
	const report = JSON.parse(fs.readFileSync(jestReport, 'utf8'));
	passed += report.numPassedTests;
	failed += report.numFailedTests;
	if (report.numTotalTests === 0) ok = false;
	console.log(`unit: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
} else ok = false;
if (jest.status !== 0) ok = false;

async function runE2e(args = [], env = {}) {
	// streams the e2e runner's output and reads its closing "N passed, N failed" line
	const child = spawn(process.execPath, [path.join(root, 'e2e', 'run.js'), ...args], {
		cwd: root,
		stdio: ['ignore', 'pipe', 'inherit'],
		env: { ...process.env, ...env },
	});
	let tail = '';
	child.stdout.on('data', (chunk) => {
		process.stdout.write(chunk);
		tail = (tail + chunk.toString()).slice(-4000);
	});
	const code = await new Promise((resolve) => child.on('close', resolve));
	const lines = tail.split(/\r?\n/).reverse();
	const summary = lines
		.map((l) => /^(?:\w+:\s*)?(\d+) passed, (\d+) failed/.exec(l.trim()))
		.find(Boolean);
	if (summary) {
		passed += Number(summary[1]);
		failed += Number(summary[2]);
	} else ok = false;
	if (code !== 0) ok = false;
}

/** The binaries the queue-mode harness needs, or the reason they are missing. */
function queueModeMissing() {
	try {
		require(path.join(root, 'e2e', 'lib', 'queue.js')).findBinaries();
		return null;
	} catch (error) {
		return error.message;
	}
}

async function main() {
	if (!unitOnly) {
		await runE2e();
		// the other n8n versions: the core set, on the package the regular run just built
		const { VERSIONS, DEFAULT_VERSION } = require('../e2e/install-n8n');
		const others = Object.keys(VERSIONS).filter((v) => v !== DEFAULT_VERSION);
		if (process.env.E2E_MATRIX === 'off')
			console.log(`version matrix skipped (E2E_MATRIX=off): n8n ${others.join(', ')}`);
		else
			for (const version of others)
				await runE2e(['--core'], { N8N_E2E_VERSION: version, E2E_SKIP_BUILD: '1' });
		const missing = queueModeMissing();
		if (missing) {
			console.log(
				`queue-mode suite skipped: install postgresql redis-server nginx-light (${missing})`,
			);
		} else {
			// the regular run just built dist/: the queue run packs it as it is
			await runE2e(['--queue'], { E2E_SKIP_BUILD: '1' });
		}
		// the browser suite (test/ui) needs Debian's Chromium (.ci/run installs it)
		if (require('../e2e/lib/browser').findChromium())
			await runE2e(['--ui'], { E2E_SKIP_BUILD: '1' });
		else console.log('UI suite skipped: install chromium (apt-get install -y chromium)');
	}
	console.log(`tests: ${passed} passed, ${failed} failed`);
	process.exit(ok && failed === 0 ? 0 : 1);
}

main();
