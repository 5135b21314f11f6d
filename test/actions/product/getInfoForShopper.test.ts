import { NodeOperationError } from 'n8n-workflow';

import { type Json, useSandbox } from '../../helpers/sandbox';
import { runNode, runNodeError } from '../../helpers/node';

const sandbox = useSandbox({ seed: { products: 30 } });

const product = (id: number) => (sandbox.state.catalog.products as Map<number, Json>).get(id);
const ask = (lookUpBy: string, value: string, options = {}) =>
	runNode(sandbox, {
		resource: 'product',
		operation: 'getInfoForShopper',
		lookUpBy,
		value,
		options,
	});

describe('Product → Get Info for Shopper', () => {
	it('answers by ID with plain text, prices, stock, variants, custom fields, images and videos', async () => {
		const { json, requests } = await ask('id', '1');
		expect(requests).toHaveLength(1);
		expect(requests[0].query.include).toBe('variants,images,custom_fields,videos');
		const a = json[0] as Json;
		expect(a).toMatchObject({
			found: true,
			id: 1,
			name: 'Alpine Jacket 1',
			sku: 'SKU-1',
			on_sale: false,
			sale_price: null,
			in_stock: true,
			stock_level: null,
		});
		expect(a.description).toBe(
			'The Alpine Jacket 1 is made of merino wool for everyday wear.\n- Material: Merino wool',
		);
		expect(a.custom_fields).toEqual({ Material: 'Merino wool', Origin: 'Portugal' });
		expect(a.images).toHaveLength(2);
		expect(a.videos).toEqual([`https://www.youtube.com/watch?v=${product(1).videos[0].video_id}`]);
		expect(a.variants).toEqual([]); // the base variant is not an option the shopper picks
	});

	it('answers by variant SKU with the variant options and stock', async () => {
		const { json, requests } = await ask('sku', 'SKU-8-M1');
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'GET /catalog/products',
			'GET /catalog/variants',
			'GET /catalog/products/8',
		]);
		const a = json[0] as Json;
		expect(a).toMatchObject({
			found: true,
			id: 8,
			in_stock: false,
			purchasable: false,
			stock_level: 0,
		});
		expect(a.matched_variant).toEqual({ sku: 'SKU-8-M1', options: 'Size: M' });
		expect(a.variants).toEqual([
			{ sku: 'SKU-8-S0', options: 'Size: S', price: 139.99, in_stock: false, stock: 0 },
			{ sku: 'SKU-8-M1', options: 'Size: M', price: 139.99, in_stock: false, stock: 0 },
			{ sku: 'SKU-8-L2', options: 'Size: L', price: 139.99, in_stock: false, stock: 0 },
		]);
	});

	it('shows the sale price of a product on sale', async () => {
		const { json } = await ask('sku', 'SKU-2');
		const p = product(2);
		expect(json[0]).toMatchObject({
			found: true,
			on_sale: true,
			sale_price: p.sale_price,
			current_price: p.sale_price,
			price: p.price,
		});
	});

	it('answers by name, exact first, then keyword with other matches', async () => {
		const exact = await ask('name', 'Coastal Jacket 3');
		expect(exact.json[0]).toMatchObject({ found: true, id: 3 });
		expect(exact.requests).toHaveLength(1);
		const fuzzy = await ask('name', 'Jacket');
		expect(fuzzy.requests.map((r) => r.query.keyword ?? r.query.name)).toEqual([
			'Jacket',
			'Jacket',
		]);
		expect(fuzzy.json[0].found).toBe(true);
		expect((fuzzy.json[0].other_matches as Json[]).length).toBeGreaterThan(0);
		expect(fuzzy.requests.every((r) => r.query.is_visible === 'true')).toBe(true);
	});

	it('a hidden product answers exactly like a missing one unless hidden products are allowed', async () => {
		expect(product(4).is_visible).toBe(false);
		const hidden = await ask('id', '4');
		const missing = await ask('id', '99999');
		expect(hidden.json[0]).toEqual({ found: false, message: 'No product matches Product ID "4".' });
		expect(missing.json[0]).toEqual({
			found: false,
			message: 'No product matches Product ID "99999".',
		});
		const allowed = await ask('id', '4', { includeHidden: true });
		expect(allowed.json[0]).toMatchObject({ found: true, id: 4 });
		const bySku = await ask('sku', 'SKU-4');
		expect(bySku.json[0].found).toBe(false);
	});

	it('accepts the look-up kind the way an AI agent may spell it', async () => {
		const { json } = await ask('Product ID', '2');
		expect(json[0]).toMatchObject({ found: true, id: 2 });
		const bySku = await ask('SKU', 'SKU-2');
		expect(bySku.json[0]).toMatchObject({ found: true, id: 2 });
		const { error, requests } = await runNodeError(sandbox, {
			resource: 'product',
			operation: 'getInfoForShopper',
			lookUpBy: 'color',
			value: 'red',
			options: {},
		});
		expect(error.message).toMatch(/"Look Up By" must be id, sku or name; got "color"/);
		expect(requests).toHaveLength(0);
	});

	it('truncates the description', async () => {
		const { json } = await ask('id', '1', { maxDescription: 20 });
		expect(String(json[0].description)).toHaveLength(20);
		expect(String(json[0].description).endsWith('…')).toBe(true);
	});

	it.each([
		['id', 'abc', /positive whole-number product ID/],
		['sku', '  ', /"Value" must not be empty/],
		['name', '', /"Value" must not be empty/],
	])('rejects %s %j before any request', async (lookUpBy, value, message) => {
		const { error, requests } = await runNodeError(sandbox, {
			resource: 'product',
			operation: 'getInfoForShopper',
			lookUpBy,
			value,
			options: {},
		});
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(message);
		expect(requests).toHaveLength(0);
	});
});
