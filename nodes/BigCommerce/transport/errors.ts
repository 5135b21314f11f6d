import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

/** The BigCommerce error body, in any of its documented shapes, reduced to text. */
export interface ParsedApiError {
	message: string;
	/** Field errors and further explanations, one line each ("sku: must be unique"). */
	details: string[];
}

/** One failed item of a 207 Multi-Status answer. */
export interface ItemFailure {
	/** The key BigCommerce used for the item (an index, an ID or a field), if any. */
	item?: string;
	message: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return Boolean(value) && typeof value === 'object' && !Array.isArray(value);
}

function asText(value: unknown): string {
	if (typeof value === 'string') return value;
	if (value === undefined || value === null) return '';
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (Array.isArray(value)) return value.map(asText).filter(Boolean).join(', ');
	return JSON.stringify(value);
}

/** `errors` as BigCommerce writes it: a map of field → message, a list, or a string. */
function fieldErrors(errors: unknown): string[] {
	if (typeof errors === 'string') return errors ? [errors] : [];
	if (Array.isArray(errors)) {
		const out: string[] = [];
		for (const entry of errors) {
			if (isRecord(entry)) {
				const text = asText(entry.message ?? entry.title ?? entry.detail ?? '');
				const nested = fieldErrors(entry.errors ?? entry.details);
				if (text) out.push(nested.length ? `${text} (${nested.join('; ')})` : text);
				else out.push(...nested);
			} else if (entry !== undefined && entry !== null && entry !== '') out.push(asText(entry));
		}
		return out;
	}
	if (isRecord(errors)) {
		return Object.entries(errors).map(([field, message]) =>
			isRecord(message) || Array.isArray(message)
				? `${field}: ${fieldErrors(message).join('; ') || asText(message)}`
				: `${field}: ${asText(message)}`,
		);
	}
	return [];
}

/**
 * Accepts a V2 bare array `[{status, message, details?}]`, a V3 `{title, detail, errors}` object
 * (errors as a map or a list), a `{errors: [{status, title}]}` wrapper (customers V2) and text.
 */
export function parseErrorBody(body: unknown): ParsedApiError {
	if (Array.isArray(body)) {
		const messages: string[] = [];
		const details: string[] = [];
		for (const entry of body) {
			if (isRecord(entry)) {
				const text = asText(entry.message ?? entry.title ?? entry.detail ?? '');
				if (text) messages.push(text);
				details.push(...fieldErrors(entry.details ?? entry.errors));
			} else if (entry !== undefined && entry !== null) messages.push(asText(entry));
		}
		return { message: messages.filter(Boolean).join('; '), details };
	}
	if (isRecord(body)) {
		const details: string[] = [];
		const title = asText(body.title ?? body.message ?? '');
		const detail = asText(body.detail ?? '');
		if (detail && detail !== title) details.push(detail);
		const listed = fieldErrors(body.errors ?? body.details);
		if (!title && Array.isArray(body.errors) && listed.length) {
			// customers V2: { errors: [{ status, title }] } — the titles are the message
			return { message: listed.join('; '), details };
		}
		details.push(...listed);
		return { message: title || details.shift() || '', details };
	}
	return { message: asText(body).trim().slice(0, 500), details: [] };
}

/**
 * The failed items of a 207 Multi-Status answer. V3 catalog writes send
 * `errors: {status, title, type, errors: {<key>: <message>}}`; metafield batches send
 * `errors: [{status, title, type, errors: {<key>: <message>}}]`.
 */
export function multiStatusFailures(body: unknown): ItemFailure[] {
	if (!isRecord(body)) return [];
	const blocks = Array.isArray(body.errors) ? body.errors : body.errors ? [body.errors] : [];
	const failures: ItemFailure[] = [];
	for (const block of blocks) {
		if (!isRecord(block)) {
			if (block) failures.push({ message: asText(block) });
			continue;
		}
		const title = asText(block.title ?? block.message ?? block.detail ?? '');
		const inner = block.errors;
		if (isRecord(inner) && Object.keys(inner).length) {
			for (const [key, message] of Object.entries(inner)) {
				const text =
					isRecord(message) || Array.isArray(message)
						? fieldErrors(message).join('; ')
						: asText(message);
				failures.push({
					item: key,
					message: title && text !== title ? `${text} (${title})` : text,
				});
			}
		} else if (Array.isArray(inner) && inner.length) {
			for (const text of fieldErrors(inner))
				failures.push({ message: title ? `${text} (${title})` : text });
		} else if (title) failures.push({ message: title });
	}
	return failures;
}

