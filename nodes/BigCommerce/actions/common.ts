import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * Parameter readers that validate BEFORE any request is sent. Each failure is a
 * NodeOperationError naming the item, the parameter and the accepted form.
 */

/** Throws the NodeOperationError for item `i`: "Item i: message", with an optional hint. */
export function fail(ctx: IExecuteFunctions, i: number, message: string, description?: string): never {
	throw new NodeOperationError(ctx.getNode(), `Item ${i}: ${message}`, { itemIndex: i, description });
}

/** Wraps records as n8n items (the router adds pairedItem). */
export function toItems(ctx: IExecuteFunctions, data: IDataObject | IDataObject[]): INodeExecutionData[] {
	return ctx.helpers.returnJsonArray(data);
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
	return inner === undefined || inner === null || (typeof inner === 'string' && inner.trim() === '');
}

/** Reads a resource-locator or plain parameter and returns its raw value. */
function rawValue(ctx: IExecuteFunctions, name: string, i: number): unknown {
	return locatorValue(ctx.getNodeParameter(name, i, undefined, { extractValue: true }) as unknown);
}

/**
 * The value as a positive whole-number ID (a number, or digits as text), or undefined: 0,
 * negatives, fractions, NaN, null, missing and non-numeric text are not IDs.
 */
export function asPositiveId(value: unknown): number | undefined {
	const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	if (!/^\d+$/.test(text)) return undefined;
	const id = Number(text);
	return id > 0 && Number.isSafeInteger(id) ? id : undefined;
}

/** A positive whole-number ID (e.g. product ID 123). */
export function requireId(ctx: IExecuteFunctions, i: number, name: string, label: string): number {
	const value = rawValue(ctx, name, i);
	const text = typeof value === 'number' ? String(value) : String(value ?? '').trim();
	if (asPositiveId(text) === undefined) {
		fail(
			ctx,
			i,
			`"${label}" must be a positive whole number such as 123; got "${text}"`,
			`Enter the numeric ${label} as shown in the BigCommerce control panel or returned by a Get Many operation.`,
		);
	}
	return Number(text);
}

/** A non-negative whole number (IDs that may be 0, such as order status 0 or parent category 0). */
export function requireWholeNumber(
	ctx: IExecuteFunctions,
	i: number,
	name: string,
	label: string,
): number {
	const value = rawValue(ctx, name, i);
	const text = typeof value === 'number' ? String(value) : String(value ?? '').trim();
	if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text))) {
		fail(ctx, i, `"${label}" must be a whole number of 0 or more; got "${text}"`);
	}
	return Number(text);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Whether the text looks like an email address (name@domain.tld). */
export function isEmail(value: string): boolean {
	return EMAIL.test(value);
}

export function requireEmail(ctx: IExecuteFunctions, i: number, name: string, label: string): string {
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

export function requireString(ctx: IExecuteFunctions, i: number, name: string, label: string): string {
	const value = String(rawValue(ctx, name, i) ?? '').trim();
	if (!value) fail(ctx, i, `"${label}" must not be empty`);
	return value;
}

/** A UUID such as a cart ID. */
export function requireUuid(ctx: IExecuteFunctions, i: number, name: string, label: string): string {
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
 * value), checked to be an object or an array. `example` is shown in the hint when it does not parse.
 */
export function jsonValue<K extends 'object' | 'array'>(
	ctx: IExecuteFunctions,
	i: number,
	raw: unknown,
	label: string,
	kind: K,
	example?: string,
): K extends 'array' ? IDataObject[] : IDataObject {
	let value: unknown = raw;
	if (typeof raw === 'string') {
		try {
			value = JSON.parse(raw);
		} catch (error) {
			fail(
				ctx,
				i,
				`"${label}" is not valid JSON (${(error as Error).message})`,
				`Enter a JSON ${kind}, e.g. ${example ?? (kind === 'array' ? '[{"id": 1}]' : '{"name": "Shirt"}')}`,
			);
		}
	}
	const ok =
		kind === 'array'
			? Array.isArray(value)
			: value !== null && typeof value === 'object' && !Array.isArray(value);
	if (!ok) {
		fail(ctx, i, `"${label}" must be a JSON ${kind === 'array' ? 'array' : 'object'}`);
	}
	return value as K extends 'array' ? IDataObject[] : IDataObject;
}

/** The largest Limit the standard parameter offers (see returnAllOrLimit). */
export const MAX_LIMIT = 1000;

/** A date (ISO 8601 or anything Date.parse reads) as ISO 8601 in whole seconds, for API filters. */
export function isoDateValue(ctx: IExecuteFunctions, i: number, raw: unknown, label: string): string {
	const text = String(raw ?? '').trim();
	const time = Date.parse(text);
	if (!text || Number.isNaN(time)) {
		fail(ctx, i, `"${label}" must be a date such as 2026-01-31T00:00:00Z; got "${text}"`);
	}
	return new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

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
		if (!/^\d+$/.test(part) || (!allowZero && Number(part) === 0) || !Number.isSafeInteger(Number(part))) {
			fail(
				ctx,
				i,
				`"${label}" must be a comma-separated list of ${allowZero ? 'whole numbers' : 'positive whole numbers'} such as 12, 15; got "${part}"`,
			);
		}
		return Number(part);
	});
}

/** Drops undefined, empty-string and empty-array values from a fields collection. */
export function compact(fields: IDataObject): IDataObject {
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(fields)) {
		if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
		out[key] = value;
	}
	return out;
}

/** The warning shown above the parameters of a destructive operation (delete, archive, cancel). */
export function destructiveNotice(text: string): INodeProperties {
	return { displayName: text, name: 'deleteNotice', type: 'notice', default: '' };
}

/** The standard Return All + Limit parameters. */
export function returnAllOrLimit(maxValue = MAX_LIMIT): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1, maxValue },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
	];
}
