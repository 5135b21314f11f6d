import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { startSandbox, type Json, type SandboxHandle } from '../../helpers/sandbox';
import { runNode, runNodeError } from '../../helpers/node';
import { createProductViaApi } from './fixtures';
import {
	parseCsv,
	parseRssItems,
	parseTsv,
	rowsByHeader,
	type ParsedRow,
} from '../../helpers/files';
import {
	feedRowProblems,
	GOOGLE_RULES,
	META_RULES,
	isValidGtin,
} from '../../../nodes/BigCommerce/actions/product/feeds/rules';

/**
 * Export Catalog's feed formats (issue #14) on a sandbox catalog with hidden, out-of-stock,
 * group-restricted, sale-priced, pre-order, multi-variant, brandless, not purchasable and
 * hostile-text products: every row of every file is checked against its format's rules.
 */

const base = { resource: 'product', operation: 'exportCatalog', simplify: true };
const STORE = 'https://sandbox-store.example.com';
const CDN = 'https://cdn.sandbox-store.example.com';

/** The product (seeded, or created below) a feed row or chunk belongs to. */
const productIdOf = (id: string) => Number(id.replace(/^product-/, '').split('-')[0]);

describe('Product → Export Catalog: feed formats', () => {
	let sandbox: SandboxHandle;
	const made: Record<string, number> = {};
	const state = () => sandbox.state.catalog.products as Map<number, Json>;

	const createProduct = async (product: Json) => await createProductViaApi(sandbox, product);

	beforeAll(async () => {
		sandbox = await startSandbox({ seed: { products: 40 } });
		made.brandless = await createProduct({
			name: 'Canvas Tote',
			price: 10,
			sale_price: 8,
			upc: '036000291452',
			mpn: 'TOTE-1',
			categories: [28],
			inventory_tracking: 'product',
			inventory_level: 5,
			description:
				'<p>Roomy &amp; strong.</p><script>alert("x")</script><ul><li>Canvas&nbsp;body</li></ul>',
			custom_fields: [{ name: 'google_product_category', value: '3032' }],
			images: [{ image_url: `${CDN}/tote.jpg` }],
		});
		made.hoodie = await createProduct({
			name: 'Feed Hoodie',
			price: 40,
			brand_id: 2,
			categories: [22],
			inventory_tracking: 'variant',
			images: [{ image_url: `${CDN}/hoodie-1.jpg` }, { image_url: `${CDN}/hoodie-2.jpg` }],
			variants: [
				{
					sku: 'HOOD-RED-S',
					option_values: [
						{ option_display_name: 'Color', label: 'Red' },
						{ option_display_name: 'Size', label: 'S' },
					],
					inventory_level: 3,
					gtin: '4006381333931',
					mpn: 'H-RS',
				},
				{
					sku: 'HOOD-RED-M',
					option_values: [
						{ option_display_name: 'Color', label: 'Red' },
						{ option_display_name: 'Size', label: 'M' },
					],
					inventory_level: 0,
				},
				{
					sku: 'HOOD-BLUE-S',
					option_values: [
						{ option_display_name: 'Color', label: 'Blue' },
						{ option_display_name: 'Size', label: 'S' },
					],
					inventory_level: 4,
					price: 45,
					sale_price: 39,
					image_url: `${CDN}/hoodie-blue.jpg`,
				},
				{
					sku: 'HOOD-BLUE-M',
					option_values: [
						{ option_display_name: 'Color', label: 'Blue' },
						{ option_display_name: 'Size', label: 'M' },
					],
					inventory_level: 9,
					purchasing_disabled: true,
				},
			],
		});
		made.disabled = await createProduct({ name: 'Not For Sale Lamp', availability: 'disabled' });
		made.preorder = await createProduct({
			name: 'Preorder Boots',
			brand_id: 3,
			availability: 'preorder',
			preorder_release_date: '2027-01-15T00:00:00+00:00',
			images: [{ image_url: `${CDN}/boots.jpg` }],
		});
		made.long = await createProduct({
			name: `Extra Long ${'Name '.repeat(45)}`.trim(),
			brand_id: 1,
			gtin: '12345678',
			description: `<p>${'Very long description. '.repeat(300)}</p>`,
			images: [{ image_url: `${CDN}/long.jpg` }],
		});
		made.hostile = await createProduct({
			name: 'Tab\there & <b>"quoted"</b> \u0007bell',
			brand_id: 4,
			description: '<p>Line one</p>\n<p>Line\ttwo &lt;3</p>',
			images: [{ image_url: `${CDN}/hostile.jpg` }],
		});
		// Google and Meta reject a row without a picture
		made.imageless = await createProduct({ name: 'Imageless Mug', brand_id: 5 });
	});
	afterAll(async () => sandbox.close());

	/** Runs the export with a feed; returns the summary, the file text and the requests. */
	const exportFeed = async (fileFormat: string, options: Json = {}) => {
		const run = await runNode(sandbox, { ...base, options: { fileFormat, ...options } });
		const summary = run.out[run.out.length - 1];
		const file = summary.binary?.data as Json;
		const text = Buffer.from(file.data, 'base64').toString('utf8');
		const products = run.json.filter((item) => item.summary !== true);
		return { ...run, products, summary: summary.json as Json, file, text };
	};
	const googleTsvRows = (text: string) => parseTsv(text, ['additional_image_link']);
	const metaCsvRows = (text: string) => rowsByHeader(parseCsv(text), ['additional_image_link']);
	const expectEveryRowValid = (rows: ParsedRow[], rules: typeof GOOGLE_RULES) => {
		expect(rows.length).toBeGreaterThan(0);
		for (const row of rows)
			expect({ id: row.id, problems: feedRowProblems(row, rules) }).toEqual({
				id: row.id,
				problems: [],
			});
	};
	const byId = (rows: ParsedRow[]) => new Map(rows.map((row) => [String(row.id), row]));

	it('Google TSV: every row follows the product data specification; store facts read once, catalog pages plus a handful of calls', async () => {
		const { text, file, summary, requests, products } = await exportFeed('googleTsv', {
			googleCategoryField: 'google_product_category',
		});
		expect(file.mimeType).toBe('text/tab-separated-values');
		expect(file.fileName).toMatch(/^catalog-googleTsv-.*\.tsv$/);
		const rows = googleTsvRows(text);
		expectEveryRowValid(rows, GOOGLE_RULES);
		expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
		expect(summary.feed_rows).toBe(rows.length);

		// the calls: the store, brands, categories (one page each: 8 brands, 14 categories), the
		// customer groups (restricted products), then the catalog pages; never one per product
		const paths = requests.map((r) => `${r.version} ${r.path}`).sort();
		expect(paths).toEqual(
			[
				'v2 /customer_groups',
				'v2 /store',
				'v3 /catalog/brands',
				'v3 /catalog/products',
				'v3 /catalog/trees/categories',
			].sort(),
		);
		for (const r of requests.filter((r) => r.path !== '/store')) expect(r.query.limit).toBe('250');
		expect(summary.api_calls).toBe(requests.length);

		// who is in the feed: visible, purchasable, in stock, not restricted (the defaults for a feed)
		const inFeed = new Set(rows.map((r) => productIdOf(String(r.id))));
		expect(new Set(products.map((p) => p.id))).toEqual(inFeed);
		const seeded = [...state().values()].filter((p) => p.id <= 40);
		const hidden = seeded.filter((p) => !p.is_visible).map((p) => p.id);
		const soldOut = seeded
			.filter(
				(p) =>
					p.inventory_tracking === 'variant' &&
					p.variants.every((v: Json) => v.inventory_level === 0),
			)
			.map((p) => p.id);
		const restricted = seeded
			.filter((p) => p.categories.length === 1 && p.categories[0] === 31)
			.map((p) => p.id);
		expect(hidden.length * soldOut.length * restricted.length).toBeGreaterThan(0);
		for (const id of [...hidden, ...soldOut, ...restricted, made.disabled, made.imageless])
			expect({ id, inFeed: inFeed.has(id) }).toEqual({ id, inFeed: false });
		expect(summary.skipped).toMatchObject({
			// hidden products are filtered by the API (is_visible=true), so none reaches the node
			hidden: 0,
			restricted: restricted.filter((id) => !hidden.includes(id)).length,
			not_purchasable: 1,
			no_image: 1,
		});

		// absolute https links on the store's domain, prices with the store's currency
		const stored = (id: number) => state().get(id) as Json;
		for (const row of rows) {
			expect(String(row.link).startsWith(`${STORE}/`)).toBe(true);
			expect(String(row.price)).toMatch(/ USD$/);
		}
		// a seeded single product: its numbers as BigCommerce holds them
		const single = seeded.find(
			(p) => inFeed.has(p.id) && !p.options && p.sale_price > 0 && p.inventory_tracking === 'none',
		);
		const singleRow = byId(rows).get(String(single.id)) as ParsedRow;
		expect(singleRow).toMatchObject({
			title: single.name,
			price: `${single.price.toFixed(2)} USD`,
			sale_price: `${single.sale_price.toFixed(2)} USD`,
			availability: 'in_stock',
			condition: 'new',
			brand: (sandbox.state.catalog.brands as Map<number, Json>).get(single.brand_id).name,
			identifier_exists: 'no',
			shipping_weight: `${single.weight} lb`,
		});
		expect(singleRow.item_group_id).toBeUndefined();

		// the multi-variant product: one row per purchasable variant, one item_group_id, option values
		const hoodie = rows.filter((r) => productIdOf(String(r.id)) === made.hoodie);
		const variants = stored(made.hoodie).variants as Json[];
		const variantId = (sku: string) => variants.find((v) => v.sku === sku).id;
		expect(hoodie.map((r) => r.id)).toEqual(
			['HOOD-RED-S', 'HOOD-RED-M', 'HOOD-BLUE-S'].map((sku) => `${made.hoodie}-${variantId(sku)}`),
		);
		expect(new Set(hoodie.map((r) => r.item_group_id))).toEqual(new Set([String(made.hoodie)]));
		expect(hoodie.map((r) => [r.color, r.size, r.availability, r.price, r.sale_price])).toEqual([
			['Red', 'S', 'in_stock', '40.00 USD', undefined],
			['Red', 'M', 'out_of_stock', '40.00 USD', undefined],
			['Blue', 'S', 'in_stock', '45.00 USD', '39.00 USD'],
		]);
		expect(hoodie[0]).toMatchObject({
			title: 'Feed Hoodie (Red, S)',
			gtin: '4006381333931',
			mpn: 'H-RS',
			brand: 'Northwind',
			product_type: 'Apparel > Shirts > T-Shirts',
			link: `${STORE}/feed-hoodie/`,
		});
		expect(hoodie[0].identifier_exists).toBeUndefined();
		expect(hoodie[2].image_link).toBe(`${CDN}/hoodie-blue.jpg`);

		// brandless: the store's name as brand; UPC as GTIN; HTML stripped; the custom field passed on
		expect(byId(rows).get(String(made.brandless))).toMatchObject({
			brand: 'Sandbox Outfitters',
			gtin: '036000291452',
			mpn: 'TOTE-1',
			price: '10.00 USD',
			sale_price: '8.00 USD',
			description: 'Roomy & strong. - Canvas body',
			google_product_category: '3032',
			product_type: 'Accessories > Bags',
		});
		// pre-order with its release date
		expect(byId(rows).get(String(made.preorder))).toMatchObject({
			availability: 'preorder',
			availability_date: '2027-01-15T00:00:00+00:00',
		});
		// cut to Google's lengths; a GTIN with a wrong check digit is not sent
		const long = byId(rows).get(String(made.long)) as ParsedRow;
		expect(isValidGtin('12345678')).toBe(false);
		expect(long.gtin).toBeUndefined();
		expect(long.identifier_exists).toBe('no');
		expect([...String(long.title)].length).toBeLessThanOrEqual(150);
		expect(String(stored(made.long).name).startsWith(String(long.title))).toBe(true);
		expect(String(long.description).length).toBeGreaterThan(4900);
		// tabs and line breaks inside values never split a cell or a row
		expect(byId(rows).get(String(made.hostile))).toMatchObject({
			title: 'Tab here & <b>"quoted"</b> bell',
			description: 'Line one Line two <3',
		});
	});

	it('Google XML: RSS 2.0 with the g: namespace, the same rows as the TSV, text escaped', async () => {
		const tsv = googleTsvRows((await exportFeed('googleTsv')).text);
		const { text, file } = await exportFeed('googleXml');
		expect(file.mimeType).toBe('application/rss+xml');
		expect(
			text.startsWith(
				'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0">',
			),
		).toBe(true);
		expect(text.trimEnd().endsWith('</channel>\n</rss>')).toBe(true);
		// nothing but escaped text between the tags: no raw markup from product data
		expect(text).not.toMatch(/<b>|<script/);
		expect(text).not.toContain('\u0007');
		expect(text).toContain(
			'<g:title>Tab\there &amp; &lt;b&gt;&quot;quoted&quot;&lt;/b&gt; bell</g:title>',
		);
		const items = parseRssItems(text, ['additional_image_link']);
		expectEveryRowValid(items, GOOGLE_RULES);
		expect(items.map((r) => r.id)).toEqual(tsv.map((r) => r.id));
		// the same values, but for the tabs and line breaks the XML may keep and a TSV cannot
		const oneLine = (row: ParsedRow) =>
			Object.fromEntries(
				Object.entries(row).map(([name, value]) => [
					name,
					Array.isArray(value) ? value : value.replace(/\s*[\t\n]+\s*/g, ' '),
				]),
			);
		for (const [at, item] of items.entries()) expect(oneLine(item)).toEqual(tsv[at]);
		// repeated attributes are repeated elements: the blue variant's own picture first, then the product's two
		const blue = items.find(
			(r) => productIdOf(String(r.id)) === made.hoodie && r.color === 'Blue',
		) as ParsedRow;
		expect(blue.image_link).toBe(`${CDN}/hoodie-blue.jpg`);
		expect(blue.additional_image_link).toHaveLength(2);
	});

	it("Meta CSV: Meta's columns and values on every row, one row per purchasable variant", async () => {
		const google = googleTsvRows((await exportFeed('googleTsv')).text);
		const { text, file } = await exportFeed('metaCsv');
		expect(file.mimeType).toBe('text/csv');
		expect(text.split('\n')[0]).toBe(
			'id,title,description,availability,condition,price,link,image_link,brand,item_group_id,sale_price,additional_image_link,google_product_category,product_type,color,size,material,pattern,gtin,mpn,shipping_weight',
		);
		const rows = metaCsvRows(text);
		expectEveryRowValid(rows, META_RULES);
		expect(rows.map((r) => r.id)).toEqual(google.map((r) => r.id));
		const hoodie = rows.filter((r) => productIdOf(String(r.id)) === made.hoodie);
		expect(hoodie.map((r) => [r.availability, r.item_group_id, r.color, r.size])).toEqual([
			['in stock', String(made.hoodie), 'Red', 'S'],
			['out of stock', String(made.hoodie), 'Red', 'M'],
			['in stock', String(made.hoodie), 'Blue', 'S'],
		]);
		expect(rows.find((r) => r.id === String(made.preorder))?.availability).toBe('preorder');
		expect(rows.find((r) => r.id === String(made.brandless))?.brand).toBe('Sandbox Outfitters');
	});

	it('AI knowledge: one plain-text chunk per product with link, prices, availability, options, custom fields, categories and brand', async () => {
		const { text, file, products, summary } = await exportFeed('aiKnowledge');
		expect(file.mimeType).toBe('application/x-ndjson');
		const chunks = text
			.trim()
			.split('\n')
			.map((line) => JSON.parse(line) as Json);
		expect(chunks.map((c) => productIdOf(c.id))).toEqual(products.map((p) => p.id));
		expect(summary.feed_rows).toBe(chunks.length);
		for (const chunk of chunks) {
			expect(chunk.url).toMatch(/^https:\/\/sandbox-store\.example\.com\/\S+$/);
			expect(chunk.text).not.toMatch(/<\/?(p|ul|li|script|strong)\b/i);
			expect(chunk.text).toContain(`Brand: ${chunk.metadata.brand}`);
			expect(chunk.text).toContain(`Link: ${chunk.url}`);
			expect(chunk.text).toMatch(/Price: \d+\.\d\d USD/);
			expect(['in_stock', 'out_of_stock', 'preorder']).toContain(chunk.metadata.availability);
			expect(chunk.metadata.price_min).toBeLessThanOrEqual(chunk.metadata.price_max);
		}
		const hoodie = chunks.find((c) => c.id === `product-${made.hoodie}`);
		expect(hoodie.metadata).toMatchObject({
			brand: 'Northwind',
			categories: ['Apparel > Shirts > T-Shirts'],
			price_min: 39,
			price_max: 40,
			currency: 'USD',
			on_sale: true,
			availability: 'in_stock',
			options: { Color: ['Red', 'Blue'], Size: ['S', 'M'] },
		});
		expect(hoodie.text).toContain('Price: 39.00 USD to 40.00 USD (on sale)');
		expect(hoodie.text).toContain('Options: Color: Red, Blue; Size: S, M');
		expect(hoodie.text).toContain('Red / M 40.00 USD out of stock');
		// a product without a picture still has its chunk (only Google and Meta need one)
		expect(chunks.find((c) => c.id === `product-${made.imageless}`)?.metadata.image_url).toBeNull();
		const tote = chunks.find((c) => c.id === `product-${made.brandless}`);
		expect(tote.text).toContain('google_product_category: 3032');
		expect(tote.text).toContain('Categories: Accessories > Bags');
		expect(tote.text.endsWith('Roomy & strong.\n- Canvas body')).toBe(true);
	});

	it("with a channel: links on that channel's site, only its products; the site read once", async () => {
		const { text, requests, products } = await exportFeed('googleTsv', { channelIds: '2' });
		expect(requests.filter((r) => r.path === '/channels/2/site')).toHaveLength(1);
		const rows = googleTsvRows(text);
		expectEveryRowValid(rows, GOOGLE_RULES);
		for (const row of rows)
			expect(String(row.link).startsWith('https://eu.sandbox-store.example.com/')).toBe(true);
		for (const p of products) expect(state().get(p.id as number).channels).toContain(2);
	});

	it('turning "Visible and In Stock Only" off lists sold-out products as out of stock (hidden ones still never)', async () => {
		const { text } = await exportFeed('googleTsv', { visibleInStockOnly: false });
		const rows = googleTsvRows(text);
		expectEveryRowValid(rows, GOOGLE_RULES);
		const soldOut = [...state().values()].find(
			(p) =>
				p.is_visible &&
				p.inventory_tracking === 'variant' &&
				p.variants.every((v: Json) => v.inventory_level === 0) &&
				!(p.categories.length === 1 && p.categories[0] === 31),
		);
		const soldOutRows = rows.filter((r) => productIdOf(String(r.id)) === soldOut.id);
		expect(soldOutRows.length).toBe(soldOut.variants.length);
		expect(new Set(soldOutRows.map((r) => r.availability))).toEqual(new Set(['out_of_stock']));
		const hidden = [...state().values()].filter((p) => !p.is_visible).map((p) => p.id);
		expect(rows.some((r) => hidden.includes(productIdOf(String(r.id))))).toBe(false);
	});

	it.each([
		[
			{ fileFormat: 'googleTsv', channelIds: '1,2' },
			/"Channel IDs" must be one channel for a feed/,
		],
		[
			{ fileFormat: 'googleFeed' },
			/"Also Output File" must be one of none, csv, jsonl, googleTsv, googleXml, metaCsv, aiKnowledge; got "googleFeed"/,
		],
	])('rejects %j before any request', async (options, message) => {
		const { error, requests } = await runNodeError(sandbox, { ...base, options });
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(message);
		expect(requests).toHaveLength(0);
	});

	it('without the store-information scope the feed fails with the scope named (no file with relative links)', async () => {
		const token = sandbox.addToken('catalog-and-customers-0123456789', [
			'store_v2_products_read_only',
			'store_v2_customers_read_only',
		]);
		const { error } = await runNodeError(
			sandbox,
			{ ...base, options: { fileFormat: 'googleTsv' } },
			{ token },
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(`${error.message} ${(error as NodeApiError).description}`).toMatch(
			/store_v2_information_read_only/,
		);
	});
});

describe('Product → Export Catalog: feed store facts on a store with many brands and categories', () => {
	let sandbox: SandboxHandle;
	beforeAll(async () => {
		sandbox = await startSandbox({ seed: { products: 20 } });
		// 300 brands and 260 more categories (under "Bags"): more than one page of 250 each
		const brands = sandbox.state.catalog.brands as Map<number, Json>;
		const categories = sandbox.state.catalog.categories as Map<number, Json>;
		const brand = brands.get(1);
		for (let n = 1; n <= 292; n++)
			brands.set(1000 + n, {
				...brand,
				id: 1000 + n,
				name: `Brand ${n}`,
				page_title: `Brand ${n}`,
			});
		const bags = categories.get(28);
		for (let n = 1; n <= 260; n++)
			categories.set(5000 + n, { ...bags, id: 5000 + n, parent_id: 28, name: `Bag style ${n}` });
		const product = (sandbox.state.catalog.products as Map<number, Json>).get(1);
		product.brand_id = 1292;
		product.categories = [5260];
	});
	afterAll(async () => sandbox.close());

	it('reads brands and categories one call per 250, and names a brand and a category path from the second page', async () => {
		const { out, requests } = await runNode(sandbox, {
			...base,
			// the new category is in no customer group's list: keep the product in the feed anyway
			options: { fileFormat: 'googleTsv', excludeRestricted: false },
		});
		const count = (path: string) => requests.filter((r) => r.path === path).length;
		expect([count('/catalog/brands'), count('/catalog/trees/categories')]).toEqual([2, 2]);
		expect(count('/store')).toBe(1);
		expect(count('/catalog/products')).toBe(1);
		const file = out[out.length - 1].binary?.data as Json;
		const rows = parseTsv(Buffer.from(file.data, 'base64').toString('utf8'), [
			'additional_image_link',
		]);
		expect(rows.find((r) => r.id === '1')).toMatchObject({
			brand: 'Brand 292',
			product_type: 'Accessories > Bags > Bag style 260',
		});
	});
});
