/**
 * The README names real operations: the support-tools table ("Resource › Operation") and the
 * generated operations table (scripts/docs.js) list only operations the node has.
 */
import type { INodePropertyOptions } from 'n8n-workflow';

import { BigCommerce } from '../../nodes/BigCommerce/BigCommerce.node';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { readRepoFile } = require('../helpers/repoFile') as {
	readRepoFile: (path: string) => string;
};

const readme = readRepoFile('README.md');
const properties = new BigCommerce().description.properties;
const resources = properties.find((p) => p.name === 'resource')!.options as INodePropertyOptions[];
/** Resource display name → operation display names. */
const operations = new Map(
	resources.map((resource) => {
		const selector = properties.find(
			(p) =>
				p.name === 'operation' &&
				p.displayOptions?.show?.resource?.includes(resource.value as string),
		)!;
		return [
			resource.name,
			(selector.options as INodePropertyOptions[]).map((o) => o.name),
		] as const;
	}),
);

function section(title: string): string {
	const start = readme.indexOf(`## ${title}`);
	expect(start).toBeGreaterThan(-1);
	const end = readme.indexOf('\n## ', start + 3);
	return readme.slice(start, end === -1 ? undefined : end);
}

describe('README', () => {
	it('the AI-agent support tools are real operations', () => {
		const rows = section('AI agents: support tools')
			.split('\n')
			.filter((line) => line.startsWith('| "'));
		expect(rows.length).toBeGreaterThanOrEqual(6);
		const named = rows.map((row) =>
			row
				.split('|')[2]
				.trim()
				.replace(/\s*\(.*$/, ''),
		);
		for (const entry of named) {
			const [resource, operation] = entry.split(' › ');
			expect({ entry, operations: operations.get(resource) }).toEqual({
				entry,
				operations: expect.arrayContaining([operation]),
			});
		}
		expect(named).toEqual(
			expect.arrayContaining([
				'Order › Get Status for Shopper',
				'Order › Cancel for Shopper',
				'Gift Certificate › Check Balance',
				'Product › Get Info for Shopper',
				'Coupon › Look Up Code',
				'Promotion › List Active',
			]),
		);
	});

	it('the operations table lists only real resources and operations', () => {
		const table = readme.slice(
			readme.indexOf('<!-- operations-table:start -->'),
			readme.indexOf('<!-- operations-table:end -->'),
		);
		const rows = table.split('\n').filter((line) => line.startsWith('| **'));
		for (const row of rows) {
			const [, resourceCell, operationsCell] = row.split('|');
			const resource = resourceCell.trim().replace(/\*\*/g, '');
			const listed = operationsCell.split(',').map((name) => name.trim());
			expect({ resource, listed }).toEqual({
				resource,
				listed: operations.get(resource) ?? ['(no such resource)'],
			});
		}
	});
});
