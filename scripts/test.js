'use strict';
/**
 * The README's test command (`npm test`): the unit and integration suite (jest, against the
 * in-process sandbox), then the end-to-end suite in a real n8n (`npm run test:e2e`).
 * Prints one closing line "tests: N passed, N failed". `--unit` runs only jest.
 */
const { spawnSync } = require('node:child_process');
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

if (!unitOnly) {
	const e2eReport = path.join(path.dirname(jestReport), 'e2e.json');
	const e2e = spawnSync(process.execPath, [path.join(root, 'e2e', 'run.js')], {
		cwd: root,
		stdio: 'inherit',
		env: { ...process.env, E2E_REPORT_FILE: e2eReport },
	});
	if (fs.existsSync(e2eReport)) {
		const report = JSON.parse(fs.readFileSync(e2eReport, 'utf8'));
		passed += report.passed;
		failed += report.failed;
	} else ok = false;
	if (e2e.status !== 0) ok = false;
}

console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 ? 0 : 1);
