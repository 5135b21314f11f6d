import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { type Json, useSandbox } from '../../helpers/sandbox';
import { locator, runNode, runNodeError } from '../../helpers/node';

const sandbox = useSandbox({ seed: { products: 30 } });

const products = () => sandbox.state.catalog.products as Map<number, Json>;

describe('Product → Create', () => {
	it('POSTs one product with the validated fields and returns it', async () => {
		const { json, requests } = await runNode(sandbox, {
			resource: 'product',
			operation: 'create',
			name: 'Test Lantern',
			productType: 'physical',
			price: 24.5,
			weight: 1.2,
			additionalFields: {
				sku: 'LANTERN-1',
				categories: '21, 30',
				brandId: 2,
				isVisible: false,
				otherFields: '{"warranty": "2 years"}',
			},
		});
		expect(requests).toHaveLength(1);
		expect(requests[0]).toMatchObject({ method: 'POST', path: '/catalog/products', status: 200 });
		expect(requests[0].body).toEqual({
			sku: 'LANTERN-1',
			categories: [21, 30],
			brand_id: 2,
			is_visible: false,
			warranty: '2 years',
			name: 'Test Lantern',
			type: 'physical',
			price: 24.5,
			weight: 1.2,
		});
		expect(json[0]).toMatchObject({
			name: 'Test Lantern',
			sku: 'LANTERN-1',
			categories: [21, 30],
			is_visible: false,
		});
		expect(products().get(Number(json[0].id)).name).toBe('Test Lantern');
	});

	it('maps a duplicate name to a 409 NodeApiError', async () => {
		const { error, requests } = await runNodeError(sandbox, {
			resource: 'product',
			operation: 'create',
			name: 'Alpine Jacket 1',
			productType: 'physical',
			price: 1,
			weight: 1,
		});
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).httpCode).toBe('409');
		expect(requests).toHaveLength(1);
	});

	it.each([
		[{ name: '' }, /"Name" must be 1 to 250 characters/],
		[{ price: -1 }, /"Price" must be a number of 0 or more/],
		[
			{ additionalFields: { categories: '21, abc' } },
			/"Category IDs" must be a comma-separated list/,
		],
		[{ additionalFields: { otherFields: '{oops' } }, /"Other Fields \(JSON\)" is not valid JSON/],
		[{ additionalFields: { otherFields: '[1]' } }, /"Other Fields \(JSON\)" must be a JSON object/],
		[{ additionalFields: { inventoryLevel: 1.5 } }, /"Inventory Level" must be a whole number/],
	])('rejects bad input %j before any request', async (override, message) => {
		const { error, requests } = await runNodeError(sandbox, {
			resource: 'product',
			operation: 'create',
			name: 'Valid name',
			productType: 'physical',
			price: 1,
			weight: 1,
			...override,
		});
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(/^Item 0: /);
		expect(error.message).toMatch(message);
		expect(requests).toHaveLength(0);
	});
});

