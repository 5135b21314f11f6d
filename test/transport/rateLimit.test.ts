import { NodeApiError, sleep } from 'n8n-workflow';

import { backoffMs, bigCommerceApiRequest, retrySettings } from '../../nodes/BigCommerce/transport';
import {
	acquire,
	exhaust,
	MAX_RATE_LIMIT_WAIT_MS,
	rateLimitState,
	release,
	type RateLimitTicket,
} from '../../nodes/BigCommerce/transport/rateLimit';
import {
	caught,
	respond,
	startServer,
	TOKEN,
	transportContext,
	useFastRetries,
	type TestServer,
} from './harness';

let server: TestServer;
/** Requests the product route is handling right now, and the most at once. */
let active = 0;
let mostAtOnce = 0;

useFastRetries();
beforeAll(async () => {
	server = await startServer();
	server.route('GET', 'v3', '/catalog/products/:id', async (ctx) => {
		active++;
		mostAtOnce = Math.max(mostAtOnce, active);
		await sleep(15);
		active--;
		return respond.v3One({ id: Number(ctx.params.id), name: 'Hat' });
	});
	server.route('POST', 'v3', '/catalog/products', (ctx) => respond.v3One({ id: 1, ...ctx.body }));
});
beforeEach(() => {
	server.faults.clear();
	server.setRateLimit(false);
	mostAtOnce = 0;
});
afterAll(async () => server.close());

const get = (id: number, authentication: 'accessToken' | 'oAuth2' = 'accessToken') => {
	const { ctx } = transportContext(server, { authentication });
	return bigCommerceApiRequest.call(ctx, {
		method: 'GET',
		version: 'v3',
		path: `/catalog/products/${id}`,
	});
};
const since = (before: number) => server.requests.slice(before);
const statuses = (before: number) => since(before).map((request) => request.status);
const governorKey = () => `${server.baseUrl}|${server.storeHash}`;

describe('pacing on X-Rate-Limit-Requests-Left', () => {
	it('sequential requests beyond the quota wait for the reset instead of hitting 429', async () => {
		server.setRateLimit({ quota: 5, windowMs: 300 });
		const before = server.requests.length;
		for (let id = 1; id <= 12; id++) expect(await get(id)).toMatchObject({ id });
		// the server enforces 5 per window: 12 answers without a 429 means they were spread
		// over at least three windows, waiting for each reset
		expect(statuses(before)).toEqual(Array(12).fill(200));
	});

	it('parallel requests (more than the quota, from separate executions, both credentials) never get a 429', async () => {
		server.setRateLimit({ quota: 5, windowMs: 300 });
		const before = server.requests.length;
		const results = await Promise.all(
			Array.from({ length: 14 }, (_, i) => get(i + 1, i % 2 ? 'oAuth2' : 'accessToken')),
		);
		expect(results.map((r) => (r as { id: number }).id)).toEqual(
			Array.from({ length: 14 }, (_, i) => i + 1),
		);
		expect(statuses(before)).toEqual(Array(14).fill(200));
		expect(mostAtOnce).toBeLessThanOrEqual(5);
		expect(rateLimitState(governorKey()).inFlight).toBe(0);
	});

	it('a store that sends no rate-limit headers is not paced (requests run in parallel)', async () => {
		await get(1);
		expect(rateLimitState(governorKey()).mode).toBe('unlimited');
		await Promise.all(Array.from({ length: 8 }, (_, i) => get(i + 1)));
		expect(mostAtOnce).toBeGreaterThan(1);
	});
});

