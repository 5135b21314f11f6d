import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IWebhookFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { convertV2Dates } from './dates';
import { toNodeApiError } from './errors';
import { acquire, exhaust, headerNumber, release } from './rateLimit';
import { ACCEPTED_STORE_HASH_FORMS, normaliseBaseUrl, parseStoreHash } from './storeHash';

export type BigCommerceContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IWebhookFunctions;

export type ApiVersion = 'v2' | 'v3';

/** The credential type behind the node's Authentication choice. */
export function credentialTypeFor(authentication: string): string {
	return authentication === 'oAuth2' ? 'bigCommerceOAuth2Api' : 'bigCommerceApi';
}
const isOAuth2 = (credentialType: string) => credentialType === credentialTypeFor('oAuth2');

export interface BigCommerceRequest {
	method: IHttpRequestMethods;
	version: ApiVersion;
	/** Path below `/stores/{hash}/{version}`, starting with `/`. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	/** OAuth scope the call needs; named in the 403 hint. */
	scope?: string;
	itemIndex?: number;
	/** Return a 207 answer instead of throwing (the caller reports per-item failures). */
	allowPartial?: boolean;
}

export interface BigCommerceResponse {
	statusCode: number;
	headers: Record<string, unknown>;
	body: unknown;
}

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

const SAFE_TO_REPEAT = new Set<IHttpRequestMethods>(['GET', 'PUT', 'DELETE', 'HEAD']);

interface ResolvedStore {
	credentialType: string;
	baseUrl: string;
	storeHash: string;
	token: string;
}

function authenticationOf(ctx: BigCommerceContext): string {
	try {
		return (ctx as IExecuteFunctions).getNodeParameter('authentication', 0, 'accessToken') as string;
	} catch {
		return 'accessToken';
	}
}

/** Reads the credential chosen on the node and works out base URL and store hash. */
export async function resolveStore(this: BigCommerceContext): Promise<ResolvedStore> {
	const authentication = authenticationOf(this);
	const credentialType = credentialTypeFor(authentication);
	const credentials = await this.getCredentials(credentialType);
	let rawHash: unknown = credentials.storeHash;
	let token = '';
	if (isOAuth2(credentialType)) {
		const tokenData = (credentials.oauthTokenData ?? {}) as IDataObject;
		if (typeof tokenData.context === 'string' && tokenData.context) rawHash = tokenData.context;
		token = typeof tokenData.access_token === 'string' ? tokenData.access_token : '';
	} else {
		token = typeof credentials.accessToken === 'string' ? credentials.accessToken : '';
	}
	const storeHash = parseStoreHash(rawHash);
	if (!storeHash) {
		throw new NodeOperationError(
			this.getNode(),
			`The credential's Store Hash "${String(rawHash ?? '')}" is not recognised`,
			{ description: `Enter ${ACCEPTED_STORE_HASH_FORMS}.` },
		);
	}
	return {
		credentialType,
		baseUrl: normaliseBaseUrl(credentials.apiBaseUrl),
		storeHash,
		token,
	};
}

function redact(text: string, token: string): string {
	if (!token || token.length < 4) return text;
	return text.split(token).join('[redacted]');
}

