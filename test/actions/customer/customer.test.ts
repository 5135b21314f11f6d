import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { type Json, useSandbox } from '../../helpers/sandbox';
import {
	expectRejectedBeforeRequest,
	locator,
	requestsSince,
	runNode,
	runNodeError,
} from '../../helpers/node';

const sandbox = useSandbox();

const customer = (params: Record<string, unknown>) => ({ resource: 'customer', ...params });
const stored = (email: string): Json =>
	sandbox.state.customers.find((c: Json) => c.email === email);

describe('Customer → Create and Get', () => {
	it('creates a customer with an address and reads it back by ID and by email', async () => {
		const from = sandbox.requests.length;
		const created = await runNode(
			sandbox,
			customer({
				operation: 'create',
				email: 'casey.new@example.com',
				firstName: 'Casey',
				lastName: 'New',
				additionalFields: {
					company: 'Casey Co',
					customerGroupId: 2,
					password: 'Secret123',
					addresses: JSON.stringify([
						{
							first_name: 'Casey',
							last_name: 'New',
							address1: '5 Pine St',
							city: 'Austin',
							state_or_province: 'Texas',
							postal_code: '78701',
							country_code: 'US',
						},
					]),
				},
			}),
		);
		expect(created.json).toHaveLength(1);
		const record = created.json[0];
		expect(record).toMatchObject({
			email: 'casey.new@example.com',
			first_name: 'Casey',
			last_name: 'New',
			company: 'Casey Co',
			customer_group_id: 2,
			customer_group_name: 'Wholesale',
		});
		expect(record.date_created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
		expect(created.paired).toEqual([{ item: 0 }]);
		const [post] = requestsSince(sandbox, from);
		expect(post).toMatchObject({ method: 'POST', version: 'v3', path: '/customers', status: 200 });
		expect(post.body).toEqual([
			{
				email: 'casey.new@example.com',
				first_name: 'Casey',
				last_name: 'New',
				company: 'Casey Co',
				customer_group_id: 2,
				authentication: { new_password: 'Secret123' },
				addresses: [
					{
						first_name: 'Casey',
						last_name: 'New',
						address1: '5 Pine St',
						city: 'Austin',
						state_or_province: 'Texas',
						postal_code: '78701',
						country_code: 'US',
					},
				],
			},
		]);
		expect(stored('casey.new@example.com')).toBeDefined();

		const byId = await runNode(
			sandbox,
			customer({ operation: 'get', customerId: locator(String(record.id)) }),
		);
		expect(byId.json[0]).toMatchObject({
			id: record.id,
			email: 'casey.new@example.com',
			address_count: 1,
			customer_group_name: 'Wholesale',
		});
		expect(byId.json[0].addresses).toEqual([
			expect.objectContaining({
				address1: '5 Pine St',
				city: 'Austin',
				country_code: 'US',
				customer_id: record.id,
			}),
		]);

		const from2 = sandbox.requests.length;
		const byEmail = await runNode(
			sandbox,
			customer({
				operation: 'get',
				customerId: locator('CASEY.NEW@example.com', 'email'),
				options: { includeAddresses: false, includeStoreCredit: true },
			}),
		);
		expect(byEmail.json[0]).toMatchObject({ id: record.id, store_credit_amounts: [{ amount: 0 }] });
		expect(byEmail.json[0].addresses).toBeUndefined();
		expect(requestsSince(sandbox, from2)[0]).toMatchObject({
			path: '/customers',
			query: { 'email:in': 'CASEY.NEW@example.com', include: 'storecredit' },
		});
	});

	it("reports a taken email as BigCommerce's 422 with the field", async () => {
		const error = (
			await runNodeError(
				sandbox,
				customer({
					operation: 'create',
					email: 'shopper1@example.com',
					firstName: 'Dup',
					lastName: 'Licate',
				}),
			)
		).error;
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toContain('422');
		expect((error as NodeApiError).description).toContain('already in use');
	});

	it('rejects a malformed email, an empty name and bad address JSON before any request', async () => {
		await expectRejectedBeforeRequest(
			sandbox,
			customer({ operation: 'create', email: 'not-an-email', firstName: 'A', lastName: 'B' }),
			/"Email" must be an email address/,
		);
		await expectRejectedBeforeRequest(
			sandbox,
			customer({ operation: 'create', email: 'a@example.com', firstName: '  ', lastName: 'B' }),
			/"First Name" must not be empty/,
		);
		await expectRejectedBeforeRequest(
			sandbox,
			customer({
				operation: 'create',
				email: 'a@example.com',
				firstName: 'A',
				lastName: 'B',
				additionalFields: { addresses: '[{"city": "Austin"' },
			}),
			/"Addresses \(JSON\)" is not valid JSON/,
		);
		await expectRejectedBeforeRequest(
			sandbox,
			customer({
				operation: 'create',
				email: 'a@example.com',
				firstName: 'A',
				lastName: 'B',
				additionalFields: { addresses: '[{"city": "Austin"}]' },
			}),
			/entry 1 is missing first_name, last_name, address1, country_code/,
		);
		await expectRejectedBeforeRequest(
			sandbox,
			customer({
				operation: 'create',
				email: 'a@example.com',
				firstName: 'A',
				lastName: 'B',
				additionalFields: { channelIds: '1,x' },
			}),
			/"Channel IDs" must be a comma-separated list of whole numbers/,
		);
	});

	it('fails Get for an unknown ID with a clear message', async () => {
		const error = (
			await runNodeError(sandbox, customer({ operation: 'get', customerId: locator('99999') }))
		).error;
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain('No customer with ID 99999 exists');
	});

	it('rejects a customer ID that is not a whole number before any request', async () => {
		await expectRejectedBeforeRequest(
			sandbox,
			customer({ operation: 'get', customerId: locator('12a') }),
			/"Customer" must be a customer ID/,
		);
		await expectRejectedBeforeRequest(
			sandbox,
			customer({ operation: 'get', customerId: locator('jane@', 'email') }),
			/"Customer" must be an email address/,
		);
		await expectRejectedBeforeRequest(
			sandbox,
			customer({ operation: 'get', customerId: locator('', 'list') }),
			/"Customer" is required/,
		);
	});
});

describe('Customer → Get Many', () => {
	it('returns up to Limit customers in one request, with group names', async () => {
		const from = sandbox.requests.length;
		const out = await runNode(
			sandbox,
			customer({ operation: 'getAll', returnAll: false, limit: 3 }),
		);
		expect(out.json.map((c) => c.id)).toEqual([1, 2, 3]);
		expect(out.json[0]).toMatchObject({
			email: 'shopper1@example.com',
			customer_group_id: 1,
			customer_group_name: 'Retail',
		});
		const requests = requestsSince(sandbox, from);
		expect(requests[0]).toMatchObject({
			path: '/customers',
			query: { page: '1', limit: '3', include: 'addresses' },
		});
		expect(requests.filter((r) => r.path === '/customers')).toHaveLength(1);
		expect(requests.filter((r) => r.path === '/customer_groups')).toHaveLength(1);
	});

	it('Simplify returns compact customers (group name, one line per address) from the same requests', async () => {
		const full = await runNode(
			sandbox,
			customer({ operation: 'getAll', returnAll: false, limit: 2 }),
		);
		const from = sandbox.requests.length;
		const out = await runNode(
			sandbox,
			customer({ operation: 'getAll', returnAll: false, limit: 2, options: { simplify: true } }),
		);
		expect(requestsSince(sandbox, from).map((r) => r.path)).toEqual([
			'/customers',
			'/customer_groups',
		]);
		expect(out.json.map((c) => c.id)).toEqual(full.json.map((c) => c.id));
		const [first] = out.json;
		const source = full.json[0];
		expect(Object.keys(first).sort()).toEqual([
			'addresses',
			'company',
			'customer_group_id',
			'customer_group_name',
			'date_created',
			'date_modified',
			'email',
			'first_name',
			'id',
			'last_name',
			'phone',
		]);
		expect(first).toMatchObject({
			id: source.id,
			email: source.email,
			customer_group_name: 'Retail',
			date_created: source.date_created,
		});
		const address = (source.addresses as Json[])[0];
		expect((first.addresses as Json[])[0]).toEqual({
			id: address.id,
			address: expect.stringContaining(`${address.address1}, ${address.city}`),
		});
		expect((first.addresses as Json[])[0].address).toMatch(new RegExp(`${address.country_code}$`));
		// Get takes the same option
		const one = await runNode(
			sandbox,
			customer({
				operation: 'get',
				customerId: locator(String(source.id)),
				options: { simplify: true, includeAddresses: false },
			}),
		);
		expect(one.json[0]).toEqual(
			expect.objectContaining({ id: source.id, customer_group_name: 'Retail' }),
		);
		expect(one.json[0]).not.toHaveProperty('addresses');
	});

	it('returns every customer with Return All', async () => {
		const out = await runNode(sandbox, customer({ operation: 'getAll', returnAll: true }));
		expect(out.json.length).toBe(sandbox.state.customers.length);
	});

	it('filters by email list, name, group and modified date', async () => {
		const from = sandbox.requests.length;
		const byEmail = await runNode(
			sandbox,
			customer({
				operation: 'getAll',
				returnAll: true,
				filters: { email: 'shopper2@example.com, shopper3@example.com' },
			}),
		);
		expect(byEmail.json.map((c) => c.email)).toEqual([
			'shopper2@example.com',
			'shopper3@example.com',
		]);
		expect(requestsSince(sandbox, from)[0].query['email:in']).toBe(
			'shopper2@example.com,shopper3@example.com',
		);

		const first = sandbox.state.customers[0];
		const byName = await runNode(
			sandbox,
			customer({
				operation: 'getAll',
				returnAll: true,
				filters: { name: first.first_name.slice(0, 3).toLowerCase() },
			}),
		);
		expect(byName.json.length).toBeGreaterThan(0);
		for (const c of byName.json)
			expect(`${c.first_name} ${c.last_name}`.toLowerCase()).toContain(
				first.first_name.slice(0, 3).toLowerCase(),
			);

		const vip = await runNode(
			sandbox,
			customer({
				operation: 'getAll',
				returnAll: true,
				filters: { customerGroupIds: '3' },
				options: { includeAddresses: false },
			}),
		);
		expect(vip.json.length).toBe(
			sandbox.state.customers.filter((c: Json) => c.customer_group_id === 3).length,
		);
		for (const c of vip.json)
			expect(c).toMatchObject({ customer_group_id: 3, customer_group_name: 'VIP' });

		const since = '2099-01-01T00:00:00.000Z';
		const from2 = sandbox.requests.length;
		const none = await runNode(
			sandbox,
			customer({ operation: 'getAll', returnAll: true, filters: { modifiedAfter: since } }),
		);
		expect(none.json).toEqual([]);
		expect(requestsSince(sandbox, from2)[0].query['date_modified:min']).toBe(
			'2099-01-01T00:00:00Z',
		);
	});

	it('sorts by last name', async () => {
		const out = await runNode(
			sandbox,
			customer({
				operation: 'getAll',
				returnAll: true,
				options: { sort: 'last_name:desc', includeAddresses: false },
			}),
		);
		const names = out.json.map((c) => c.last_name);
		expect(names).toEqual([...names].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));
	});

	it('rejects bad filters before any request', async () => {
		await expectRejectedBeforeRequest(
			sandbox,
			customer({ operation: 'getAll', returnAll: true, filters: { email: 'ok@example.com,nope' } }),
			/"Email" must be email addresses/,
		);
		await expectRejectedBeforeRequest(
			sandbox,
			customer({ operation: 'getAll', returnAll: true, filters: { customerGroupIds: 'one' } }),
			/"Customer Group IDs" must be a comma-separated list of whole numbers/,
		);
		await expectRejectedBeforeRequest(
			sandbox,
			customer({
				operation: 'getAll',
				returnAll: true,
				filters: { modifiedAfter: 'yesterday-ish' },
			}),
			/"Modified After" must be a date/,
		);
		await expectRejectedBeforeRequest(
			sandbox,
			customer({ operation: 'getAll', returnAll: false, limit: 0 }),
			/"Limit" must be a whole number of 1 or more/,
		);
	});
});

