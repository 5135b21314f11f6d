/**
 * Shared by the marketing and settings action tests: run the real node against a sandbox and
 * check that bad input fails before any request.
 */
import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { BigCommerce } from '../../../nodes/BigCommerce/BigCommerce.node';
import { createExecuteContext, sandboxCredentials, type Params } from '../../helpers/context';
import { acknowledgeViolations, type Json, type SandboxHandle } from '../../helpers/sandbox';

/** Runs the node once with these parameters (one input item unless `items` says otherwise). */
export async function run(
	sandbox: SandboxHandle,
	params: Params | Params[],
	options: { items?: IDataObject[]; continueOnFail?: boolean; token?: string } = {},
): Promise<Json[]> {
	const withAuth = (p: Params) => ({ authentication: 'accessToken', ...p });
	const { ctx } = createExecuteContext({
		params: Array.isArray(params) ? params.map(withAuth) : withAuth(params),
		credentials: sandboxCredentials({ ...sandbox, accessToken: options.token ?? sandbox.accessToken }),
		items: options.items,
		continueOnFail: options.continueOnFail,
	});
	const [out] = await new BigCommerce().execute.call(ctx);
	return out.map((item) => ({ ...item.json, __pairedItem: item.pairedItem }));
}

/** Strips the test-only `__pairedItem` marker. */
export function plain(record: Json): Json {
	const { __pairedItem, ...rest } = record;
	void __pairedItem;
	return rest;
}

/** Expects a NodeOperationError whose message matches, and that the sandbox received nothing. */
export async function expectRejectedBeforeRequest(
	sandbox: SandboxHandle,
	params: Params,
	message: RegExp,
): Promise<void> {
	const before = sandbox.requests.length;
	let caught: unknown;
	try {
		await run(sandbox, params);
	} catch (error) {
		caught = error;
	}
	expect(caught).toBeInstanceOf(NodeOperationError);
	expect((caught as Error).message).toMatch(message);
	expect(sandbox.requests.length).toBe(before);
}

/** The requests the sandbox received since `from` (an index into sandbox.requests). */
export function requestsSince(sandbox: SandboxHandle, from: number) {
	return sandbox.requests.slice(from).map((r) => ({ method: r.method, version: r.version, path: r.path, query: r.query, body: r.body, status: r.status }));
}

/**
 * For tests that provoke an API error on purpose: the official files document few error answers
 * (e.g. POST /v2/coupons lists only 201), so the validator reports "status N is not documented".
 * Clears those, and fails on any other violation.
 */
export function acknowledgeUndocumentedErrors(): void {
	const others = acknowledgeViolations().filter((v) => !/^response (4\d\d): status \1 is not documented/.test(v.reason));
	expect(others).toEqual([]);
}