describe('429 answers', () => {
	it('429 with the rate-limit headers (quota spent by another app): waits for the reset, then succeeds', async () => {
		// a long window, so the other app's requests surely fall into the same one
		server.setRateLimit({ quota: 3, windowMs: 1000 });
		// another app spends the store's quota behind the governor's back
		for (let i = 0; i < 3; i++) {
			const answer = await fetch(
				`${server.baseUrl}/stores/${server.storeHash}/v3/catalog/products/1`,
				{
					headers: { 'X-Auth-Token': TOKEN },
				},
			);
			expect(answer.status).toBe(200);
		}
		const before = server.requests.length;
		expect(await get(42)).toMatchObject({ id: 42 });
		// one 429, then the retry came after the reset (a retry before it would be refused again)
		expect(statuses(before)).toEqual([429, 200]);
	});

	it('after a 429 every request to the store waits for the reset (the governor is shared)', async () => {
		server.setRateLimit({ quota: 2, windowMs: 1000 });
		for (let i = 0; i < 2; i++) {
			await fetch(`${server.baseUrl}/stores/${server.storeHash}/v3/catalog/products/1`, {
				headers: { 'X-Auth-Token': TOKEN },
			});
		}
		const before = server.requests.length;
		const results = await Promise.all([get(1), get(2), get(3)]);
		expect(results).toHaveLength(3);
		// the first answer (a 429) told the governor about the spent quota: the other two waited
		expect(statuses(before).filter((status) => status === 429)).toHaveLength(1);
	});

	it('429 without rate-limit headers (platform load): backs off with growing waits and succeeds', async () => {
		server.faults.add({ kind: 'rateLimitBare', times: 3 });
		const before = server.requests.length;
		const { ctx, logs } = transportContext(server);
		const product = await bigCommerceApiRequest.call(ctx, {
			method: 'GET',
			version: 'v3',
			path: '/catalog/products/7',
		});
		expect(product).toMatchObject({ id: 7 });
		expect(statuses(before)).toEqual([429, 429, 429, 200]);
		const waits = logs
			.map((entry) => /429 without headers, waiting (\d+) ms/.exec(entry.message))
			.filter((match) => match !== null)
			.map((match) => Number(match[1]));
		expect(waits).toHaveLength(3);
		expect(waits[1]).toBeGreaterThanOrEqual(waits[0]);
		expect(waits[2]).toBeGreaterThanOrEqual(waits[1]);
		expect(waits[2]).toBeGreaterThan(waits[0]);
	});

	it('the back-off is jittered, so parallel clients spread out', () => {
		const samples = Array.from({ length: 40 }, () => backoffMs(2));
		const step = retrySettings.baseBackoffMs * 4;
		expect(new Set(samples).size).toBeGreaterThan(1);
		for (const wait of samples) {
			expect(wait).toBeGreaterThanOrEqual(Math.floor(step / 2));
			expect(wait).toBeLessThanOrEqual(step);
		}
		expect(backoffMs(50)).toBeLessThanOrEqual(retrySettings.maxBackoffMs);
	});

	it('gives up after max429Retries with a clear NodeApiError (429 without headers)', async () => {
		server.faults.add({ kind: 'rateLimitBare', times: Infinity });
		const before = server.requests.length;
		const error = await caught(() => get(9));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe('429');
		expect(error.message).toContain('BigCommerce error 429');
		expect(error.description).toContain(`after ${retrySettings.max429Retries} retries`);
		expect(since(before)).toHaveLength(retrySettings.max429Retries + 1);
	});

	it('gives up after max429Retries with a clear NodeApiError (429 with headers)', async () => {
		server.setRateLimit({ quota: 1, windowMs: 50 });
		server.faults.add({ kind: 'rateLimit', times: Infinity });
		const before = server.requests.length;
		const error = await caught(() => get(9));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe('429');
		expect(error.description).toContain('rate limit was still exhausted');
		expect(statuses(before)).toEqual(Array(retrySettings.max429Retries + 1).fill(429));
	});
});

/**
 * Whether the promise settles within a few turns of the event loop: long before any wait of the
 * transport (back-off, rate-limit window) could have ended by itself.
 */
async function settlesPromptly(promise: Promise<unknown>): Promise<boolean> {
	let settled = false;
	promise.then(
		() => (settled = true),
		() => (settled = true),
	);
	for (let turn = 0; turn < 10 && !settled; turn++) await sleep(0);
	return settled;
}

