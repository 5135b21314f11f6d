import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { type Json, useSandbox } from '../../helpers/sandbox';
import { runNode, runNodeError } from '../../helpers/node';

const sandbox = useSandbox({ seed: { products: 40 } });

const product = (id: number) => (sandbox.state.catalog.products as Map<number, Json>).get(id);
const base = { resource: 'product', operation: 'updateMany', options: {} };

describe('Product → Update Many', () => {
	it('sends 25 changes as 3 PUT /catalog/products calls of at most 10', async () => {
		const changes = Array.from({ length: 25 }, (_, k) => ({ id: k + 1, price: 100 + k }));
		const { json, requests } = await runNode(sandbox, {
			...base,
			products: JSON.stringify(changes),
		});
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(
			Array(3).fill('PUT /catalog/products'),
		);
		expect(requests.map((r) => r.body.length)).toEqual([10, 10, 5]);
		expect(json).toHaveLength(25);
		expect(json.every((r) => r.success === true)).toBe(true);
		expect(product(25).price).toBe(124);
		expect((json[0].product as Json).price).toBe(100);
	});

	it('a half-valid batch sends NOTHING and names every bad entry', async () => {
		const changes = [
			{ id: 1, price: 5 },
			{ price: 6 },
			{ id: 'x7', price: 7 },
			{ id: 3 },
			{ id: 1, price: 8 },
			'nope',
		];
		const { error, requests } = await runNodeError(sandbox, {
			...base,
			products: JSON.stringify(changes),
		});
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(/has 5 invalid entries; nothing was sent/);
		expect(error.message).toMatch(/entry 1 has no "id"/);
		expect(error.message).toMatch(/entry 2 has "id" "x7"/);
		expect(error.message).toMatch(/entry 3 \(id 3\) has no field to change/);
		expect(error.message).toMatch(/entry 4 repeats product id 1/);
		expect(requests).toHaveLength(0);
		expect(product(1).price).not.toBe(5);
	});

	it.each([['{not json'], ['{"id": 1}'], ['[]']])(
		'rejects %j before any request',
		async (value) => {
			const { error, requests } = await runNodeError(sandbox, { ...base, products: value });
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(requests).toHaveLength(0);
		},
	);

	it('without the option a partly failing batch stops with the API error', async () => {
		const { error, requests } = await runNodeError(sandbox, {
			...base,
			products: JSON.stringify([
				{ id: 30, price: 1 },
				{ id: 99999, price: 2 },
			]),
		});
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).httpCode).toBe('207');
		expect(requests).toHaveLength(1);
	});

	it('a failure in a later batch says the earlier batches were already saved', async () => {
		const changes = [
			...Array.from({ length: 10 }, (_, k) => ({ id: k + 1, is_featured: false })),
			{ id: 88888, price: 1 },
		];
		const { error, requests } = await runNodeError(sandbox, {
			...base,
			products: JSON.stringify(changes),
		});
		expect(requests.map((r) => r.status)).toEqual([200, 404]);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).description).toMatch(
			/The first 10 entries \(earlier batches of 10\) were already updated/,
		);
	});

	it('with "Continue on Per-Item Errors" reports 207 and failed chunks per product', async () => {
		const changes = [
			{ id: 31, price: 11 },
			{ id: 99998, price: 12 },
			{ id: 32, name: 'Alpine Jacket 1' }, // duplicate name -> conflict
			...Array.from({ length: 7 }, (_, k) => ({ id: 33 + k, is_featured: true })),
			{ id: 99997, price: 1 }, // second chunk: every entry fails -> whole request fails
		];
		const { json, requests } = await runNode(sandbox, {
			...base,
			products: JSON.stringify(changes),
			options: { continueOnItemErrors: true },
		});
		expect(requests.map((r) => r.status)).toEqual([207, 404]);
		expect(json).toHaveLength(11);
		const byId = Object.fromEntries(json.map((r) => [r.id, r]));
		expect(byId[31]).toMatchObject({ success: true });
		expect(byId[99998]).toMatchObject({ success: false, error: 'Product 99998 not found.' });
		expect(byId[32]).toMatchObject({ success: false });
		expect(String(byId[32].error)).toMatch(/duplicate/);
		expect(byId[99997]).toMatchObject({ success: false, httpCode: '404' });
		expect(product(31).price).toBe(11);
		expect(product(39).is_featured).toBe(true);
	});
});
