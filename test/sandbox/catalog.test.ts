import { acknowledgeViolations, type Json, useSandbox, recordEvents } from '../helpers/sandbox';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { seedCatalog, RESTRICTED_CATEGORY_ID } = require('../../sandbox/seed/catalog');

let clock = Date.UTC(2026, 5, 1, 12, 0, 0);
const sandbox = useSandbox({ seed: { products: 50 }, now: () => clock });
const events = recordEvents(sandbox);

async function call(method: string, path: string, body?: unknown) {
	const response = await fetch(`${sandbox.apiPath('v3')}${path}`, {
		method,
		headers: {
			'X-Auth-Token': sandbox.accessToken,
			Accept: 'application/json',
			'Content-Type': 'application/json',
		},
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	return { status: response.status, body: text ? (JSON.parse(text) as Json) : undefined };
}
const ids = async (query: string) =>
	(await call('GET', `/catalog/products?limit=250&${query}`)).body.data.map((p: Json) => p.id);
const stateProducts = () => [...(sandbox.state.catalog.products as Map<number, Json>).values()];

describe('catalog seed', () => {
	it('is deterministic and holds every case the node must handle', () => {
		const a = seedCatalog({ state: { counters: {} } }, { products: 200, seed: 7 });
		const b = seedCatalog({ state: { counters: {} } }, { products: 200, seed: 7 });
		expect(JSON.stringify([...a.products.values()])).toBe(JSON.stringify([...b.products.values()]));
		const list = [...a.products.values()] as Json[];
		expect(list.filter((p) => !p.is_visible)).toHaveLength(20);
		expect(
			list.filter(
				(p) =>
					p.inventory_tracking === 'variant' &&
					p.variants.every((v: Json) => v.inventory_level === 0),
			),
		).toHaveLength(20);
		expect(
			list.filter((p) => p.categories.includes(RESTRICTED_CATEGORY_ID)).length,
		).toBeGreaterThan(10);
		expect(list.filter((p) => p.channels.includes(2)).length).toBeGreaterThan(10);
		expect(list.filter((p) => p.variants.length > 1).length).toBeGreaterThan(50);
		expect(list.filter((p) => p.videos?.length).length).toBeGreaterThan(10);
		expect(new Set(list.map((p) => p.brand_id)).size).toBe(8);
		expect(a.categories.get(RESTRICTED_CATEGORY_ID).name).toBe('Wholesale Exclusives');
		expect(a.categories.get(22).parent_id).toBe(21); // nested
	});

	it('scales to 100k products', () => {
		const big = seedCatalog({ state: { counters: {} } }, { products: 100000 });
		expect(big.products.size).toBe(100000);
		expect(big.variants.size).toBeGreaterThan(200000);
		expect(big.products.get(100000).name).toMatch(/ 100000$/);
	});
});

describe('GET /catalog/products', () => {
	it('filters by id, name, sku, keyword, category, brand, visibility, channel', async () => {
		expect(await ids('id:in=3,5,7')).toEqual([3, 5, 7]);
		expect(await ids('id:min=48')).toEqual([48, 49, 50]);
		expect(await ids('id:max=2')).toEqual([1, 2]);
		expect(await ids('name=Alpine%20Jacket%201')).toEqual([1]);
		expect(await ids('name:like=jacket%201')).toEqual([1, 10, 11, 12]);
		expect(await ids('sku=SKU-9')).toEqual([9]);
		expect(await ids('sku:in=SKU-9,SKU-10')).toEqual([9, 10]);
		expect(await ids('keyword=northwind')).toEqual(
			stateProducts()
				.filter((p) => p.brand_id === 2)
				.map((p) => p.id),
		);
		expect(await ids(`categories:in=${RESTRICTED_CATEGORY_ID}`)).toEqual(
			stateProducts()
				.filter((p) => p.categories.includes(RESTRICTED_CATEGORY_ID))
				.map((p) => p.id),
		);
		expect(await ids('categories:in=21,30')).toEqual(
			stateProducts()
				.filter((p) => p.categories.includes(21) && p.categories.includes(30))
				.map((p) => p.id),
		);
		expect(await ids('brand_id=3')).toEqual(
			stateProducts()
				.filter((p) => p.brand_id === 3)
				.map((p) => p.id),
		);
		expect(await ids('is_visible=false')).toEqual([4, 14, 24, 34, 44]);
		expect(await ids('channel_id:in=2')).toEqual(
			stateProducts()
				.filter((p) => p.channels.includes(2))
				.map((p) => p.id),
		);
		expect(await ids('type=digital')).toEqual([14, 34]);
		expect(await ids('is_featured=1')).toEqual([1, 12, 23, 34, 45]);
		expect(await ids('availability=preorder')).toEqual([25, 50]);
		expect(await ids('condition=new')).toHaveLength(50);
	});

	it('filters by inventory and stock', async () => {
		const level = (p: Json) =>
			p.inventory_tracking === 'variant'
				? p.variants.reduce((s: number, v: Json) => s + v.inventory_level, 0)
				: p.inventory_level;
		expect(await ids('inventory_level:min=20&inventory_level:max=40')).toEqual(
			stateProducts()
				.filter((p) => level(p) >= 20 && level(p) <= 40)
				.map((p) => p.id),
		);
		expect(await ids('inventory_level:greater=50')).toEqual(
			stateProducts()
				.filter((p) => level(p) > 50)
				.map((p) => p.id),
		);
		expect(await ids('inventory_level:less=1')).toEqual(
			stateProducts()
				.filter((p) => level(p) < 1)
				.map((p) => p.id),
		);
		expect(await ids('out_of_stock=1')).toEqual(
			stateProducts()
				.filter((p) => p.inventory_tracking !== 'none' && level(p) === 0)
				.map((p) => p.id),
		);
		expect(await ids('inventory_low=1')).toEqual(
			stateProducts()
				.filter((p) => p.inventory_tracking !== 'none' && level(p) <= p.inventory_warning_level)
				.map((p) => p.id),
		);
	});

	it('sorts, pages, includes and selects fields', async () => {
		expect((await ids('sort=price&direction=desc')).length).toBe(50);
		const byPrice = (
			await call('GET', '/catalog/products?sort=price&direction=desc&limit=3')
		).body.data.map((p: Json) => p.price);
		expect(byPrice).toEqual([...byPrice].sort((x: number, y: number) => y - x));
		const withOptions = await call('GET', '/catalog/products?include=options,variants&limit=50');
		expect(withOptions.body.meta.pagination).toMatchObject({
			per_page: 10,
			count: 10,
			total: 50,
			total_pages: 5,
		});
		const full = await call(
			'GET',
			'/catalog/products/8?include=variants,images,custom_fields,videos,options,modifiers,bulk_pricing_rules,primary_image',
		);
		expect(Object.keys(full.body.data)).toEqual(
			expect.arrayContaining([
				'variants',
				'images',
				'custom_fields',
				'videos',
				'options',
				'modifiers',
				'bulk_pricing_rules',
				'primary_image',
			]),
		);
		const fields = await call('GET', '/catalog/products?include_fields=name,sku&limit=2');
		expect(fields.body.data).toEqual([
			{ id: 1, name: 'Alpine Jacket 1', sku: 'SKU-1' },
			{ id: 2, name: 'Classic Jacket 2', sku: 'SKU-2' },
		]);
		const excluded = await call('GET', '/catalog/products/1?exclude_fields=description');
		expect(excluded.body.data.description).toBeUndefined();
		expect((await call('GET', '/catalog/products?limit=251')).status).toBe(413);
		expect((await call('GET', '/catalog/products?include=nonsense')).status).toBe(400);
		expect((await call('GET', '/catalog/products?id:in=1,x')).status).toBe(422);
		acknowledge();
	});

	it('filters by date_modified', async () => {
		const p = stateProducts()[10];
		const at = new Date(p.date_modified).toISOString().replace('.000Z', 'Z');
		expect(await ids(`date_modified:min=${at}&date_modified:max=${at}`)).toEqual(
			stateProducts()
				.filter((x) => x.date_modified === p.date_modified)
				.map((x) => x.id),
		);
	});
});

describe('catalog writes', () => {
	it('creates a product (409 on duplicate name or SKU, 422 with a V3 error body on missing fields)', async () => {
		events.length = 0;
		const created = await call('POST', '/catalog/products', {
			name: 'Sandbox Test Product',
			type: 'physical',
			weight: 1,
			price: 10,
			sku: 'SBX-1',
			categories: [23],
		});
		expect(created.status).toBe(200);
		expect(created.body.data).toMatchObject({
			name: 'Sandbox Test Product',
			sku: 'SBX-1',
			date_created: '2026-06-01T12:00:00+00:00',
			date_modified: '2026-06-01T12:00:00+00:00',
		});
		expect(events).toEqual([
			['store/product/created', { type: 'product', id: created.body.data.id }],
		]);
		expect(
			(
				await call('POST', '/catalog/products', {
					name: 'sandbox test product',
					type: 'physical',
					weight: 1,
					price: 1,
				})
			).status,
		).toBe(409);
		expect(
			(
				await call('POST', '/catalog/products', {
					name: 'Other',
					type: 'physical',
					weight: 1,
					price: 1,
					sku: 'SKU-8-M1',
				})
			).status,
		).toBe(409);
		const missing = await call('POST', '/catalog/products', { name: 'Only a name' });
		acknowledge();
		expect(missing.status).toBe(422);
		expect(missing.body).toMatchObject({
			status: 422,
			title: expect.any(String),
			type: expect.any(String),
			errors: { type: expect.any(String), weight: expect.any(String), price: expect.any(String) },
		});
	});

	it('an update persists, moves date_modified to the sandbox clock and emits store/product/updated', async () => {
		clock += 3600_000;
		events.length = 0;
		const updated = await call('PUT', '/catalog/products/2', { price: 77 });
		expect(updated.body.data).toMatchObject({
			price: 77,
			date_modified: '2026-06-01T13:00:00+00:00',
		});
		expect((await call('GET', '/catalog/products/2')).body.data.price).toBe(77);
		expect(events).toEqual([['store/product/updated', { type: 'product', id: 2 }]]);
		events.length = 0;
		await call('PUT', '/catalog/products/2', { inventory_level: 12 }); // product 2 tracks stock by product
		expect(events).toEqual([
			['store/product/updated', { type: 'product', id: 2 }],
			[
				'store/product/inventory/updated',
				{ type: 'product', id: 2, inventory: { product_id: 2, method: 'absolute', value: 12 } },
			],
		]);
	});

	it('PUT /catalog/products takes at most 10 items and needs an id in each', async () => {
		const eleven = Array.from({ length: 11 }, (_, k) => ({ id: k + 1, price: 1 }));
		const tooMany = await call('PUT', '/catalog/products', eleven);
		expect(tooMany.status).toBe(413);
		expect(tooMany.body.title).toBe('The maximum items allowed in the array is 10');
		const noId = await call('PUT', '/catalog/products', [{ price: 1 }]);
		acknowledge();
		expect(noId.status).toBe(422);
		const partial = await call('PUT', '/catalog/products', [
			{ id: 3, price: 3 },
			{ id: 4040, price: 4 },
		]);
		expect(partial.status).toBe(207);
		expect(partial.body.data.map((p: Json) => p.id)).toEqual([3]);
		expect(partial.body.errors.errors).toEqual({ 4040: 'Product 4040 not found.' });
	});

	it('variants: GET /catalog/variants by sku, PUT batch of at most 50', async () => {
		const bySku = await call('GET', '/catalog/variants?sku=SKU-8-L2');
		expect(bySku.body.data).toHaveLength(1);
		expect(bySku.body.data[0]).toMatchObject({
			product_id: 8,
			sku: 'SKU-8-L2',
			option_values: [{ label: 'L', option_display_name: 'Size' }],
		});
		const id = bySku.body.data[0].id;
		events.length = 0;
		const batch = await call('PUT', '/catalog/variants', [{ id, inventory_level: 5 }]);
		expect(batch.body.data[0].inventory_level).toBe(5);
		expect(events.map(([scope]) => scope)).toEqual([
			'store/sku/inventory/updated',
			'store/product/updated',
			'store/sku/updated',
		]);
		expect(events[0][1]).toEqual({
			type: 'sku',
			id: bySku.body.data[0].sku_id,
			inventory: { product_id: 8, method: 'absolute', value: 5, variant_id: id },
		});
		const tooMany = await call(
			'PUT',
			'/catalog/variants',
			Array.from({ length: 51 }, () => ({ id, inventory_level: 1 })),
		);
		acknowledge();
		expect(tooMany.status).toBe(413);
		expect(tooMany.body.title).toBe('The maximum items allowed in the array is 50');
	});

	it('DELETE /catalog/products requires id:in', async () => {
		const refused = await call('DELETE', '/catalog/products?name=Alpine%20Jacket%201');
		acknowledge();
		expect(refused.status).toBe(422);
		expect(stateProducts()).toHaveLength(51);
		events.length = 0;
		expect((await call('DELETE', '/catalog/products?id:in=49,50')).status).toBe(204);
		expect(stateProducts().map((p) => p.id)).not.toContain(49);
		expect(
			events.filter(([scope]) => scope === 'store/product/deleted').map(([, data]) => data.id),
		).toEqual([49, 50]);
	});

	it('categories and brands: create, conflict, filters', async () => {
		events.length = 0;
		const cat = await call('POST', '/catalog/categories', { name: 'Gloves', parent_id: 27 });
		expect(cat.body.data).toMatchObject({ name: 'Gloves', parent_id: 27, is_visible: true });
		expect(events).toEqual([
			['store/category/created', { type: 'category', id: cat.body.data.id }],
		]);
		expect(
			(await call('POST', '/catalog/categories', { name: 'gloves', parent_id: 27 })).status,
		).toBe(409);
		expect(
			(await call('POST', '/catalog/categories', { name: 'Orphan', parent_id: 999 })).status,
		).toBe(422);
		const children = await call('GET', '/catalog/categories?parent_id=27');
		expect(children.body.data.map((c: Json) => c.name)).toEqual(['Bags', 'Hats', 'Gloves']);
		expect((await call('DELETE', '/catalog/categories')).status).toBe(422);
		acknowledge();
		const brand = await call('POST', '/catalog/brands', { name: 'Sandbox Brand' });
		expect(brand.body.data).toMatchObject({
			name: 'Sandbox Brand',
			custom_url: { url: '/brands-sandbox-brand/' },
		});
		expect((await call('POST', '/catalog/brands', { name: 'SANDBOX BRAND' })).status).toBe(409);
		expect(
			(await call('GET', '/catalog/brands?name:like=sandbox')).body.data.map((b: Json) => b.id),
		).toEqual([brand.body.data.id]);
	});
});

describe('channel and category assignments', () => {
	it('lists, adds and removes assignments, and channel_id:in follows them', async () => {
		const listed = await call('GET', '/catalog/products/channel-assignments?product_id:in=2,3');
		expect(listed.body.data).toEqual([
			{ product_id: 2, channel_id: 1 },
			{ product_id: 2, channel_id: 2 },
			{ product_id: 3, channel_id: 1 },
		]);
		expect(
			(
				await call('PUT', '/catalog/products/channel-assignments', [
					{ product_id: 3, channel_id: 2 },
				])
			).status,
		).toBe(204);
		expect(await ids('channel_id:in=2&id:in=3')).toEqual([3]);
		expect(
			(
				await call(
					'DELETE',
					'/catalog/products/channel-assignments?product_id:in=3&channel_id:in=2',
				)
			).status,
		).toBe(204);
		expect(await ids('channel_id:in=2&id:in=3')).toEqual([]);
		const categories = await call('GET', '/catalog/products/category-assignments?product_id:in=1');
		expect(categories.body.data).toEqual([
			{ product_id: 1, category_id: 21 },
			{ product_id: 1, category_id: 30 },
		]);
		expect(
			(
				await call('PUT', '/catalog/products/category-assignments', [
					{ product_id: 1, category_id: 999 },
				])
			).status,
		).toBe(422);
		acknowledge();
	});
});

describe('category trees (multi-storefront)', () => {
	it('lists trees, tree categories and the nested tree; writes in batches with 207', async () => {
		const treesList = await call('GET', '/catalog/trees?channel_id:in=2');
		expect(treesList.body.data).toEqual([{ id: 2, name: 'Sandbox Outlet', channels: [2] }]);
		const tree2 = await call('GET', '/catalog/trees/categories?tree_id:in=2');
		expect(tree2.body.data.map((c: Json) => [c.category_id, c.parent_id, c.name])).toEqual([
			[40, 0, 'Channel 2 Picks'],
			[41, 40, 'New Arrivals'],
		]);
		expect(tree2.body.data[0].category_uuid).toMatch(
			/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/,
		);
		// the legacy endpoints only see the default channel's tree
		expect(
			(await call('GET', '/catalog/categories?id:in=40,41,20')).body.data.map((c: Json) => c.id),
		).toEqual([20]);

		events.length = 0;
		const created = await call('POST', '/catalog/trees/categories', [
			{ name: 'Kids', tree_id: 2, parent_id: 41 },
			{ name: 'New Arrivals', tree_id: 2, parent_id: 40 }, // duplicate sibling
		]);
		expect(created.status).toBe(207);
		expect(created.body.data.map((c: Json) => c.name)).toEqual(['Kids']);
		expect(created.body.meta).toEqual({ total: 2, success: 1, failed: 1 });
		const kids = created.body.data[0].category_id;
		expect(events).toEqual([['store/category/created', { type: 'category', id: kids }]]);

		const nested = await call('GET', '/catalog/trees/2/categories');
		expect(nested.body.data[0]).toMatchObject({
			id: 40,
			depth: 1,
			children: [
				{ id: 41, depth: 2, path: [40], children: [{ id: kids, depth: 3, path: [40, 41] }] },
			],
		});

		const renamed = await call('PUT', '/catalog/trees/categories', [
			{ category_id: kids, name: 'Kids & Baby' },
		]);
		expect(renamed.body.data[0].name).toBe('Kids & Baby');
		expect((await call('DELETE', '/catalog/trees/categories?category_id:in=' + kids)).status).toBe(
			202,
		);
		expect((sandbox.state.catalog.categories as Map<number, Json>).has(kids)).toBe(false);
	});
});

/**
 * Requests that are invalid on purpose (to provoke 400/413/422) are recorded as request violations,
 * and the error answers they get are not all documented: accept exactly those.
 */
function acknowledge() {
	for (const v of acknowledgeViolations()) {
		if (v.direction === 'request') continue;
		expect(v.status).toBeGreaterThanOrEqual(400);
		expect(v.reason).toMatch(/status \d+ is not documented/);
	}
}
