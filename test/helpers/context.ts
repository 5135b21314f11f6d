/**
 * A real-HTTP stand-in for n8n's execution context: parameters come from the test, and
 * `helpers.httpRequestWithAuthentication` really sends the request (to the sandbox), applying the
 * credential the way n8n does (X-Auth-Token; Bearer + X-Auth-Token for OAuth2). Nothing in the
 * package's transport is mocked.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	IPollFunctions,
} from 'n8n-workflow';

export type Params = Record<string, unknown>;

export interface ContextOptions {
	/** Node parameters, either shared by every item or one object per item. */
	params: Params | Params[];
	credentials?: Record<string, IDataObject>;
	items?: IDataObject[];
	continueOnFail?: boolean;
	staticData?: IDataObject;
}

export interface SentRequest {
	credentialType: string;
	options: IHttpRequestOptions;
	additional?: IDataObject;
	statusCode?: number;
}

function getPath(source: unknown, path: string): unknown {
	let current: unknown = source;
	for (const part of path.split('.')) {
		if (current === undefined || current === null || typeof current !== 'object') return undefined;
		current = (current as Record<string, unknown>)[part];
	}
	return current;
}

function headerObject(headers: Headers): Record<string, string> {
	const out: Record<string, string> = {};
	headers.forEach((value, key) => (out[key] = value));
	return out;
}

/** Performs an n8n-style HTTP request with fetch. */
export async function performRequest(
	options: IHttpRequestOptions,
	extraHeaders: Record<string, string>,
): Promise<{ statusCode: number; headers: Record<string, string>; body: unknown }> {
	const url = new URL(options.url, options.baseURL);
	for (const [key, value] of Object.entries((options.qs ?? {}) as IDataObject)) {
		if (value === undefined || value === null) continue;
		url.searchParams.set(key, String(value));
	}
	const headers: Record<string, string> = {
		...(options.headers as Record<string, string>),
		...extraHeaders,
	};
	let body: string | undefined;
	if (options.body !== undefined) {
		body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
	}
	const response = await fetch(url, { method: options.method ?? 'GET', headers, body });
	const text = await response.text();
	let parsed: unknown = text;
	if (text && options.json !== false) {
		try {
			parsed = JSON.parse(text);
		} catch {
			parsed = text;
		}
	}
	const result = {
		statusCode: response.status,
		headers: headerObject(response.headers),
		body: text ? parsed : '',
	};
	if (response.status >= 400 && !options.ignoreHttpStatusErrors) {
		const error = new Error(`Request failed with status code ${response.status}`) as Error & {
			response: unknown;
		};
		error.response = { status: response.status, data: parsed, headers: result.headers };
		throw error;
	}
	return result;
}

export function authHeaders(
	credentialType: string,
	credentials: IDataObject,
	additional?: IDataObject,
) {
	if (credentialType === 'bigCommerceOAuth2Api') {
		const token = String(
			(credentials.oauthTokenData as IDataObject | undefined)?.access_token ?? '',
		);
		const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
		const key = (additional?.oauth2 as IDataObject | undefined)?.keyToIncludeInAccessTokenHeader;
		if (typeof key === 'string') headers[key] = token;
		return headers;
	}
	return { 'X-Auth-Token': String(credentials.accessToken ?? '') };
}

export function makeNode(overrides: Partial<INode> = {}): INode {
	return {
		id: 'node-1',
		name: 'BigCommerce',
		type: 'n8n-nodes-bigcommerce.bigCommerce',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		...overrides,
	};
}

