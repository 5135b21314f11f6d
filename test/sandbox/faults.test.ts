/** Fault injection controlled by tests: status, drop, latency, hang, rateLimit, rateLimitBare. */
import { sleep } from 'n8n-workflow';

import { startSandbox, useSandbox } from '../helpers/sandbox';

const sandbox = useSandbox({ rateLimit: { quota: 100, windowMs: 30_000 } });
afterEach(() => sandbox.faults.clear());

async function call(method: string, version: string, path: string) {
	const response = await fetch(`${sandbox.apiPath(version)}${path}`, {
		method,
		headers: {
			'X-Auth-Token': sandbox.accessToken,
			Accept: 'application/json',
			'Content-Type': 'application/json',
		},
	});
	const text = await response.text();
	return {
		status: response.status,
		headers: response.headers,
		body: text ? JSON.parse(text) : undefined,
	};
}

/** Resolves once the sandbox has logged `count` requests after index `since` (held requests are logged on arrival). */
async function waitForRequests(since: number, count: number) {
	for (let i = 0; i < 200; i++) {
		if (sandbox.requests.length >= since + count) return;
		await sleep(10);
	}
	throw new Error(`the sandbox received ${sandbox.requests.length - since} of ${count} requests`);
}

describe('faults', () => {
	it("'status' answers the given status for `times` matching requests, then steps aside", async () => {
		const fault = sandbox.faults.add({
			method: 'GET',
			path: '/v2/time',
			times: 2,
			kind: 'status',
			status: 503,
		});
		const statuses = [];
		for (let i = 0; i < 3; i++) statuses.push((await call('GET', 'v2', '/time')).status);
		expect(statuses).toEqual([503, 503, 200]);
		expect(fault.hits).toBe(2);
		expect(fault.remaining).toBe(0);
		const again = sandbox.faults.add({ path: '/v2/store', kind: 'status', status: 500 });
		const failed = await call('GET', 'v2', '/store');
		expect(failed.body).toEqual([{ status: 500, message: expect.any(String) }]);
		expect(failed.headers.get('x-rate-limit-requests-left')).not.toBeNull();
		expect(again.hits).toBe(1);
	});

	it("'status' takes a custom body and only matches its method and path (prefix or RegExp)", async () => {
		sandbox.faults.add({ method: 'POST', path: '/v2', kind: 'status', status: 502 });
		sandbox.faults.add({
			path: /^\/v3\/catalog\/products$/,
			kind: 'status',
			status: 504,
			body: { status: 504, title: 'Gateway Timeout' },
		});
		expect((await call('GET', 'v2', '/time')).status).toBe(200);
		const v3 = await call('GET', 'v3', '/catalog/products');
		expect(v3).toMatchObject({ status: 504, body: { status: 504, title: 'Gateway Timeout' } });
	});

	it("'after' lets the first matching requests through", async () => {
		sandbox.faults.add({ path: '/time', after: 1, kind: 'status', status: 500 });
		expect((await call('GET', 'v2', '/time')).status).toBe(200);
		expect((await call('GET', 'v2', '/time')).status).toBe(500);
		expect((await call('GET', 'v2', '/time')).status).toBe(200);
	});

	it("'drop' closes the connection without an answer", async () => {
		sandbox.faults.add({ path: '/v2/time', kind: 'drop' });
		await expect(call('GET', 'v2', '/time')).rejects.toThrow();
		expect(sandbox.requests.at(-1)).toMatchObject({ path: '/time', status: null, fault: 'drop' });
		expect((await call('GET', 'v2', '/time')).status).toBe(200);
	});

	it("'drop' with process: true handles the request before closing the connection", async () => {
		let handled = 0;
		sandbox.route('GET', 'v2', '/time', () => {
			handled += 1;
			return { status: 200, body: { time: 1 } };
		});
		sandbox.routes.unshift(sandbox.routes.pop());
		sandbox.faults.add({ method: 'GET', path: '/v2/time', kind: 'drop', process: true });
		await expect(call('GET', 'v2', '/time')).rejects.toThrow();
		expect(handled).toBe(1);
		sandbox.faults.add({ method: 'GET', path: '/v2/time', kind: 'drop' });
		await expect(call('GET', 'v2', '/time')).rejects.toThrow();
		expect(handled).toBe(1);
		sandbox.routes.shift();
	});

	it("'latency' delays the real answer", async () => {
		sandbox.faults.add({ path: '/v2/time', kind: 'latency', latencyMs: 150 });
		const started = Date.now();
		const answer = await call('GET', 'v2', '/time');
		expect(answer.status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);
		expect(sandbox.requests.at(-1)).toMatchObject({ fault: 'latency', status: 200 });
	});

	it("'hang' holds the request unanswered until the fault is removed, then closes the connection", async () => {
		const fault = sandbox.faults.add({ path: '/v2/time', kind: 'hang', times: Infinity });
		const before = sandbox.requests.length;
		let settled = false;
		const pending = call('GET', 'v2', '/time').finally(() => {
			settled = true;
		});
		pending.catch(() => undefined);
		await waitForRequests(before, 1);
		expect(sandbox.requests.slice(before)).toEqual([
			expect.objectContaining({ path: '/time', status: null, fault: 'hang' }),
		]);
		// the API goes on answering other paths; the held request is still without an answer after that
		expect((await call('GET', 'v2', '/store')).status).toBe(200);
		expect(settled).toBe(false);
		expect(fault.hits).toBe(1);
		fault.remove();
		await expect(pending).rejects.toThrow();
		expect((await call('GET', 'v2', '/time')).status).toBe(200);
	});

	it("'hang' requests are released by clearing the faults, also over the control endpoint", async () => {
		const created = await fetch(`${sandbox.controlUrl}/faults`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ kind: 'hang', times: -1 }),
		});
		expect(created.status).toBe(201);
		const before = sandbox.requests.length;
		const held = [call('GET', 'v2', '/time'), call('GET', 'v3', '/catalog/products')];
		for (const p of held) p.catch(() => undefined);
		await waitForRequests(before, 2);
		expect(sandbox.requests.slice(before).map((r) => r.status)).toEqual([null, null]);
		expect((await fetch(`${sandbox.controlUrl}/faults`, { method: 'DELETE' })).status).toBe(204);
		const outcomes = await Promise.allSettled(held);
		expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
		expect((await call('GET', 'v2', '/time')).status).toBe(200);
	});

	it("'rateLimit' answers 429 with the rate-limit headers; 'rateLimitBare' without them", async () => {
		sandbox.faults.add({ kind: 'rateLimit', times: Infinity });
		for (let i = 0; i < 3; i++) {
			const limited = await call('GET', 'v3', '/catalog/products');
			expect(limited.status).toBe(429);
			expect(limited.headers.get('x-rate-limit-requests-left')).toBe('0');
			expect(Number(limited.headers.get('x-rate-limit-time-reset-ms'))).toBeGreaterThan(0);
			expect(limited.headers.get('x-retry-after')).not.toBeNull();
		}
		sandbox.faults.clear();
		sandbox.faults.add({ kind: 'rateLimitBare' });
		const bare = await call('GET', 'v2', '/time');
		expect(bare.status).toBe(429);
		expect(bare.body).toEqual([{ status: 429, message: expect.any(String) }]);
		expect(bare.headers.get('x-rate-limit-requests-left')).toBeNull();
		expect(bare.headers.get('x-rate-limit-time-reset-ms')).toBeNull();
		expect(bare.headers.get('x-retry-after')).toBeNull();
	});

	it('a handle removes its own fault', async () => {
		const fault = sandbox.faults.add({ kind: 'status', status: 500, times: 5 });
		fault.remove();
		expect((await call('GET', 'v2', '/time')).status).toBe(200);
		expect(() => sandbox.faults.add({ kind: 'explode' as 'drop' })).toThrow(/fault kind/);
	});

	it('global latencyMs delays every API answer', async () => {
		const slow = await startSandbox({ latencyMs: 120 });
		try {
			const started = Date.now();
			const response = await fetch(`${slow.apiPath('v2')}/time`, {
				headers: { 'X-Auth-Token': slow.accessToken },
			});
			expect(response.status).toBe(200);
			expect(Date.now() - started).toBeGreaterThanOrEqual(110);
		} finally {
			await slow.close();
		}
	});
});
