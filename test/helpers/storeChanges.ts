/**
 * Store changes made through the action node (the one node runner), and a movable clock: for the
 * tests of reads of changes (polling trigger, Webhook › Catch Up), which move Date.now, the clock
 * of both the node and the in-process sandbox, instead of waiting.
 */
import { locator, runNode } from './node';
import type { SandboxHandle } from './sandbox';

/** Replaces Date.now with a clock the test moves with tick(seconds). */
export function movableClock(startMs: number) {
	let now = startMs;
	jest.spyOn(Date, 'now').mockImplementation(() => now);
	return {
		tick(seconds: number) {
			now += seconds * 1000;
		},
		now: () => now,
	};
}

export async function createOrder(sandbox: SandboxHandle): Promise<number> {
	const { json } = await runNode(sandbox, {
		resource: 'order',
		operation: 'create',
		billingAddress: {
			first_name: 'Jane',
			last_name: 'Doe',
			street_1: '1 Main St',
			city: 'Austin',
			state: 'Texas',
			zip: '78701',
			country: 'United States',
			country_iso2: 'US',
			email: 'jane@example.com',
		},
		products: JSON.stringify([{ product_id: 1, quantity: 1 }]),
		additionalFields: { statusId: '11' },
	});
	return json[0].id as number;
}

export async function setOrderStatus(sandbox: SandboxHandle, id: number, statusId: string) {
	await runNode(sandbox, {
		resource: 'order',
		operation: 'update',
		orderId: locator(id),
		updateFields: { statusId },
	});
}

export async function renameProduct(sandbox: SandboxHandle, id: number, name: string) {
	await runNode(sandbox, {
		resource: 'product',
		operation: 'update',
		productId: locator(id),
		updateFields: { name },
	});
}
