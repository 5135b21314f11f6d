import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

/** The request and response shapes of the transport, and the n8n contexts it runs in. */

export type BigCommerceContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IPollFunctions
	| IWebhookFunctions;

export type ApiVersion = 'v2' | 'v3';

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

/** What errors.ts and hints.ts know about a failed answer. */
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

/** What errors.ts and hints.ts know about a request that got no answer. */
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
