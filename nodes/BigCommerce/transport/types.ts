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
