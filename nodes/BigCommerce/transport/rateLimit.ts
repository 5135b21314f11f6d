import { sleep } from 'n8n-workflow';

/**
 * Per-store rate-limit governor, shared by every request this n8n process sends to one store
 * (BigCommerce counts one quota per store for all apps).
 *
 * It reads `X-Rate-Limit-Requests-Left` / `X-Rate-Limit-Time-Reset-Ms` from every answer and,
 * counting the requests still in flight, holds requests back BEFORE the quota runs out, so a
 * quota-bound job runs at the quota's pace without being answered 429:
 *
 * - Until the first answer tells it the quota, only one request is in flight: its answer brings
 *   the numbers. Until a window has passed in which every answer was explained by its own
 *   requests, the governor does not know it is alone and spends as on a shared store (below):
 *   two processes starting together would otherwise each send everything their first answer
 *   said was left.
 * - When a window has reset, a store known to be spent by this governor alone gets its quota
 *   (X-Rate-Limit-Requests-Quota) again without a lone first request: half of it at once (150
 *   per 30 s: 75, more than Items in Parallel sends), the rest as soon as the first answer shows
 *   nobody else spent any (two processes that each ran alone before and now start a window
 *   together then send the quota between them, not twice). Until that answer gives the store's
 *   reset time, the window is taken to end one window length after its first request was sent.
 *   A shared store, or one whose answers do not state the quota, sends one request first to
 *   learn the new window.
 * - When a window ends: an answer's X-Rate-Limit-Time-Reset-Ms was counted by the store somewhere
 *   between sending the request and receiving the answer, so it places the store's reset between
 *   `sent + reset` and `answered + reset`; the answers of one window narrow that interval, and the
 *   next window's requests go at its end. An answer whose interval lies wholly after it is from a
 *   newer window; one wholly before it, from an older window (a late answer): ignored. (Comparing
 *   the `answered + reset` figures alone, a first answer that was slow to arrive made every later
 *   answer of its window look older, and the governor spent the window twice.)
 * - Within a window, a request is sent only while `left - inFlight > 0`; the others wait for the
 *   reset time the store announced.
 * - A store that sends no rate-limit headers (proxies, "unlimited" plans) is not paced.
 * - Answers from the same window are merged conservatively (the smallest `left`).
 * - Once someone else is seen spending the same quota (other n8n processes: queue-mode workers
 *   each have their own governor; other apps), the store is treated as shared: at most half of
 *   the header-confirmed `left` is in flight at once, so every answer brings a fresh count before
 *   the rest is spent, and two spenders together never exceed what is left. The cost is a few
 *   more round trips per window, not throughput (150 per 30 s at ~100 ms each). Seen means a 429,
 *   or earlier: an answer whose `left` is below what this governor's own requests can explain
 *   (`leftIfAlone`). Two workers opening a window together each see the other's requests in
 *   their first answers, long before the window runs out and the store answers 429.
 */
type Mode = 'unknown' | 'limited' | 'unlimited';

interface StoreQuota {
	mode: Mode;
	/** Requests left in the current window (as last reported, minus nothing in flight). */
	left: number;
	/** The whole quota of a window (X-Rate-Limit-Requests-Quota), 0 while unknown. */
	fullQuota: number;
	/**
	 * When the current window ends (local clock, ms): no earlier than `resetFrom`, no later than
	 * `resetBy` (what the answers of this window say; both equal for a 429's or an estimate's end).
	 */
	resetFrom: number;
	resetBy: number;
	/** Window length, from X-Rate-Limit-Time-Window-Ms or the largest reset seen. */
	windowMs: number;
	inFlight: number;
	/** Counts the windows this governor has seen; a request remembers the one it was sent in. */
	window: number;
	/**
	 * When the governor opened the current window on its own estimate (0: the store's answers
	 * gave its end); the first answer to a request sent in it replaces the estimate.
	 */
	openedAt: number;
	/**
	 * The fewest requests the store can have left in this window if only this governor spends it:
	 * the last figures it adopted (or the whole quota of a window it opened itself), minus every
	 * request it has let through since. An answer with less left shows another spender.
	 */
	leftIfAlone: number;
	/**
	 * Who spends this quota, as far as the answers tell: `alone` once a whole window passed with
	 * every answer explained by this governor's own requests; `shared` for good once a 429 or
	 * `leftIfAlone` showed someone else (then it spends only half); `unknown` before either.
	 */
	spenders: 'unknown' | 'alone' | 'shared';
	waiters: Set<() => void>;
	timerAt?: number;
	/** Cancels the store's wake-up timer (nobody left waiting, or a sooner one replaces it). */
	timer?: AbortController;
}

