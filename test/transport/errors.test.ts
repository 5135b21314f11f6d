import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import {
	bigCommerceApiRequest,
	bigCommerceApiRequestFull,
	multiStatusFailures,
	type ApiVersion,
	type BigCommerceRequest,
} from '../../nodes/BigCommerce/transport';
import { parseErrorBody } from '../../nodes/BigCommerce/transport/errorBody';
import {
	caught,
	CLIENT_SECRET,
	OAUTH_TOKEN,
	respond,
	startServer,
	TOKEN,
	transportContext,
	useFastRetries,
	type TestServer,
} from './harness';
import type { Json } from '../helpers/sandbox';

let server: TestServer;

useFastRetries();
beforeAll(async () => {
	server = await startServer();
	server.route('GET', 'v3', '/catalog/products/:id', (ctx) =>
		respond.v3One({ id: Number(ctx.params.id) }),
	);
	server.route('PUT', 'v3', '/catalog/products', () => respond.v3One([]));
	server.route('GET', 'v2', '/orders/:id', (ctx) => respond.v2One({ id: Number(ctx.params.id) }));
	server.route('GET', 'v3', '/echo', (ctx) =>
		respond.v3One({
			seen: ctx.headers['x-auth-token'],
			note: `token=${String(ctx.headers['x-auth-token'])}`,
		}),
	);
});
beforeEach(() => server.faults.clear());
afterAll(async () => server.close());

/** Makes the next request answer `status` with `body`, sends `request`, returns the error. */
async function failWith(
	status: number,
	body: Json,
	request: Partial<BigCommerceRequest> & { version?: ApiVersion } = {},
	authentication: 'accessToken' | 'oAuth2' = 'accessToken',
) {
	server.faults.add({ kind: 'status', status, body, times: 1 });
	const { ctx } = transportContext(server, { authentication });
	const version = request.version ?? 'v3';
	const error = await caught(() =>
		bigCommerceApiRequest.call(ctx, {
			method: 'GET',
			version,
			path: version === 'v3' ? '/catalog/products/999' : '/orders/999',
			...request,
		}),
	);
	expect(error).toBeInstanceOf(NodeApiError);
	return error as NodeApiError & IDataObject;
}

