/**
 * The README's compatibility table is produced by the e2e runner from its runs
 * (docs/compatibility/n8n-<version>.json, e2e/lib/compatibility.js), never typed by hand: the table
 * must be exactly what the recorded runs render, and every version of the matrix must have a run.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const compatibility = require('../../e2e/lib/compatibility') as {
	START: string;
	END: string;
	readRecords(): Array<{ n8n: string; node: string; suite: string; tests: unknown[] }>;
	renderTable(): string;
};
const { VERSIONS } = require('../../e2e/install-n8n') as {
	VERSIONS: Record<string, { node: string }>;
};
const { readRepoFile } = require('../helpers/repoFile') as {
	readRepoFile: (path: string) => string;
};
/* eslint-enable @typescript-eslint/no-require-imports */

describe('README compatibility table', () => {
	const readme = readRepoFile('README.md');

	it('is the table the recorded runs render', () => {
		const start = readme.indexOf(compatibility.START);
		const end = readme.indexOf(compatibility.END);
		expect(start).toBeGreaterThan(-1);
		expect(readme.slice(start + compatibility.START.length, end).trim()).toBe(
			compatibility.renderTable(),
		);
	});

	it('has a recorded run for every version of the matrix, on the Node the harness uses', () => {
		const records = compatibility.readRecords();
		expect(
			records.map((r) => ({ n8n: r.n8n, node: r.node })).sort((a, b) => a.n8n.localeCompare(b.n8n)),
		).toEqual(
			Object.entries(VERSIONS)
				.map(([n8n, v]) => ({ n8n, node: v.node }))
				.sort((a, b) => a.n8n.localeCompare(b.n8n)),
		);
		for (const record of records) {
			expect(['full', 'core']).toContain(record.suite);
			expect(record.tests.length).toBeGreaterThan(0);
		}
	});
});