/** Replaces every occurrence of a secret in a string. */
export function redactText(text: string, secrets: readonly string[]): string {
	let out = text;
	for (const secret of secrets) {
		if (secret && secret.length >= 4) out = out.split(secret).join('[redacted]');
	}
	return out;
}

function containsSecret(value: unknown, secrets: readonly string[]): boolean {
	if (typeof value === 'string')
		return secrets.some((secret) => secret.length >= 4 && value.includes(secret));
	if (Array.isArray(value)) return value.some((entry) => containsSecret(entry, secrets));
	if (isRecord(value)) {
		for (const [key, entry] of Object.entries(value)) {
			if (containsSecret(key, secrets) || containsSecret(entry, secrets)) return true;
		}
	}
	return false;
}

/**
 * A JSON value with every secret replaced (keys and values): the value itself when it holds no
 * secret (no copy), a deep copy otherwise.
 */
export function redactValue<T>(value: T, secrets: readonly string[]): T {
	if (!secrets.some((secret) => secret.length >= 4) || !containsSecret(value, secrets))
		return value;
	return redactDeep(value, secrets);
}

function redactDeep<T>(value: T, secrets: readonly string[]): T {
	if (typeof value === 'string') return redactText(value, secrets) as unknown as T;
	if (Array.isArray(value)) return value.map((entry) => redactDeep(entry, secrets)) as unknown as T;
	if (isRecord(value)) {
		const out: Record<string, unknown> = {};
		for (const [key, entry] of Object.entries(value)) {
			out[redactText(key, secrets)] = redactDeep(entry, secrets);
		}
		return out as T;
	}
	return value;
}

export interface ApiErrorContext {
	statusCode: number;
	body: unknown;
	method: string;
	/** `/v3/catalog/products/1` */
	path: string;
	/** The OAuth scope this request needs, for the 403 hint. */
	scope?: string;
	itemIndex?: number;
	/** Strings that must never appear in the error (the access token). */
	secrets?: readonly string[];
	/** How many 429 answers were waited out before giving up. */
	rateLimitRetries?: number;
	/** Whether the request is safe to repeat (GET, PUT, DELETE); false for a POST. */
	safe?: boolean;
}

/**
 * Gateway answers: the gateway in front of BigCommerce gave up waiting, or got a bad answer from
 * behind it, possibly after BigCommerce processed the request (like a dropped connection).
 */
const GATEWAY_STATUS = new Set<number>([502, 504]);

/** The hint for a write whose outcome is unknown (no answer, or a gateway error) and that was not repeated. */
function outcomeUnknownHint(method: string, path: string, what: string): string {
	return `${method} ${path} ${what}, so BigCommerce may or may not have processed it. It was not sent again, to avoid creating duplicates: check the store before retrying.`;
}

function listed(lines: string[]): string {
	return lines.length ? ` ${lines.join('; ')}.` : '';
}

function hintFor(ctx: ApiErrorContext, parsed: ParsedApiError): string {
	switch (ctx.statusCode) {
		case 401:
			return (
				'The access token is invalid or has been revoked. Use the Access Token of a store-level ' +
				'API account (Settings › API › API Accounts in the BigCommerce control panel), or reconnect ' +
				'the OAuth2 credential.'
			);
		case 403:
			return ctx.scope
				? `The API account lacks the OAuth scope this operation needs: "${ctx.scope}". Edit the API account in BigCommerce (Settings › API › API Accounts), grant that scope (modify, or read-only for reads), then try again.`
				: "The API account lacks an OAuth scope this operation needs, or a store limit was reached. Check the API account's scopes in BigCommerce (Settings › API › API Accounts).";
		case 404:
			return `Nothing found at ${ctx.method} ${ctx.path}: check the ID (it must exist in this store) and the store hash.`;
		case 409:
			return `BigCommerce reports a conflict (for example a duplicate name or SKU).${listed(parsed.details) || ' Change the conflicting values and try again.'}`;
		case 422:
			return `BigCommerce rejected the data.${listed(parsed.details) || ' Check the fields sent.'}`;
		case 413:
			return 'Too many items in one request (or a page size above the maximum of 250). Send smaller batches.';
		case 207: {
			const failures = multiStatusFailures(ctx.body);
			const lines = failures.map((f) =>
				f.item !== undefined ? `${f.item}: ${f.message}` : f.message,
			);
			return `BigCommerce saved part of the request; these items failed:${listed(lines) || ' (no details given).'}`;
		}
		case 429:
			return `The store's API rate limit was still exhausted after ${ctx.rateLimitRetries ?? 0} retries. Try again later, lower the request volume, or check other apps using the same store's quota.`;
		default:
			if (GATEWAY_STATUS.has(ctx.statusCode) && ctx.safe === false)
				return (
					outcomeUnknownHint(
						ctx.method,
						ctx.path,
						`got a gateway error (${ctx.statusCode}) instead of BigCommerce's answer`,
					) + listed(parsed.details)
				);
			if (ctx.statusCode >= 500)
				return `BigCommerce answered with a server error (${ctx.statusCode}).${listed(parsed.details)} Try again later.`;
			return listed(parsed.details).trim() || 'Check the parameters sent.';
	}
}

