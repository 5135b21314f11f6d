import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toIso } from './dates';

/**
 * Every input check of the node, one function per kind of check, run BEFORE any request is sent.
 * Each failure is a NodeOperationError naming the item, the parameter and the accepted form.
 *
 * Naming: `requireX(ctx, i, name, label)` reads the parameter `name` and checks it;
 * `xValue(ctx, i, raw, label)` checks a value already read (a collection field, a JSON entry).
 * `asX(value)` only converts, returning undefined instead of failing.
 */

/** Throws the NodeOperationError for item `i`: "Item i: message", with an optional hint. */
export function fail(
	ctx: Pick<IExecuteFunctions, 'getNode'>,
	i: number,
	message: string,
	description?: string,
): never {
	throw new NodeOperationError(ctx.getNode(), `Item ${i}: ${message}`, {
		itemIndex: i,
		description,
	});
}

/**
 * The value of a resource locator ({ __rl, mode, value }), e.g. one inside a Filters or Update
 * Fields collection, or the plain value itself (workflows saved before the field was a locator).
 */
export function locatorValue(value: unknown): unknown {
	if (value && typeof value === 'object' && 'value' in (value as IDataObject)) {
		return (value as IDataObject).value;
	}
	return value;
}

/** Whether a collection field was left empty (a plain value or a resource locator). */
export function isBlank(value: unknown): boolean {
	const inner = locatorValue(value);
	return (
		inner === undefined || inner === null || (typeof inner === 'string' && inner.trim() === '')
	);
}

/** Reads a resource-locator or plain parameter and returns its raw value. */
function rawValue(ctx: IExecuteFunctions, name: string, i: number): unknown {
	return locatorValue(ctx.getNodeParameter(name, i, undefined, { extractValue: true }) as unknown);
}

/** A number, or text trimmed, as the text a whole-number check reads. */
export function numberText(value: unknown): string {
	return typeof value === 'number' ? String(value) : String(value ?? '').trim();
}

/** Digits only: the one spelling of a whole number of 0 or more the node accepts. */
const DIGITS = /^\d+$/;

/** The value as a whole number of `min` or more (digits, or a number), or undefined. */
export function asWholeNumber(value: unknown, min = 0): number | undefined {
	const text = numberText(value);
	if (!DIGITS.test(text)) return undefined;
	const n = Number(text);
	return n >= min && Number.isSafeInteger(n) ? n : undefined;
}

/**
 * The value as a positive whole-number ID (a number, or digits as text), or undefined: 0,
 * negatives, fractions, NaN, null, missing and non-numeric text are not IDs.
 */
export function asPositiveId(value: unknown): number | undefined {
	return typeof value === 'number' || typeof value === 'string'
		? asWholeNumber(value, 1)
		: undefined;
}

/** A positive whole-number ID parameter (e.g. product ID 123), plain or a resource locator. */
export function requireId(ctx: IExecuteFunctions, i: number, name: string, label: string): number {
	const text = numberText(rawValue(ctx, name, i));
	const id = asPositiveId(text);
	if (id === undefined) {
		fail(
			ctx,
			i,
			`"${label}" must be a positive whole number such as 123; got "${text}"`,
			`Enter the numeric ${label} as shown in the BigCommerce control panel or returned by a Get Many operation.`,
		);
	}
	return id;
}

/**
 * A whole number of `min` (default 0) or more, at most `max` when given: IDs that may be 0 (order
 * status 0, parent category 0), counts, quantities, usage limits. A resource locator's value is read.
 */
export function wholeNumberValue(
	ctx: IExecuteFunctions,
	i: number,
	raw: unknown,
	label: string,
	{ min = 0, max }: { min?: number; max?: number } = {},
): number {
	const text = numberText(locatorValue(raw));
	const n = asWholeNumber(text, min);
	if (n === undefined || (max !== undefined && n > max)) {
		const range = max === undefined ? `of ${min} or more` : `from ${min} to ${max}`;
		fail(
			ctx,
			i,
			`"${label}" must be a whole number ${range}; got "${text}"`,
			min === 1 ? 'IDs are positive whole numbers such as 123.' : undefined,
		);
	}
	return n;
}

/** A sort order (categories, images, videos): any whole number, negative ones included. */
export function sortOrderValue(ctx: IExecuteFunctions, i: number, raw: unknown): number {
	const n = Number(raw);
	if (!Number.isInteger(n))
		fail(ctx, i, `"Sort Order" must be a whole number; got "${String(raw)}"`);
	return n;
}

/** A whole-number parameter of 0 or more (e.g. a tax class ID, which may be 0). */
export function requireWholeNumber(
	ctx: IExecuteFunctions,
	i: number,
	name: string,
	label: string,
): number {
	return wholeNumberValue(ctx, i, rawValue(ctx, name, i), label);
}

