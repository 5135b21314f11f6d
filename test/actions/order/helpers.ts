import type { INodeExecutionData } from 'n8n-workflow';

import { BigCommerce } from '../../../nodes/BigCommerce/BigCommerce.node';
import { createExecuteContext, sandboxCredentials, type Params } from '../../helpers/context';
import type { Json, SandboxHandle } from '../../helpers/sandbox';

/** Runs the BigCommerce node once against the sandbox with the given parameters. */
export async function runNode(
	sandbox: SandboxHandle,
	params: Params | Params[],
	options: { items?: Json[]; continueOnFail?: boolean } = {},
): Promise<INodeExecutionData[]> {
	const list = Array.isArray(params) ? params : [params];
	const { ctx } = createExecuteContext({
		params: list.map((p) => ({ authentication: 'accessToken', ...p })),
		credentials: sandboxCredentials(sandbox),
		items: options.items,
		continueOnFail: options.continueOnFail,
	});
	const [out] = await new BigCommerce().execute.call(ctx);
	return out;
}

/** Runs the node and returns the error it throws (fails the test when it does not throw). */
export async function runNodeError(sandbox: SandboxHandle, params: Params): Promise<Error> {
	try {
		await runNode(sandbox, params);
	} catch (error) {
		return error as Error;
	}
	throw new Error('expected the node to throw');
}

export const rl = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });

/** A seeded order in the given status (live, not archived). */
export function orderInStatus(sandbox: SandboxHandle, statusId: number): Json {
	const order = (sandbox.state.orders as Json[]).find((o) => o.status_id === statusId && !o.is_deleted);
	if (!order) throw new Error(`no seeded order in status ${statusId}`);
	return order;
}

export function stateOrder(sandbox: SandboxHandle, id: number): Json {
	return (sandbox.state.orders as Json[]).find((o) => o.id === id);
}

/** Requests received since `mark` (a previous `sandbox.requests.length`). */
export function since(sandbox: SandboxHandle, mark: number) {
	return sandbox.requests.slice(mark);
}
