import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

/** The BigCommerce error body, in any of its documented shapes, reduced to text. */
export interface ParsedApiError {
	message: string;
	details: string[];
}

function asText(value: unknown): string {
	if (typeof value === 'string') return value;
	if (value === undefined || value === null) return '';
	return JSON.stringify(value);
}

/**
 * Accepts a V2 bare array `[{status, message}]`, a V3 `{title, detail, errors}` object (errors as a
 * map or a list), a `{errors: [...]}` wrapper (customers V2), and plain text.
 */
export function parseErrorBody(body: unknown): ParsedApiError {
	const details: string[] = [];
	if (Array.isArray(body)) {
		const messages = body.map((entry) =>
			entry && typeof entry === 'object'
				? asText((entry as JsonObject).message ?? (entry as JsonObject).title ?? entry)
				: asText(entry),
		);
		return { message: messages.filter(Boolean).join('; '), details };
	}
	if (body && typeof body === 'object') {
		const record = body as JsonObject;
		const errors = record.errors;
		if (errors && typeof errors === 'object' && !Array.isArray(errors)) {
			for (const [field, message] of Object.entries(errors)) {
				details.push(`${field}: ${asText(message)}`);
			}
		} else if (Array.isArray(errors)) {
			for (const entry of errors) {
				if (entry && typeof entry === 'object') {
					const e = entry as JsonObject;
					const nested = e.errors && typeof e.errors === 'object' ? ` (${asText(e.errors)})` : '';
					details.push(asText(e.message ?? e.title ?? e.detail ?? entry) + nested);
				} else details.push(asText(entry));
			}
		}
		const message = asText(record.title ?? record.message ?? record.detail ?? '');
		const detail = typeof record.detail === 'string' && record.detail !== message ? record.detail : '';
		if (detail) details.unshift(detail);
		return { message: message || details[0] || '', details };
	}
	return { message: asText(body).slice(0, 500), details };
}

export interface ApiErrorContext {
	statusCode: number;
	body: unknown;
	method: string;
	path: string;
	/** The OAuth scope this request needs, for the 403 hint. */
	scope?: string;
	itemIndex?: number;
}

function hintFor(ctx: ApiErrorContext, parsed: ParsedApiError): string {
	const fields = parsed.details.length ? ` Details: ${parsed.details.join('; ')}.` : '';
	switch (ctx.statusCode) {
		case 401:
			return (
				'The access token is invalid or has been revoked. Use the Access Token of a store-level ' +
				'API account (Settings › API › API Accounts in the BigCommerce control panel), or reconnect ' +
				'the OAuth2 credential.'
			);
		case 403:
			return ctx.scope
				? `The API account lacks the OAuth scope this operation needs: "${ctx.scope}". Edit the API account in BigCommerce (Settings › API › API Accounts) and grant it, then try again.`
				: 'The API account lacks an OAuth scope this operation needs, or a store limit was reached. Check the API account\'s scopes in BigCommerce (Settings › API › API Accounts).';
		case 404:
			return `Nothing found at ${ctx.method} ${ctx.path}: check the ID (it must exist in this store) and the store hash.`;
		case 409:
			return `BigCommerce reports a conflict (for example a duplicate name or SKU).${fields}`;
		case 422:
			return `BigCommerce rejected the data.${fields || ' Check the fields sent.'}`;
		case 413:
			return 'Too many items in one request (or a page size above the maximum). Send smaller batches.';
		case 207:
			return `Some items were not saved.${fields}`;
		case 429:
			return 'The store\'s API rate limit was still exhausted after the retries. Try again later or lower the request volume.';
		default:
			if (ctx.statusCode >= 500)
				return `BigCommerce answered with a server error (${ctx.statusCode}).${fields} Try again later.`;
			return fields.trim() || 'Check the parameters sent.';
	}
}

/** Builds the NodeApiError for a non-2xx (or 207) answer: BigCommerce's message, the code and a hint. */
export function toNodeApiError(node: INode, ctx: ApiErrorContext): NodeApiError {
	const parsed = parseErrorBody(ctx.body);
	const message = parsed.message
		? `BigCommerce error ${ctx.statusCode}: ${parsed.message}`
		: `BigCommerce error ${ctx.statusCode}`;
	const errorBody: JsonObject =
		ctx.body && typeof ctx.body === 'object'
			? (JSON.parse(JSON.stringify(ctx.body)) as JsonObject)
			: { message: parsed.message };
	const error = new NodeApiError(node, errorBody, {
		message,
		description: hintFor(ctx, parsed),
		httpCode: String(ctx.statusCode),
		itemIndex: ctx.itemIndex,
	});
	return error;
}
