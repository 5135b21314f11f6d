import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { fail, idListValue } from '../common';

/**
 * Shared by the marketing and settings resources (coupon, gift certificate, promotion, channel,
 * channel listing): input checks that run before any request, and small formatting helpers.
 */

export const MARKETING_SCOPE = 'store_v2_marketing';
export const MARKETING_READ_SCOPE = 'store_v2_marketing_read_only';

/** Letters, digits, spaces, underscores and hyphens: the coupon-code alphabet of BigCommerce. */
export const CODE_PATTERN = /^[a-zA-Z0-9_ -]+$/;

/** A coupon or promotion code typed by a shopper or a user: trimmed, non-empty, valid characters. */
export function checkCode(ctx: IExecuteFunctions, i: number, raw: unknown, label: string, maxLength = 50): string {
	const code = String(raw ?? '').trim();
	if (!code) fail(ctx, i, `"${label}" must not be empty`, 'Enter the code exactly as the shopper has it, e.g. SAVE20.');
	if (!CODE_PATTERN.test(code) || code.length > maxLength) {
		fail(
			ctx,
			i,
			`"${label}" may contain only letters, numbers, spaces, underscores and hyphens (at most ${maxLength}); got "${code}"`,
		);
	}
	return code;
}

/** A comma-separated list (or array) of whole numbers, e.g. "12, 15, 18". */
/** Comma-separated whole-number IDs (common idListValue). */
export const idList = idListValue;

/** A non-negative amount of money, sent as a string as the API expects ("20.00"). */
export function moneyString(ctx: IExecuteFunctions, i: number, raw: unknown, label: string): string {
	const text = typeof raw === 'number' ? String(raw) : String(raw ?? '').trim();
	const value = Number(text);
	if (text === '' || !Number.isFinite(value) || value < 0) {
		fail(ctx, i, `"${label}" must be an amount of 0 or more such as 19.99; got "${text}"`);
	}
	return String(value);
}

/** A whole number of 0 or more (usage limits). */
export function wholeNumber(ctx: IExecuteFunctions, i: number, raw: unknown, label: string, max?: number): number {
	const value = typeof raw === 'number' ? raw : Number(String(raw ?? '').trim());
	if (!Number.isInteger(value) || value < 0 || (max !== undefined && value > max)) {
		fail(ctx, i, `"${label}" must be a whole number from 0${max !== undefined ? ` to ${max}` : ' up'}; got "${String(raw)}"`);
	}
	return value;
}

/** Parses a date parameter (ISO 8601 or anything Date understands); returns epoch milliseconds. */
export function dateMs(ctx: IExecuteFunctions, i: number, raw: unknown, label: string): number {
	const text = String(raw ?? '').trim();
	const time = Date.parse(text);
	if (!text || Number.isNaN(time)) {
		fail(ctx, i, `"${label}" must be a date such as 2026-12-31T23:59:00Z; got "${text}"`);
	}
	return time;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const pad = (n: number) => String(n).padStart(2, '0');

/** RFC-2822 as V2 expects it: "Tue, 20 Nov 2012 00:00:00 +0000". */
export function toRfc2822(ms: number): string {
	const d = new Date(ms);
	return `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

/** ISO 8601 in UTC without milliseconds: "2026-12-31T23:59:00Z". */
export function toIso(ms: number): string {
	return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** An API date (ISO, RFC-2822 or empty) as ISO 8601, or null when there is none. */
export function isoOrNull(value: unknown): string | null {
	if (value === undefined || value === null || value === '') return null;
	const time = Date.parse(String(value));
	return Number.isNaN(time) ? null : toIso(time);
}

/** "20.0000" → 20 (money as a number for compact outputs). */
export function amount(value: unknown): number | null {
	if (value === undefined || value === null || value === '') return null;
	const n = Number(value);
	return Number.isFinite(n) ? Math.round(n * 100) / 100 : null;
}

/** Requires at least one field in an update collection. */
export function requireSomeFields(ctx: IExecuteFunctions, i: number, fields: IDataObject, label = 'Update Fields'): void {
	if (!Object.values(fields).some((value) => value !== undefined && value !== '')) {
		fail(ctx, i, `"${label}" is empty: add at least one field to change`);
	}
}
