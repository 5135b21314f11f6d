import {
	bigCommerceApiRequest,
	bigCommerceApiRequestFull,
	buildQuery,
	unwrapResponse,
} from '../../nodes/BigCommerce/transport';
import {
	caught,
	OAUTH_TOKEN,
	respond,
	startServer,
	STORE_HASH,
	TOKEN,
	transportContext,
	useFastRetries,
	type TestServer,
} from './harness';

let server: TestServer;
useFastRetries();
beforeAll(async () => {
	server = await startServer();
	server.route('GET', 'v3', '/catalog/products/:id', (ctx) =>
		respond.v3One({
			id: Number(ctx.params.id),
			name: 'Hat',
			date_modified: '2024-03-01T10:00:00+00:00',
		}),
	);
	server.route('GET', 'v3', '/catalog/products', (ctx) =>
		respond.v3List([{ id: 1 }, { id: 2 }, { id: 3 }], ctx.query),
	);
	server.route('DELETE', 'v3', '/catalog/products/:id', () => respond.noContent());
	server.route('GET', 'v2', '/orders/:id', (ctx) =>
		respond.v2One({
			id: Number(ctx.params.id),
			date_created: 'Tue, 20 Nov 2012 00:00:00 +0000',
			date_shipped: '',
			billing_address: { first_name: 'Ann', date_note: 'Wed, 05 Jun 2024 14:30:15 +0200' },
			customer_message: 'Deliver on Tue, 20 Nov 2012 please',
		}),
	);
	server.route('GET', 'v2', '/orders', (ctx) =>
		respond.v2List([{ id: 7, date_modified: 'Mon, 01 Jan 2024 08:09:10 +0000' }], ctx.query),
	);
	server.route('GET', 'v2', '/coupons', () => respond.noContent());
	server.route('GET', 'v2', '/gift_certificates', () => ({ status: 200, body: '' }));
	server.route('POST', 'v3', '/catalog/products', (ctx) =>
		respond.v3One({ id: 99, ...ctx.body }, 200),
	);
	server.route('GET', 'v2', '/store', () => respond.v2One({ id: 'store-1', name: 'Sandbox' }));
});
afterAll(async () => server.close());

describe('URLs and headers', () => {
	it('builds /stores/{hash}/v3/... and /v2/... from the token credential and sends X-Auth-Token', async () => {
		const { ctx } = transportContext(server);
		await bigCommerceApiRequest.call(ctx, {
			method: 'GET',
			version: 'v3',
			path: '/catalog/products/5',
		});
		await bigCommerceApiRequest.call(ctx, { method: 'GET', version: 'v2', path: '/orders/5' });
		const [v3, v2] = server.requests.slice(-2);
		expect(v3).toMatchObject({
			method: 'GET',
			version: 'v3',
			path: '/catalog/products/5',
			status: 200,
		});
		expect(v2).toMatchObject({ method: 'GET', version: 'v2', path: '/orders/5', status: 200 });
		for (const request of [v3, v2]) {
			expect(request.headers['x-auth-token']).toBe(TOKEN);
			expect(request.headers.accept).toBe('application/json');
			expect(request.headers['x-auth-client']).toBeUndefined();
			expect(request.headers['content-type']).toBeUndefined();
		}
	});

	it('normalises a pasted API path or control-panel URL before building the URL', async () => {
		for (const storeHash of [
			`https://api.bigcommerce.com/stores/${STORE_HASH}/v3/`,
			`https://store-${STORE_HASH}-2.mybigcommerce.com/manage/dashboard`,
			` STORES/${STORE_HASH.toUpperCase()} `,
		]) {
			const { ctx } = transportContext(server, { storeHash });
			const store = await bigCommerceApiRequest.call(ctx, {
				method: 'GET',
				version: 'v2',
				path: '/store',
			});
			expect(store).toEqual({ id: 'store-1', name: 'Sandbox' });
		}
	});

	it('OAuth2: takes the store from oauthTokenData.context and sends the token as X-Auth-Token', async () => {
		const { ctx, sent } = transportContext(server, { authentication: 'oAuth2' });
		const product = await bigCommerceApiRequest.call(ctx, {
			method: 'GET',
			version: 'v3',
			path: '/catalog/products/8',
		});
		expect(product).toMatchObject({ id: 8, name: 'Hat' });
		const request = server.requests.at(-1)!;
		// the credential's own storeHash field says zzz999: the token's context wins
		expect(request.path).toBe('/catalog/products/8');
		expect(request.headers['x-auth-token']).toBe(OAUTH_TOKEN);
		expect(request.headers.authorization).toBe(`Bearer ${OAUTH_TOKEN}`);
		expect(sent.at(-1)!.credentialType).toBe('bigCommerceOAuth2Api');
		expect(sent.at(-1)!.options.url).toBe(
			`${server.baseUrl}/stores/${STORE_HASH}/v3/catalog/products/8`,
		);
	});

	it('rejects an unrecognised store hash before any request, listing the accepted forms', async () => {
		const before = server.requests.length;
		const { ctx } = transportContext(server, { storeHash: 'https://shop.example.com' });
		const error = await caught(() =>
			bigCommerceApiRequest.call(ctx, { method: 'GET', version: 'v2', path: '/store' }),
		);
		expect(error.constructor.name).toBe('NodeOperationError');
		expect(error.message).toContain('https://shop.example.com');
		expect(error.description).toContain('the API path');
		expect(error.description).toContain('control-panel URL');
		expect(server.requests.length).toBe(before);
	});

	it('sends a JSON body with Content-Type on writes, and none on reads', async () => {
		const { ctx } = transportContext(server);
		const created = await bigCommerceApiRequest.call(ctx, {
			method: 'POST',
			version: 'v3',
			path: '/catalog/products',
			body: { name: 'Scarf', price: 12.5 },
		});
		expect(created).toEqual({ id: 99, name: 'Scarf', price: 12.5 });
		const request = server.requests.at(-1)!;
		expect(request.body).toEqual({ name: 'Scarf', price: 12.5 });
		expect(request.headers['content-type']).toBe('application/json');
	});
});

