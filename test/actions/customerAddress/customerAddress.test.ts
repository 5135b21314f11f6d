import { NodeOperationError } from 'n8n-workflow';

import { type Json, useSandbox } from '../../helpers/sandbox';
import {
	expectRejectedBeforeRequest,
	locator,
	requestsSince,
	runNode,
	runNodeError,
} from '../../helpers/node';

const sandbox = useSandbox();

const address = (params: Record<string, unknown>) => ({ resource: 'customerAddress', ...params });
const base = {
	operation: 'create',
	customerId: locator('6'),
	firstName: 'Sam',
	lastName: 'Lee',
	address1: '12 Elm Lane',
	city: 'Chicago',
	stateOrProvince: 'Illinois',
	postalCode: '60601',
	countryCode: 'us',
};

describe('Customer Address → Create', () => {
	it('creates an address for the customer and lists it', async () => {
		const from = sandbox.requests.length;
		const out = await runNode(
			sandbox,
			address({ ...base, additionalFields: { addressType: 'commercial', company: 'Lee Ltd' } }),
		);
		expect(out.json[0]).toMatchObject({
			customer_id: 6,
			first_name: 'Sam',
			address1: '12 Elm Lane',
			country_code: 'US',
			country: 'United States',
			address_type: 'commercial',
			company: 'Lee Ltd',
			already_existed: false,
		});
		expect(requestsSince(sandbox, from)).toEqual([
			expect.objectContaining({
				method: 'POST',
				path: '/customers/addresses',
				status: 200,
				body: [
					{
						first_name: 'Sam',
						last_name: 'Lee',
						address1: '12 Elm Lane',
						city: 'Chicago',
						state_or_province: 'Illinois',
						postal_code: '60601',
						country_code: 'US',
						company: 'Lee Ltd',
						address_type: 'commercial',
						customer_id: 6,
					},
				],
			}),
		]);
		const list = await runNode(
			sandbox,
			address({ operation: 'getAll', customerId: locator('6'), returnAll: true }),
		);
		expect(list.json.map((a) => a.address1)).toContain('12 Elm Lane');
		for (const a of list.json) expect(a.customer_id).toBe(6);
	});

	it('returns the existing address when an identical one is created again (BigCommerce omits it)', async () => {
		const out = await runNode(
			sandbox,
			address({ ...base, additionalFields: { addressType: 'commercial', company: 'Lee Ltd' } }),
		);
		expect(out.json[0]).toMatchObject({
			customer_id: 6,
			address1: '12 Elm Lane',
			already_existed: true,
		});
		expect(out.json[0].id).toEqual(expect.any(Number));
		expect(
			sandbox.state.customerAddresses.filter(
				(a: Json) => a.customer_id === 6 && a.address1 === '12 Elm Lane',
			),
		).toHaveLength(1);
	});

	it('finds the customer by email', async () => {
		const out = await runNode(
			sandbox,
			address({
				...base,
				customerId: locator('shopper7@example.com', 'email'),
				address1: '99 Oak Street',
			}),
		);
		expect(out.json[0]).toMatchObject({ customer_id: 7, address1: '99 Oak Street' });
	});

	it('rejects missing fields and a bad country code before any request', async () => {
		await expectRejectedBeforeRequest(
			sandbox,
			address({ ...base, city: ' ' }),
			/"City" must not be empty/,
		);
		await expectRejectedBeforeRequest(
			sandbox,
			address({ ...base, countryCode: 'USA' }),
			/"Country Code" must be a two-letter ISO country code/,
		);
		await expectRejectedBeforeRequest(
			sandbox,
			address({ ...base, customerId: locator('0') }),
			/"Customer" must be a customer ID/,
		);
	});
});

describe('Customer Address → Get Many', () => {
	it('lists every address with Return All, and respects Limit', async () => {
		const all = await runNode(
			sandbox,
			address({ operation: 'getAll', customerId: locator('', 'list'), returnAll: true }),
		);
		expect(all.json.length).toBe(sandbox.state.customerAddresses.length);
		const from = sandbox.requests.length;
		const two = await runNode(
			sandbox,
			address({ operation: 'getAll', customerId: locator('', 'list'), returnAll: false, limit: 2 }),
		);
		expect(two.json).toHaveLength(2);
		expect(requestsSince(sandbox, from)).toEqual([
			expect.objectContaining({ path: '/customers/addresses', query: { page: '1', limit: '2' } }),
		]);
	});

	it('filters by address IDs', async () => {
		const [first, second] = sandbox.state.customerAddresses;
		const out = await runNode(
			sandbox,
			address({
				operation: 'getAll',
				customerId: locator('', 'list'),
				returnAll: true,
				filters: { ids: `${first.id},${second.id}` },
			}),
		);
		expect(out.json.map((a) => a.id)).toEqual([first.id, second.id]);
	});
});

describe('Customer Address → Update and Delete', () => {
	it('updates the given fields', async () => {
		const target = sandbox.state.customerAddresses.find((a: Json) => a.customer_id === 1);
		const from = sandbox.requests.length;
		const out = await runNode(
			sandbox,
			address({
				operation: 'update',
				addressId: target.id,
				updateFields: { city: 'Dallas', postalCode: '75201', addressType: 'residential' },
			}),
		);
		expect(out.json[0]).toMatchObject({
			id: target.id,
			city: 'Dallas',
			postal_code: '75201',
			updated: true,
		});
		expect(requestsSince(sandbox, from)[0]).toMatchObject({
			method: 'PUT',
			path: '/customers/addresses',
			body: [{ id: target.id, city: 'Dallas', postal_code: '75201', address_type: 'residential' }],
		});
		expect(sandbox.state.customerAddresses.find((a: Json) => a.id === target.id).city).toBe(
			'Dallas',
		);
	});

	it('needs an address ID and at least one field before any request', async () => {
		await expectRejectedBeforeRequest(
			sandbox,
			address({ operation: 'update', addressId: 1, updateFields: {} }),
			/^Item 0: "Update Fields" is empty: add at least one field to change$/,
		);
		await expectRejectedBeforeRequest(
			sandbox,
			address({ operation: 'update', addressId: -3, updateFields: { city: 'X' } }),
			/"Address ID" must be a positive whole number/,
		);
		await expectRejectedBeforeRequest(
			sandbox,
			address({ operation: 'delete', addressId: 'abc' }),
			/"Address ID" must be a positive whole number/,
		);
	});

	it('deletes an address by ID and refuses an unknown one without a DELETE', async () => {
		const created = await runNode(sandbox, address({ ...base, address1: '1 Temporary Road' }));
		const id = created.json[0].id;
		const from = sandbox.requests.length;
		const out = await runNode(sandbox, address({ operation: 'delete', addressId: id }));
		expect(out.json).toEqual([{ id, customer_id: 6, deleted: true }]);
		expect(requestsSince(sandbox, from).find((r) => r.method === 'DELETE')).toMatchObject({
			path: '/customers/addresses',
			query: { 'id:in': String(id) },
			status: 204,
		});
		expect(sandbox.state.customerAddresses.some((a: Json) => a.id === id)).toBe(false);

		const from2 = sandbox.requests.length;
		const error = (await runNodeError(sandbox, address({ operation: 'delete', addressId: id })))
			.error;
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain(`No customer address with ID ${id} exists`);
		expect(requestsSince(sandbox, from2).map((r) => r.method)).toEqual(['GET']);
	});
});