describe('Customer → Update', () => {
	it('updates the fields given, found by email, and returns the stored customer', async () => {
		const from = sandbox.requests.length;
		const out = await runNode(
			sandbox,
			customer({
				operation: 'update',
				customerId: locator('shopper4@example.com', 'email'),
				updateFields: { notes: 'VIP since 2026', customerGroupId: 3, phone: '5125550000' },
			}),
		);
		expect(out.json[0]).toMatchObject({
			id: 4,
			notes: 'VIP since 2026',
			customer_group_id: 3,
			customer_group_name: 'VIP',
			phone: '5125550000',
		});
		const requests = requestsSince(sandbox, from);
		expect(requests[0]).toMatchObject({
			method: 'GET',
			path: '/customers',
			query: { 'email:in': 'shopper4@example.com', limit: '1' },
		});
		expect(requests[1]).toMatchObject({
			method: 'PUT',
			path: '/customers',
			body: [{ id: 4, notes: 'VIP since 2026', customer_group_id: 3, phone: '5125550000' }],
			status: 200,
		});
		expect(stored('shopper4@example.com')).toMatchObject({
			notes: 'VIP since 2026',
			customer_group_id: 3,
		});
	});

	it('needs at least one field and a valid email, checked before any request', async () => {
		await expectRejectedBeforeRequest(
			sandbox,
			customer({ operation: 'update', customerId: locator('4'), updateFields: {} }),
			/^Item 0: "Update Fields" is empty: add at least one field to change$/,
		);
		await expectRejectedBeforeRequest(
			sandbox,
			customer({
				operation: 'update',
				customerId: locator('shopper4@example.com', 'email'),
				updateFields: { email: 'x@' },
			}),
			/"Email" must be an email address/,
		);
		await expectRejectedBeforeRequest(
			sandbox,
			customer({
				operation: 'update',
				customerId: locator('4'),
				updateFields: { password: 'short' },
			}),
			/"Password" must be at least 7 characters/,
		);
	});

	it('reports an unknown email without sending the update', async () => {
		const from = sandbox.requests.length;
		const error = (
			await runNodeError(
				sandbox,
				customer({
					operation: 'update',
					customerId: locator('nobody@example.com', 'email'),
					updateFields: { notes: 'x' },
				}),
			)
		).error;
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain('No customer has the email address "nobody@example.com"');
		expect(requestsSince(sandbox, from).map((r) => r.method)).toEqual(['GET']);
	});
});

