'use strict';
/**
 * Catalog in one workflow run headlessly by n8n: products (get many, create, get, update, the
 * shopper view by SKU, delete), a custom field, categories and brands.
 */
const { values, idOf } = require('./helpers');

const WF = 'e2eCatalog000001';
const SKU = 'E2E-MUG-001';

module.exports = {
	name: 'Resource: Catalog (products, categories, brands)',

	workflows: (ctx) => [
		ctx.wf.actionWorkflow({
			id: WF,
			name: 'e2e: catalog',
			steps: [
				{
					name: 'List products',
					parameters: { resource: 'product', operation: 'getAll', limit: 5 },
				},
				{
					name: 'Create product',
					parameters: {
						resource: 'product',
						operation: 'create',
						name: 'E2E Trail Mug',
						productType: 'physical',
						price: 12.5,
						weight: 0.4,
						additionalFields: {
							sku: SKU,
							description: '<p>Enamel camping mug</p>',
							inventoryLevel: 7,
							inventoryTracking: 'product',
						},
					},
				},
				{
					name: 'Get product',
					parameters: { resource: 'product', operation: 'get', productId: idOf('Create product') },
				},
				{
					name: 'Update product',
					parameters: {
						resource: 'product',
						operation: 'update',
						productId: idOf('Create product'),
						updateFields: { price: 15 },
					},
				},
				{
					name: 'Add custom field',
					parameters: {
						resource: 'productCustomField',
						operation: 'create',
						productId: idOf('Create product'),
						fieldName: 'Material',
						fieldValue: 'Enamel',
					},
				},
				{
					name: 'Shopper product info',
					parameters: {
						resource: 'product',
						operation: 'getInfoForShopper',
						lookUpBy: 'sku',
						value: SKU,
					},
				},
				{
					name: 'List categories',
					parameters: { resource: 'category', operation: 'getAll', limit: 3 },
				},
				{ name: 'List brands', parameters: { resource: 'brand', operation: 'getAll', limit: 3 } },
				{
					name: 'Delete product',
					parameters: {
						resource: 'product',
						operation: 'delete',
						productId: idOf('Create product'),
					},
				},
			],
		}),
	],

	tests: [
		{
			name: 'the catalog workflow runs to the end',
			async run(ctx) {
				ctx.expectSuccess(await ctx.runOnce(WF), WF);
			},
		},
		{
			name: 'Get Many honours Limit and returns compact products',
			core: true,
			async run(ctx) {
				const run = ctx.expectSuccess(await ctx.runOnce(WF));
				const list = run.output('List products');
				ctx.assert.equal(list.length, 5);
				for (const p of list)
					ctx.assert.ok(p.id && p.name && p.sku !== undefined, JSON.stringify(p).slice(0, 200));
			},
		},
		{
			name: 'Create → Get → Update → custom field → shopper view by SKU → Delete',
			core: true,
			async run(ctx) {
				const run = ctx.expectSuccess(await ctx.runOnce(WF));
				const [created] = run.output('Create product');
				ctx.assert.ok(created.id > 0);
				ctx.assert.equal(created.sku, SKU);
				const [got] = run.output('Get product');
				ctx.assert.equal(got.id, created.id);
				ctx.assert.equal(got.name, 'E2E Trail Mug');
				const [updated] = run.output('Update product');
				ctx.assert.equal(Number(updated.price), 15);
				const [field] = run.output('Add custom field');
				ctx.assert.equal(field.name, 'Material');
				ctx.assert.equal(field.value, 'Enamel');
				const [shopper] = run.output('Shopper product info');
				ctx.assert.equal(shopper.name, 'E2E Trail Mug');
				ctx.assert.equal(Number(shopper.price), 15);
				ctx.assert.ok(
					!('cost_price' in shopper),
					'the shopper view must not expose the cost price',
				);
				const [deleted] = run.output('Delete product');
				ctx.assert.equal(deleted.deleted, true);
				ctx.assert.ok(
					!values(ctx.sandbox.state.products).some((p) => p.id === created.id),
					'gone from the store',
				);
			},
		},
		{
			name: 'categories and brands',
			async run(ctx) {
				const run = ctx.expectSuccess(await ctx.runOnce(WF));
				ctx.assert.equal(run.output('List categories').length, 3);
				ctx.assert.ok(run.output('List brands').length >= 1);
				ctx.assert.ok(run.output('List brands').every((b) => b.id && b.name));
			},
		},
	],
};