/** A number of 0 or more (prices, weights). */
export function amountValue(
	ctx: IExecuteFunctions,
	i: number,
	value: unknown,
	label: string,
): number {
	const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) {
		fail(ctx, i, `"${label}" must be a number of 0 or more, such as 19.99; got "${String(value)}"`);
	}
	return n;
}

/** A non-negative amount of money, sent as a string as the V2 marketing API expects ("20.00"). */
export function moneyStringValue(
	ctx: IExecuteFunctions,
	i: number,
	raw: unknown,
	label: string,
): string {
	const text = numberText(raw);
	const value = Number(text);
	if (text === '' || !Number.isFinite(value) || value < 0) {
		fail(ctx, i, `"${label}" must be an amount of 0 or more such as 19.99; got "${text}"`);
	}
	return String(value);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Whether the text looks like an email address (name@domain.tld). */
/** An optional switch of a collection: true or false (absent = `fallback`). */
export function booleanValue(
	ctx: IExecuteFunctions,
	i: number,
	raw: unknown,
	label: string,
	fallback: boolean,
): boolean {
	if (raw === undefined) return fallback;
	if (typeof raw !== 'boolean')
		fail(ctx, i, `"${label}" must be true or false; got "${String(raw)}"`);
	return raw;
}

export function isEmail(value: string): boolean {
	return EMAIL.test(value);
}

export function requireEmail(
	ctx: IExecuteFunctions,
	i: number,
	name: string,
	label: string,
): string {
	return emailValue(ctx, i, rawValue(ctx, name, i), label);
}

/** An email address read from a collection value (filters, update fields). */
export function emailValue(ctx: IExecuteFunctions, i: number, raw: unknown, label: string): string {
	const value = String(raw ?? '').trim();
	if (!EMAIL.test(value)) {
		fail(ctx, i, `"${label}" must be an email address such as jane@example.com; got "${value}"`);
	}
	return value;
}

export function requireString(
	ctx: IExecuteFunctions,
	i: number,
	name: string,
	label: string,
): string {
	const value = String(rawValue(ctx, name, i) ?? '').trim();
	if (!value) fail(ctx, i, `"${label}" must not be empty`);
	return value;
}

/** A UUID such as a cart ID. */
export function requireUuid(
	ctx: IExecuteFunctions,
	i: number,
	name: string,
	label: string,
): string {
	return uuidValue(ctx, i, rawValue(ctx, name, i), label);
}

/** A UUID read from a collection value (e.g. a Cart ID filter). */
export function uuidValue(ctx: IExecuteFunctions, i: number, raw: unknown, label: string): string {
	const value = String(locatorValue(raw) ?? '').trim();
	if (!/^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i.test(value)) {
		fail(
			ctx,
			i,
			`"${label}" must be a UUID such as 8a3b2c1d-0e9f-4a8b-9c7d-6e5f4a3b2c1d; got "${value}"`,
		);
	}
	return value;
}

/** Letters, digits, spaces, underscores and hyphens: the coupon-code alphabet of BigCommerce. */
export const CODE_PATTERN = /^[a-zA-Z0-9_ -]+$/;

/** A coupon or promotion code typed by a shopper or a user: trimmed, non-empty, valid characters. */
export function codeValue(
	ctx: IExecuteFunctions,
	i: number,
	raw: unknown,
	label: string,
	maxLength = 50,
): string {
	const code = String(raw ?? '').trim();
	if (!code)
		fail(
			ctx,
			i,
			`"${label}" must not be empty`,
			'Enter the code exactly as the shopper has it, e.g. SAVE20.',
		);
	if (!CODE_PATTERN.test(code) || code.length > maxLength) {
		fail(
			ctx,
			i,
			`"${label}" may contain only letters, numbers, spaces, underscores and hyphens (at most ${maxLength}); got "${code}"`,
		);
	}
	return code;
}

/** A JSON parameter that must parse to an object (or to an array when `kind` is 'array'). */
export function requireJson<K extends 'object' | 'array'>(
	ctx: IExecuteFunctions,
	i: number,
	name: string,
	label: string,
	kind: K,
): K extends 'array' ? IDataObject[] : IDataObject {
	return jsonValue(ctx, i, ctx.getNodeParameter(name, i) as unknown, label, kind);
}

/**
 * A JSON value from a parameter or a collection field (a string to parse, or an already parsed
 * value), checked to be an object or an array. `example` is shown in the hint when it does not
 * parse; `blankIsEmpty` reads blank text as {} or [] (optional JSON fields in a collection).
 */
export function jsonValue<K extends 'object' | 'array'>(
	ctx: IExecuteFunctions,
	i: number,
	raw: unknown,
	label: string,
	kind: K,
	{ example, blankIsEmpty = false }: { example?: string; blankIsEmpty?: boolean } = {},
): K extends 'array' ? IDataObject[] : IDataObject {
	type Parsed = K extends 'array' ? IDataObject[] : IDataObject;
	let value: unknown = raw;
	const shown = example ?? (kind === 'array' ? '[{"id": 1}]' : '{"name": "Shirt"}');
	if (typeof raw === 'string') {
		if (blankIsEmpty && !raw.trim()) return (kind === 'array' ? [] : {}) as Parsed;
		try {
			value = JSON.parse(raw);
		} catch (error) {
			fail(
				ctx,
				i,
				`"${label}" is not valid JSON (${(error as Error).message})`,
				`Enter a JSON ${kind}, e.g. ${shown}`,
			);
		}
	}
	const ok =
		kind === 'array'
			? Array.isArray(value)
			: value !== null && typeof value === 'object' && !Array.isArray(value);
	if (!ok) {
		fail(
			ctx,
			i,
			`"${label}" must be a JSON ${kind === 'array' ? 'array' : 'object'}${example ? `, e.g. ${example}` : ''}`,
		);
	}
	return value as Parsed;
}

/** A date (ISO 8601 or anything Date.parse reads) as epoch milliseconds. */
export function dateValue(
	ctx: Pick<IExecuteFunctions, 'getNode'>,
	i: number,
	raw: unknown,
	label: string,
): number {
	const text = String(raw ?? '').trim();
	const time = Date.parse(text);
	if (!text || Number.isNaN(time)) {
		fail(ctx, i, `"${label}" must be a date such as 2026-01-31T00:00:00Z; got "${text}"`);
	}
	return time;
}

/** A date (ISO 8601 or anything Date.parse reads) as ISO 8601 in whole seconds, for API filters. */
export function isoDateValue(
	ctx: IExecuteFunctions,
	i: number,
	raw: unknown,
	label: string,
): string {
	return toIso(dateValue(ctx, i, raw, label));
}

/** The largest Limit the standard parameter offers (see returnAllOrLimit). */
export const MAX_LIMIT = 1000;

/** Return All / Limit, validated (a Limit set by an expression is held to the same range). */
export function getPagination(
	ctx: IExecuteFunctions,
	i: number,
	maxValue = MAX_LIMIT,
): { returnAll: boolean; limit: number } {
	const returnAll = ctx.getNodeParameter('returnAll', i, false) as boolean;
	if (returnAll) return { returnAll, limit: Infinity };
	const limit = ctx.getNodeParameter('limit', i, 50) as number;
	if (!Number.isInteger(limit) || limit < 1 || limit > maxValue) {
		fail(
			ctx,
			i,
			`"Limit" must be a whole number of 1 or more, at most ${maxValue}; got "${limit}"`,
			`Turn on "Return All" to get more than ${maxValue} results.`,
		);
	}
	return { returnAll, limit };
}

/**
 * A list of whole-number IDs: "12, 15" or [12, 15]. By default every ID is positive and at least
 * one is required; `allowZero` admits 0 (e.g. the root category), `allowEmpty` an empty list.
 */
export function idListValue(
	ctx: IExecuteFunctions,
	i: number,
	raw: unknown,
	label: string,
	{ allowZero = false, allowEmpty = false } = {},
): number[] {
	const parts = Array.isArray(raw)
		? raw.map((entry) => String(entry).trim())
		: String(raw ?? '')
				.split(',')
				.map((entry) => entry.trim())
				.filter((entry) => entry !== '');
	if (!parts.length && !allowEmpty) {
		fail(ctx, i, `"${label}" must list at least one ID, e.g. 12, 15`);
	}
	return parts.map((part) => {
		const id = asWholeNumber(part, allowZero ? 0 : 1);
		if (id === undefined) {
			fail(
				ctx,
				i,
				`"${label}" must be a comma-separated list of ${allowZero ? 'whole numbers' : 'positive whole numbers'} such as 12, 15; got "${part}"`,
			);
		}
		return id;
	});
}

/** Requires at least one field in an update collection (a field left empty does not count). */
export function requireSomeFields(
	ctx: IExecuteFunctions,
	i: number,
	fields: IDataObject,
	label = 'Update Fields',
): void {
	if (!Object.values(fields).some((value) => value !== undefined && value !== '')) {
		fail(ctx, i, `"${label}" is empty: add at least one field to change`);
	}
}

/** Requires the request body built from an update collection to change something. */
export function requireSomeChange(
	ctx: IExecuteFunctions,
	i: number,
	body: IDataObject,
	label = 'Update Fields',
): void {
	if (!Object.keys(body).length)
		fail(ctx, i, `"${label}" is empty: add at least one field to change`);
}
