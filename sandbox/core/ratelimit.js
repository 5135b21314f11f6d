'use strict';
/**
 * BigCommerce-style rate limiting: one quota per fixed time window per store (150 per 30 000 ms
 * by default), the X-Rate-Limit-* headers on every API response, and 429 with the reset time
 * when the quota is spent. Time comes from `sandbox.now()`, so tests control the window.
 */
const DEFAULTS = { quota: 150, windowMs: 30000 };

class RateLimiter {
	/** @param {() => number} now @param {{quota?: number, windowMs?: number}|false} [limit] */
	constructor(now, limit) {
		this.now = now;
		this.set(limit === undefined ? {} : limit);
	}

	/** Changes the limit (`false` = unlimited, no headers); starts a fresh window. */
	set(limit) {
		if (limit === false || (limit && limit.enabled === false)) {
			this.enabled = false;
		} else {
			this.enabled = true;
			this.quota = Number((limit && limit.quota) || this.quota || DEFAULTS.quota);
			this.windowMs = Number((limit && limit.windowMs) || this.windowMs || DEFAULTS.windowMs);
		}
		this.reset();
	}

	reset() {
		this.windowStart = undefined;
		this.used = 0;
	}

	roll() {
		const now = this.now();
		if (this.windowStart === undefined || now >= this.windowStart + this.windowMs) {
			this.windowStart = now;
			this.used = 0;
		}
		return now;
	}

	/** Current numbers: { quota, windowMs, left, resetMs }. */
	status() {
		const now = this.roll();
		return {
			quota: this.quota,
			windowMs: this.windowMs,
			left: Math.max(0, this.quota - this.used),
			resetMs: Math.max(0, this.windowStart + this.windowMs - now),
		};
	}

	/** Spends one unit; returns false when the quota is already spent (the request is refused). */
	take() {
		if (!this.enabled) return true;
		this.roll();
		if (this.used >= this.quota) return false;
		this.used += 1;
		return true;
	}

	/** The X-Rate-Limit-* headers as BigCommerce sends them (none when disabled). */
	headers({ exhausted = false } = {}) {
		if (!this.enabled) return {};
		const s = this.status();
		const headers = {
			'X-Rate-Limit-Requests-Left': String(exhausted ? 0 : s.left),
			'X-Rate-Limit-Requests-Quota': String(s.quota),
			'X-Rate-Limit-Time-Reset-Ms': String(s.resetMs),
			'X-Rate-Limit-Time-Window-Ms': String(s.windowMs),
		};
		if (exhausted) headers['X-Retry-After'] = String(Math.max(1, Math.ceil(s.resetMs / 1000)));
		return headers;
	}
}

module.exports = { RateLimiter, RATE_LIMIT_DEFAULTS: DEFAULTS };