describe('Customer → Delete', () => {
	it('deletes exactly the customer named, with id:in', async () => {
		const created = await runNode(
			sandbox,
			customer({
				operation: 'create',
				email: 'delete.me@example.com',
				firstName: 'Del',
				lastName: 'Me',
			}),
		);
		const id = created.json[0].id;
		const count = sandbox.state.customers.length;
		const from = sandbox.requests.length;
		const out = await runNode(
			sandbox,
			customer({ operation: 'delete', customerId: locator(String(id)) }),
		);
		expect(out.json).toEqual([{ id, email: 'delete.me@example.com', deleted: true }]);
		const del = requestsSince(sandbox, from).find((r) => r.method === 'DELETE');
		expect(del).toMatchObject({ path: '/customers', query: { 'id:in': String(id) }, status: 204 });
		expect(sandbox.state.customers.length).toBe(count - 1);
		expect(stored('delete.me@example.com')).toBeUndefined();
	});

	it('refuses an unknown ID without sending a DELETE', async () => {
		const from = sandbox.requests.length;
		const count = sandbox.state.customers.length;
		const error = (
			await runNodeError(sandbox, customer({ operation: 'delete', customerId: locator('424242') }))
		).error;
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain('No customer with ID 424242 exists');
		expect(requestsSince(sandbox, from).some((r) => r.method === 'DELETE')).toBe(false);
		expect(sandbox.state.customers.length).toBe(count);
	});

	it('keeps going per item with Continue On Fail', async () => {
		const out = await runNode(
			sandbox,
			[
				customer({ operation: 'get', customerId: locator('1') }),
				customer({ operation: 'get', customerId: locator('x') }),
			],
			{ continueOnFail: true },
		);
		expect(out.json[0]).toMatchObject({ id: 1 });
		expect(out.json[1].error).toContain('"Customer" must be a customer ID');
		expect(out.paired).toEqual([{ item: 0 }, { item: 1 }]);
	});
});