/** Builds the NodeApiError for a non-2xx (or 207) answer: BigCommerce's message, the code and a hint. */
export function toNodeApiError(node: INode, ctx: ApiErrorContext): NodeApiError {
	const secrets = ctx.secrets ?? [];
	const body = redactValue(ctx.body, secrets);
	const parsed = parseErrorBody(body);
	let text = parsed.message;
	if (ctx.statusCode === 207) {
		const failed = multiStatusFailures(body).length;
		text = `partly saved, ${failed || 'some'} item${failed === 1 ? '' : 's'} failed`;
	}
	const message = text
		? `BigCommerce error ${ctx.statusCode}: ${text}`
		: `BigCommerce error ${ctx.statusCode}`;
	let errorBody: JsonObject;
	if (isRecord(body)) errorBody = JSON.parse(JSON.stringify(body)) as JsonObject;
	else if (Array.isArray(body))
		errorBody = { errors: JSON.parse(JSON.stringify(body)) as JsonObject[] };
	else errorBody = { message: parsed.message };
	return new NodeApiError(node, errorBody, {
		message: redactText(message, secrets),
		description: redactText(hintFor({ ...ctx, body }, parsed), secrets),
		httpCode: String(ctx.statusCode),
		itemIndex: ctx.itemIndex,
	});
}

export interface NetworkErrorContext {
	error: unknown;
	method: string;
	path: string;
	/** Whether the request is safe to repeat (and was repeated). */
	safe: boolean;
	attempts: number;
	itemIndex?: number;
	secrets?: readonly string[];
}

/** The low-level code of a failed request (ECONNRESET, ETIMEDOUT…), wherever the client put it. */
export function networkErrorCode(error: unknown): string {
	let current: unknown = error;
	for (let depth = 0; depth < 4 && isRecord(current); depth++) {
		const code = current.code;
		if (typeof code === 'string' && code) return code;
		current = current.cause;
	}
	const message =
		isRecord(error) || error instanceof Error
			? asText((error as { message?: unknown }).message)
			: '';
	if (/timeout|timed out/i.test(message)) return 'ETIMEDOUT';
	if (/socket hang up|other side closed|closed unexpectedly/i.test(message)) return 'ECONNRESET';
	return 'ERROR';
}

/** Errors where the request certainly never reached BigCommerce (safe to send again, even a POST). */
export function neverSent(code: string): boolean {
	return ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'].includes(code.toUpperCase());
}

function networkSummary(code: string): string {
	const upper = code.toUpperCase();
	if (upper === 'ERR_CANCELED' || upper === 'ABORT_ERR') return 'the request was cancelled';
	if (upper.includes('TIMEOUT') || upper === 'ETIMEDOUT' || upper === 'ECONNABORTED')
		return 'no answer arrived in time';
	if (upper === 'ECONNREFUSED') return 'the connection was refused';
	if (upper === 'ENOTFOUND' || upper === 'EAI_AGAIN')
		return 'the API host name could not be resolved';
	return 'the connection was closed before an answer arrived';
}

/**
 * A request that got no answer. The message avoids Node's error codes on purpose: n8n would
 * otherwise replace it with a generic text; the code is in the description.
 */
export function toNetworkError(node: INode, ctx: NetworkErrorContext): NodeApiError {
	const secrets = ctx.secrets ?? [];
	const code = networkErrorCode(ctx.error);
	const summary = networkSummary(code);
	const raw = ctx.error instanceof Error ? ctx.error.message : asText(ctx.error);
	const description = ctx.safe
		? `${ctx.method} ${ctx.path} failed ${ctx.attempts} time${ctx.attempts === 1 ? '' : 's'} (${code}: ${raw}). Check the API Base URL and the network, then try again.`
		: neverSent(code)
			? `${ctx.method} ${ctx.path} could not be sent (${code}: ${raw}). Check the API Base URL and the network, then try again.`
			: outcomeUnknownHint(ctx.method, ctx.path, `got no answer (${code}: ${raw})`);
	return new NodeApiError(
		node,
		{ message: redactText(`Could not reach BigCommerce: ${summary}`, secrets), networkCode: code },
		{
			message: redactText(`Could not reach BigCommerce: ${summary}`, secrets),
			description: redactText(description, secrets),
			itemIndex: ctx.itemIndex,
		},
	);
}