describe('rate-limit waits are bounded and end when the execution is stopped', () => {
	/** Starts a GET with an execution cancel signal; resolves once it waits after its 429. */
	const startThrottled = async (resetHeader: string) => {
		server.setRateLimit({ quota: 100, windowMs: 30_000 });
		server.faults.add({
			kind: 'rateLimit',
			times: 1,
			headers: { 'X-Rate-Limit-Time-Reset-Ms': resetHeader, 'X-Retry-After': resetHeader },
		});
		const controller = new AbortController();
		const { ctx, logs } = transportContext(server);
		(ctx as unknown as { getExecutionCancelSignal: () => AbortSignal }).getExecutionCancelSignal =
			() => controller.signal;
		const before = server.requests.length;
		const request = bigCommerceApiRequest.call(ctx, {
			method: 'GET',
			version: 'v3',
			path: '/catalog/products/5',
		});
		request.catch(() => undefined);
		for (let tries = 0; rateLimitState(governorKey()).waiting === 0 && tries < 200; tries++)
			await sleep(5);
		expect(statuses(before)).toEqual([429]);
		expect(rateLimitState(governorKey()).waiting).toBe(1);
		return { controller, logs, request, before };
	};

	it('X-Rate-Limit-Time-Reset-Ms: 999999999 (11.6 days) is clamped to one 30 s window plus margin, with a warning', async () => {
		const { controller, logs, request, before } = await startThrottled('999999999');
		const { resetInMs } = rateLimitState(governorKey());
		expect(resetInMs).toBeGreaterThan(MAX_RATE_LIMIT_WAIT_MS - 1000);
		expect(resetInMs).toBeLessThanOrEqual(MAX_RATE_LIMIT_WAIT_MS + 5);
		expect(MAX_RATE_LIMIT_WAIT_MS).toBe(35_000);
		const warnings = logs.filter((entry) => entry.level === 'warn');
		expect(warnings).toHaveLength(1);
		expect(warnings[0].message).toContain('asked to wait 999999999 ms');
		expect(warnings[0].message).toContain(`at most ${MAX_RATE_LIMIT_WAIT_MS} ms`);
		expect(JSON.stringify(logs)).not.toContain(TOKEN);
		controller.abort();
		expect(await settlesPromptly(request)).toBe(true);
		const error = await caught(async () => await request);
		expect(error.message).toBe('The execution was stopped while a BigCommerce request was waiting');
		expect(error.description).toContain('GET /v3/catalog/products/5');
		expect(error.description).toContain('not sent again');
		expect(rateLimitState(governorKey())).toMatchObject({ waiting: 0, inFlight: 0 });
		// nothing was sent after the stop
		await sleep(20);
		expect(statuses(before)).toEqual([429]);
	});

	it("3000000000 ms (beyond Node's timer limit) emits no TimeoutOverflowWarning and does not spin", async () => {
		const warnings: string[] = [];
		const onWarning = (warning: Error) => warnings.push(warning.name);
		// eslint-disable-next-line @n8n/community-nodes/no-restricted-globals -- test code: Node reports TimeoutOverflowWarning on process
		process.on('warning', onWarning);
		try {
			const { controller, request } = await startThrottled('3000000000');
			expect(rateLimitState(governorKey()).resetInMs).toBeLessThanOrEqual(
				MAX_RATE_LIMIT_WAIT_MS + 5,
			);
			// a spinning 1 ms timer would emit a warning on every turn
			await sleep(50);
			controller.abort();
			expect(await settlesPromptly(request)).toBe(true);
			await sleep(20);
			expect(warnings.filter((name) => name === 'TimeoutOverflowWarning')).toEqual([]);
		} finally {
			// eslint-disable-next-line @n8n/community-nodes/no-restricted-globals -- see above
			process.off('warning', onWarning);
		}
	});

	it('a back-off between retries (a 503 on a GET) ends when the execution is stopped', async () => {
		const saved = { ...retrySettings };
		Object.assign(retrySettings, { baseBackoffMs: 20_000, maxBackoffMs: 30_000 });
		try {
			server.faults.add({ method: 'GET', kind: 'status', status: 503, times: 1 });
			const controller = new AbortController();
			const { ctx, logs } = transportContext(server);
			(ctx as unknown as { getExecutionCancelSignal: () => AbortSignal }).getExecutionCancelSignal =
				() => controller.signal;
			const before = server.requests.length;
			const request = bigCommerceApiRequest.call(ctx, {
				method: 'GET',
				version: 'v3',
				path: '/catalog/products/6',
			});
			request.catch(() => undefined);
			for (
				let tries = 0;
				!logs.some((entry) => entry.message.includes('503, retry 1')) && tries < 200;
				tries++
			) {
				await sleep(5);
			}
			expect(statuses(before)).toEqual([503]);
			controller.abort();
			expect(await settlesPromptly(request)).toBe(true);
			const error = await caught(async () => await request);
			expect(error.message).toBe(
				'The execution was stopped while a BigCommerce request was waiting',
			);
			expect(error.description).toContain('a retry after a 503');
			expect(statuses(before)).toEqual([503]);
		} finally {
			Object.assign(retrySettings, saved);
		}
	});

	it("a request waiting for another execution's spent quota leaves the queue when stopped; the others still go", async () => {
		const KEY = 'http://unit.test|stopped';
		exhaust(KEY, 60);
		const controller = new AbortController();
		const stopped = acquire(KEY, controller.signal);
		stopped.catch(() => undefined);
		let otherGranted = false;
		void acquire(KEY).then(() => (otherGranted = true));
		await sleep(2);
		expect(rateLimitState(KEY).waiting).toBe(2);
		controller.abort();
		expect(await settlesPromptly(stopped)).toBe(true);
		await expect(stopped).rejects.toThrow('execution was stopped');
		expect(rateLimitState(KEY).waiting).toBe(1);
		await sleep(120);
		expect(otherGranted).toBe(true);
		expect(rateLimitState(KEY).inFlight).toBe(1);
	});
});