describe('query strings', () => {
	it('sends filter keys such as id:in and date_modified:min as BigCommerce expects (lists as CSV)', async () => {
		const { ctx, sent } = transportContext(server);
		await bigCommerceApiRequest.call(ctx, {
			method: 'GET',
			version: 'v3',
			path: '/catalog/products',
			qs: {
				'id:in': [1, 2, 3],
				'date_modified:min': '2024-01-15T00:03:17Z',
				'name:like': 'hat & scarf',
				include_fields: ['name', 'price'],
				is_visible: true,
				skipped: undefined,
				alsoSkipped: null,
			},
		});
		expect(sent.at(-1)!.options.qs).toEqual({
			'id:in': '1,2,3',
			'date_modified:min': '2024-01-15T00:03:17Z',
			'name:like': 'hat & scarf',
			include_fields: 'name,price',
			is_visible: true,
		});
		expect(server.requests.at(-1)!.query).toEqual({
			'id:in': '1,2,3',
			'date_modified:min': '2024-01-15T00:03:17Z',
			'name:like': 'hat & scarf',
			include_fields: 'name,price',
			is_visible: 'true',
		});
	});

	it('drops an empty list and sends no query at all when nothing is left', () => {
		expect(buildQuery({ 'id:in': [], x: undefined })).toBeUndefined();
		expect(buildQuery(undefined)).toBeUndefined();
	});
});

describe('answers', () => {
	it('unwraps the V3 data envelope (single and list)', async () => {
		const { ctx } = transportContext(server);
		expect(
			await bigCommerceApiRequest.call(ctx, {
				method: 'GET',
				version: 'v3',
				path: '/catalog/products/4',
			}),
		).toEqual({ id: 4, name: 'Hat', date_modified: '2024-03-01T10:00:00+00:00' });
		expect(
			await bigCommerceApiRequest.call(ctx, {
				method: 'GET',
				version: 'v3',
				path: '/catalog/products',
			}),
		).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
	});

	it('keeps the full answer (status, meta, rate headers) in bigCommerceApiRequestFull', async () => {
		const { ctx } = transportContext(server);
		const full = await bigCommerceApiRequestFull.call(ctx, {
			method: 'GET',
			version: 'v3',
			path: '/catalog/products',
		});
		expect(full.statusCode).toBe(200);
		expect(full.body).toMatchObject({ meta: { pagination: { total: 3, total_pages: 1 } } });
	});

	it('converts V2 RFC-2822 dates to ISO 8601 (nested too), leaving other text alone', async () => {
		const { ctx } = transportContext(server);
		const order = await bigCommerceApiRequest.call(ctx, {
			method: 'GET',
			version: 'v2',
			path: '/orders/5',
		});
		expect(order).toEqual({
			id: 5,
			date_created: '2012-11-20T00:00:00.000Z',
			date_shipped: '',
			billing_address: { first_name: 'Ann', date_note: '2024-06-05T12:30:15.000Z' },
			customer_message: 'Deliver on Tue, 20 Nov 2012 please',
		});
		const list = await bigCommerceApiRequest.call(ctx, {
			method: 'GET',
			version: 'v2',
			path: '/orders',
		});
		expect(list).toEqual([{ id: 7, date_modified: '2024-01-01T08:09:10.000Z' }]);
	});

	it('does not touch dates in V3 answers', async () => {
		const { ctx } = transportContext(server);
		const product = await bigCommerceApiRequest.call(ctx, {
			method: 'GET',
			version: 'v3',
			path: '/catalog/products/4',
		});
		expect((product as { date_modified: string }).date_modified).toBe('2024-03-01T10:00:00+00:00');
	});

	it('treats a V2 204 No Content and an empty 200 body as an empty list', async () => {
		const { ctx } = transportContext(server);
		expect(
			await bigCommerceApiRequest.call(ctx, { method: 'GET', version: 'v2', path: '/coupons' }),
		).toEqual([]);
		expect(server.requests.at(-1)!.status).toBe(204);
		expect(
			await bigCommerceApiRequest.call(ctx, {
				method: 'GET',
				version: 'v2',
				path: '/gift_certificates',
			}),
		).toEqual([]);
	});

	it('returns {} for a 204 to a write (delete)', async () => {
		const { ctx } = transportContext(server);
		expect(
			await bigCommerceApiRequest.call(ctx, {
				method: 'DELETE',
				version: 'v3',
				path: '/catalog/products/4',
			}),
		).toEqual({});
	});

	it('unwrapResponse: a V3 body without data is returned as it is', () => {
		expect(unwrapResponse('v3', 'GET', { statusCode: 200, headers: {}, body: { ok: 1 } })).toEqual({
			ok: 1,
		});
	});
});
