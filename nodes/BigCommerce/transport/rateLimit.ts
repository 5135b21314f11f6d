import { sleep } from 'n8n-workflow';

/**
 * Per-store rate-limit governor, shared by every request this n8n process sends to one store
 * (BigCommerce counts one quota per store for all apps).
 *
 * It reads `X-Rate-Limit-Requests-Left` / `X-Rate-Limit-Time-Reset-Ms` from every answer and,
 * counting the requests still in flight, waits for the window to reset BEFORE the quota runs
 * out, so a quota-bound job runs at the quota's pace without ever being answered 429.
 */
interface StoreQuota {
	left?: number;
	resetAt: number;
	inFlight: number;
}

const stores = new Map<string, StoreQuota>();

function quotaFor(key: string): StoreQuota {
	let quota = stores.get(key);
	if (!quota) {
		quota = { resetAt: 0, inFlight: 0 };
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
		const parsed = Number(raw);
		return Number.isFinite(parsed) ? parsed : undefined;
	}
	return undefined;
}

/** Waits until a request may be sent without exceeding the store's quota, then reserves it. */
export async function acquire(key: string): Promise<void> {
	const quota = quotaFor(key);
	for (;;) {
		const now = Date.now();
		if (quota.left === undefined || now >= quota.resetAt) {
			if (quota.left !== undefined && now >= quota.resetAt) quota.left = undefined;
			break;
		}
		if (quota.left - quota.inFlight > 0) break;
		await sleep(Math.max(1, quota.resetAt - now));
	}
	quota.inFlight++;
}

/** Releases a reservation and records what the answer's headers said about the quota. */
export function release(key: string, headers?: Record<string, unknown>): void {
	const quota = quotaFor(key);
	quota.inFlight = Math.max(0, quota.inFlight - 1);
	const left = headerNumber(headers, 'x-rate-limit-requests-left');
	const resetMs = headerNumber(headers, 'x-rate-limit-time-reset-ms');
	if (left !== undefined && resetMs !== undefined) {
		quota.left = left;
		quota.resetAt = Date.now() + resetMs;
	}
}

/** Marks a store's quota as spent until `resetMs` from now (after a 429). */
export function exhaust(key: string, resetMs: number): void {
	const quota = quotaFor(key);
	quota.left = 0;
	quota.resetAt = Date.now() + resetMs;
}

/** Forgets every store's state (tests). */
export function resetRateLimitState(): void {
	stores.clear();
}
