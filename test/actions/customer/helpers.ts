/**
 * Shared by the customer, customer address, customer group, cart, abandoned cart and checkout
 * action tests: run the real node against a sandbox, read what the sandbox received, and check
 * that bad input fails before any request.
 */
import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { BigCommerce } from '../../../nodes/BigCommerce/BigCommerce.node';
import { createExecuteContext, sandboxCredentials, type Params } from '../../helpers/context';
import type { Json, SandboxHandle } from '../../helpers/sandbox';

export interface RunResult {
	/** The output items' json, in order. */
	json: Json[];
	/** The output items' pairedItem, in order. */
	paired: Json[];
}

/** Runs the node once with these parameters (one input item per params object). */
export async function run(
	sandbox: SandboxHandle,
	params: Params | Params[],
	options: { continueOnFail?: boolean; credentials?: Record<string, IDataObject> } = {},
): Promise<RunResult> {
	const withAuth = (p: Params) => ({ authentication: 'accessToken', ...p });
	const list = Array.isArray(params) ? params : [params];
	const { ctx } = createExecuteContext({
		params: list.map(withAuth),
		items: list.map(() => ({})),
		credentials: options.credentials ?? sandboxCredentials(sandbox),
		continueOnFail: options.continueOnFail,
	});
	const [out] = await new BigCommerce().execute.call(ctx);
	return { json: out.map((item) => item.json as Json), paired: out.map((item) => item.pairedItem as Json) };
}

/** Runs the node and returns the error it throws (fails the test when it does not throw). */
export async function runError(sandbox: SandboxHandle, params: Params, options: { credentials?: Record<string, IDataObject> } = {}): Promise<Error> {
	try {
		await run(sandbox, params, options);
	} catch (error) {
		return error as Error;
	}
	throw new Error('expected the node to throw');
}

/** Expects a NodeOperationError whose message matches, and that the sandbox received nothing. */
export async function expectRejectedBeforeRequest(sandbox: SandboxHandle, params: Params, message: RegExp): Promise<void> {
	const before = sandbox.requests.length;
	const error = await runError(sandbox, params);
	expect(error).toBeInstanceOf(NodeOperationError);
	expect(error.message).toMatch(message);
	expect(sandbox.requests.length).toBe(before);
}

/** The requests the sandbox received since `from` (an index into sandbox.requests). */
export function requestsSince(sandbox: SandboxHandle, from: number) {
	return sandbox.requests
		.slice(from)
		.map((r) => ({ method: r.method, version: r.version, path: r.path, query: r.query, body: r.body, status: r.status }));
}

/** A resource-locator value as n8n stores it. */
export function locator(mode: string, value: string | number) {
	return { __rl: true, mode, value };
}

/** Products a cart can take without a variant choice, with the price the sandbox charges. */
export function buyableProducts(sandbox: SandboxHandle, count: number): Array<{ id: number; variantId: number; price: number; name: string }> {
	const catalog = sandbox.state.catalog;
	const out: Array<{ id: number; variantId: number; price: number; name: string }> = [];
	if (catalog && catalog.products) {
		for (const p of catalog.products.values()) {
			if (out.length >= count) break;
			const variants = p.variants ?? [];
			if (variants.length !== 1 || p.inventory_tracking === 'variant' || p.availability === 'disabled') continue;
			if (p.inventory_tracking === 'product' && p.inventory_level < 10) continue;
			const v = variants[0];
			const price = typeof v.sale_price === 'number' && v.sale_price > 0 ? v.sale_price : p.sale_price > 0 ? p.sale_price : typeof v.price === 'number' ? v.price : p.price;
			out.push({ id: p.id, variantId: v.id, price, name: p.name });
		}
		return out;
	}
	for (let id = 1; out.length < count; id++) {
		if (id % 20 === 13) continue;
		out.push({ id, variantId: 10000 + id, price: 5 + ((id * 37) % 95) + 0.99, name: `Sandbox Product ${id}` });
	}
	return out;
}

/** Records the store events the sandbox emits from now on. */
export function recordEvents(sandbox: SandboxHandle): Array<{ scope: string; data: Json }> {
	const events: Array<{ scope: string; data: Json }> = [];
	sandbox.eventListeners.push((scope: string, data: Json) => events.push({ scope, data }));
	return events;
}

export const round2 = (n: number) => Math.round(n * 100) / 100;
