import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { type Json, useSandbox, recordEvents } from '../../helpers/sandbox';
import { locator, runNode, runNodeError } from '../../helpers/node';

const sandbox = useSandbox({ seed: { products: 10 } });
const events = recordEvents(sandbox);

const byList = (value: string | number) => ({ __rl: true, mode: 'list', value: String(value) });
const categories = () => sandbox.state.catalog.categories as Map<number, Json>;

describe('Category', () => {
	let createdId = 0;

	it('Create makes a nested category and emits store/category/created', async () => {
		const { json, requests } = await runNode(sandbox, {
			resource: 'category',
			operation: 'create',
			name: 'Rain Jackets',
			parentId: byList(23),
			additionalFields: { isVisible: false, sortOrder: 3 },
		});
		expect(requests[0]).toMatchObject({
			method: 'POST',
			path: '/catalog/categories',
			body: { name: 'Rain Jackets', parent_id: 23, is_visible: false, sort_order: 3 },
		});
		expect(json[0]).toMatchObject({ name: 'Rain Jackets', parent_id: 23, is_visible: false });
		createdId = Number(json[0].id);
		expect(events.at(-1)).toEqual(['store/category/created', { type: 'category', id: createdId }]);
		// the parent picker left empty: a top-level category
		const top = await runNode(sandbox, {
			resource: 'category',
			operation: 'create',
			name: 'Clearance',
			parentId: byList(''),
			additionalFields: {},
		});
		expect(top.requests[0].body).toEqual({ name: 'Clearance', parent_id: 0 });
		expect(top.json[0]).toMatchObject({ name: 'Clearance', parent_id: 0 });
	});

	it('Get, and Get Many with filters', async () => {
		const one = await runNode(sandbox, {
			resource: 'category',
			operation: 'get',
			categoryId: locator(createdId),
		});
		expect(one.json[0]).toMatchObject({ id: createdId, name: 'Rain Jackets' });
		const children = await runNode(sandbox, {
			resource: 'category',
			operation: 'getAll',
			returnAll: true,
			filters: { parentId: locator(20) },
		});
		expect(children.requests[0].query.parent_id).toBe('20');
		expect(children.json.map((c) => c.name)).toEqual(['Shirts', 'Jackets']);
		const like = await runNode(sandbox, {
			resource: 'category',
			operation: 'getAll',
			returnAll: false,
			limit: 10,
			filters: { nameLike: 'wholesale' },
		});
		expect(like.requests[0].query['name:like']).toBe('wholesale');
		expect(like.json.map((c) => c.name)).toEqual(['Wholesale Exclusives']);
		// a plain number (workflows saved before the picker) still filters; an empty picker does not
		const legacy = await runNode(sandbox, {
			resource: 'category',
			operation: 'getAll',
			returnAll: true,
			filters: { parentId: 20 },
		});
		expect(legacy.requests[0].query.parent_id).toBe('20');
		const empty = await runNode(sandbox, {
			resource: 'category',
			operation: 'getAll',
			returnAll: false,
			limit: 3,
			filters: { parentId: byList('') },
		});
		expect(empty.requests[0].query).not.toHaveProperty('parent_id');
		const hidden = await runNode(sandbox, {
			resource: 'category',
			operation: 'getAll',
			returnAll: true,
			filters: { visibility: 'hidden' },
		});
		expect(hidden.json.map((c) => c.id)).toEqual([createdId]);
	});

	it('Update renames and moves; moving below itself is refused before any request', async () => {
		const { json, requests } = await runNode(sandbox, {
			resource: 'category',
			operation: 'update',
			categoryId: locator(createdId),
			updateFields: { name: 'Rainwear', parentId: locator(0) },
		});
		expect(requests[0]).toMatchObject({
			method: 'PUT',
			path: `/catalog/categories/${createdId}`,
			body: { name: 'Rainwear', parent_id: 0 },
		});
		expect(json[0]).toMatchObject({ name: 'Rainwear', parent_id: 0 });
		const self = await runNodeError(sandbox, {
			resource: 'category',
			operation: 'update',
			categoryId: locator(createdId),
			updateFields: { parentId: byList(createdId) },
		});
		expect(self.error.message).toMatch(/cannot be the category itself/);
		expect(self.requests).toHaveLength(0);
	});

	it('a duplicate sibling name is a 409', async () => {
		const { error } = await runNodeError(sandbox, {
			resource: 'category',
			operation: 'create',
			name: 'Shirts',
			parentId: locator(20),
			additionalFields: {},
		});
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).httpCode).toBe('409');
	});

	it('Delete removes the category and its subcategories from products', async () => {
		const { json } = await runNode(sandbox, {
			resource: 'category',
			operation: 'delete',
			categoryId: locator(21),
		});
		expect(json[0]).toEqual({ id: 21, deleted: true });
		expect(categories().has(21)).toBe(false);
		expect(categories().has(22)).toBe(false); // child of 21
		for (const p of (sandbox.state.catalog.products as Map<number, Json>).values()) {
			expect(p.categories.includes(21) || p.categories.includes(22)).toBe(false);
		}
	});

	it.each([
		[{ operation: 'create', name: '', parentId: 0 }, /"Name" must be 1 to 50 characters/],
		[
			{ operation: 'create', name: 'x'.repeat(51), parentId: 0 },
			/"Name" must be 1 to 50 characters/,
		],
		[
			{ operation: 'create', name: 'Ok', parentId: locator(-1) },
			/"Parent Category" must be a whole number of 0 or more/,
		],
		[
			{ operation: 'create', name: 'Ok', parentId: byList('Shirts') },
			/"Parent Category" must be a whole number of 0 or more/,
		],
		[
			{ operation: 'getAll', returnAll: true, filters: { parentId: locator('x') } },
			/"Parent Category" must be a whole number/,
		],
		[
			{ operation: 'get', categoryId: locator('1.5') },
			/"Category" must be a positive whole-number category ID/,
		],
		[
			{ operation: 'update', categoryId: locator(20), updateFields: {} },
			/"Update Fields" is empty/,
		],
	])('rejects %j before any request', async (params, message) => {
		const { error, requests } = await runNodeError(sandbox, {
			resource: 'category',
			additionalFields: {},
			...params,
		});
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(message);
		expect(requests).toHaveLength(0);
	});
});