/** What a request remembers from the governor: when it was let through, in which window. */
export interface RateLimitTicket {
	sentAt: number;
	window: number;
}

/** Added to every announced reset so a request never arrives just before the store resets. */
const RESET_MARGIN_MS = 5;

/**
 * The longest wait a rate-limit header may impose. BigCommerce's quota window is 30 s for every
 * plan it documents (X-Rate-Limit-Time-Window-Ms: 30000), so a reset is never legitimately more
 * than 30 s away; 5 s on top absorbs clock skew and latency. A larger X-Rate-Limit-Time-Reset-Ms
 * or X-Retry-After (a broken proxy, a bad header) would otherwise park every request to the store
 * for as long as it says (999999999 ms is 11.6 days), and anything above 2^31-1 ms overflows
 * Node's timer into a 1 ms busy loop.
 */
export const MAX_RATE_LIMIT_WAIT_MS = 35_000;

/** A rate-limit wait as the governor applies it: never negative, never above MAX_RATE_LIMIT_WAIT_MS. */
export function clampRateLimitWait(ms: number): number {
	if (!(ms > 0)) return 0; // negative or not a number
	return Math.min(ms, MAX_RATE_LIMIT_WAIT_MS);
}

/** Raised when the execution is stopped while a request waits (for the quota or a back-off). */
export class WaitAbortedError extends Error {
	constructor() {
		super('The wait was ended because the execution was stopped');
		this.name = 'WaitAbortedError';
	}
}

const stores = new Map<string, StoreQuota>();

function quotaFor(key: string): StoreQuota {
	let quota = stores.get(key);
	if (!quota) {
		quota = {
			mode: 'unknown',
			left: 0,
			fullQuota: 0,
			resetFrom: 0,
			resetBy: 0,
			windowMs: 0,
			inFlight: 0,
			window: 0,
			openedAt: 0,
			leftIfAlone: 0,
			spenders: 'unknown',
			waiters: new Set(),
		};
		stores.set(key, quota);
	}
	return quota;
}

export function headerNumber(
	headers: Record<string, unknown> | undefined,
	name: string,
): number | undefined {
	if (!headers) return undefined;
	const lower = name.toLowerCase();
	for (const [key, value] of Object.entries(headers)) {
		if (key.toLowerCase() !== lower) continue;
		const raw = Array.isArray(value) ? value[0] : value;
		if (raw === undefined || raw === null || raw === '') return undefined;
		const parsed = Number(raw);
		return Number.isFinite(parsed) ? parsed : undefined;
	}
	return undefined;
}

function notify(quota: StoreQuota): void {
	const waiters = [...quota.waiters];
	quota.waiters.clear();
	for (const wake of waiters) wake();
}

function cancelTimer(quota: StoreQuota): void {
	quota.timer?.abort();
	quota.timer = undefined;
	quota.timerAt = undefined;
}

/** One timer per store wakes the waiters when the window resets. */
function wakeAt(quota: StoreQuota, at: number): void {
	if (quota.timerAt !== undefined && quota.timerAt <= at) return;
	cancelTimer(quota);
	const timer = new AbortController();
	quota.timer = timer;
	quota.timerAt = at;
	// `at` is at most MAX_RATE_LIMIT_WAIT_MS away; the bound only guards Node's timer limit
	sleep(
		Math.min(Math.max(1, at - Date.now()), MAX_RATE_LIMIT_WAIT_MS + RESET_MARGIN_MS),
		timer.signal,
	).then(
		() => {
			if (quota.timer !== timer) return;
			quota.timer = undefined;
			quota.timerAt = undefined;
			notify(quota);
		},
		() => undefined, // cancelled
	);
}

/**
 * When the next window's requests may go: the latest moment the window can end, plus the margin.
 * (Going at `resetFrom` would gain one round trip per window, 0.3% of BigCommerce's 30 s; but a
 * store that counts the reset when it answers rather than when the request arrives would refuse
 * those requests, and a 429 is what the governor exists to avoid.)
 */
function resetAt(quota: StoreQuota): number {
	return quota.resetBy + RESET_MARGIN_MS;
}

