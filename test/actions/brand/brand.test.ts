import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { type Json, useSandbox } from '../../helpers/sandbox';
import { locator, runNode, runNodeError } from '../../helpers/node';

const sandbox = useSandbox({ seed: { products: 10 } });

describe('Brand', () => {
	let createdId = 0;

	it('Create, Get and Get Many', async () => {
		const created = await runNode(sandbox, {
			resource: 'brand',
			operation: 'create',
			name: 'Pine & Peak',
			additionalFields: { pageTitle: 'Pine and Peak' },
		});
		expect(created.requests[0]).toMatchObject({
			method: 'POST',
			path: '/catalog/brands',
			body: { name: 'Pine & Peak', page_title: 'Pine and Peak' },
		});
		createdId = Number(created.json[0].id);
		const one = await runNode(sandbox, {
			resource: 'brand',
			operation: 'get',
			brandId: locator(createdId),
		});
		expect(one.json[0]).toMatchObject({
			id: createdId,
			name: 'Pine & Peak',
			page_title: 'Pine and Peak',
		});
		const many = await runNode(sandbox, {
			resource: 'brand',
			operation: 'getAll',
			returnAll: true,
			filters: { nameLike: 'peak' },
		});
		expect(many.json.map((b) => b.name)).toEqual(['Pine & Peak']);
		const all = await runNode(sandbox, {
			resource: 'brand',
			operation: 'getAll',
			returnAll: false,
			limit: 3,
			filters: {},
		});
		expect(all.json).toHaveLength(3);
		expect(all.requests[0].query.limit).toBe('3');
	});

	it('Update keeps the name when it is not changed (the API requires it)', async () => {
		const { json, requests } = await runNode(sandbox, {
			resource: 'brand',
			operation: 'update',
			brandId: locator(createdId),
			updateFields: { searchKeywords: 'pine, peak' },
		});
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			`GET /catalog/brands/${createdId}`,
			`PUT /catalog/brands/${createdId}`,
		]);
		expect(requests[1].body).toEqual({ search_keywords: 'pine, peak', name: 'Pine & Peak' });
		expect(json[0]).toMatchObject({ name: 'Pine & Peak', search_keywords: 'pine, peak' });
		const renamed = await runNode(sandbox, {
			resource: 'brand',
			operation: 'update',
			brandId: locator(createdId),
			updateFields: { name: 'Pine Peak' },
		});
		expect(renamed.requests).toHaveLength(1);
		expect(renamed.json[0].name).toBe('Pine Peak');
	});

	it('a duplicate name is a 409', async () => {
		const { error } = await runNodeError(sandbox, {
			resource: 'brand',
			operation: 'create',
			name: 'northwind',
			additionalFields: {},
		});
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).httpCode).toBe('409');
	});

	it('Delete removes the brand and clears it from its products', async () => {
		const { json } = await runNode(sandbox, {
			resource: 'brand',
			operation: 'delete',
			brandId: locator(2),
		});
		expect(json[0]).toEqual({ id: 2, deleted: true });
		expect((sandbox.state.catalog.brands as Map<number, Json>).has(2)).toBe(false);
		expect(
			[...(sandbox.state.catalog.products as Map<number, Json>).values()].some(
				(p) => p.brand_id === 2,
			),
		).toBe(false);
	});

	it.each([
		[{ operation: 'create', name: '  ' }, /"Name" must be 1 to 255 characters/],
		[
			{ operation: 'get', brandId: locator('brand') },
			/"Brand" must be a positive whole-number brand ID/,
		],
		[{ operation: 'update', brandId: locator(1), updateFields: {} }, /"Update Fields" is empty/],
		[
			{ operation: 'getAll', returnAll: false, limit: -3, filters: {} },
			/"Limit" must be a whole number of 1 or more/,
		],
	])('rejects %j before any request', async (params, message) => {
		const { error, requests } = await runNodeError(sandbox, {
			resource: 'brand',
			additionalFields: {},
			...params,
		});
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(message);
		expect(requests).toHaveLength(0);
	});
});
