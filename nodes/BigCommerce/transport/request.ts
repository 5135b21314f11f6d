import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { convertV2Dates } from './dates';
import { networkErrorCode, neverSent, toNetworkError, toNodeApiError } from './errors';
import {
	acquire,
	clampRateLimitWait,
	exhaust,
	headerNumber,
	MAX_RATE_LIMIT_WAIT_MS,
	pause,
	release,
} from './rateLimit';
import { redactText, redactValue } from './redact';
import type {
	BigCommerceContext,
	BigCommerceRequest,
	BigCommerceResponse,
	ApiVersion,
} from './types';
import type { ResolvedStore } from './credentials';
import { isOAuth2, resolveStore } from './credentials';

/** One request: send, retry (safe methods, 429 via the rate-limit governor), unwrap, errors. */

/** Retry and back-off settings (tests shorten them). */
export const retrySettings = {
	/** Retries after a 5xx, a timeout or a dropped connection, for GET/PUT/DELETE only. */
	maxRetries: 3,
	/** Retries after a 429 (any method: BigCommerce did not process it). */
	max429Retries: 6,
	baseBackoffMs: 1000,
	maxBackoffMs: 30000,
	timeoutMs: 60000,
};

const SAFE_TO_REPEAT = new Set<string>(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
/** Server errors worth another try (507 "plan limit" and 501 are not transient). */
const RETRYABLE_STATUS = new Set<number>([408, 500, 502, 503, 504]);

/** Growing, jittered wait: between half and all of base × 2^attempt, capped. */
export function backoffMs(attempt: number): number {
	const base = Math.min(retrySettings.maxBackoffMs, retrySettings.baseBackoffMs * 2 ** attempt);
	return Math.max(1, Math.round(base / 2 + Math.random() * (base / 2)));
}

function parseBody(body: unknown): unknown {
	if (typeof body === 'string') {
		const trimmed = body.trim();
		if (!trimmed) return undefined;
		try {
			return JSON.parse(trimmed);
		} catch {
			return body;
		}
	}
	if (body && typeof body === 'object' && typeof (body as Buffer).byteLength === 'number') {
		return parseBody(String(body));
	}
	return body;
}

/**
 * Query values as BigCommerce expects them: lists as CSV (`id:in=1,2,3`, OpenAPI form style
 * without explode), empty values dropped, keys such as `id:in` or `date_modified:min` kept as-is.
 */
export function buildQuery(qs: IDataObject | undefined): IDataObject | undefined {
	if (!qs) return undefined;
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(qs)) {
		if (value === undefined || value === null) continue;
		if (Array.isArray(value)) {
			if (!value.length) continue;
			out[key] = value.map((entry) => String(entry)).join(',');
		} else if (typeof value === 'object') {
			out[key] = JSON.stringify(value);
		} else out[key] = value;
	}
	return Object.keys(out).length ? out : undefined;
}

type RawAnswer = { statusCode: number; headers?: Record<string, unknown>; body?: unknown };

/** Sends through n8n's authenticated helper, with the request timeout enforced. */
async function send(
	ctx: BigCommerceContext,
	store: ResolvedStore,
	options: IHttpRequestOptions,
): Promise<RawAnswer> {
	return (await ctx.helpers.httpRequestWithAuthentication.call(
		ctx,
		store.credentialType,
		options,
		isOAuth2(store.credentialType)
			? // n8n's OAuth2 path sends only "Authorization: Bearer"; BigCommerce reads X-Auth-Token
				{ oauth2: { keyToIncludeInAccessTokenHeader: 'X-Auth-Token', tokenType: 'Bearer' } }
			: undefined,
	)) as RawAnswer;
}

/**
 * The signal n8n aborts when the execution is stopped (execute contexts only; absent in
 * webhook, hook and load-options contexts and in n8n versions without it).
 */
function cancelSignal(ctx: BigCommerceContext): AbortSignal | undefined {
	try {
		return (ctx as Partial<IExecuteFunctions>).getExecutionCancelSignal?.() ?? undefined;
	} catch {
		return undefined;
	}
}

/**
 * The router's gate for one context while it runs items in parallel (see gateRequests): the
 * requests that may still wait, each with its own controller (one listener per wait, never a
 * crowd on one signal).
 */
interface Gate {
	closed: boolean;
	waiting: Set<AbortController>;
}
const gates = new WeakMap<object, Gate>();

