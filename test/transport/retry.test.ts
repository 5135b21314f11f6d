import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { bigCommerceApiRequest, retrySettings } from '../../nodes/BigCommerce/transport';
import {
	caught,
	respond,
	startServer,
	transportContext,
	useFastRetries,
	type TestServer,
} from './harness';

let server: TestServer;
/** Products the POST route created (to see duplicates). */
let created: IDataObject[] = [];

useFastRetries();
beforeAll(async () => {
	server = await startServer();
	server.route('GET', 'v3', '/catalog/products/:id', (ctx) =>
		respond.v3One({ id: Number(ctx.params.id) }),
	);
	server.route('PUT', 'v3', '/catalog/products/:id', (ctx) =>
		respond.v3One({ id: Number(ctx.params.id), ...ctx.body }),
	);
	server.route('DELETE', 'v3', '/catalog/products/:id', () => respond.noContent());
	server.route('POST', 'v3', '/catalog/products', (ctx) => {
		const product = { id: created.length + 1, ...ctx.body };
		created.push(product);
		return respond.v3One(product);
	});
	server.route('POST', 'v2', '/coupons', (ctx) => {
		const coupon = { id: created.length + 1, ...ctx.body };
		created.push(coupon);
		return { status: 201, body: coupon };
	});
});
beforeEach(() => {
	server.faults.clear();
	created = [];
});
afterAll(async () => server.close());

const since = (before: number) => server.requests.slice(before);
const statuses = (before: number) => since(before).map((request) => request.status);
const call = (method: 'GET' | 'PUT' | 'DELETE' | 'POST', path: string, body?: IDataObject) => {
	const { ctx } = transportContext(server);
	return bigCommerceApiRequest.call(ctx, { method, version: 'v3', path, body });
};

describe('requests safe to repeat (GET, PUT, DELETE)', () => {
	it.each([500, 502, 503, 504])('GET is retried after a %i', async (status) => {
		server.faults.add({ method: 'GET', kind: 'status', status, times: 1 });
		const before = server.requests.length;
		expect(await call('GET', '/catalog/products/3')).toEqual({ id: 3 });
		expect(statuses(before)).toEqual([status, 200]);
	});

	it('GET is retried after a dropped connection', async () => {
		server.faults.add({ method: 'GET', kind: 'drop', times: 2 });
		const before = server.requests.length;
		expect(await call('GET', '/catalog/products/3')).toEqual({ id: 3 });
		expect(statuses(before)).toEqual([null, null, 200]);
	});

	it('GET is retried after a timeout', async () => {
		const saved = retrySettings.timeoutMs;
		retrySettings.timeoutMs = 150;
		try {
			server.faults.add({ method: 'GET', kind: 'latency', latencyMs: 600, times: 1 });
			const before = server.requests.length;
			expect(await call('GET', '/catalog/products/4')).toEqual({ id: 4 });
			expect(since(before).map((request) => request.fault ?? 'none')).toEqual(['latency', 'none']);
		} finally {
			retrySettings.timeoutMs = saved;
		}
	});

	it('PUT is retried after a 503 and DELETE after a dropped connection', async () => {
		server.faults.add({ method: 'PUT', kind: 'status', status: 503, times: 1 });
		server.faults.add({ method: 'DELETE', kind: 'drop', times: 1 });
		const before = server.requests.length;
		expect(await call('PUT', '/catalog/products/5', { name: 'Cap' })).toEqual({
			id: 5,
			name: 'Cap',
		});
		expect(await call('DELETE', '/catalog/products/5')).toEqual({});
		expect(statuses(before)).toEqual([503, 200, null, 204]);
	});

	it.each([400, 404, 501, 507])('a %i is not retried', async (status) => {
		server.faults.add({ method: 'GET', kind: 'status', status, times: 1 });
		const before = server.requests.length;
		const error = await caught(() => call('GET', '/catalog/products/3'));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe(String(status));
		expect(statuses(before)).toEqual([status]);
	});

	it('stops after maxRetries with a NodeApiError that says how often it tried', async () => {
		server.faults.add({ method: 'GET', kind: 'drop', times: Infinity });
		const before = server.requests.length;
		const error = await caught(() => call('GET', '/catalog/products/3'));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe(
			'Could not reach BigCommerce: the connection was closed before an answer arrived',
		);
		expect(error.description).toContain(`failed ${retrySettings.maxRetries + 1} times`);
		expect(since(before)).toHaveLength(retrySettings.maxRetries + 1);
	});

	it('a 5xx that persists ends with BigCommerce’s error after maxRetries', async () => {
		server.faults.add({ method: 'GET', kind: 'status', status: 503, times: Infinity });
		const before = server.requests.length;
		const error = await caught(() => call('GET', '/catalog/products/3'));
		expect(error.httpCode).toBe('503');
		expect(error.description).toContain('server error (503)');
		expect(since(before)).toHaveLength(retrySettings.maxRetries + 1);
	});
});

