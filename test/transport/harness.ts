/**
 * Transport test harness: a real local HTTP server (the sandbox's core `Sandbox`, without the
 * resource modules, so each test registers exactly the routes it needs), and an n8n-style execute
 * context whose HTTP helper really sends (test/helpers/context.ts) and, like n8n's, honours the
 * request `timeout` and reports failures without an answer as n8n does. Rate limiting and faults
 * are the sandbox's own (`setRateLimit`, `faults.add`).
 */
import type { IDataObject, IExecuteFunctions, IHttpRequestOptions, JsonObject } from 'n8n-workflow';
import { NodeApiError, randomString } from 'n8n-workflow';

import { retrySettings } from '../../nodes/BigCommerce/transport';
import { createExecuteContext, type SentRequest } from '../helpers/context';
import type { FaultHandle, FaultSpec, Json } from '../helpers/sandbox';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Sandbox } = require('../../sandbox/core/server');
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const respond = require('../../sandbox/core/respond');

/** Random per run, so nothing can pass by matching a fixed string. */
export const TOKEN = randomString(32);
export const OAUTH_TOKEN = randomString(40);
export const CLIENT_SECRET = randomString(24);
export const STORE_HASH = 'abc1d2ef';

export interface ServerRequest {
	index: number;
	method: string;
	version: string;
	path: string;
	query: Record<string, string>;
	body: Json;
	/** null when the connection was dropped without an answer. */
	status: number | null;
	headers: Record<string, string | string[] | undefined>;
	fault?: string;
}

export interface RouteContext {
	method: string;
	version: string;
	path: string;
	query: Record<string, string>;
	body: Json;
	params: Record<string, string>;
	headers: Record<string, string | string[] | undefined>;
}

export interface RouteResponse {
	status: number;
	body?: Json;
	headers?: Record<string, string>;
}

export interface TestServer {
	baseUrl: string;
	storeHash: string;
	/** Every request the server received (the sandbox's log), in arrival order. */
	requests: ServerRequest[];
	route(
		method: string,
		version: 'v2' | 'v3',
		pattern: string,
		handler: (ctx: RouteContext) => RouteResponse | Promise<RouteResponse>,
		options?: { scope?: string },
	): void;
	/** Registers another token with these scopes (e.g. ['store_v2_products_read_only']). */
	addToken(token: string, scopes: string[]): void;
	/** The sandbox's fault injection (see sandbox/core/faults.js). */
	faults: { add(spec: FaultSpec): FaultHandle; clear(): void };
	/** The sandbox's BigCommerce-style quota ({ quota, windowMs } per store, or false = none). */
	setRateLimit(limit: { quota: number; windowMs: number } | false): void;
	/** Runs after each answer is produced, before it is sent. */
	observe(observer: (ctx: RouteContext, response: RouteResponse) => void): void;
	close(): Promise<void>;
}

/**
 * A sandbox server without resource modules. Rate limiting is off unless a test turns it on
 * (`setRateLimit`), so the other tests are not paced by the default 150 / 30 s quota.
 */
export async function startServer(): Promise<TestServer> {
	const sandbox = new Sandbox({ storeHash: STORE_HASH, accessToken: TOKEN, rateLimit: false });
	sandbox.addToken(OAUTH_TOKEN, ['*']);
	await sandbox.listen(0);
	return {
		baseUrl: sandbox.baseUrl as string,
		storeHash: STORE_HASH,
		requests: sandbox.requests,
		route: (method, version, pattern, handler, options) =>
			sandbox.route(method, version, pattern, handler, options ?? {}),
		addToken: (token, scopes) => sandbox.addToken(token, scopes),
		faults: sandbox.faults,
		setRateLimit: (limit) => sandbox.setRateLimit(limit),
		observe: (observer) =>
			sandbox.observers.push((exchange: { ctx: RouteContext; response: RouteResponse }) =>
				observer(exchange.ctx, exchange.response),
			),
		close: async () => sandbox.close(),
	};
}

export interface LogEntry {
	level: string;
	message: string;
	meta?: IDataObject;
}

