/** Sandbox fixtures for the order tests (the node runner is test/helpers/node.ts). */
import type { Json, SandboxHandle } from '../../helpers/sandbox';

/** A seeded order in the given status (live, not archived). */
export function orderInStatus(sandbox: SandboxHandle, statusId: number): Json {
	const order = (sandbox.state.orders as Json[]).find(
		(o) => o.status_id === statusId && !o.is_deleted,
	);
	if (!order) throw new Error(`no seeded order in status ${statusId}`);
	return order;
}

export function stateOrder(sandbox: SandboxHandle, id: number): Json {
	return (sandbox.state.orders as Json[]).find((o) => o.id === id);
}
