/**
 * Customer operations addressed by email look the customer up first and use the ID that came
 * back. A look-up answer without a usable ID (a record lacking `id`, or `id` 0, -3, "abc") must
 * never turn into a request without the ID: no `DELETE /v3/customers` without `id:in` (which
 * would address every customer), no `"id": null` / `"customer_id": null` in a body. In ID mode
 * the typed ID is what is sent.
 *
 * The look-up answers are produced with a sandbox fault answering 200 with the given customers.
 * A record lacking `id` is contract-valid (`id` is optional in `customer_Full`); the odd `id`
 * values (0, -3, "abc", 4.5, null) stand for a broken proxy or cache in front of the store.
 */
import { NodeOperationError } from 'n8n-workflow';

import { type Json, useSandbox } from '../../helpers/sandbox';
import { locator, requestsSince, runNode, runNodeError } from '../../helpers/node';

const sandbox = useSandbox();
beforeEach(() => sandbox.faults.clear());

const EMAIL = 'shopper4@example.com';
const stored = (email: string): Json =>
	sandbox.state.customers.find((c: Json) => c.email === email);

/** The next customer look-up (GET /v3/customers) answers with these records. */
function lookUpAnswers(customers: Json[]): void {
	sandbox.faults.add({
		method: 'GET',
		path: /^\/v3\/customers$/,
		kind: 'status',
		status: 200,
		times: 1,
		body: {
			data: customers,
			meta: {
				pagination: {
					total: customers.length,
					count: customers.length,
					per_page: 50,
					current_page: 1,
					total_pages: 1,
				},
			},
		},
	});
}
/** A copy of a stored customer without its `id`. */
const withoutId = (email = EMAIL): Json => {
	const copy = { ...stored(email) };
	delete copy.id;
	return copy;
};

/** Every write the sandbox received since `from`: none may lack the customer's ID. */
function writesSince(from: number) {
	return requestsSince(sandbox, from).filter((r) => r.method !== 'GET');
}

const operations = [
	['Customer › Delete', { resource: 'customer', operation: 'delete' }],
	[
		'Customer › Update',
		{ resource: 'customer', operation: 'update', updateFields: { notes: 'changed' } },
	],
	[
		'Customer Address › Create',
		{
			resource: 'customerAddress',
			operation: 'create',
			firstName: 'Sam',
			lastName: 'Lee',
			address1: '12 Elm Lane',
			city: 'Chicago',
			stateOrProvince: 'Illinois',
			postalCode: '60601',
			countryCode: 'US',
		},
	],
	[
		'Customer Address › Get Many',
		{ resource: 'customerAddress', operation: 'getAll', returnAll: true },
	],
] as const;

describe('a customer looked up by email without a usable ID is a clear error, and nothing is sent with the ID missing', () => {
	it.each(operations)('%s: a look-up record lacking `id`', async (_name, params) => {
		const count = sandbox.state.customers.length;
		const before = JSON.stringify(stored(EMAIL));
		lookUpAnswers([withoutId()]);
		const from = sandbox.requests.length;
		const error = (await runNodeError(sandbox, { ...params, customerId: locator(EMAIL, 'email') }))
			.error;
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(
			`Item 0: BigCommerce returned the customer with the email address "${EMAIL}" without a valid customer ID (got none)`,
		);
		expect((error as NodeOperationError).description).toContain('Nothing was sent');
		// only the look-up went out
		expect(requestsSince(sandbox, from).map((r) => `${r.method} ${r.path}`)).toEqual([
			'GET /customers',
		]);
		expect(writesSince(from)).toEqual([]);
		expect(sandbox.state.customers.length).toBe(count);
		expect(JSON.stringify(stored(EMAIL))).toBe(before);
	});

	it.each([
		[0, '0'],
		[-3, '-3'],
		['abc', '"abc"'],
		[4.5, '4.5'],
		[null, 'null'],
	])('Customer › Delete: a look-up `id` of %p is refused', async (id, shown) => {
		const count = sandbox.state.customers.length;
		lookUpAnswers([{ ...withoutId(), id }]);
		const from = sandbox.requests.length;
		const error = (
			await runNodeError(sandbox, {
				resource: 'customer',
				operation: 'delete',
				customerId: locator(EMAIL, 'email'),
			})
		).error;
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain(`without a valid customer ID (got ${shown})`);
		expect(writesSince(from)).toEqual([]);
		expect(sandbox.state.customers.length).toBe(count);
	});

	it('Customer › Update: a look-up `id` of "4" (a numeric string) is sent as the number 4, never null', async () => {
		lookUpAnswers([{ ...withoutId(), id: '4' }]);
		const from = sandbox.requests.length;
		await runNode(sandbox, {
			resource: 'customer',
			operation: 'update',
			customerId: locator(EMAIL, 'email'),
			updateFields: { notes: 'string id' },
		});
		expect(writesSince(from)).toMatchObject([
			{ method: 'PUT', path: '/customers', body: [{ id: 4, notes: 'string id' }], status: 200 },
		]);
	});
});

describe('in ID mode the typed ID is what is sent', () => {
	it('Customer › Delete by ID sends id:in = the typed ID even when the look-up record lacks `id`', async () => {
		const created = await runNode(sandbox, {
			resource: 'customer',
			operation: 'create',
			email: 'typed.id@example.com',
			firstName: 'Typed',
			lastName: 'Id',
		});
		const id = created.json[0].id as number;
		lookUpAnswers([withoutId('typed.id@example.com')]);
		const from = sandbox.requests.length;
		const out = await runNode(sandbox, {
			resource: 'customer',
			operation: 'delete',
			customerId: locator(String(id)),
		});
		expect(out.json).toEqual([{ id, email: 'typed.id@example.com', deleted: true }]);
		expect(writesSince(from)).toMatchObject([
			{ method: 'DELETE', path: '/customers', query: { 'id:in': String(id) }, status: 204 },
		]);
		expect(stored('typed.id@example.com')).toBeUndefined();
	});

	it('Customer › Delete by ID never deletes another customer than the typed one', async () => {
		const created = await runNode(sandbox, {
			resource: 'customer',
			operation: 'create',
			email: 'keep.other@example.com',
			firstName: 'Keep',
			lastName: 'Other',
		});
		const typed = created.json[0].id as number;
		// a look-up answering with someone else's record (a misbehaving proxy or cache)
		lookUpAnswers([{ ...stored('keep.other@example.com'), id: 5 }]);
		const other = JSON.stringify(sandbox.state.customers.find((c: Json) => c.id === 5));
		const from = sandbox.requests.length;
		await runNode(sandbox, {
			resource: 'customer',
			operation: 'delete',
			customerId: locator(String(typed)),
		});
		expect(writesSince(from)).toMatchObject([
			{ method: 'DELETE', query: { 'id:in': String(typed) } },
		]);
		expect(JSON.stringify(sandbox.state.customers.find((c: Json) => c.id === 5))).toBe(other);
	});
});