/** Whether a request may go now; if not, when to look again (undefined: on the next answer). */
function admit(quota: StoreQuota, now: number): { ok: boolean; retryAt?: number } {
	if (quota.mode === 'unlimited') return { ok: true };
	if (
		quota.mode === 'limited' &&
		now >= resetAt(quota) &&
		quota.spenders === 'alone' &&
		quota.fullQuota > 0 &&
		quota.windowMs > 0
	) {
		// a new window: the whole quota is there again
		quota.left = quota.leftIfAlone = quota.fullQuota;
		quota.window++;
		quota.openedAt = now;
		quota.resetFrom = quota.resetBy = now + quota.windowMs;
	}
	if (quota.mode === 'unknown' || now >= resetAt(quota)) {
		// nothing known about the current window: one request finds out
		return { ok: quota.inFlight === 0 };
	}
	// shared, not yet known to be alone, or a window opened on the estimate and not yet confirmed
	// by an answer: the other spenders see the same `left`; each taking half keeps their sum
	// within it (the last request of a window stays unspent rather than raced for)
	const budget =
		quota.spenders === 'alone' && !quota.openedAt ? quota.left : Math.floor(quota.left / 2);
	if (budget - quota.inFlight > 0) return { ok: true };
	return { ok: false, retryAt: resetAt(quota) };
}

/**
 * Waits until a request may be sent without exceeding the store's quota, then reserves it. When
 * `signal` aborts (the execution was stopped) the wait ends at once with a WaitAbortedError and
 * nothing is reserved; the other executions waiting on the store are not affected.
 */
export async function acquire(key: string, signal?: AbortSignal): Promise<RateLimitTicket> {
	const quota = quotaFor(key);
	for (;;) {
		if (signal?.aborted) throw new WaitAbortedError();
		const decision = admit(quota, Date.now());
		if (decision.ok) break;
		await new Promise<void>((resolve, reject) => {
			const onAbort = () => {
				quota.waiters.delete(wake);
				if (!quota.waiters.size) cancelTimer(quota);
				reject(new WaitAbortedError());
			};
			const wake = () => {
				signal?.removeEventListener('abort', onAbort);
				resolve();
			};
			quota.waiters.add(wake);
			signal?.addEventListener('abort', onAbort, { once: true });
			if (decision.retryAt !== undefined) wakeAt(quota, decision.retryAt);
		});
	}
	quota.inFlight++;
	quota.leftIfAlone--;
	return { sentAt: Date.now(), window: quota.window };
}

/** The figures of a window the governor had not seen yet (the first answer, or a newer window). */
function adopt(quota: StoreQuota, left: number, resetFrom: number, resetBy: number): void {
	quota.mode = 'limited';
	quota.left = Math.max(0, left);
	// the requests still in flight may not have been counted yet
	quota.leftIfAlone = quota.left - quota.inFlight;
	quota.resetFrom = resetFrom;
	quota.resetBy = resetBy;
	quota.openedAt = 0;
}

/**
 * Marks the store shared when an answer of the current window has less left than this
 * governor's own requests can explain.
 */
function noticeOtherSpenders(quota: StoreQuota, left: number): void {
	if (left < quota.leftIfAlone) quota.spenders = 'shared';
}

