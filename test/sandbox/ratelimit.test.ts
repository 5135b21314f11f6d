/** BigCommerce-style rate limiting in the sandbox: headers on every response, 429, window reset. */
import { startSandbox, useSandbox } from '../helpers/sandbox';

let clock = 1_700_000_000_000;

const sandbox = useSandbox({ now: () => clock, rateLimit: { quota: 3, windowMs: 10_000 } });
beforeEach(() => sandbox.setRateLimit({ quota: 3, windowMs: 10_000 }));

async function get(version = 'v2', path = '/time') {
	const response = await fetch(`${sandbox.apiPath(version)}${path}`, {
		headers: { 'X-Auth-Token': sandbox.accessToken, Accept: 'application/json' },
	});
	const text = await response.text();
	return {
		status: response.status,
		headers: response.headers,
		body: text ? JSON.parse(text) : undefined,
	};
}

describe('rate limit', () => {
	it('sends the X-Rate-Limit-* headers on every API response, counting down', async () => {
		const first = await get();
		clock += 1000;
		const second = await get();
		expect(first.status).toBe(200);
		expect(first.headers.get('x-rate-limit-requests-quota')).toBe('3');
		expect(first.headers.get('x-rate-limit-time-window-ms')).toBe('10000');
		expect(first.headers.get('x-rate-limit-requests-left')).toBe('2');
		expect(first.headers.get('x-rate-limit-time-reset-ms')).toBe('10000');
		expect(second.headers.get('x-rate-limit-requests-left')).toBe('1');
		expect(second.headers.get('x-rate-limit-time-reset-ms')).toBe('9000');
	});

	it('answers 429 with the reset time once the quota is spent, in each version error shape', async () => {
		await get();
		await get();
		await get();
		clock += 2500;
		const v2 = await get();
		const v3 = await get('v3', '/catalog/products');
		expect(v2.status).toBe(429);
		expect(v2.headers.get('x-rate-limit-requests-left')).toBe('0');
		expect(v2.headers.get('x-rate-limit-time-reset-ms')).toBe('7500');
		expect(v2.headers.get('x-retry-after')).toBe('8');
		expect(v2.body).toEqual([{ status: 429, message: expect.stringMatching(/rate limit/) }]);
		expect(v3.status).toBe(429);
		expect(v3.body).toMatchObject({ status: 429, title: expect.stringMatching(/rate limit/) });
		// a refused request does not reach the store
		expect(sandbox.requests.slice(-2).map((r) => r.status)).toEqual([429, 429]);
	});

	it('opens a new window when the sandbox clock passes the reset time', async () => {
		for (let i = 0; i < 3; i++) await get();
		expect((await get()).status).toBe(429);
		clock += 9_999;
		expect((await get()).status).toBe(429);
		clock += 1;
		const fresh = await get();
		expect(fresh.status).toBe(200);
		expect(fresh.headers.get('x-rate-limit-requests-left')).toBe('2');
	});

	it('can be changed or turned off at run time', async () => {
		sandbox.setRateLimit({ quota: 1, windowMs: 500 });
		expect((await get()).headers.get('x-rate-limit-requests-quota')).toBe('1');
		expect((await get()).status).toBe(429);
		sandbox.setRateLimit(false);
		const free = await get();
		expect(free.status).toBe(200);
		expect(free.headers.get('x-rate-limit-requests-left')).toBeNull();
	});

	it('defaults to 150 requests per 30 s', async () => {
		const other = await startSandbox();
		try {
			const response = await fetch(`${other.apiPath('v2')}/time`, {
				headers: { 'X-Auth-Token': other.accessToken },
			});
			expect(response.headers.get('x-rate-limit-requests-quota')).toBe('150');
			expect(response.headers.get('x-rate-limit-time-window-ms')).toBe('30000');
			expect(response.headers.get('x-rate-limit-requests-left')).toBe('149');
		} finally {
			await other.close();
		}
	});
});
