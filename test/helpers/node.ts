/**
 * The one way the action tests run the real BigCommerce node against a sandbox, and the one
 * resource-locator builder. Resource-specific fixtures stay in test/actions/<resource>/fixtures.ts.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { BigCommerce } from '../../nodes/BigCommerce/BigCommerce.node';
import { createExecuteContext, sandboxCredentials, type Params } from './context';
import { acknowledgeViolations, type Json, type SandboxHandle } from './sandbox';

export interface RunOptions {
	/** Input items (default: one per params object). */
	items?: IDataObject[];
	continueOnFail?: boolean;
	staticData?: IDataObject;
	/** Another access token for the sandbox credentials (e.g. one with fewer scopes). */
	token?: string;
	/** Credentials instead of the sandbox's own. */
	credentials?: Record<string, IDataObject>;
}

export interface NodeRun {
	/** The output items as n8n returns them. */
	out: INodeExecutionData[];
	/** The output items' json, in order. */
	json: Json[];
	/** The output items' pairedItem, in order. */
	paired: Json[];
	/** The requests the sandbox received during the run. */
	requests: SandboxHandle['requests'];
	staticData: IDataObject;
}

/** Runs the node once with these parameters (one input item per params object unless `items`). */
export async function runNode(
	sandbox: SandboxHandle,
	params: Params | Params[],
	options: RunOptions = {},
): Promise<NodeRun> {
	const list = Array.isArray(params) ? params : [params];
	const credentials = options.credentials ?? sandboxCredentials(sandbox);
	if (options.token)
		credentials.bigCommerceApi = { ...credentials.bigCommerceApi, accessToken: options.token };
	const { ctx, staticData } = createExecuteContext({
		params: list.map((p) => ({ authentication: 'accessToken', ...p })),
		credentials,
		items: options.items ?? list.map(() => ({})),
		continueOnFail: options.continueOnFail,
		staticData: options.staticData,
	});
	const before = sandbox.requests.length;
	const [out] = (await new BigCommerce().execute.call(ctx)) as INodeExecutionData[][];
	return {
		out,
		json: out.map((item) => item.json as Json),
		paired: out.map((item) => item.pairedItem as Json),
		requests: sandbox.requests.slice(before),
		staticData,
	};
}

/** Runs the node expecting it to throw; returns the error and the requests sent meanwhile. */
export async function runNodeError(
	sandbox: SandboxHandle,
	params: Params | Params[],
	options: RunOptions = {},
): Promise<{ error: Error; requests: SandboxHandle['requests'] }> {
	const before = sandbox.requests.length;
	let error: Error | undefined;
	try {
		await runNode(sandbox, params, options);
	} catch (e) {
		error = e as Error;
	}
	if (!error) throw new Error('expected the node to throw');
	return { error, requests: sandbox.requests.slice(before) };
}

/** Expects a NodeOperationError whose message matches, and that the sandbox received nothing. */
export async function expectRejectedBeforeRequest(
	sandbox: SandboxHandle,
	params: Params,
	message: RegExp,
): Promise<void> {
	const { error, requests } = await runNodeError(sandbox, params);
	expect(error).toBeInstanceOf(NodeOperationError);
	expect(error.message).toMatch(message);
	expect(requests).toEqual([]);
}

/** The requests the sandbox received since `from` (an index into sandbox.requests), in brief. */
export function requestsSince(sandbox: SandboxHandle, from: number) {
	return sandbox.requests.slice(from).map((r) => ({
		method: r.method,
		version: r.version,
		path: r.path,
		query: r.query,
		body: r.body,
		status: r.status,
	}));
}

/** A resource-locator value as n8n stores it (default mode: By ID). */
export function locator(value: string | number, mode = 'id') {
	return { __rl: true, mode, value: mode === 'id' ? String(value) : value };
}

/**
 * For tests that provoke an API error on purpose: the official files document few error answers
 * (e.g. POST /v2/coupons lists only 201), so the validator reports "status N is not documented".
 * Clears those, and fails on any other violation.
 */
export function acknowledgeUndocumentedErrors(): void {
	const others = acknowledgeViolations().filter(
		(v) => !/^response (4\d\d): status \1 is not documented/.test(v.reason),
	);
	expect(others).toEqual([]);
}
