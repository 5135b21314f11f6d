/** Out-of-process control of the sandbox over HTTP (/__sandbox/...), as the e2e harness uses it. */
import { acknowledgeViolations, type Json, useSandbox } from '../helpers/sandbox';

const sandbox = useSandbox({ rateLimit: { quota: 50, windowMs: 30_000 } });

async function control(method: string, path: string, body?: Json) {
	const response = await fetch(`${sandbox.baseUrl}/__sandbox${path}`, {
		method,
		headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

async function api(path: string, token = sandbox.accessToken) {
	const response = await fetch(`${sandbox.apiPath('v2')}${path}`, {
		headers: { 'X-Auth-Token': token, Accept: 'application/json' },
	});
	const text = await response.text();
	return {
		status: response.status,
		headers: response.headers,
		body: text ? JSON.parse(text) : undefined,
	};
}

describe('/__sandbox control endpoints', () => {
	it('GET /info tells where the store is and how to reach it', async () => {
		const info = await control('GET', '/info');
		expect(info.status).toBe(200);
		expect(info.body).toMatchObject({
			baseUrl: sandbox.baseUrl,
			storeHash: sandbox.storeHash,
			accessToken: sandbox.accessToken,
			storeId: sandbox.storeId,
			controlUrl: `${sandbox.baseUrl}/__sandbox`,
		});
	});

	it('GET /requests lists what the store received, from an index on', async () => {
		const start = (await control('GET', '/requests')).body.total;
		await api('/time');
		await api('/time');
		const since = await control('GET', `/requests?since=${start}`);
		expect(since.body.total).toBe(start + 2);
		expect(since.body.requests.map((r: Json) => [r.method, r.path, r.status])).toEqual([
			['GET', '/time', 200],
			['GET', '/time', 200],
		]);
	});

	it('POST/DELETE /faults add and clear faults', async () => {
		const added = await control('POST', '/faults', {
			kind: 'status',
			status: 503,
			pathRegex: '^/v2/time$',
			times: -1,
		});
		expect(added.status).toBe(201);
		expect((await api('/time')).status).toBe(503);
		expect((await api('/time')).status).toBe(503);
		expect((await control('GET', '/faults')).body.faults).toEqual([
			expect.objectContaining({ id: added.body.id, kind: 'status', hits: 2 }),
		]);
		expect((await control('DELETE', '/faults')).status).toBe(204);
		expect((await api('/time')).status).toBe(200);
		expect((await control('POST', '/faults', { kind: 'nonsense' })).status).toBe(400);
		const one = await control('POST', '/faults', { kind: 'rateLimitBare', path: '/v2/time' });
		expect((await control('DELETE', `/faults/${one.body.id}`)).status).toBe(204);
		expect((await api('/time')).status).toBe(200);
	});

	it('POST /rate-limit changes the quota', async () => {
		const set = await control('POST', '/rate-limit', { quota: 2, windowMs: 60_000 });
		expect(set.body).toMatchObject({ quota: 2, windowMs: 60_000, left: 2 });
		await api('/time');
		await api('/time');
		const limited = await api('/time');
		expect(limited.status).toBe(429);
		expect(limited.headers.get('x-rate-limit-requests-quota')).toBe('2');
		await control('POST', '/rate-limit', { enabled: false });
		expect((await api('/time')).status).toBe(200);
		await control('POST', '/rate-limit', { quota: 50, windowMs: 30_000 });
	});

	it('POST /tokens adds a scoped token; POST /tokens/revoke revokes it', async () => {
		const created = await control('POST', '/tokens', {
			token: 'read-only-info',
			scopes: ['store_v2_information_read_only'],
		});
		expect(created).toEqual({
			status: 201,
			body: { token: 'read-only-info', scopes: ['store_v2_information_read_only'] },
		});
		expect((await api('/time', 'read-only-info')).status).toBe(200);
		const noScope = await control('POST', '/tokens', { scopes: ['store_v2_orders'] });
		expect(noScope.body.token).toEqual(expect.any(String));
		expect((await api('/time', noScope.body.token)).status).toBe(403);
		expect((await control('POST', '/tokens/revoke', { token: 'read-only-info' })).status).toBe(200);
		expect((await api('/time', 'read-only-info')).status).toBe(401);
		expect((await control('POST', '/tokens/revoke', { token: 'never-issued' })).status).toBe(404);
	});

	it('GET /violations reports contract violations; POST /reset-counters clears the logs', async () => {
		await fetch(`${sandbox.apiPath('v3')}/no/such/endpoint`, {
			headers: { 'X-Auth-Token': sandbox.accessToken },
		});
		const violations = await control('GET', '/violations');
		expect(violations.body.violations.at(-1)).toMatchObject({
			spec: null,
			path: '/v3/no/such/endpoint',
			direction: 'request',
		});
		expect(acknowledgeViolations()).toHaveLength(1); // provoked on purpose
		const reset = await control('POST', '/reset-counters');
		expect(reset.status).toBe(200);
		expect((await control('GET', '/requests')).body.total).toBe(0);
		expect((await api('/time')).headers.get('x-rate-limit-requests-left')).toBe('49');
	});

	it('GET /state/:collection reads a state collection; POST /clock moves time', async () => {
		const info = await control('GET', '/state/storeInfo');
		expect(info.body).toMatchObject({ name: 'Sandbox Outfitters' });
		expect((await control('GET', '/state/nothing-like-this')).status).toBe(404);
		const before = sandbox.now();
		const moved = await control('POST', '/clock', { advanceMs: 60_000 });
		expect(moved.body.now).toBeGreaterThanOrEqual(before + 60_000);
	});

	it('registerControl lets modules add their own endpoints', async () => {
		sandbox.registerControl('POST', '/echo/:word', ({ params, body }: Json) => ({
			status: 200,
			body: { word: params.word, body },
		}));
		expect(await control('POST', '/echo/hello', { a: 1 })).toEqual({
			status: 200,
			body: { word: 'hello', body: { a: 1 } },
		});
		expect((await control('GET', '/echo/hello')).status).toBe(405);
		expect((await control('GET', '/unknown')).status).toBe(404);
	});
});
