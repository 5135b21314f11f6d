import { NodeApiError } from 'n8n-workflow';

import { useSandbox } from '../../helpers/sandbox';
import {
	expectRejectedBeforeRequest,
	requestsSince,
	runNode,
	runNodeError,
} from '../../helpers/node';

const sandbox = useSandbox();

const group = (params: Record<string, unknown>) => ({ resource: 'customerGroup', ...params });

describe('Customer Group → Get Many', () => {
	it('lists the seeded groups with ISO dates and category access', async () => {
		const from = sandbox.requests.length;
		const out = await runNode(sandbox, group({ operation: 'getAll', returnAll: true }));
		expect(out.json.map((g) => g.name)).toEqual(['Retail', 'Wholesale', 'VIP']);
		const retail = out.json[0];
		expect(retail.category_access.type).toBe('specific');
		// the Retail group may not see the catalog's restricted category
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { RESTRICTED_CATEGORY_ID } = require('../../../sandbox/seed/catalog');
		expect(retail.category_access.categories).not.toContain(RESTRICTED_CATEGORY_ID);
		expect(retail.category_access_summary).toMatch(/^\d+ specific categories$/);
		expect(out.json[1]).toMatchObject({
			name: 'Wholesale',
			category_access: { type: 'all' },
			category_access_summary: 'All categories',
		});
		expect(retail.date_created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
		expect(requestsSince(sandbox, from)).toEqual([
			expect.objectContaining({
				method: 'GET',
				version: 'v2',
				path: '/customer_groups',
				status: 200,
			}),
		]);
	});

	it('filters by name and by default flag', async () => {
		const from = sandbox.requests.length;
		const wholesale = await runNode(
			sandbox,
			group({ operation: 'getAll', returnAll: true, filters: { nameContains: 'whole' } }),
		);
		expect(wholesale.json.map((g) => g.name)).toEqual(['Wholesale']);
		expect(requestsSince(sandbox, from)[0].query).toMatchObject({ 'name:like': 'whole' });
		const defaults = await runNode(
			sandbox,
			group({ operation: 'getAll', returnAll: true, filters: { isDefault: true } }),
		);
		expect(defaults.json.map((g) => g.name)).toEqual(['Retail']);
	});

	it('returns an empty list when nothing matches (V2 answers 204)', async () => {
		const out = await runNode(
			sandbox,
			group({ operation: 'getAll', returnAll: true, filters: { name: 'Nobody' } }),
		);
		expect(out.json).toEqual([]);
		expect(sandbox.requests.at(-1)).toMatchObject({ path: '/customer_groups', status: 204 });
	});
});

describe('Customer Group → Get', () => {
	it('gets one group by ID', async () => {
		const out = await runNode(sandbox, group({ operation: 'get', groupId: 3 }));
		expect(out.json[0]).toMatchObject({
			id: 3,
			name: 'VIP',
			is_default: false,
			category_access_summary: 'All categories',
		});
		expect(sandbox.requests.at(-1)).toMatchObject({
			method: 'GET',
			version: 'v2',
			path: '/customer_groups/3',
		});
	});

	it('reports an unknown group as a 404 with a hint', async () => {
		const error = (await runNodeError(sandbox, group({ operation: 'get', groupId: 77 }))).error;
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toContain('404');
	});

	it('rejects a non-numeric group ID before any request', async () => {
		await expectRejectedBeforeRequest(
			sandbox,
			group({ operation: 'get', groupId: 'VIP' }),
			/"Customer Group ID" must be a positive whole number/,
		);
	});
});
