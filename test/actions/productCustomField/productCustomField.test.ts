import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { type Json, useSandbox } from '../../helpers/sandbox';
import { locator, runNode, runNodeError } from '../../helpers/node';

const sandbox = useSandbox({ seed: { products: 10 } });

const product = (id: number) => (sandbox.state.catalog.products as Map<number, Json>).get(id);
const base = { resource: 'productCustomField', productId: locator(1) };

describe('Product Custom Field', () => {
	let fieldId = 0;
	it('Get Many lists the custom fields', async () => {
		const { json, requests } = await runNode(sandbox, {
			...base,
			operation: 'getAll',
			returnAll: true,
		});
		expect(requests[0].path).toBe('/catalog/products/1/custom-fields');
		expect(json.map((f) => f.name)).toEqual(['Material', 'Origin']);
	});

	it('Create, Update, Delete', async () => {
		const created = await runNode(sandbox, {
			...base,
			operation: 'create',
			fieldName: 'Care',
			fieldValue: 'Hand wash',
		});
		expect(created.requests[0]).toMatchObject({
			method: 'POST',
			body: { name: 'Care', value: 'Hand wash' },
		});
		fieldId = Number(created.json[0].id);
		const updated = await runNode(sandbox, {
			...base,
			operation: 'update',
			customFieldId: String(fieldId),
			updateFields: { fieldValue: 'Machine wash' },
		});
		expect(updated.requests[0]).toMatchObject({
			method: 'PUT',
			path: `/catalog/products/1/custom-fields/${fieldId}`,
			body: { value: 'Machine wash' },
		});
		expect(updated.json[0]).toEqual({ id: fieldId, name: 'Care', value: 'Machine wash' });
		await runNode(sandbox, { ...base, operation: 'delete', customFieldId: String(fieldId) });
		expect(product(1).custom_fields.map((f: Json) => f.name)).toEqual(['Material', 'Origin']);
	});

	it('a duplicate name and value is rejected by BigCommerce (422)', async () => {
		const { error } = await runNodeError(sandbox, {
			...base,
			operation: 'create',
			fieldName: 'Material',
			fieldValue: product(1).custom_fields[0].value,
		});
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).httpCode).toBe('422');
	});

	it.each([
		[{ operation: 'create', fieldName: '', fieldValue: 'x' }, /"Name" must be 1 to 250 characters/],
		[
			{ operation: 'create', fieldName: 'x', fieldValue: 'v'.repeat(251) },
			/"Value" must be 1 to 250 characters/,
		],
		[
			{ operation: 'delete', customFieldId: '-1' },
			/"Custom Field ID" must be a positive whole number/,
		],
	])('rejects %j before any request', async (params, message) => {
		const { error, requests } = await runNodeError(sandbox, { ...base, ...params });
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(message);
		expect(requests).toHaveLength(0);
	});
});
