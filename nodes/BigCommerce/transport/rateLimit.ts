import { sleep } from 'n8n-workflow';

/**
 * Per-store rate-limit governor, shared by every request this n8n process sends to one store
 * (BigCommerce counts one quota per store for all apps).
 *
 * It reads `X-Rate-Limit-Requests-Left` / `X-Rate-Limit-Time-Reset-Ms` from every answer and,
 * counting the requests still in flight, holds requests back BEFORE the quota runs out, so a
 * quota-bound job runs at the quota's pace without being answered 429:
 *
 * - Until the first answer tells it the quota (and again after each window has reset), only one
 *   request is in flight: its answer brings the fresh numbers.
 * - Within a window, a request is sent only while `left - inFlight > 0`; the others wait for the
 *   reset time the store announced.
 * - A store that sends no rate-limit headers (proxies, "unlimited" plans) is not paced.
 * - Answers from the same window are merged conservatively (the smallest `left`, the earliest
 *   reset); an answer from an older window (arriving late) is ignored.
 */
type Mode = 'unknown' | 'limited' | 'unlimited';

interface StoreQuota {
	mode: Mode;
	/** Requests left in the current window (as last reported, minus nothing in flight). */
	left: number;
	/** When the current window ends (local clock, ms). */
	resetAt: number;
	/** Window length, from X-Rate-Limit-Time-Window-Ms or the largest reset seen. */
	windowMs: number;
	inFlight: number;
	waiters: Array<() => void>;
	timerAt?: number;
}

/** Added to every announced reset so a request never arrives just before the store resets. */
const RESET_MARGIN_MS = 5;

const stores = new Map<string, StoreQuota>();

function quotaFor(key: string): StoreQuota {
	let quota = stores.get(key);
	if (!quota) {
		quota = { mode: 'unknown', left: 0, resetAt: 0, windowMs: 0, inFlight: 0, waiters: [] };
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
	const waiters = quota.waiters.splice(0);
	for (const wake of waiters) wake();
}

/** One timer per store wakes the waiters when the window resets. */
function wakeAt(quota: StoreQuota, at: number): void {
	if (quota.timerAt !== undefined && quota.timerAt <= at) return;
	quota.timerAt = at;
	void sleep(Math.max(1, at - Date.now())).then(() => {
		if (quota.timerAt === at) quota.timerAt = undefined;
		notify(quota);
	});
}

/** Whether a request may go now; if not, when to look again (undefined: on the next answer). */
function admit(quota: StoreQuota, now: number): { ok: boolean; retryAt?: number } {
	if (quota.mode === 'unlimited') return { ok: true };
	if (quota.mode === 'unknown' || now >= quota.resetAt) {
		// nothing known about the current window: one request finds out
		return { ok: quota.inFlight === 0 };
	}
	if (quota.left - quota.inFlight > 0) return { ok: true };
	return { ok: false, retryAt: quota.resetAt };
}

/** Waits until a request may be sent without exceeding the store's quota, then reserves it. */
export async function acquire(key: string): Promise<void> {
	const quota = quotaFor(key);
	for (;;) {
		const decision = admit(quota, Date.now());
		if (decision.ok) break;
		const changed = new Promise<void>((resolve) => quota.waiters.push(resolve));
		if (decision.retryAt !== undefined) wakeAt(quota, decision.retryAt);
		await changed;
	}
	quota.inFlight++;
}

/** Records what an answer's headers say about the store's quota. */
function observe(quota: StoreQuota, headers: Record<string, unknown>, statusCode: number): void {
	const left = headerNumber(headers, 'x-rate-limit-requests-left');
	const resetMs = headerNumber(headers, 'x-rate-limit-time-reset-ms');
	if (left === undefined || resetMs === undefined) {
		// a store (or proxy) whose ordinary answers carry no rate-limit headers is not paced
		if (quota.mode === 'unknown' && statusCode < 429) quota.mode = 'unlimited';
		return;
	}
	const now = Date.now();
	const windowMs = headerNumber(headers, 'x-rate-limit-time-window-ms');
	if (windowMs !== undefined && windowMs > 0) quota.windowMs = windowMs;
	else quota.windowMs = Math.max(quota.windowMs, resetMs);
	const resetAt = now + Math.max(0, resetMs) + RESET_MARGIN_MS;
	const tolerance = Math.max(1, quota.windowMs / 2);
	if (quota.mode !== 'limited' || resetAt > quota.resetAt + tolerance) {
		// first figures, or a newer window
		quota.mode = 'limited';
		quota.left = Math.max(0, left);
		quota.resetAt = resetAt;
	} else if (resetAt >= quota.resetAt - tolerance) {
		// the same window: keep the most conservative view
		quota.left = Math.min(quota.left, Math.max(0, left));
		quota.resetAt = Math.min(quota.resetAt, resetAt);
	}
	// else: a late answer from an older window, ignored
}

/**
 * Releases a reservation and records what the answer's headers said about the quota. Without an
 * answer (a dropped connection, a timeout) nothing is learnt.
 */
export function release(
	key: string,
	answer?: { headers: Record<string, unknown>; statusCode: number },
): void {
	const quota = quotaFor(key);
	quota.inFlight = Math.max(0, quota.inFlight - 1);
	if (answer) observe(quota, answer.headers, answer.statusCode);
	notify(quota);
}

/** Marks a store's quota as spent for `resetMs` from now (after a 429): every request waits. */
export function exhaust(key: string, resetMs: number): void {
	const quota = quotaFor(key);
	quota.mode = 'limited';
	quota.left = 0;
	quota.resetAt = Date.now() + Math.max(0, resetMs) + RESET_MARGIN_MS;
	notify(quota);
}

/** A snapshot of a store's governor (tests and debugging). */
export function rateLimitState(key: string): { mode: Mode; left: number; inFlight: number; waiting: number } {
	const quota = quotaFor(key);
	return { mode: quota.mode, left: quota.left, inFlight: quota.inFlight, waiting: quota.waiters.length };
}

/** Forgets every store's state (tests). */
export function resetRateLimitState(): void {
	for (const quota of stores.values()) notify(quota);
	stores.clear();
}
