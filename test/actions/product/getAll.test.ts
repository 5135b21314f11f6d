import { NodeOperationError } from 'n8n-workflow';

import { type Json, useSandbox } from '../../helpers/sandbox';
import { runNode, runNodeError } from '../../helpers/node';

const sandbox = useSandbox({ seed: { products: 60 } });

const base = {
	resource: 'product',
	operation: 'getAll',
	returnAll: true,
	include: [],
	simplify: true,
};
const all = () => [...(sandbox.state.catalog.products as Map<number, Json>).values()];

describe('Product → Get Many', () => {
	it('sends each filter in BigCommerce syntax and returns only matching products', async () => {
		const { json, requests } = await runNode(sandbox, {
			...base,
			filters: {
				categoryId: { __rl: true, mode: 'list', value: '21' },
				visibility: 'visible',
				availability: 'available',
				brandId: { __rl: true, mode: 'id', value: '1' },
				channelIds: '1, 2',
			},
		});
		expect(requests).toHaveLength(1);
		expect(requests[0].query).toMatchObject({
			'categories:in': '21',
			is_visible: 'true',
			availability: 'available',
			brand_id: '1',
			'channel_id:in': '1,2',
			limit: '250',
			page: '1',
		});
		const expected = all()
			.filter(
				(p) =>
					p.categories.includes(21) &&
					p.is_visible &&
					p.availability === 'available' &&
					p.brand_id === 1,
			)
			.map((p) => p.id);
		expect(expected.length).toBeGreaterThan(0);
		expect(json.map((p) => p.id)).toEqual(expected);
	});

	it('filters hidden products, inventory range and modification date', async () => {
		// older workflows stored plain numbers; empty pickers filter nothing
		const legacy = await runNode(sandbox, { ...base, filters: { categoryId: 21, brandId: 1 } });
		expect(legacy.requests[0].query).toMatchObject({ 'categories:in': '21', brand_id: '1' });
		const empty = await runNode(sandbox, {
			...base,
			returnAll: false,
			limit: 2,
			filters: { categoryId: { __rl: true, mode: 'list', value: '' } },
		});
		expect(empty.requests[0].query).not.toHaveProperty('categories:in');

		const hidden = await runNode(sandbox, { ...base, filters: { visibility: 'hidden' } });
		expect(hidden.json.map((p) => p.id)).toEqual(
			all()
				.filter((p) => !p.is_visible)
				.map((p) => p.id),
		);
		expect(hidden.json.length).toBe(6);

		const stock = await runNode(sandbox, {
			...base,
			filters: { inventoryMin: 10, inventoryMax: 30 },
		});
		expect(stock.requests[0].query).toMatchObject({
			'inventory_level:min': '10',
			'inventory_level:max': '30',
		});
		for (const p of stock.json)
			expect((p.inventory_level as number) >= 10 && (p.inventory_level as number) <= 30).toBe(true);

		const since = await runNode(sandbox, {
			...base,
			filters: { modifiedSince: '2026-01-15T00:00:00.000Z' },
		});
		expect(since.requests[0].query['date_modified:min']).toBe('2026-01-15T00:00:00Z');
		for (const p of since.json)
			expect(Date.parse(p.date_modified as string)).toBeGreaterThanOrEqual(
				Date.parse('2026-01-15T00:00:00Z'),
			);
	});

	it('finds the product of a variant SKU through /catalog/variants', async () => {
		const { json, requests } = await runNode(sandbox, { ...base, filters: { sku: 'SKU-8-M1' } });
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'GET /catalog/products',
			'GET /catalog/variants',
			'GET /catalog/products',
		]);
		expect(requests[0].query.sku).toBe('SKU-8-M1');
		expect(requests[1].query.sku).toBe('SKU-8-M1');
		expect(requests[2].query['id:in']).toBe('8');
		expect(json.map((p) => p.id)).toEqual([8]);
	});

	it('a product SKU needs one call', async () => {
		const { json, requests } = await runNode(sandbox, { ...base, filters: { sku: 'SKU-2' } });
		expect(requests).toHaveLength(1);
		expect(json.map((p) => p.id)).toEqual([2]);
	});

	it('Limit stops early; include=options pages by 10', async () => {
		const limited = await runNode(sandbox, {
			...base,
			returnAll: false,
			limit: 3,
			filters: { keyword: 'alpine' },
		});
		expect(limited.requests).toHaveLength(1);
		expect(limited.requests[0].query).toMatchObject({ keyword: 'alpine', limit: '3' });
		expect(limited.json).toHaveLength(3);

		const withOptions = await runNode(sandbox, { ...base, include: ['options', 'variants'] });
		expect(withOptions.requests).toHaveLength(6);
		expect(
			withOptions.requests.every(
				(r) => r.query.limit === '10' && r.query.include === 'options,variants',
			),
		).toBe(true);
		expect(withOptions.json).toHaveLength(60);
		expect(withOptions.json[7].options).toBeDefined();
	});

	it.each([
		[{ filters: { channelIds: '1, x' } }, /"Channel IDs" must be a comma-separated list/],
		[
			{ filters: { inventoryMin: 5, inventoryMax: 2 } },
			/"Min Inventory Level" \(5\) must not be above/,
		],
		[{ filters: { modifiedSince: 'yesterday-ish' } }, /"Modified Since" must be a date/],
		[{ returnAll: false, limit: 0 }, /"Limit" must be a whole number of 1 or more/],
		[{ include: ['reviews'] }, /"Include" accepts/],
		[
			{ filters: { brandId: { __rl: true, mode: 'id', value: 'Acme' } } },
			/"Brand" must be a whole number/,
		],
		[{ filters: { categoryId: { __rl: true, mode: 'list', value: '-3' } } }, /"Category"/],
	])('rejects %j before any request', async (override, message) => {
		const { error, requests } = await runNodeError(sandbox, { ...base, filters: {}, ...override });
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(message);
		expect(requests).toHaveLength(0);
	});
});