describe('Product → Get', () => {
	it('reads one product with the includes and simplifies it', async () => {
		const { json, requests } = await runNode(sandbox, {
			resource: 'product',
			operation: 'get',
			productId: locator(8),
			include: ['variants', 'images', 'custom_fields', 'videos', 'options'],
			simplify: true,
		});
		expect(requests).toHaveLength(1);
		expect(requests[0]).toMatchObject({ method: 'GET', path: '/catalog/products/8' });
		expect(requests[0].query.include).toBe('variants,images,custom_fields,videos,options');
		const p = json[0] as Json;
		expect(p.id).toBe(8);
		expect(p.description).not.toMatch(/</);
		expect(p.variants.map((v: Json) => v.options)).toEqual(['Size: S', 'Size: M', 'Size: L']);
		expect(p.options).toEqual([{ id: expect.any(Number), name: 'Size', values: ['S', 'M', 'L'] }]);
		expect(p.in_stock).toBe(false); // product 8 is out of stock on every variant
		expect(p.date_modified).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/);
	});

	it('accepts a control-panel URL and returns the raw record without Simplify', async () => {
		const { json, requests } = await runNode(sandbox, {
			resource: 'product',
			operation: 'get',
			productId: {
				__rl: true,
				mode: 'url',
				value: 'https://store-abc1d2ef.mybigcommerce.com/manage/products/edit/3',
			},
			include: [],
			simplify: false,
		});
		expect(requests[0].path).toBe('/catalog/products/3');
		expect(requests[0].query.include).toBeUndefined();
		expect(json[0]).toMatchObject({ id: 3, open_graph_type: 'product' });
	});

	it.each([['abc'], ['-4'], ['0'], ['']])(
		'rejects product ID %j before any request',
		async (value) => {
			const { error, requests } = await runNodeError(sandbox, {
				resource: 'product',
				operation: 'get',
				productId: locator(value),
				include: [],
			});
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toMatch(/"Product" must be a positive whole-number product ID/);
			expect(requests).toHaveLength(0);
		},
	);

	it('maps a missing product to a 404 NodeApiError', async () => {
		const { error } = await runNodeError(sandbox, {
			resource: 'product',
			operation: 'get',
			productId: locator(99999),
			include: [],
		});
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).httpCode).toBe('404');
	});
});

describe('Product → Update and Delete', () => {
	it('PUTs only the fields given and bumps date_modified', async () => {
		const before = products().get(5).date_modified;
		const { json, requests } = await runNode(sandbox, {
			resource: 'product',
			operation: 'update',
			productId: locator(5),
			updateFields: {
				price: 42,
				salePrice: 39,
				name: 'Renamed Five',
				brandId: { __rl: true, mode: 'list', value: '1' },
			},
		});
		expect(requests).toHaveLength(1);
		expect(requests[0]).toMatchObject({
			method: 'PUT',
			path: '/catalog/products/5',
			body: { price: 42, sale_price: 39, name: 'Renamed Five', brand_id: 1 },
		});
		expect(json[0]).toMatchObject({
			id: 5,
			price: 42,
			sale_price: 39,
			calculated_price: 39,
			name: 'Renamed Five',
			brand_id: 1,
		});
		expect(products().get(5).date_modified).toBeGreaterThan(before);
	});

	it('refuses an empty update without a request', async () => {
		const { error, requests } = await runNodeError(sandbox, {
			resource: 'product',
			operation: 'update',
			productId: locator(5),
			updateFields: {},
		});
		expect(error.message).toMatch(/"Update Fields" is empty/);
		expect(requests).toHaveLength(0);
	});

	it('deletes a product', async () => {
		const { json, requests } = await runNode(sandbox, {
			resource: 'product',
			operation: 'delete',
			productId: locator(30),
		});
		expect(requests[0]).toMatchObject({
			method: 'DELETE',
			path: '/catalog/products/30',
			status: 204,
		});
		expect(json[0]).toEqual({ id: 30, deleted: true });
		expect(products().has(30)).toBe(false);
	});
});

describe('router behaviour on the product resource', () => {
	it('continueOnFail returns an error item with pairedItem and carries on', async () => {
		const { out, requests } = await runNode(
			sandbox,
			[
				{ resource: 'product', operation: 'get', productId: locator('nope'), include: [] },
				{ resource: 'product', operation: 'get', productId: locator(2), include: [] },
			],
			{ items: [{}, {}], continueOnFail: true },
		);
		expect(out).toHaveLength(2);
		expect(out[0].json.error).toMatch(
			/Item 0: "Product" must be a positive whole-number product ID/,
		);
		expect(out[0].pairedItem).toEqual({ item: 0 });
		expect(out[1].json.id).toBe(2);
		expect(out[1].pairedItem).toEqual({ item: 1 });
		expect(requests).toHaveLength(1);
	});

	it('without continueOnFail the first bad item stops the run', async () => {
		const { error } = await runNodeError(sandbox, [
			{ resource: 'product', operation: 'get', productId: locator(''), include: [] },
		]);
		expect(error).toBeInstanceOf(NodeOperationError);
	});
});