/** Records what an answer's headers say about the store's quota. */
function observe(
	quota: StoreQuota,
	headers: Record<string, unknown>,
	statusCode: number,
	ticket: RateLimitTicket | undefined,
): void {
	const left = headerNumber(headers, 'x-rate-limit-requests-left');
	const resetMs = headerNumber(headers, 'x-rate-limit-time-reset-ms');
	if (left === undefined || resetMs === undefined) {
		// a store (or proxy) whose ordinary answers carry no rate-limit headers is not paced
		if (quota.mode === 'unknown' && statusCode < 429) quota.mode = 'unlimited';
		return;
	}
	const now = Date.now();
	const fullQuota = headerNumber(headers, 'x-rate-limit-requests-quota');
	if (fullQuota !== undefined && fullQuota > 0) quota.fullQuota = fullQuota;
	const windowMs = headerNumber(headers, 'x-rate-limit-time-window-ms');
	if (windowMs !== undefined && windowMs > 0) quota.windowMs = clampRateLimitWait(windowMs);
	else quota.windowMs = Math.max(quota.windowMs, clampRateLimitWait(resetMs));
	// the store counted the reset somewhere between sending and answering
	const reset = clampRateLimitWait(resetMs);
	const from = Math.min(ticket?.sentAt ?? now, now) + reset;
	const by = now + reset;
	if (quota.mode !== 'limited') return adopt(quota, left, from, by);
	if (quota.openedAt) {
		// a window the governor opened on its estimate: the first answer to a request sent in it
		// (or one whose reset lies clearly past the previous window) gives the store's figures
		if (ticket?.window === quota.window) {
			noticeOtherSpenders(quota, left); // the window's whole quota minus its own requests
			adopt(quota, left, from, by);
		} else if (from > quota.openedAt + quota.windowMs / 2) adopt(quota, left, from, by);
		return; // else a late answer from the window before
	}
	// windows are a whole window length apart; a quarter of one absorbs rounding and clock jitter
	const slack = quota.windowMs / 4;
	if (from - slack > quota.resetBy) {
		// a newer window; the one before passed without a sign of another spender, or with one
		if (quota.spenders === 'unknown') quota.spenders = 'alone';
		quota.window++;
		return adopt(quota, left, from, by);
	}
	if (by + slack < quota.resetFrom) return; // a late answer from an older window
	// the same window: the smallest `left`, the narrowest interval for its end
	noticeOtherSpenders(quota, left);
	quota.left = Math.min(quota.left, Math.max(0, left));
	quota.resetBy = Math.min(quota.resetBy, by);
	quota.resetFrom = Math.min(Math.max(quota.resetFrom, from), quota.resetBy);
}

/**
 * Releases a reservation and records what the answer's headers said about the quota. Without an
 * answer (a dropped connection, a timeout) nothing is learnt.
 */
export function release(
	key: string,
	answer?: { headers: Record<string, unknown>; statusCode: number },
	ticket?: RateLimitTicket,
): void {
	const quota = quotaFor(key);
	quota.inFlight = Math.max(0, quota.inFlight - 1);
	if (answer) observe(quota, answer.headers, answer.statusCode, ticket);
	notify(quota);
}

/**
 * Marks a store's quota as spent for `resetMs` from now (after a 429): every request waits.
 * Waits above MAX_RATE_LIMIT_WAIT_MS are clamped to it. The pacing alone never overruns the
 * quota, so a 429 means someone else spends it too: from now on the store counts as shared.
 */
export function exhaust(key: string, resetMs: number): void {
	const quota = quotaFor(key);
	quota.spenders = 'shared';
	quota.mode = 'limited';
	quota.left = quota.leftIfAlone = 0;
	quota.resetFrom = quota.resetBy = Date.now() + clampRateLimitWait(resetMs);
	quota.openedAt = 0;
	notify(quota);
}

/** A snapshot of a store's governor (tests and debugging); `resetInMs`: until the window resets. */
export function rateLimitState(key: string): {
	mode: Mode;
	left: number;
	inFlight: number;
	waiting: number;
	resetInMs: number;
	shared: boolean;
	alone: boolean;
} {
	const quota = quotaFor(key);
	return {
		mode: quota.mode,
		left: quota.left,
		inFlight: quota.inFlight,
		waiting: quota.waiters.size,
		resetInMs: Math.max(0, resetAt(quota) - Date.now()),
		shared: quota.spenders === 'shared',
		alone: quota.spenders === 'alone',
	};
}

/**
 * Waits `ms` (a back-off between retries); ends at once with a WaitAbortedError when `signal`
 * aborts (the execution was stopped).
 */
export async function pause(ms: number, signal?: AbortSignal): Promise<void> {
	if (signal?.aborted) throw new WaitAbortedError();
	if (!signal) return await sleep(ms);
	await new Promise<void>((resolve, reject) => {
		const onAbort = () => reject(new WaitAbortedError());
		signal.addEventListener('abort', onAbort, { once: true });
		// n8n's sleep also clears its timer when the signal aborts
		sleep(ms, signal).then(
			() => {
				signal.removeEventListener('abort', onAbort);
				resolve();
			},
			() => undefined, // aborted: onAbort rejected
		);
	});
}

/**
 * Forgets every store's state (tests). Requests still waiting are let through: a waiter holds its
 * store's record, so one left waiting on a forgotten record would re-arm its window timer forever
 * (and keep the process alive).
 */
export function resetRateLimitState(): void {
	for (const quota of stores.values()) {
		cancelTimer(quota);
		quota.mode = 'unlimited';
		notify(quota);
	}
	stores.clear();
}