export function credentialsFor(server: TestServer, storeHash: string = server.storeHash) {
	return {
		bigCommerceApi: { storeHash, accessToken: TOKEN, apiBaseUrl: server.baseUrl },
		bigCommerceOAuth2Api: {
			storeHash: 'zzz999',
			apiBaseUrl: server.baseUrl,
			clientId: 'client-id',
			clientSecret: CLIENT_SECRET,
			oauthTokenData: {
				access_token: OAUTH_TOKEN,
				scope: 'store_v2_products store_v2_orders',
				context: `stores/${server.storeHash}`,
			},
		},
	};
}

/**
 * An execute context against the server. Its HTTP helper enforces `timeout` the way n8n's does
 * (the request fails with ETIMEDOUT), and its logger keeps what the transport logged.
 */
export function transportContext(
	server: TestServer,
	options: { authentication?: 'accessToken' | 'oAuth2'; storeHash?: string } = {},
): { ctx: IExecuteFunctions; sent: SentRequest[]; logs: LogEntry[] } {
	const { ctx, sent } = createExecuteContext({
		params: { authentication: options.authentication ?? 'accessToken' },
		credentials: credentialsFor(server, options.storeHash),
	});
	const logs: LogEntry[] = [];
	const record = (level: string) => (message: string, meta?: IDataObject) =>
		logs.push({ level, message, meta });
	const mutable = ctx as unknown as {
		logger: Record<string, (message: string, meta?: IDataObject) => void>;
		helpers: {
			httpRequestWithAuthentication: (
				type: string,
				requestOptions: IHttpRequestOptions,
				additional?: IDataObject,
			) => Promise<unknown>;
		};
	};
	mutable.logger = {
		debug: record('debug'),
		info: record('info'),
		warn: record('warn'),
		error: record('error'),
	};
	const send = mutable.helpers.httpRequestWithAuthentication;
	/**
	 * What n8n's helper throws when no answer arrives: the axios error (code ECONNRESET for a
	 * dropped connection, ECONNABORTED for a timeout, ECONNREFUSED; its `config` carries the
	 * request headers, token included) wrapped in a NodeApiError. Checked against n8n-core 2.40.3.
	 */
	const failure = (code: string, message: string, requestOptions: IHttpRequestOptions) => {
		const axiosLike = Object.assign(new Error(message), {
			name: 'AxiosError',
			code,
			config: { ...requestOptions, headers: { ...requestOptions.headers, 'X-Auth-Token': TOKEN } },
		});
		return new NodeApiError(ctx.getNode(), axiosLike as unknown as JsonObject);
	};
	mutable.helpers.httpRequestWithAuthentication = async (type, requestOptions, additional) => {
		const request = send(type, requestOptions, additional).catch(
			(error: Error & { cause?: { code?: string } }) => {
				const code = error.cause?.code ?? 'ECONNRESET';
				if (code === 'ECONNREFUSED')
					throw failure(code, `connect ECONNREFUSED ${requestOptions.url}`, requestOptions);
				throw failure('ECONNRESET', 'socket hang up', requestOptions);
			},
		);
		if (!requestOptions.timeout) return await request;
		let timedOut = false;
		// AbortSignal.timeout's timer does not keep the process alive once the test is done
		const signal = AbortSignal.timeout(requestOptions.timeout);
		const timer = new Promise<void>((resolve) =>
			signal.addEventListener('abort', () => {
				timedOut = true;
				resolve();
			}),
		);
		await Promise.race([request.catch(() => undefined), timer]);
		if (timedOut) {
			// the answer (if any) is abandoned, as an aborted request's would be
			request.catch(() => undefined);
			throw failure(
				'ECONNABORTED',
				`timeout of ${requestOptions.timeout}ms exceeded`,
				requestOptions,
			);
		}
		return await request;
	};

	return { ctx, sent, logs };
}

/** Short waits for the suite; restored after each file. */
export function useFastRetries(overrides: Partial<typeof retrySettings> = {}): void {
	const saved = { ...retrySettings };
	beforeAll(() => {
		Object.assign(retrySettings, {
			baseBackoffMs: 5,
			maxBackoffMs: 40,
			timeoutMs: 2000,
			...overrides,
		});
	});
	afterAll(() => {
		Object.assign(retrySettings, saved);
	});
}

/** Runs `fn` and returns what it threw (fails the test if it did not throw). */
export async function caught(fn: () => Promise<unknown>): Promise<Error & IDataObject> {
	try {
		await fn();
	} catch (error) {
		return error as Error & IDataObject;
	}
	throw new Error('expected the call to throw');
}