describe('error mapping: BigCommerce’s message, the HTTP code and a hint', () => {
	it('401: the token is invalid or revoked, use a store-level API account', async () => {
		const error = await failWith(401, {
			status: 401,
			title: 'You are not authorized to access this resource.',
			type: 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes',
		});
		expect(error.message).toBe(
			'BigCommerce error 401: You are not authorized to access this resource.',
		);
		expect(error.httpCode).toBe('401');
		expect(error.description).toContain('invalid or has been revoked');
		expect(error.description).toContain('Settings › API › API Accounts');
	});

	it('403 (V2 array body): names the scope passed with the request', async () => {
		const error = await failWith(
			403,
			[{ status: 403, message: "You don't have a required scope to access the endpoint" }],
			{ version: 'v2', scope: 'store_v2_orders_read_only' },
		);
		expect(error.message).toBe(
			"BigCommerce error 403: You don't have a required scope to access the endpoint",
		);
		expect(error.httpCode).toBe('403');
		expect(error.description).toContain('"store_v2_orders_read_only"');
		expect(error.description).toContain('Settings › API › API Accounts');
	});

	it('403 without a scope: a general hint about scopes', async () => {
		const error = await failWith(403, { status: 403, title: 'Forbidden' });
		expect(error.description).toContain("Check the API account's scopes");
	});

	it('404: check the ID, naming the request', async () => {
		const error = await failWith(404, {
			status: 404,
			title: 'The requested resource was not found.',
		});
		expect(error.message).toBe('BigCommerce error 404: The requested resource was not found.');
		expect(error.httpCode).toBe('404');
		expect(error.description).toContain('GET /v3/catalog/products/999');
		expect(error.description).toContain('check the ID');
	});

	it('409: the conflicting fields are listed', async () => {
		const error = await failWith(
			409,
			{
				status: 409,
				title: 'The product was not created because of a conflict.',
				errors: { name: 'Product name is a duplicate', sku: 'SKU HAT-1 is already in use' },
			},
			{ method: 'POST', path: '/catalog/products', body: { name: 'Hat' } },
		);
		expect(error.message).toBe(
			'BigCommerce error 409: The product was not created because of a conflict.',
		);
		expect(error.httpCode).toBe('409');
		expect(error.description).toContain('name: Product name is a duplicate');
		expect(error.description).toContain('sku: SKU HAT-1 is already in use');
	});

	it('422 (V3): every field error is listed', async () => {
		const error = await failWith(
			422,
			{
				status: 422,
				title: 'JSON data is missing or invalid',
				type: 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes',
				errors: { price: 'error.path.missing', 'variants.0.sku': 'must not be blank' },
			},
			{ method: 'PUT', path: '/catalog/products', body: [{ id: 1 }] },
		);
		expect(error.message).toBe('BigCommerce error 422: JSON data is missing or invalid');
		expect(error.httpCode).toBe('422');
		expect(error.description).toBe(
			'BigCommerce rejected the data. price: error.path.missing; variants.0.sku: must not be blank.',
		);
	});

	it('422 (V2 array with details)', async () => {
		const error = await failWith(
			422,
			[
				{
					status: 422,
					message: 'The field email is invalid.',
					details: { invalid_reason: 'not an email' },
				},
			],
			{ version: 'v2' },
		);
		expect(error.message).toBe('BigCommerce error 422: The field email is invalid.');
		expect(error.description).toContain('invalid_reason: not an email');
	});

	it('V3 detail and V2 customers {errors:[…]} shapes', () => {
		expect(
			parseErrorBody({ status: 400, title: 'Bad Request', detail: 'limit must be at most 250' }),
		).toEqual({
			message: 'Bad Request',
			details: ['limit must be at most 250'],
		});
		expect(
			parseErrorBody({ errors: [{ status: 400, title: 'Invalid email', type: 'x' }] }),
		).toEqual({
			message: 'Invalid email',
			details: [],
		});
		expect(parseErrorBody('<html>Bad gateway</html>')).toEqual({
			message: '<html>Bad gateway</html>',
			details: [],
		});
		expect(
			parseErrorBody([
				{ status: 400, message: 'a' },
				{ status: 400, message: 'b' },
			]).message,
		).toBe('a; b');
	});

	it('413: send smaller batches', async () => {
		const error = await failWith(
			413,
			{ status: 413, title: 'The request payload is too large.' },
			{
				method: 'PUT',
				path: '/catalog/products',
				body: [{ id: 1 }],
			},
		);
		expect(error.httpCode).toBe('413');
		expect(error.description).toContain('Send smaller batches');
	});

	it('a non-JSON error body (a proxy page) is reported as text', async () => {
		const error = await failWith(400, '<html><body>Bad request</body></html>');
		expect(error.message).toBe('BigCommerce error 400: <html><body>Bad request</body></html>');
	});
});

describe('207 Multi-Status', () => {
	const batch207 = {
		data: [{ id: 1, name: 'Hat' }],
		errors: {
			status: 422,
			title: 'Inventory update failed',
			type: 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes',
			errors: {
				'2': 'inventory_level must not be negative',
				'3': 'The URL /hat/ is already taken',
			},
		},
		meta: {},
	};

	it('is an error naming each failed item and why, unless the caller accepts partial results', async () => {
		const error = await failWith(207, batch207, {
			method: 'PUT',
			path: '/catalog/products',
			body: [{ id: 1 }],
		});
		expect(error.httpCode).toBe('207');
		expect(error.message).toBe('BigCommerce error 207: partly saved, 2 items failed');
		expect(error.description).toContain(
			'2: inventory_level must not be negative (Inventory update failed)',
		);
		expect(error.description).toContain(
			'3: The URL /hat/ is already taken (Inventory update failed)',
		);
	});

	it('allowPartial returns the answer; multiStatusFailures lists the failed items', async () => {
		server.faults.add({ kind: 'status', status: 207, body: batch207, times: 1 });
		const { ctx } = transportContext(server);
		const response = await bigCommerceApiRequestFull.call(ctx, {
			method: 'PUT',
			version: 'v3',
			path: '/catalog/products',
			body: [{ id: 1 }],
			allowPartial: true,
		});
		expect(response.statusCode).toBe(207);
		expect(multiStatusFailures(response.body)).toEqual([
			{ item: '2', message: 'inventory_level must not be negative (Inventory update failed)' },
			{ item: '3', message: 'The URL /hat/ is already taken (Inventory update failed)' },
		]);
	});

	it('reads the metafield batch form (errors as a list)', () => {
		expect(
			multiStatusFailures({
				data: [],
				errors: [
					{ status: 422, title: 'Bulk operation has failed', errors: { '1': 'key is required' } },
					{ status: 409, title: 'Metafield already exists' },
				],
				meta: { total: 3, success: 1, failed: 2 },
			}),
		).toEqual([
			{ item: '1', message: 'key is required (Bulk operation has failed)' },
			{ message: 'Metafield already exists' },
		]);
	});
});