describe('rate-limit clamp on a fake clock', () => {
	const KEY = 'http://unit.test|clock';
	beforeEach(() => jest.useFakeTimers());
	afterEach(() => jest.useRealTimers());

	/** How long (fake ms) a request waits after `setup`, measured in 1 s steps up to 20 minutes. */
	const measuredWait = async (setup: () => void): Promise<number> => {
		setup();
		let granted = false;
		void acquire(KEY).then(() => (granted = true));
		let waited = 0;
		while (!granted && waited < 20 * 60_000) {
			await jest.advanceTimersByTimeAsync(1000);
			waited += 1000;
		}
		return waited;
	};

	it.each([999999999, 3000000000])(
		'a 429 asking for %i ms holds requests for one window plus margin at most',
		async (resetMs) => {
			const waited = await measuredWait(() => exhaust(KEY, resetMs));
			expect(waited).toBeGreaterThanOrEqual(MAX_RATE_LIMIT_WAIT_MS);
			expect(waited).toBeLessThanOrEqual(MAX_RATE_LIMIT_WAIT_MS + 1000);
		},
	);

	it('an ordinary answer with Requests-Left 0 and a reset of 999999999 ms is clamped the same way', async () => {
		const waited = await measuredWait(() => {
			void acquire(KEY);
			release(KEY, {
				statusCode: 200,
				headers: { 'x-rate-limit-requests-left': '0', 'x-rate-limit-time-reset-ms': '999999999' },
			});
		});
		expect(waited).toBeGreaterThanOrEqual(MAX_RATE_LIMIT_WAIT_MS);
		expect(waited).toBeLessThanOrEqual(MAX_RATE_LIMIT_WAIT_MS + 1000);
	});
});