/** Errors that stand for a request the router's gate kept from being sent (see wasNotSent). */
const notSent = new WeakSet<object>();

/**
 * Whether an error only says a request was not sent because the router closed its gate (another
 * item failed without Continue On Fail). The router never surfaces such an error: it throws the
 * failing item's own.
 */
export function wasNotSent(error: unknown): boolean {
	return typeof error === 'object' && error !== null && notSent.has(error);
}

function notSentError(ctx: BigCommerceContext, what: string, itemIndex?: number) {
	const error = new NodeOperationError(ctx.getNode(), `${what} was not sent: another item failed`, {
		itemIndex,
	});
	notSent.add(error);
	return error;
}

/**
 * Lets the router stop a context's requests that are not sent yet. After `close()`, every request
 * through `ctx` that has not reached the wire (not begun, waiting for the quota, or backing off
 * before a retry) ends at once with an error wasNotSent recognises; requests already sent finish and their
 * answers are read (aborting them would not undo a write). `release()` removes the gate when the
 * router is done.
 */
export function gateRequests(ctx: IExecuteFunctions): { close(): void; release(): void } {
	const gate: Gate = { closed: false, waiting: new Set() };
	gates.set(ctx, gate);
	return {
		close() {
			gate.closed = true;
			for (const request of gate.waiting) request.abort();
			gate.waiting.clear();
		},
		release() {
			if (gates.get(ctx) === gate) gates.delete(ctx);
		},
	};
}

/**
 * The signal a request's waits (quota, back-off) end on: the execution's stop signal, and under a
 * router gate also the gate closing. `done()` unhooks it when the request is over.
 */
function waitSignalFor(
	ctx: BigCommerceContext,
	stop: AbortSignal | undefined,
): { signal: AbortSignal | undefined; gate?: Gate; done(): void } {
	const gate = gates.get(ctx);
	if (!gate) return { signal: stop, done() {} };
	const own = new AbortController();
	const abort = () => own.abort();
	if (gate.closed || stop?.aborted) abort();
	else gate.waiting.add(own);
	stop?.addEventListener('abort', abort, { once: true });
	return {
		signal: own.signal,
		gate,
		done() {
			gate.waiting.delete(own);
			stop?.removeEventListener('abort', abort);
		},
	};
}

/** The execution was stopped (n8n aborts the request): nothing is retried. */
function cancelled(signal: AbortSignal | undefined, code: string): boolean {
	if (code === 'ERR_CANCELED' || code === 'ABORT_ERR') return true;
	return Boolean(signal?.aborted);
}

type LogLevel = 'debug' | 'warn';

function log(
	ctx: BigCommerceContext,
	store: ResolvedStore,
	message: string,
	meta: IDataObject,
	level: LogLevel = 'debug',
): void {
	const logger = (
		ctx as { logger?: Partial<Record<LogLevel, (m: string, meta?: IDataObject) => void>> }
	).logger;
	logger?.[level]?.(redactText(message, store.secrets), redactValue(meta, store.secrets));
}

/** Says so (once per answer) when a rate-limit header asked for a longer wait than the governor allows. */
function warnIfClamped(
	ctx: BigCommerceContext,
	store: ResolvedStore,
	what: string,
	askedMs: number | undefined,
): void {
	if (askedMs === undefined || !(askedMs > MAX_RATE_LIMIT_WAIT_MS)) return;
	log(
		ctx,
		store,
		`${what}: the store asked to wait ${askedMs} ms for its rate limit; waiting at most ${MAX_RATE_LIMIT_WAIT_MS} ms instead (BigCommerce's rate-limit window is 30 s)`,
		{ askedMs, waitMs: MAX_RATE_LIMIT_WAIT_MS },
		'warn',
	);
}

/** The error for a request whose wait (quota or back-off) ended because the execution was stopped. */
function stoppedError(
	ctx: BigCommerceContext,
	request: BigCommerceRequest,
	what: string,
	waitingFor: string,
	attempts: number,
): NodeOperationError {
	return new NodeOperationError(
		ctx.getNode(),
		'The execution was stopped while a BigCommerce request was waiting',
		{
			description: `${what} was waiting for ${waitingFor} and was ${attempts ? 'not sent again' : 'not sent'}.`,
			itemIndex: request.itemIndex,
		},
	);
}