describe('the access token never leaks', () => {
	const leaks = (error: NodeApiError & IDataObject, secrets: string[]) => {
		const surfaces = [
			error.message,
			String(error.description),
			JSON.stringify(error),
			JSON.stringify(error.context),
			JSON.stringify(error.cause ?? null),
			JSON.stringify(error.errorResponse ?? null),
			JSON.stringify(error.messages),
			String(error.stack),
		];
		return secrets.filter((secret) => surfaces.some((text) => text.includes(secret)));
	};

	it('an error body echoing the token: redacted from message, description, JSON, context, cause', async () => {
		const error = await failWith(401, {
			status: 401,
			title: `Token ${TOKEN} is not valid for this store`,
			detail: `X-Auth-Token: ${TOKEN}`,
			errors: { [TOKEN]: `header value ${TOKEN}` },
		});
		expect(error.message).toBe(
			'BigCommerce error 401: Token [redacted] is not valid for this store',
		);
		expect(error.description).toContain('invalid or has been revoked');
		expect(leaks(error, [TOKEN])).toEqual([]);
	});

	it('OAuth2: neither the token nor the client secret leak', async () => {
		const error = await failWith(
			422,
			[{ status: 422, message: `bad ${OAUTH_TOKEN}`, details: { secret: CLIENT_SECRET } }],
			{ version: 'v2' },
			'oAuth2',
		);
		expect(error.message).toBe('BigCommerce error 422: bad [redacted]');
		expect(leaks(error, [OAUTH_TOKEN, CLIENT_SECRET])).toEqual([]);
	});

	it('a successful answer echoing the token is redacted in the output', async () => {
		const { ctx } = transportContext(server);
		const output = await bigCommerceApiRequest.call(ctx, {
			method: 'GET',
			version: 'v3',
			path: '/echo',
		});
		expect(output).toEqual({ seen: '[redacted]', note: 'token=[redacted]' });
	});

	it('retries and waits are logged without the token', async () => {
		server.faults.add({ kind: 'status', status: 503, times: 1, body: { title: `down ${TOKEN}` } });
		server.faults.add({ kind: 'rateLimitBare', times: 1 });
		const { ctx, logs } = transportContext(server);
		await bigCommerceApiRequest.call(ctx, {
			method: 'GET',
			version: 'v3',
			path: '/catalog/products/1',
		});
		expect(logs.length).toBeGreaterThanOrEqual(2);
		expect(JSON.stringify(logs)).not.toContain(TOKEN);
	});

	it('a network failure carries no token either', async () => {
		server.faults.add({ kind: 'drop', times: Infinity });
		const { ctx } = transportContext(server);
		const error = (await caught(() =>
			bigCommerceApiRequest.call(ctx, {
				method: 'POST',
				version: 'v3',
				path: '/catalog/products',
				body: {},
			}),
		)) as NodeApiError & IDataObject;
		expect(error).toBeInstanceOf(NodeApiError);
		expect(leaks(error, [TOKEN])).toEqual([]);
	});
});
