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

/** A complete billing address (Order › Create sends it; Update merges changes into one). */
export const billing = {
	first_name: 'Jane',
	last_name: 'Doe',
	street_1: '555 East Street',
	city: 'Austin',
	state: 'Texas',
	zip: '78701',
	country_iso2: 'us',
	email: 'jane@example.com',
};