/**
 * Sends one request to the store and returns the full answer. Every request of this package goes
 * through here: rate-limit pacing, 429 waits, safe retries and error mapping live in one place.
 *
 * - Before sending, the store's governor (shared by the whole process) holds the request back
 *   while the store's quota, minus the requests in flight, is spent.
 * - 429 with X-Rate-Limit-Time-Reset-Ms (or X-Retry-After): every request to the store waits the
 *   reset, then this one is sent again (any method: BigCommerce did not process it); repeated 429s
 *   add a growing back-off. 429 without those headers: growing, jittered back-off. Bounded by
 *   `retrySettings.max429Retries`, then a NodeApiError saying so.
 * - 408/500/502/503/504, timeouts and dropped connections: GET/PUT/DELETE are repeated with a
 *   growing, jittered back-off (`retrySettings.maxRetries`); a POST is never sent again, since
 *   BigCommerce may have processed it (unless the connection was refused before sending).
 * - Any other status >= 400, and 207 unless `allowPartial`: NodeApiError with BigCommerce's
 *   message, the HTTP code and a hint. The access token is redacted from everything it carries.
 */
export async function bigCommerceApiRequestFull(
	this: BigCommerceContext,
	request: BigCommerceRequest,
): Promise<BigCommerceResponse> {
	const store = await resolveStore.call(this);
	const path = request.path.startsWith('/') ? request.path : `/${request.path}`;
	const url = `${store.baseUrl}/stores/${store.storeHash}/${request.version}${path}`;
	const method = request.method.toUpperCase();
	const options: IHttpRequestOptions = {
		method: request.method,
		url,
		headers: {
			Accept: 'application/json',
			'User-Agent': 'n8n-nodes-bigcommerce',
		},
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: retrySettings.timeoutMs,
	};
	const qs = buildQuery(request.qs);
	if (qs) options.qs = qs;
	if (request.body !== undefined) {
		options.body = request.body;
		(options.headers as IDataObject)['Content-Type'] = 'application/json';
	}

	const governorKey = `${store.baseUrl}|${store.storeHash}`;
	const safe = SAFE_TO_REPEAT.has(method);
	const where = `/${request.version}${path}`;
	const what = `BigCommerce ${method} ${where}`;
	// every wait below ends at once when the execution is stopped
	const signal = cancelSignal(this);
	if (signal) options.abortSignal = signal;
	// waits end on the stop signal or when the router closes its gate; a request on the wire is
	// aborted only by the stop signal
	const waits = waitSignalFor(this, signal);
	const waitSignal = waits.signal;
	let failures = 0;
	let rateLimited = 0;
	let attempts = 0;
	/** Awaits a governor wait or a back-off; they reject only when the execution is stopped. */
	const waitFor = async <T>(wait: Promise<T>, waitingFor: string): Promise<T> => {
		try {
			return await wait;
		} catch {
			if (waits.gate?.closed && !signal?.aborted) {
				throw notSentError(this, what, request.itemIndex);
			}
			throw stoppedError(this, request, what, waitingFor, attempts);
		}
	};
	try {
		for (;;) {
			// every attempt, the first and each retry, passes the governor and the gate
			const ticket = await waitFor(
				acquire(governorKey, waitSignal),
				"the store's rate-limit window to reset",
			);
			let response: RawAnswer;
			try {
				attempts++;
				response = await send(this, store, options);
			} catch (error) {
				release(governorKey);
				const code = networkErrorCode(error);
				if (
					!cancelled(signal, code) &&
					(safe || neverSent(code)) &&
					failures < retrySettings.maxRetries
				) {
					const wait = backoffMs(failures++);
					log(this, store, `${what}: no answer (${code}), retry ${failures} in ${wait} ms`, {});
					await waitFor(pause(wait, waitSignal), 'a retry after no answer');
					continue;
				}
				throw toNetworkError(this.getNode(), {
					error,
					method,
					path: where,
					safe,
					attempts: failures + 1,
					itemIndex: request.itemIndex,
					secrets: store.secrets,
				});
			}
			const headers = response.headers ?? {};
			const statusCode = Number(response.statusCode);
			release(governorKey, { headers, statusCode }, ticket);
			const body = parseBody(response.body);

			if (statusCode === 429 && rateLimited < retrySettings.max429Retries) {
				const resetMs =
					headerNumber(headers, 'x-rate-limit-time-reset-ms') ??
					(headerNumber(headers, 'x-retry-after') ?? NaN) * 1000;
				if (Number.isFinite(resetMs) && resetMs >= 0) {
					// the store's quota is spent: every request to it waits for the reset (longer each
					// time retries keep hitting the limit), never longer than MAX_RATE_LIMIT_WAIT_MS
					const extra = rateLimited > 0 ? backoffMs(rateLimited - 1) : 0;
					const wait = clampRateLimitWait(resetMs + extra);
					warnIfClamped(this, store, `${what} (429)`, resetMs);
					exhaust(governorKey, wait);
					log(this, store, `${what}: 429, waiting ${wait} ms`, {});
				} else {
					// no rate-limit headers: the platform itself is under load; back off, growing
					const wait = backoffMs(rateLimited);
					log(this, store, `${what}: 429 without headers, waiting ${wait} ms`, {});
					await waitFor(pause(wait, waitSignal), 'a retry after a 429');
				}
				rateLimited++;
				continue;
			}
			warnIfClamped(this, store, what, headerNumber(headers, 'x-rate-limit-time-reset-ms'));
			if (RETRYABLE_STATUS.has(statusCode) && safe && failures < retrySettings.maxRetries) {
				const wait = backoffMs(failures++);
				log(this, store, `${what}: ${statusCode}, retry ${failures} in ${wait} ms`, {});
				await waitFor(pause(wait, waitSignal), `a retry after a ${statusCode}`);
				continue;
			}
			if (statusCode >= 400 || (statusCode === 207 && !request.allowPartial)) {
				throw toNodeApiError(this.getNode(), {
					statusCode,
					body,
					method,
					path: where,
					scope: request.scope,
					itemIndex: request.itemIndex,
					secrets: store.secrets,
					rateLimitRetries: rateLimited,
					safe,
				});
			}
			return {
				statusCode,
				headers,
				body: mayHoldSecret(body, store.secrets) ? redactValue(body, store.secrets) : body,
			};
		}
	} finally {
		waits.done();
	}
}

