import { NodeOperationError } from 'n8n-workflow';

import { useSandbox } from '../../helpers/sandbox';

import { locator, runNode, runNodeError } from '../../helpers/node';

const sandbox = useSandbox();

const billing = {
	first_name: 'A',
	last_name: 'B',
	street_1: '1 Road',
	city: 'Austin',
	zip: '78701',
	country_iso2: 'US',
	email: 'a@example.com',
};

describe('Order: bad input is refused before any request', () => {
	it.each([
		[
			'negative order ID',
			{ operation: 'get', orderId: locator('-5') },
			/"Order" must be a positive whole number/,
		],
		[
			'non-numeric order ID',
			{ operation: 'cancel', orderId: locator('abc') },
			/"Order" must be a positive whole number/,
		],
		[
			'malformed email filter',
			{ operation: 'getAll', returnAll: true, filters: { email: 'bob@' } },
			/"Email" must be an email address/,
		],
		[
			'unparseable date filter',
			{ operation: 'getAll', returnAll: true, filters: { createdAfter: 'yesterday-ish' } },
			/"Created After" must be a date/,
		],
		[
			'negative customer filter',
			{ operation: 'getAll', returnAll: true, filters: { customerId: -1 } },
			/"Customer" must be a whole number/,
		],
		[
			'a customer picker with a name',
			{ operation: 'getAll', returnAll: true, filters: { customerId: locator('Jane') } },
			/"Customer" must be a whole number/,
		],
		[
			'a channel picker of 0',
			{ operation: 'getAll', returnAll: true, filters: { channelId: locator(0) } },
			/"Channel" must be a whole number of 1 or more/,
		],
		[
			'a cart ID that is not a UUID',
			{ operation: 'getAll', returnAll: true, filters: { cartId: 'cart-1' } },
			/"Cart ID" must be a UUID/,
		],
		['limit of 0', { operation: 'getAll', returnAll: false, limit: 0 }, /"Limit"/],
		[
			'products that are not JSON',
			{ operation: 'create', billingAddress: billing, products: '[{"product_id": 1,' },
			/"Products \(JSON\)" is not valid JSON/,
		],
		[
			'products that are an object',
			{ operation: 'create', billingAddress: billing, products: '{"product_id": 1}' },
			/must be a JSON array/,
		],
		[
			'a line without quantity',
			{ operation: 'create', billingAddress: billing, products: '[{"product_id": 1}]' },
			/"quantity" must be a whole number/,
		],
		[
			'a billing address without ZIP',
			{
				operation: 'create',
				billingAddress: { ...billing, zip: '' },
				products: '[{"product_id": 1, "quantity": 1}]',
			},
			/needs "zip"/,
		],
		[
			'a malformed billing email',
			{
				operation: 'create',
				billingAddress: { ...billing, email: 'x@y' },
				products: '[{"product_id": 1, "quantity": 1}]',
			},
			/Billing Address Email/,
		],
		[
			'billing JSON that is an array',
			{ operation: 'update', orderId: locator(100), updateFields: { billingAddress: '[1]' } },
			/must be a JSON object/,
		],
		[
			'an unknown status ID',
			{ operation: 'update', orderId: locator(100), updateFields: { statusId: '42' } },
			/status ID from 0 to 14/,
		],
	])('%s', async (_name, params, message) => {
		const mark = sandbox.requests.length;
		const error = (await runNodeError(sandbox, { resource: 'order', ...params })).error;
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(message);
		expect(error.message).toMatch(/^Item 0: /);
		expect(sandbox.requests.slice(mark)).toHaveLength(0);
	});

	it('with Continue On Fail, a bad item yields an error item and the good item still runs', async () => {
		const out = (
			await runNode(
				sandbox,
				[
					{ resource: 'order', operation: 'get', orderId: locator('x') },
					{ resource: 'order', operation: 'get', orderId: locator(100) },
				],
				{ items: [{}, {}], continueOnFail: true },
			)
		).out;
		expect(out).toHaveLength(2);
		expect(out[0]).toMatchObject({ pairedItem: { item: 0 } });
		expect(String(out[0].json.error)).toMatch(/"Order" must be a positive whole number/);
		expect(out[1]).toMatchObject({ json: { id: 100 }, pairedItem: { item: 1 } });
	});
});
