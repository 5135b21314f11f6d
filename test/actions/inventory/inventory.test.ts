import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { acknowledgeViolations, type Json, useSandbox, recordEvents } from '../../helpers/sandbox';

import { runNode, runNodeError } from '../../helpers/node';

const sandbox = useSandbox();
const events = recordEvents(sandbox);

const products = () => [...(sandbox.state.products as Map<number, Json>).values()];
const variantTracked = () =>
	products().find((p) => p.inventory_tracking === 'variant' && p.variants.length >= 2);
const productTracked = () => products().find((p) => p.inventory_tracking === 'product');

describe('Inventory → Get Items', () => {
	it('returns one flat record per item and location, filtered by variant', async () => {
		const product = variantTracked();
		const variant = product.variants[0];
		const mark = sandbox.requests.length;
		const out = (
			await runNode(sandbox, {
				resource: 'inventory',
				operation: 'getItems',
				returnAll: true,
				filters: { variantIds: `${variant.id}` },
			})
		).out;
		expect(out.map((item) => item.json.location_id)).toEqual([1, 2]);
		expect(out[0].json).toMatchObject({
			sku: variant.sku,
			variant_id: variant.id,
			product_id: product.id,
			location_name: 'Default location',
			on_hand: variant.inventory_level,
		});
		expect(sandbox.requests.slice(mark)[0]).toMatchObject({
			version: 'v3',
			path: '/inventory/items',
			query: { 'variant_id:in': String(variant.id) },
		});
	});

	it('filters by location and returns nested records without Simplify', async () => {
		const out = (
			await runNode(sandbox, {
				resource: 'inventory',
				operation: 'getItems',
				returnAll: false,
				limit: 5,
				filters: { locationIds: '2' },
				simplify: false,
			})
		).out;
		expect(out).toHaveLength(5);
		expect(
			out.every(
				(item) =>
					(item.json.locations as Json[]).length === 1 &&
					(item.json.locations as Json[])[0].location_id === 2,
			),
		).toBe(true);
	});

	it('rejects a malformed ID list before any request', async () => {
		const mark = sandbox.requests.length;
		const error = (
			await runNodeError(sandbox, {
				resource: 'inventory',
				operation: 'getItems',
				returnAll: true,
				filters: { productIds: '1,x' },
			})
		).error;
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(
			/"Product IDs" must be a comma-separated list of positive whole numbers/,
		);
		expect(sandbox.requests.slice(mark)).toHaveLength(0);
	});
});

describe('Inventory → Get Locations', () => {
	it('lists the default location and the warehouse', async () => {
		const out = (
			await runNode(sandbox, { resource: 'inventory', operation: 'getLocations', returnAll: true })
		).out;
		expect(out.map((item) => [item.json.id, item.json.label])).toEqual([
			[1, 'Default location'],
			[2, 'Warehouse'],
		]);
		expect(sandbox.requests.at(-1)).toMatchObject({
			version: 'v3',
			path: '/inventory/locations',
			status: 200,
		});
	});
});

