'use strict';
/**
 * The README's compatibility table, produced from real runs: after a whole regular-mode e2e run
 * (`npm run test:e2e`, or `-- --core` for the core set), the runner records what passed on which
 * n8n and Node in docs/compatibility/n8n-<version>.json and rewrites the table between
 * `<!-- compatibility-table:start -->` and `<!-- compatibility-table:end -->` (`npm run docs` does
 * the same from the recorded files). Runs with --grep are partial and are not recorded.
 */
const fs = require('node:fs');
const path = require('node:path');

const { compareVersions } = require('../install-n8n');

const REPO = path.resolve(__dirname, '..', '..');
const RECORDS_DIR = path.join(REPO, 'docs', 'compatibility');
const README = path.join(REPO, 'README.md');
const START = '<!-- compatibility-table:start -->';
const END = '<!-- compatibility-table:end -->';

/** Writes one run's record; returns its path. `results`: the runner's [{ scenario, test, ok, known }]. */
function recordRun({ n8n, node, suite, results, totalMs, dir = RECORDS_DIR }) {
	const record = {
		n8n,
		node,
		suite,
		date: new Date().toISOString().slice(0, 10),
		minutes: Math.round(totalMs / 6000) / 10,
		passed: results.filter((r) => r.ok).length,
		failed: results.filter((r) => !r.ok && !r.known).length,
		knownFailures: results.filter((r) => r.known).length,
		tests: results.map((r) => ({
			scenario: r.scenario,
			test: r.test,
			result: r.ok ? 'pass' : r.known ? 'known failure' : 'fail',
		})),
	};
	fs.mkdirSync(dir, { recursive: true });
	const file = path.join(dir, `n8n-${n8n}.json`);
	fs.writeFileSync(file, JSON.stringify(record, null, '\t') + '\n');
	return file;
}

/** Every recorded run, newest n8n first. */
function readRecords(dir = RECORDS_DIR) {
	if (!fs.existsSync(dir)) return [];
	return fs
		.readdirSync(dir)
		.filter((f) => /^n8n-.+\.json$/.test(f))
		.map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')))
		.sort((a, b) => compareVersions(b.n8n, a.n8n));
}

/** The scenarios a record covers, with "(n of m)" where only some of their tests ran. */
function scenariosOf(record) {
	const byScenario = new Map();
	for (const t of record.tests) {
		if (t.scenario === 'setup') continue;
		byScenario.set(t.scenario, (byScenario.get(t.scenario) || 0) + 1);
	}
	return [...byScenario.keys()].map((s) => s.replace(/^Resource: /, '').replace(/ \(.*$/, ''));
}

/** The markdown table (one row per recorded n8n version). */
function renderTable(records = readRecords()) {
	const rows = records.map((r) => {
		const failures = r.tests
			.filter((t) => t.result === 'fail')
			.map((t) => `${t.scenario} › ${t.test}`);
		const what =
			r.suite === 'full' ? 'the whole e2e suite' : `core set: ${scenariosOf(r).join(', ')}`;
		return `| ${r.n8n} | ${r.node} | ${what} | ${r.passed} of ${r.tests.length}${r.knownFailures ? ` (${r.knownFailures} known failures)` : ''} | ${failures.length ? failures.join('; ') : 'none'} | ${r.date} |`;
	});
	return [
		'| n8n | Node | Suite | Passed | Failed | Run on |',
		'| --- | --- | --- | --- | --- | --- |',
		...rows,
	].join('\n');
}

/** Rewrites the README's table from the records; returns true when the README changed. */
function updateReadme({ readme = README, records = readRecords() } = {}) {
	const text = fs.readFileSync(readme, 'utf8');
	if (!text.includes(START) || !text.includes(END)) return false;
	const next = text.replace(
		new RegExp(`${START}[\\s\\S]*?${END}`),
		`${START}\n${renderTable(records)}\n${END}`,
	);
	if (next === text) return false;
	fs.writeFileSync(readme, next);
	return true;
}

module.exports = { RECORDS_DIR, START, END, recordRun, readRecords, renderTable, updateReadme };