/**
 * Whether a parsed JSON answer may contain a secret, in a key or a value at any depth: a walk that
 * only reads (redactValue does the copying, and only when this says yes). About 5 times cheaper
 * than JSON.stringify of the answer plus a substring search (a 250-product page with variants and
 * images is about 1 MB of JSON; bench/export-profile.js), and it needs no care for the
 * characters JSON escapes, since it compares the values themselves.
 */
function mayHoldSecret(body: unknown, secrets: readonly string[]): boolean {
	if (body === null || typeof body !== 'object') return true;
	const wanted = secrets.filter((secret) => secret.length >= 4);
	if (!wanted.length) return false;
	// a secret of digits could equal a number of the answer
	const numeric = wanted.some((secret) => /^[\d.eE+-]+$/.test(secret));
	const holds = (text: string) => {
		for (const secret of wanted) if (text.includes(secret)) return true;
		return false;
	};
	const walk = (value: unknown): boolean => {
		if (typeof value === 'string') return holds(value);
		if (typeof value === 'number') return numeric && holds(String(value));
		if (value === null || typeof value !== 'object') return false;
		if (Array.isArray(value)) {
			for (const entry of value) if (walk(entry)) return true;
			return false;
		}
		for (const key in value as IDataObject) {
			if (holds(key) || walk((value as IDataObject)[key])) return true;
		}
		return false;
	};
	return walk(body);
}

/** Turns an answer into what the node returns: V3 `data` unwrapped, V2 dates in ISO 8601, empty → []. */
export function unwrapResponse(
	version: ApiVersion,
	method: IHttpRequestMethods,
	response: BigCommerceResponse,
): unknown {
	const body = response.body;
	if (response.statusCode === 204 || body === undefined || body === null || body === '') {
		return method === 'GET' ? [] : {};
	}
	if (version === 'v3') {
		if (body && typeof body === 'object' && !Array.isArray(body) && 'data' in body) {
			return (body as IDataObject).data;
		}
		return body;
	}
	return convertV2Dates(body);
}

/** Sends a request and returns the unwrapped body. */
export async function bigCommerceApiRequest<T = unknown>(
	this: BigCommerceContext,
	request: BigCommerceRequest,
): Promise<T> {
	const response = await bigCommerceApiRequestFull.call(this, request);
	return unwrapResponse(request.version, request.method, response) as T;
}
