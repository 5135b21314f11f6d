/** Sandbox fixtures for the product tests (the node runner is test/helpers/node.ts). */
import type { Json, SandboxHandle } from '../../helpers/sandbox';

/** Creates a product through the sandbox's API (as a catalog editor or a feed import would); returns its ID. */
export async function createProductViaApi(sandbox: SandboxHandle, product: Json): Promise<number> {
	const answer = await fetch(`${sandbox.apiPath('v3')}/catalog/products`, {
		method: 'POST',
		headers: {
			'X-Auth-Token': sandbox.accessToken,
			'Content-Type': 'application/json',
			Accept: 'application/json',
		},
		body: JSON.stringify({ type: 'physical', weight: 1, price: 10, ...product }),
	});
	expect(answer.status).toBe(200);
	return ((await answer.json()) as Json).data.id;
}