/** Builds an IExecuteFunctions whose HTTP calls really go out. */
export function createExecuteContext(options: ContextOptions) {
	const sent: SentRequest[] = [];
	const items: INodeExecutionData[] = (options.items ?? [{}]).map((json) => ({ json }));
	const staticData: IDataObject = options.staticData ?? {};
	const paramsFor = (i: number): Params =>
		Array.isArray(options.params) ? (options.params[i] ?? options.params[0]) : options.params;
	const node = makeNode();

	const ctx = {
		getNode: () => node,
		getInputData: () => items,
		continueOnFail: () => options.continueOnFail ?? false,
		getWorkflowStaticData: () => staticData,
		getNodeParameter(
			name: string,
			i: number,
			fallback?: unknown,
			opts?: { extractValue?: boolean },
		) {
			let value = getPath(paramsFor(i), name);
			if (value === undefined) {
				if (arguments.length >= 3) return fallback;
				throw new Error(`Could not get parameter "${name}"`);
			}
			if (
				opts?.extractValue &&
				value &&
				typeof value === 'object' &&
				(value as IDataObject).__rl === true
			) {
				value = (value as IDataObject).value;
			}
			return value;
		},
		async getCredentials(type: string) {
			const credentials = options.credentials?.[type];
			if (!credentials) throw new Error(`Node does not have credentials of type "${type}"`);
			return credentials;
		},
		logger: { debug() {}, info() {}, warn() {}, error() {} },
		helpers: {
			async httpRequestWithAuthentication(
				credentialType: string,
				requestOptions: IHttpRequestOptions,
				additional?: IDataObject,
			) {
				const credentials = await ctx.getCredentials(credentialType);
				const entry: SentRequest = { credentialType, options: requestOptions, additional };
				sent.push(entry);
				const response = await performRequest(
					requestOptions,
					authHeaders(credentialType, credentials, additional),
				);
				entry.statusCode = response.statusCode;
				return requestOptions.returnFullResponse ? response : response.body;
			},
			returnJsonArray(data: IDataObject | IDataObject[]): INodeExecutionData[] {
				return (Array.isArray(data) ? data : [data]).map((json) => ({ json }));
			},
			constructExecutionMetaData(
				data: INodeExecutionData[],
				meta: { itemData: { item: number } },
			): INodeExecutionData[] {
				return data.map((entry) => ({ ...entry, pairedItem: meta.itemData }));
			},
			async prepareBinaryData(buffer: Buffer, fileName?: string, mimeType?: string) {
				return {
					data: buffer.toString('base64'),
					fileName,
					mimeType: mimeType ?? 'application/octet-stream',
					fileSize: String(buffer.length),
				};
			},
		},
	};
	return { ctx: ctx as unknown as IExecuteFunctions, sent, staticData };
}

/** Credentials pointing at a running sandbox. */
export function sandboxCredentials(sandbox: {
	baseUrl: string;
	storeHash: string;
	accessToken: string;
}) {
	return {
		bigCommerceApi: {
			storeHash: sandbox.storeHash,
			accessToken: sandbox.accessToken,
			apiBaseUrl: sandbox.baseUrl,
		},
	};
}

export interface PollContextOptions {
	params: Params;
	credentials?: Record<string, IDataObject>;
	/** The workflow's node static data (kept between polls, like n8n does). */
	staticData?: IDataObject;
	/** n8n's mode: 'trigger' for a published workflow's poll, 'manual' for Fetch Test Event. */
	mode?: 'trigger' | 'manual';
}

/**
 * An IPollFunctions on the execute context above (same real HTTP, same parameters), with n8n's
 * poll signature getNodeParameter(name, fallback), the mode, and the warnings it logged.
 */
export function createPollContext(options: PollContextOptions) {
	const base = createExecuteContext({
		params: options.params,
		credentials: options.credentials,
		staticData: options.staticData,
	});
	const exec = base.ctx as unknown as Record<string, unknown> & {
		getNodeParameter: (name: string, i: number, fallback?: unknown) => unknown;
	};
	const warnings: string[] = [];
	const ctx = {
		...exec,
		getNode: () => makeNode({ name: 'BigCommerce Polling Trigger' }),
		getMode: () => options.mode ?? 'trigger',
		getNodeParameter(name: string, fallback?: unknown) {
			return arguments.length >= 2
				? exec.getNodeParameter(name, 0, fallback)
				: exec.getNodeParameter(name, 0);
		},
		logger: {
			debug() {},
			info() {},
			warn: (message: string) => warnings.push(message),
			error() {},
		},
	};
	return { ctx: ctx as unknown as IPollFunctions, staticData: base.staticData, warnings };
}