describe('POST whose outcome is unknown is never sent again', () => {
	it('dropped connection after BigCommerce processed it: one POST, one product, a clear error', async () => {
		server.faults.add({ method: 'POST', kind: 'drop', process: true, times: 1 });
		const before = server.requests.length;
		const error = await caught(() => call('POST', '/catalog/products', { name: 'Gloves' }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toContain('Could not reach BigCommerce');
		expect(error.description).toContain('may or may not have processed it');
		expect(error.description).toContain('not sent again');
		expect(since(before).filter((request) => request.method === 'POST')).toHaveLength(1);
		expect(created).toEqual([{ id: 1, name: 'Gloves' }]);
	});

	it('500: one POST, the error is reported, nothing re-sent', async () => {
		server.faults.add({ method: 'POST', kind: 'status', status: 500, times: 1 });
		const before = server.requests.length;
		const error = await caught(() => call('POST', '/catalog/products', { name: 'Gloves' }));
		expect(error.httpCode).toBe('500');
		expect(statuses(before)).toEqual([500]);
	});

	it.each([502, 504])(
		'%i (a gateway that may have passed the POST on): one POST, the "may have been processed, check before retrying" hint',
		async (status) => {
			server.faults.add({ method: 'POST', kind: 'status', status, times: 1 });
			const before = server.requests.length;
			const error = await caught(() => call('POST', '/catalog/products', { name: 'Gloves' }));
			expect(error).toBeInstanceOf(NodeApiError);
			expect(error.httpCode).toBe(String(status));
			expect(error.description).toContain('may or may not have processed it');
			expect(error.description).toContain('not sent again');
			expect(error.description).toContain('check the store before retrying');
			expect(error.description).not.toContain('Try again later');
			// sent once, never repeated
			expect(statuses(before)).toEqual([status]);
		},
	);

	it.each([502, 504])(
		'%i on a GET that keeps failing still says "Try again later" (it was retried)',
		async (status) => {
			server.faults.add({ method: 'GET', kind: 'status', status, times: Infinity });
			const error = await caught(() => call('GET', '/catalog/products/3'));
			expect(error.httpCode).toBe(String(status));
			expect(error.description).toContain('Try again later');
			expect(error.description).not.toContain('may or may not have processed it');
		},
	);

	it('timeout: one POST (a V2 coupon), not re-sent', async () => {
		const saved = retrySettings.timeoutMs;
		retrySettings.timeoutMs = 150;
		try {
			server.faults.add({ method: 'POST', kind: 'latency', latencyMs: 500, times: 1 });
			const before = server.requests.length;
			const { ctx } = transportContext(server);
			const error = await caught(() =>
				bigCommerceApiRequest.call(ctx, {
					method: 'POST',
					version: 'v2',
					path: '/coupons',
					body: { code: 'SAVE10' },
				}),
			);
			expect(error.message).toBe('Could not reach BigCommerce: no answer arrived in time');
			expect(error.description).toContain('not sent again');
			expect(since(before).filter((request) => request.method === 'POST')).toHaveLength(1);
		} finally {
			retrySettings.timeoutMs = saved;
		}
	});

	it('429 is the exception: BigCommerce did not process it, so the POST is sent again', async () => {
		server.faults.add({ method: 'POST', kind: 'rateLimitBare', times: 1 });
		const before = server.requests.length;
		expect(await call('POST', '/catalog/products', { name: 'Gloves' })).toEqual({
			id: 1,
			name: 'Gloves',
		});
		expect(since(before).map((request) => `${request.method} ${request.status}`)).toEqual([
			'POST 429',
			'POST 200',
		]);
		expect(created).toHaveLength(1);
	});

	it('a refused connection (never sent) may be tried again, even for a POST', async () => {
		const closed = await startServer();
		const { ctx, sent } = transportContext(closed);
		await closed.close();
		const error = await caught(() =>
			bigCommerceApiRequest.call(ctx, {
				method: 'POST',
				version: 'v3',
				path: '/catalog/products',
				body: {},
			}),
		);
		expect(error.message).toBe('Could not reach BigCommerce: the connection was refused');
		expect(error.description).toContain('could not be sent');
		expect(sent).toHaveLength(retrySettings.maxRetries + 1);
	});
});