function backoffMs(attempt: number): number {
	const base = Math.min(retrySettings.maxBackoffMs, retrySettings.baseBackoffMs * 2 ** attempt);
	// full jitter between half and the whole step, so parallel clients spread out
	return Math.round(base / 2 + Math.random() * (base / 2));
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
 * Sends one request to the store and returns the full answer. Every request of this package goes
 * through here: rate-limit pacing, 429 waits, safe retries and error mapping live in one place.
 */
export async function bigCommerceApiRequestFull(
	this: BigCommerceContext,
	request: BigCommerceRequest,
): Promise<BigCommerceResponse> {
	const store = await resolveStore.call(this);
	const url = `${store.baseUrl}/stores/${store.storeHash}/${request.version}${request.path}`;
	const options: IHttpRequestOptions = {
		method: request.method,
		url,
		headers: {
			Accept: 'application/json',
			'Content-Type': 'application/json',
			'User-Agent': 'n8n-nodes-bigcommerce',
		},
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: retrySettings.timeoutMs,
	};
	if (request.qs && Object.keys(request.qs).length) options.qs = request.qs;
	if (request.body !== undefined) options.body = request.body;

	const governorKey = `${store.baseUrl}|${store.storeHash}`;
	const safe = SAFE_TO_REPEAT.has(request.method);
	let failures = 0;
	let rateLimited = 0;
	for (;;) {
		await acquire(governorKey);
		let response: { statusCode: number; headers?: Record<string, unknown>; body?: unknown };
		try {
			response = await this.helpers.httpRequestWithAuthentication.call(
				this,
				store.credentialType,
				options,
				isOAuth2(store.credentialType)
					? { oauth2: { keyToIncludeInAccessTokenHeader: 'X-Auth-Token', tokenType: 'Bearer' } }
					: undefined,
			);
		} catch (error) {
			release(governorKey);
			const e = error as { message?: string; code?: string; cause?: { code?: string } };
			const code = e.code ?? e.cause?.code ?? 'ERROR';
			if (safe && failures < retrySettings.maxRetries) {
				await sleep(backoffMs(failures++));
				continue;
			}
			const message = redact(e.message ?? String(error), store.token);
			throw new NodeApiError(this.getNode(), { message, code } as JsonObject, {
				message: `Could not reach BigCommerce (${code}): ${message}`,
				description: safe
					? `The request failed ${failures + 1} times. Check the API Base URL and the network, then try again.`
					: 'The connection failed before an answer arrived, so BigCommerce may or may not have processed this request. It was not sent again, to avoid creating duplicates: check the store before retrying.',
				itemIndex: request.itemIndex,
			});
		}
		const headers = response.headers ?? {};
		release(governorKey, headers);
		const statusCode = response.statusCode;
		const body = parseBody(response.body);

		if (statusCode === 429 && rateLimited < retrySettings.max429Retries) {
			const resetMs =
				headerNumber(headers, 'x-rate-limit-time-reset-ms') ??
				(headerNumber(headers, 'x-retry-after') ?? NaN) * 1000;
			if (Number.isFinite(resetMs) && resetMs >= 0) {
				exhaust(governorKey, resetMs);
				await sleep(Math.max(1, resetMs));
			} else {
				// no rate-limit headers: the platform itself is under load; back off, growing
				await sleep(backoffMs(rateLimited));
			}
			rateLimited++;
			continue;
		}
		if (statusCode >= 500 && safe && failures < retrySettings.maxRetries) {
			await sleep(backoffMs(failures++));
			continue;
		}
		if (statusCode >= 400 || (statusCode === 207 && !request.allowPartial)) {
			throw toNodeApiError(this.getNode(), {
				statusCode,
				body,
				method: request.method,
				path: `/${request.version}${request.path}`,
				scope: request.scope,
				itemIndex: request.itemIndex,
			});
		}
		return { statusCode, headers, body };
	}
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

export const MAX_PAGE_SIZE = 250;

export interface PaginationOptions {
	returnAll: boolean;
	/** Ignored when returnAll is true. */
	limit?: number;
	/** Page size to ask for (defaults to 250, or less when fewer items are wanted). */
	pageSize?: number;
	/** Called with each page as it arrives (counting calls, streaming). */
	onPage?: (items: IDataObject[], page: number) => void;
}

/**
 * Reads a list across pages. V3 follows `meta.pagination`; V2 asks page after page until a short
 * page or a 204. With Limit it stops as soon as it has enough and never fetches a page it does
 * not need. Items that appear twice because the list changed between pages are returned once.
 */
export async function bigCommerceApiRequestAllItems(
	this: BigCommerceContext,
	request: BigCommerceRequest,
	pagination: PaginationOptions,
): Promise<IDataObject[]> {
	const max = pagination.returnAll ? Infinity : Math.max(0, pagination.limit ?? 50);
	if (max === 0) return [];
	const pageSize = Math.min(
		pagination.pageSize ?? MAX_PAGE_SIZE,
		MAX_PAGE_SIZE,
		Number.isFinite(max) ? max : MAX_PAGE_SIZE,
	);
	const results: IDataObject[] = [];
	const seen = new Set<unknown>();
	for (let page = 1; ; page++) {
		const response = await bigCommerceApiRequestFull.call(this, {
			...request,
			qs: { ...(request.qs ?? {}), page, limit: pageSize },
		});
		const data = unwrapResponse(request.version, 'GET', response);
		const items = (Array.isArray(data) ? data : []) as IDataObject[];
		pagination.onPage?.(items, page);
		for (const item of items) {
			const id = item && typeof item === 'object' ? (item.id ?? item.uuid) : undefined;
			if (id !== undefined) {
				if (seen.has(id)) continue;
				seen.add(id);
			}
			results.push(item);
			if (results.length >= max) return results;
		}
		if (request.version === 'v3') {
			const meta = (response.body as IDataObject | undefined)?.meta as IDataObject | undefined;
			const info = meta?.pagination as IDataObject | undefined;
			if (info) {
				const totalPages = Number(info.total_pages ?? 0);
				if (!(page < totalPages)) break;
				continue;
			}
		}
		if (items.length < pageSize) break;
	}
	return results;
}
