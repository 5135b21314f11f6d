/**
 * The sandbox's OpenAPI contract validator: a conforming exchange records nothing; bad requests
 * and bad responses are recorded with the spec file and the reason. The violations provoked here
 * on purpose are acknowledged so that the shared afterEach (test/helpers/setup.ts) does not fail.
 */
import { acknowledgeViolations, type Json, useSandbox } from '../helpers/sandbox';

/** A test-only route on a documented operation, ahead of the resource modules' own routes. */
function override(
	method: string,
	version: string,
	pattern: string,
	handler: (ctx: Json) => Json,
	options?: Json,
) {
	sandbox.route(method, version, pattern, handler, options);
	sandbox.routes.unshift(sandbox.routes.pop());
}

const sandbox = useSandbox();
beforeAll(async () => {
	// Test-only routes whose answers we control, on documented BigCommerce operations.
	override(
		'GET',
		'v3',
		'/catalog/brands/:brand_id',
		(ctx: Json) =>
			ctx.params.brand_id === '2'
				? {
						status: 200,
						body: {
							data: { id: 2, custom_url: { url: '/acme/', is_customized: false } },
							meta: {},
						},
					} // name missing
				: {
						status: 200,
						body: {
							data: { id: 1, name: 'Acme', custom_url: { url: '/acme/', is_customized: false } },
							meta: {},
						},
					},
		{ scope: 'store_v2_products' },
	);
	override(
		'POST',
		'v3',
		'/catalog/brands',
		() => ({ status: 200, body: { data: { id: 9, name: 'Acme' }, meta: {} } }),
		{
			scope: 'store_v2_products',
		},
	);
	override(
		'GET',
		'v3',
		'/catalog/brands',
		() => ({
			status: 200,
			body: {
				data: [],
				meta: {
					pagination: {
						total: 0,
						count: 0,
						per_page: 50,
						current_page: 1,
						total_pages: 0,
						links: { current: '?page=1&limit=50' },
					},
				},
			},
		}),
		{
			scope: 'store_v2_products',
		},
	);
	sandbox.route('GET', 'v3', '/not-a-bigcommerce-endpoint', () => ({
		status: 200,
		body: { data: [], meta: {} },
	}));
});