describe('governor bookkeeping', () => {
	const KEY = 'http://unit.test|store1';
	/** A 200 with the rate-limit headers; `quota`: X-Rate-Limit-Requests-Quota too. */
	const answer = (left: number, resetMs: number, quota?: number) => ({
		statusCode: 200,
		headers: {
			'x-rate-limit-requests-left': String(left),
			'x-rate-limit-time-reset-ms': String(resetMs),
			'x-rate-limit-time-window-ms': '2000',
			...(quota === undefined ? {} : { 'x-rate-limit-requests-quota': String(quota) }),
		},
	});
	/** Starts an acquire and reports whether it got through, with its ticket once it did. */
	const pending = () => {
		const state: { granted: boolean; ticket?: RateLimitTicket } = { granted: false };
		void acquire(KEY).then((ticket) => Object.assign(state, { granted: true, ticket }));
		return state;
	};
	const settle = async () => sleep(2);
	/**
	 * Passes one window in which every answer is explained by the governor's own requests, then
	 * sends the next window's first request: the caller's answer to it (a newer window) is what
	 * tells the governor it is alone on the store.
	 */
	const afterOneWindowAlone = async (quota?: number) => {
		await acquire(KEY);
		release(KEY, answer(9, 50, quota));
		// long enough past its end (more than a quarter window) that the next answer is a newer window
		await sleep(600);
		return await acquire(KEY);
	};

	it('before anything is known, one request at a time finds out the quota', async () => {
		await acquire(KEY);
		const second = pending();
		await settle();
		expect(second.granted).toBe(false);
		release(KEY, answer(5, 2000));
		await settle();
		expect(second.granted).toBe(true);
		expect(rateLimitState(KEY)).toMatchObject({ mode: 'limited', left: 5, inFlight: 1 });
	});

	it('counts requests in flight against what is left', async () => {
		release(KEY, answer(2, 2000), await afterOneWindowAlone());
		expect(rateLimitState(KEY).alone).toBe(true);
		await acquire(KEY);
		await acquire(KEY);
		const third = pending();
		await settle();
		expect(third.granted).toBe(false);
		expect(rateLimitState(KEY)).toMatchObject({ left: 2, inFlight: 2, waiting: 1 });
		// an answer saying one is left (the other still in flight): still no room
		release(KEY, answer(1, 1990));
		await settle();
		expect(third.granted).toBe(false);
		expect(rateLimitState(KEY).left).toBe(1);
	});

	it('merges answers of the same window conservatively and ignores a late one from an older window', async () => {
		await acquire(KEY);
		release(KEY, answer(5, 2000));
		await acquire(KEY);
		release(KEY, answer(7, 1950)); // arrived late, same window: more left is not believed
		expect(rateLimitState(KEY).left).toBe(5);
		await acquire(KEY);
		release(KEY, answer(3, 1900));
		expect(rateLimitState(KEY).left).toBe(3);
		await acquire(KEY);
		release(KEY, answer(9, 5)); // a window ending long before this one: stale, ignored
		expect(rateLimitState(KEY).left).toBe(3);
	});

	it('a newer window replaces the figures', async () => {
		await acquire(KEY);
		release(KEY, answer(0, 200));
		const next = pending();
		await settle();
		expect(next.granted).toBe(false);
		// after the reset one request goes to find out the new window
		await sleep(400);
		expect(next.granted).toBe(true);
		release(KEY, answer(4, 2000));
		expect(rateLimitState(KEY)).toMatchObject({ mode: 'limited', left: 4, inFlight: 0 });
	});

	it('after a reset, a store it spends alone gets half its stated quota at once (no lone first request), the rest after the first answer', async () => {
		release(KEY, answer(0, 200, 4), await afterOneWindowAlone(4));
		const waiting = Array.from({ length: 5 }, pending);
		await settle();
		expect(waiting.filter((request) => request.granted)).toHaveLength(0);
		await sleep(400);
		// two of the new window's four go together (another process that also ran alone may be
		// opening this window too: half each keeps the two within the quota)
		expect(waiting.map((request) => request.granted)).toEqual([true, true, false, false, false]);
		// the first answer: 4 minus its own 2, nobody else spent any; what is left goes
		release(KEY, answer(2, 1990, 4), waiting[0].ticket);
		await settle();
		expect(waiting.map((request) => request.granted)).toEqual([true, true, true, false, false]);
		expect(rateLimitState(KEY)).toMatchObject({ left: 2, inFlight: 2, alone: true, shared: false });
	});

	it("a window the governor opened on its own estimate ends when the store's first answer says", async () => {
		release(KEY, answer(0, 200, 3), await afterOneWindowAlone(3));
		await sleep(400);
		await acquire(KEY); // opens the new window: estimated to end 2000 ms (its length) from now
		// the request arrived late: the store's window ends 2100 ms from now, later than estimated
		release(KEY, answer(2, 2100));
		expect(rateLimitState(KEY).resetInMs).toBeGreaterThan(2050);
	});

	it('after a reset, a shared store (a 429 said so) still sends one request first', async () => {
		release(KEY, answer(5, 2000, 3), await afterOneWindowAlone(3));
		expect(rateLimitState(KEY).alone).toBe(true);
		exhaust(KEY, 200);
		const waiting = [pending(), pending()];
		await sleep(400);
		expect(waiting.map((request) => request.granted)).toEqual([true, false]);
	});

	it('learns nothing from a failure without an answer, nor from a headerless 5xx or 429', async () => {
		await acquire(KEY);
		release(KEY);
		expect(rateLimitState(KEY).mode).toBe('unknown');
		await acquire(KEY);
		release(KEY, { statusCode: 503, headers: {} });
		expect(rateLimitState(KEY).mode).toBe('unknown');
		await acquire(KEY);
		release(KEY, { statusCode: 429, headers: {} });
		expect(rateLimitState(KEY).mode).toBe('unknown');
		await acquire(KEY);
		release(KEY, { statusCode: 200, headers: { 'content-type': 'application/json' } });
		expect(rateLimitState(KEY).mode).toBe('unlimited');
	});

	it('exhaust (a 429) holds every request until the reset', async () => {
		await acquire(KEY);
		release(KEY, answer(50, 2000));
		exhaust(KEY, 200);
		const blocked = pending();
		await settle();
		expect(blocked.granted).toBe(false);
		await sleep(400);
		expect(blocked.granted).toBe(true);
	});

	it('after a 429 the store counts as shared: at most half of what is left goes at once, the last one is not raced for', async () => {
		await acquire(KEY);
		release(KEY, answer(8, 2000));
		expect(rateLimitState(KEY).shared).toBe(false);
		exhaust(KEY, 200); // someone else spent the quota
		expect(rateLimitState(KEY).shared).toBe(true);
		await sleep(400);
		await acquire(KEY); // the new window's first request finds out the figures
		release(KEY, answer(8, 2000));
		for (let i = 0; i < 4; i++) await acquire(KEY);
		const fifth = pending();
		await settle();
		expect(fifth.granted).toBe(false); // 4 of 8 in flight: the other spender may take the rest
		expect(rateLimitState(KEY)).toMatchObject({ left: 8, inFlight: 4, waiting: 1 });
		// the four come back; the other spender took some too: 2 left store-wide → one more may go
		for (const left of [6, 4, 3, 2]) release(KEY, answer(left, 1950));
		await settle();
		expect(fifth.granted).toBe(true);
		release(KEY, answer(1, 1900));
		const last = pending();
		await settle();
		expect(last.granted).toBe(false); // 1 left: waits for the reset rather than race for it
	});

	it('until a window has passed with only its own requests, it keeps half of what is left in flight (two processes starting together)', async () => {
		await acquire(KEY);
		release(KEY, answer(8, 2000)); // the first answer: 8 left, nothing known about other spenders
		expect(rateLimitState(KEY)).toMatchObject({ alone: false, shared: false });
		for (let i = 0; i < 4; i++) await acquire(KEY);
		const fifth = pending();
		await settle();
		expect(fifth.granted).toBe(false); // another process that got the same answer may take 4
		expect(rateLimitState(KEY)).toMatchObject({ left: 8, inFlight: 4, waiting: 1 });
	});

	it('an answer with fewer requests left than its own spending explains: the store counts as shared, before any 429', async () => {
		await acquire(KEY);
		release(KEY, answer(10, 2000)); // 10 left after this governor's first request
		await acquire(KEY);
		await acquire(KEY);
		release(KEY, answer(9, 1990)); // one of its own two was counted: alone, as expected
		expect(rateLimitState(KEY).shared).toBe(false);
		release(KEY, answer(5, 1980)); // its own two explain 8 at the least: someone else spent 3
		expect(rateLimitState(KEY)).toMatchObject({ shared: true, left: 5 });
	});

	it('the first answer of a window opened on the estimate tells another spender from its own requests', async () => {
		release(KEY, answer(0, 200, 10), await afterOneWindowAlone(10));
		await sleep(400);
		// the new window, estimated: all 10 for this governor
		let tickets = [await acquire(KEY), await acquire(KEY), await acquire(KEY)];
		release(KEY, answer(7, 2000, 10), tickets[0]); // 10 minus its own 3: alone
		expect(rateLimitState(KEY).shared).toBe(false);
		release(KEY, answer(7, 1995, 10), tickets[1]);
		release(KEY, answer(7, 1990, 10), tickets[2]);
		expect(rateLimitState(KEY).shared).toBe(false);
		await sleep(2100); // the next window, estimated again
		tickets = [await acquire(KEY), await acquire(KEY), await acquire(KEY)];
		release(KEY, answer(2, 2000, 10), tickets[0]); // 10 minus its own 3 is 7, the store says 2
		expect(rateLimitState(KEY)).toMatchObject({ shared: true, left: 2 });
	});

	it('reads header names in any case', async () => {
		await acquire(KEY);
		release(KEY, {
			statusCode: 200,
			headers: { 'X-Rate-Limit-Requests-Left': '11', 'X-RATE-LIMIT-TIME-RESET-MS': '1000' },
		});
		expect(rateLimitState(KEY)).toMatchObject({ mode: 'limited', left: 11 });
	});
});
