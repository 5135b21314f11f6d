'use strict';
/**
 * The "Nightly Google Shopping feed" example (examples/nightly-google-shopping-feed.json) in a real
 * n8n against its own sandbox store: Export Catalog writes the Google Merchant Center TSV and n8n's
 * Read/Write Files from Disk node saves it in the folder set in the example's "Feed folder (edit
 * me)" node. The file on disk is read back and every row is checked against Google's rules (the
 * same table the unit tests use: dist/…/feeds/rules.js), and the calls the store received are
 * counted. Only the folder is changed from the file as shipped (one inside the harness's
 * N8N_RESTRICT_FILE_ACCESS_TO).
 */
const fs = require('node:fs');
const path = require('node:path');

const { exampleVariant } = require('./helpers');

const WF = 'e2eGoogleFeedEx1';
const CRED = { id: 'bcE2eFeedStore01', name: 'BigCommerce feed store', type: 'bigCommerceApi' };
const RULES = path.join(
	__dirname,
	'..',
	'..',
	'dist',
	'nodes',
	'BigCommerce',
	'actions',
	'product',
	'feeds',
	'rules.js',
);
const PRODUCTS = 300;
/**
 * n8n may write only below N8N_RESTRICT_FILE_ACCESS_TO, which the harness sets to its export
 * folder (e2e/lib/delivery.js).
 */
const feedFolder = (ctx) => path.join(ctx.delivery.exportFolder, 'google-feed');

function variant(ctx) {
	return exampleVariant(ctx, {
		file: 'nightly-google-shopping-feed.json',
		id: WF,
		name: 'e2e: nightly Google Shopping feed example',
		credential: CRED,
		edit(node) {
			if (node.name === 'Feed folder (edit me)')
				node.parameters.assignments.assignments[0].value = feedFolder(ctx);
		},
	});
}

/** Google's TSV: a header row of attribute names, tab-separated cells, no quoting. */
function tsvRows(text) {
	const [header, ...lines] = text.replace(/\n$/, '').split('\n');
	const columns = header.split('\t');
	return lines.map((line) => {
		const cells = line.split('\t');
		if (cells.length !== columns.length) throw new Error(`row with ${cells.length} cells: ${line}`);
		const row = {};
		columns.forEach((column, at) => {
			if (cells[at] === '') return;
			row[column] = column === 'additional_image_link' ? cells[at].split(',') : cells[at];
		});
		return row;
	});
}

module.exports = {
	name: 'Example live: nightly Google Shopping feed',

	async credentials(ctx) {
		const store = await ctx.startSandbox({ seed: { products: PRODUCTS }, rateLimit: false });
		ctx.shared.feedStore = store;
		return [{ ...CRED, data: ctx.credentialData(store) }];
	},

	workflows: (ctx) => [variant(ctx)],

	tests: [
		{
			name: 'the feed file written by n8n holds one valid Google row per purchasable variant, in catalog pages plus 4 calls',
			async run(ctx) {
				const store = ctx.shared.feedStore;
				// a brandless product with a UPC and a Google category in a custom field
				const res = await ctx.request(`${store.apiPath('v3')}/catalog/products`, {
					method: 'POST',
					headers: { 'X-Auth-Token': store.accessToken, Accept: 'application/json' },
					body: {
						name: 'Brandless Canvas Tote',
						type: 'physical',
						weight: 2,
						price: 24,
						sale_price: 19.5,
						upc: '036000291452',
						categories: [28],
						images: [{ image_url: 'https://cdn.sandbox-store.example.com/tote.jpg' }],
						custom_fields: [{ name: 'google_product_category', value: '3032' }],
					},
				});
				ctx.assert.equal(
					res.status,
					200,
					`create product: ${res.status} ${res.text.slice(0, 300)}`,
				);
				const tote = res.json.data.id;

				const folder = feedFolder(ctx);
				fs.mkdirSync(folder, { recursive: true });
				try {
					const before = store.requests.length;
					const run = await ctx.executeOk(WF);
					const written = run.output('Write feed file');
					ctx.assert.equal(written.length, 1, 'only the file item is written');
					const file = path.join(folder, 'google-shopping-feed.tsv');
					ctx.assert.equal(written[0].fileName, file);
					const rows = tsvRows(fs.readFileSync(file, 'utf8'));

					const { GOOGLE_RULES, feedRowProblems } = require(RULES);
					const problems = rows.flatMap((row) =>
						feedRowProblems(row, GOOGLE_RULES).map((p) => `${row.id}: ${p}`),
					);
					ctx.assert.deepEqual(problems, []);
					ctx.assert.equal(new Set(rows.map((r) => r.id)).size, rows.length, 'ids are unique');

					// one row per purchasable variant of the visible, in-stock, unrestricted products
					const products = [...store.state.catalog.products.values()];
					const groups = new Map();
					for (const row of rows)
						if (row.item_group_id)
							groups.set(row.item_group_id, (groups.get(row.item_group_id) || 0) + 1);
					ctx.assert.ok(groups.size > 10, `${groups.size} products with variants`);
					for (const [group, count] of groups) {
						const product = products.find((p) => String(p.id) === group);
						ctx.assert.equal(count, product.variants.length, `rows of product ${group}`);
					}
					const exported = new Set(rows.map((r) => Number(String(r.id).split('-')[0])));
					for (const p of products)
						if (!p.is_visible)
							ctx.assert.ok(!exported.has(p.id), `hidden product ${p.id} is not in the feed`);
					for (const row of rows)
						ctx.assert.ok(row.link.startsWith('https://sandbox-store.example.com/'), row.link);

					const toteRow = rows.find((r) => r.id === String(tote));
					ctx.assert.deepEqual(
						{
							brand: toteRow.brand,
							gtin: toteRow.gtin,
							price: toteRow.price,
							sale_price: toteRow.sale_price,
							google_product_category: toteRow.google_product_category,
							product_type: toteRow.product_type,
							shipping_weight: toteRow.shipping_weight,
						},
						{
							brand: 'Sandbox Outfitters',
							gtin: '036000291452',
							price: '24.00 USD',
							sale_price: '19.50 USD',
							google_product_category: '3032',
							product_type: 'Accessories > Bags',
							shipping_weight: '2 lb',
						},
					);

					// the store was asked for its facts once, and for the catalog page by page
					const calls = store.requests
						.slice(before)
						.map((r) => `${r.version} ${r.path}`)
						.sort();
					// visible products only (the feed's default filter), by keyset
					const pages = Math.ceil(products.filter((p) => p.is_visible).length / 250);
					ctx.assert.deepEqual(
						calls,
						[
							'v2 /customer_groups',
							'v2 /store',
							'v3 /catalog/brands',
							...Array(pages).fill('v3 /catalog/products'),
							'v3 /catalog/trees/categories',
						].sort(),
					);
				} finally {
					fs.rmSync(folder, { recursive: true, force: true });
				}
			},
		},
	],
};