async function call(method: string, path: string, body?: Json) {
	const response = await fetch(`${sandbox.apiPath('v3')}${path}`, {
		method,
		headers: {
			'X-Auth-Token': sandbox.accessToken,
			Accept: 'application/json',
			'Content-Type': 'application/json',
		},
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	await response.text();
	return response.status;
}

describe('contract validation', () => {
	it('records nothing for a conforming exchange', async () => {
		const before = sandbox.violations.length;
		expect(await call('GET', '/catalog/brands/1')).toBe(200);
		expect(await call('GET', '/catalog/brands?limit=10&page=1&unknown_param=ok')).toBe(200);
		expect(await call('POST', '/catalog/brands', { name: 'Acme' })).toBe(200);
		expect(sandbox.violations.slice(before)).toEqual([]);
	});

	it('records a request body that breaks the request schema', async () => {
		await call('POST', '/catalog/brands', { name: 42 });
		const [violation, ...rest] = acknowledgeViolations();
		expect(rest).toEqual([]);
		expect(violation).toMatchObject({
			spec: 'catalog/brands_catalog.v3.yml',
			method: 'POST',
			path: '/v3/catalog/brands',
			direction: 'request',
		});
		expect(violation.reason).toMatch(/request body: \/name must be string/);
	});

	it('records a query parameter of the wrong type', async () => {
		await call('GET', '/catalog/brands?page=two');
		const violations = acknowledgeViolations();
		expect(violations).toHaveLength(1);
		expect(violations[0]).toMatchObject({
			spec: 'catalog/brands_catalog.v3.yml',
			direction: 'request',
		});
		expect(violations[0].reason).toBe('query parameter page: must be integer (got "two")');
	});

	it('records a request to a path no specification documents', async () => {
		expect(await call('GET', '/not-a-bigcommerce-endpoint')).toBe(200);
		const violations = acknowledgeViolations();
		expect(violations).toEqual([
			expect.objectContaining({
				spec: null,
				method: 'GET',
				path: '/v3/not-a-bigcommerce-endpoint',
				direction: 'request',
				reason: 'no documented v3 operation matches GET /not-a-bigcommerce-endpoint',
			}),
		]);
	});

	it('records a method the path does not document', async () => {
		await call('PATCH', '/catalog/brands');
		const violations = acknowledgeViolations();
		expect(violations[0]).toMatchObject({
			spec: 'catalog/brands_catalog.v3.yml',
			template: '/catalog/brands',
			direction: 'request',
		});
		expect(violations[0].reason).toMatch(/^PATCH is not documented for \/catalog\/brands/);
	});

	it('records a response missing a required field', async () => {
		expect(await call('GET', '/catalog/brands/2')).toBe(200);
		const violations = acknowledgeViolations();
		expect(violations).toHaveLength(1);
		expect(violations[0]).toMatchObject({
			spec: 'catalog/brands_catalog.v3.yml',
			method: 'GET',
			path: '/v3/catalog/brands/2',
			template: '/catalog/brands/{brand_id}',
			status: 200,
			direction: 'response',
		});
		expect(violations[0].reason).toMatch(/must have required property 'name'/);
	});

	it('records an undocumented status and a body on a no-content response', async () => {
		override(
			'DELETE',
			'v3',
			'/catalog/brands/:brand_id',
			() => ({ status: 204, body: { deleted: true } }),
			{ scope: 'store_v2_products' },
		);
		override(
			'PUT',
			'v3',
			'/catalog/brands/:brand_id',
			() => ({ status: 418, body: { status: 418, title: 'teapot' } }),
			{ scope: 'store_v2_products' },
		);
		await call('DELETE', '/catalog/brands/1');
		await call('PUT', '/catalog/brands/1', { name: 'Acme' });
		const reasons = acknowledgeViolations().map((v) => v.reason);
		expect(reasons).toEqual([
			expect.stringMatching(/response 204: .*must have no body/),
			expect.stringMatching(/response 418: status 418 is not documented/),
		]);
	});

	it('accepts platform-wide errors (401) in the version error shape without a per-operation entry', async () => {
		const response = await fetch(`${sandbox.apiPath('v3')}/catalog/brands`, {
			headers: { 'X-Auth-Token': 'nope', Accept: 'application/json' },
		});
		expect(response.status).toBe(401);
		expect(acknowledgeViolations()).toEqual([]);
	});

	it('applies the documented exceptions, and only those', async () => {
		const validator = sandbox.contract as Json;
		const check = (request: Json, response?: Json) =>
			validator.validate(
				{
					headers: { accept: 'application/json' },
					rawBody: Buffer.alloc(0),
					...request,
					searchParams: new URLSearchParams(request.query ?? ''),
				},
				response,
			);
		// v2 orders sort with a direction suffix is fine; an unknown field is not
		expect(
			check({ version: 'v2', method: 'GET', path: '/orders', query: 'sort=date_created:desc' }),
		).toEqual([]);
		expect(
			check({ version: 'v2', method: 'GET', path: '/orders', query: 'sort=colour:desc' })[0].reason,
		).toMatch(/query parameter sort/);
		// inventory `:in` filters as CSV of integers
		expect(
			check({
				version: 'v3',
				method: 'GET',
				path: '/inventory/items',
				query: 'variant_id:in=1,2,3',
			}),
		).toEqual([]);
		expect(
			check({ version: 'v3', method: 'GET', path: '/inventory/items', query: 'variant_id:in=1,x' }),
		).toHaveLength(1);
		// v2 empty list: 204 without a body
		expect(check({ version: 'v2', method: 'GET', path: '/orders' }, { status: 204 })).toEqual([]);
		// abandoned cart tokens without dashes
		expect(
			check({
				version: 'v3',
				method: 'GET',
				path: '/abandoned-carts/0123456789abcdef0123456789abcdef',
			}),
		).toEqual([]);
		expect(
			check({ version: 'v3', method: 'GET', path: '/abandoned-carts/not-a-token' }),
		).toHaveLength(1);
		// an empty hooks list despite `minItems: 1`; a hook without its required fields is still caught
		const meta = {
			pagination: { total: 0, count: 0, per_page: 50, current_page: 1, total_pages: 0 },
		};
		expect(
			check(
				{ version: 'v3', method: 'GET', path: '/hooks' },
				{ status: 200, body: { data: [], meta } },
			),
		).toEqual([]);
		expect(
			check(
				{ version: 'v3', method: 'GET', path: '/hooks' },
				{ status: 200, body: { data: [{ id: 'x' }], meta } },
			)[0].reason,
		).toMatch(/\/data\/0\/id must be integer/);
		// a required query parameter
		expect(check({ version: 'v3', method: 'GET', path: '/promotions/codes' })[0].reason).toBe(
			'query parameter code: required but missing',
		);
	});
});

describe('contract validation of the request media type', () => {
	it('records a JSON body sent without Content-Type: application/json', async () => {
		const response = await fetch(`${sandbox.apiPath('v3')}/catalog/brands`, {
			method: 'POST',
			headers: {
				'X-Auth-Token': sandbox.accessToken,
				Accept: 'application/json',
				'Content-Type': 'text/plain',
			},
			body: JSON.stringify({ name: 'Acme' }),
		});
		await response.text();
		const violations = acknowledgeViolations();
		expect(violations).toHaveLength(1);
		expect(violations[0].reason).toBe(
			'request Content-Type: "text/plain" is not documented for this body (documented: application/json)',
		);
	});
});

describe('contract validation of webhook callbacks (webhook-callbacks/)', () => {
	beforeAll(async () => {
		sandbox.registerControl('POST', '/test-sink', () => ({ status: 200, body: {} }));
		const response = await fetch(`${sandbox.apiPath('v3')}/hooks`, {
			method: 'POST',
			headers: {
				'X-Auth-Token': sandbox.accessToken,
				Accept: 'application/json',
				'Content-Type': 'application/json',
			},
			body: JSON.stringify({
				scope: 'store/order/*',
				destination: `${sandbox.baseUrl}/__sandbox/test-sink`,
				is_active: true,
			}),
		});
		expect(response.status).toBe(200);
	});

	it('records nothing for a callback shaped like the official example', () => {
		sandbox.emit('store/order/created', { type: 'order', id: 101 });
		expect(acknowledgeViolations()).toEqual([]);
	});

	it('records a callback whose data differs from the official schema and example', () => {
		sandbox.emit('store/order/created', { type: 'order', id: '101', orderId: 101 });
		const violations = acknowledgeViolations();
		expect(violations.map((v) => [v.spec, v.direction])).toEqual([
			['webhook-callbacks/store_order_created.yml', 'callback'],
			['webhook-callbacks/store_order_created.yml', 'callback'],
		]);
		expect(violations[0].reason).toBe(
			'callback store/order/created: schema: /data/id must be integer',
		);
		expect(violations[1].reason).toMatch(
			/data\.id is string, example has number; data\.orderId is not in the example/,
		);
	});

	it('records a scope no callback document describes', () => {
		sandbox.emit('store/order/teleported', { type: 'order', id: 1 });
		expect(acknowledgeViolations().map((v) => v.reason)).toEqual([
			'callback store/order/teleported: no documented callback for scope "store/order/teleported"',
		]);
	});
});

describe('the exception list (sandbox/contract/exceptions.js)', () => {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const exceptions: Json[] = require('../../sandbox/contract/exceptions');

	it('is short, and every entry names a documented operation, a reason and one way of applying it', () => {
		const specs = (sandbox.contract as Json).specs;
		// 14: +2 for promotions.v3 (PUT oneOf matched by both patch shapes; codegen's 16-character codes)
		// 16: +2 for orders.v2 GET /orders and /orders/{order_id} consignments (oneOf with link schemas that match any object)
		expect(exceptions.length).toBeLessThanOrEqual(16);
		for (const entry of exceptions) {
			expect(entry.reason).toEqual(expect.any(String));
			expect(entry.reason.length).toBeGreaterThan(40);
			const mechanisms = ['ignore', 'csvQuery', 'rewriteQuery', 'allowStatus'].filter(
				(key) => entry[key] !== undefined,
			);
			expect(mechanisms).toHaveLength(1);
			if (entry.spec === '*') continue;
			const documented = [...specs.operations.v2, ...specs.operations.v3].some(
				(op: Json) =>
					op.file === entry.spec && op.method === entry.method && op.template === entry.path,
			);
			expect({ entry: `${entry.spec} ${entry.method} ${entry.path}`, documented }).toEqual({
				entry: `${entry.spec} ${entry.method} ${entry.path}`,
				documented: true,
			});
		}
	});
});