describe('Inventory → Adjust', () => {
	it('sets absolute stock from fields; the catalog total follows', async () => {
		const product = variantTracked();
		const [a, b] = product.variants;
		events.length = 0;
		const out = (
			await runNode(sandbox, {
				resource: 'inventory',
				operation: 'adjust',
				mode: 'absolute',
				input: 'fields',
				reason: 'Stock count',
				items: {
					item: [
						{ identifyBy: 'variant_id', identifier: String(a.id), locationId: 1, quantity: 7 },
						{ identifyBy: 'sku', identifier: b.sku, locationId: 2, quantity: 4 },
					],
				},
			})
		).out;
		expect(out[0].json).toMatchObject({ adjustment: 'absolute', items_adjusted: 2, batches: 1 });
		expect((out[0].json.transaction_ids as string[]).length).toBe(1);
		expect(sandbox.requests.at(-1)).toMatchObject({
			method: 'PUT',
			path: '/inventory/adjustments/absolute',
			body: {
				reason: 'Stock count',
				items: [
					{ location_id: 1, quantity: 7, variant_id: a.id },
					{ location_id: 2, quantity: 4, sku: b.sku },
				],
			},
		});
		const levels = (
			await runNode(sandbox, {
				resource: 'inventory',
				operation: 'getItems',
				returnAll: true,
				filters: { variantIds: `${a.id},${b.id}` },
			})
		).out;
		const at = (variantId: number, location: number) =>
			levels.find((l) => l.json.variant_id === variantId && l.json.location_id === location)?.json
				.on_hand;
		expect(at(a.id, 1)).toBe(7);
		expect(at(b.id, 2)).toBe(4);
		expect(a.inventory_level).toBe(7);
		expect(b.inventory_level).toBe(Number(at(b.id, 1)) + 4);
		expect(events).toContainEqual([
			'store/sku/inventory/updated',
			expect.objectContaining({
				type: 'sku',
				inventory: expect.objectContaining({ variant_id: a.id, method: 'absolute', value: 7 }),
			}),
		]);
	});

	it('adds and subtracts relatively from JSON by product ID', async () => {
		const product = productTracked();
		const before = product.inventory_level;
		const out = (
			await runNode(sandbox, {
				resource: 'inventory',
				operation: 'adjust',
				mode: 'relative',
				input: 'json',
				itemsJson: JSON.stringify([{ location_id: 1, product_id: product.id, quantity: -2 }]),
			})
		).out;
		expect(out[0].json).toMatchObject({ adjustment: 'relative', items_adjusted: 1 });
		expect(sandbox.requests.at(-1)).toMatchObject({
			method: 'POST',
			path: '/inventory/adjustments/relative',
		});
		expect(product.inventory_level).toBe(before - 2);
	});

	it('splits 4500 items into batches of 2000', async () => {
		const variantIds = products()
			.filter((p) => p.inventory_tracking === 'variant')
			.flatMap((p) => p.variants.map((v: Json) => v.id));
		const lines = Array.from({ length: 4500 }, (_, n) => ({
			location_id: 2,
			variant_id: variantIds[n % variantIds.length],
			quantity: 0,
		}));
		const mark = sandbox.requests.length;
		const out = (
			await runNode(sandbox, {
				resource: 'inventory',
				operation: 'adjust',
				mode: 'absolute',
				input: 'json',
				itemsJson: JSON.stringify(lines),
			})
		).out;
		expect(out[0].json).toMatchObject({ items_adjusted: 4500, batches: 3 });
		expect(sandbox.requests.slice(mark).map((r) => r.body.items.length)).toEqual([2000, 2000, 500]);
	});

	it('surfaces the 422 for a variant of a product tracked by product', async () => {
		const product = productTracked();
		const error = (
			await runNodeError(sandbox, {
				resource: 'inventory',
				operation: 'adjust',
				mode: 'relative',
				input: 'json',
				itemsJson: JSON.stringify([
					{ location_id: 1, variant_id: product.variants[0].id, quantity: 1 },
				]),
			})
		).error;
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/tracked by product/);
		expect(acknowledgeViolations()).toEqual([]);
	});

	it.each([
		[
			'JSON that does not parse',
			{ input: 'json', itemsJson: '[{"location_id": 1,' },
			/"Items \(JSON\)" is not valid JSON/,
		],
		[
			'JSON that is an object',
			{ input: 'json', itemsJson: '{"location_id": 1}' },
			/must be a JSON array/,
		],
		[
			'two identifiers',
			{
				input: 'json',
				itemsJson: '[{"location_id": 1, "variant_id": 3, "sku": "X", "quantity": 1}]',
			},
			/exactly one of/,
		],
		[
			'a negative absolute quantity',
			{ input: 'json', itemsJson: '[{"location_id": 1, "variant_id": 3, "quantity": -1}]' },
			/must be 0 or more/,
		],
		[
			'a fractional quantity',
			{ input: 'json', itemsJson: '[{"location_id": 1, "variant_id": 3, "quantity": 1.5}]' },
			/"quantity" must be a whole number/,
		],
		[
			'a non-numeric variant in fields',
			{
				input: 'fields',
				items: {
					item: [{ identifyBy: 'variant_id', identifier: 'abc', locationId: 1, quantity: 1 }],
				},
			},
			/"variant_id" must be a positive whole number/,
		],
		['no items', { input: 'fields', items: {} }, /at least one item/],
	])('refuses %s before any request', async (_name, params, message) => {
		const mark = sandbox.requests.length;
		const error = (
			await runNodeError(sandbox, {
				resource: 'inventory',
				operation: 'adjust',
				mode: 'absolute',
				...params,
			})
		).error;
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(message);
		expect(sandbox.requests.slice(mark)).toHaveLength(0);
	});

	it('sends nothing when one line of a large batch is bad (no partial write)', async () => {
		const lines = Array.from({ length: 2500 }, (_, n) => ({
			location_id: 1,
			variant_id: 3,
			quantity: n,
		}));
		lines[2400] = { location_id: 1, variant_id: 3, quantity: -5 };
		const mark = sandbox.requests.length;
		const error = (
			await runNodeError(sandbox, {
				resource: 'inventory',
				operation: 'adjust',
				mode: 'absolute',
				input: 'json',
				itemsJson: JSON.stringify(lines),
			})
		).error;
		expect(error.message).toMatch(/Inventory item 2401/);
		expect(sandbox.requests.slice(mark)).toHaveLength(0);
	});
});
