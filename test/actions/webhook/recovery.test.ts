/**
 * Webhook › Restore and Webhook › Catch Up: hooks the sandbox switched off after failed deliveries
 * are found and re-enabled, and the changes of the gap are handed over once. The clock is moved
 * instead of waited for (Date.now drives both the node and the sandbox here).
 */
import type { IDataObject } from 'n8n-workflow';

import { HOOK_HEADER } from '../../../nodes/BigCommerce/shared/hookHeader';
import { retrySettings } from '../../../nodes/BigCommerce/transport';
import { runNode } from '../../helpers/node';
import { startSandbox, type Json, type SandboxHandle } from '../../helpers/sandbox';
import { movableClock, renameProduct, setOrderStatus } from '../../helpers/storeChanges';

let sandbox: SandboxHandle;
let clock: ReturnType<typeof movableClock>;
const savedBackoff = retrySettings.baseBackoffMs;

beforeAll(async () => {
	retrySettings.baseBackoffMs = 5;
	clock = movableClock(Date.UTC(2026, 6, 1, 9, 0, 0, 100));
	sandbox = await startSandbox({ webhooks: { retrySchedule: [5, 5] } });
});
afterAll(async () => {
	retrySettings.baseBackoffMs = savedBackoff;
	jest.restoreAllMocks();
	await sandbox.close();
});

const tick = (seconds: number) => clock.tick(seconds);
const TRIGGER_HEADER_VALUE = 'the-trigger-header-value-never-output-0123456789';
// nothing listens there: every delivery fails
const DEAD = 'http://127.0.0.1:9/webhook/abc/webhook';

async function createHook(scope: string, destination: string, headers?: Record<string, string>) {
	const { json } = await runNode(sandbox, {
		resource: 'webhook',
		operation: 'create',
		scope,
		destination,
		isActive: true,
		headers: headers
			? { header: Object.entries(headers).map(([name, value]) => ({ name, value })) }
			: {},
	});
	return json[0].id as number;
}

const hook = (id: number): Json => (sandbox.state.hooks as Json[]).find((h) => h.id === id);

describe('Webhook › Restore', () => {
	it("re-enables the trigger's hooks the store switched off after failed deliveries, with the moment of the switch-off, and never outputs the secret", async () => {
		const mine = await createHook('store/product/updated', DEAD, {
			[HOOK_HEADER]: TRIGGER_HEADER_VALUE,
		});
		const otherApp = await createHook('store/product/updated', `${DEAD}/other`, {
			'X-Other': 'x',
		});
		const activeOne = await createHook('store/order/updated', DEAD.replace('abc', 'def'), {
			[HOOK_HEADER]: TRIGGER_HEADER_VALUE,
		});
		sandbox.webhooks.deactivate(activeOne); // re-enabled below, then left active
		await runNode(sandbox, { resource: 'webhook', operation: 'restore', retryWindowMinutes: 0 });
		expect(hook(activeOne).is_active).toBe(true);
		// a product change: the deliveries fail until the sandbox switches both product hooks off
		tick(10);
		await renameProduct(sandbox, 2, 'while the hook fails');
		await sandbox.webhooks.settle();
		expect(hook(mine).is_active).toBe(false);
		expect(hook(otherApp).is_active).toBe(false);
		const offAt = hook(mine).updated_at as number;

		tick(30);
		const from = sandbox.requests.length;
		const { json } = await runNode(sandbox, {
			resource: 'webhook',
			operation: 'restore',
			retryWindowMinutes: 1,
		});
		expect(json).toEqual([
			expect.objectContaining({
				id: mine,
				scope: 'store/product/updated',
				is_active: true,
				updated_at: new Date(offAt * 1000).toISOString().replace('.000', ''),
				switchedOffAt: new Date(offAt * 1000).toISOString().replace('.000', ''),
				missedSince: new Date((offAt - 60) * 1000).toISOString().replace('.000', ''),
				restoredAt: new Date(Math.floor(clock.now() / 1000) * 1000)
					.toISOString()
					.replace('.000', ''),
				headers: { [HOOK_HEADER]: '[redacted]' },
			}),
		]);
		expect(JSON.stringify(json)).not.toContain(TRIGGER_HEADER_VALUE);
		expect(hook(mine).is_active).toBe(true);
		expect(hook(otherApp).is_active).toBe(false); // not a BigCommerce Trigger hook
		const sent = sandbox.requests
			.slice(from)
			.map((r) => `${r.method} ${r.path} ${JSON.stringify(r.body ?? null)}`);
		expect(sent).toEqual([`GET /hooks null`, `PUT /hooks/${mine} {"is_active":true}`]);
		expect(sandbox.requests[from].query).toMatchObject({ is_active: 'false' });

		// nothing left to restore
		expect((await runNode(sandbox, { resource: 'webhook', operation: 'restore' })).json).toEqual(
			[],
		);
		// by destination instead: the other app's hook
		const byPrefix = await runNode(sandbox, {
			resource: 'webhook',
			operation: 'restore',
			onlyTriggerHooks: false,
			destinationPrefix: `${DEAD}/other`,
		});
		expect(byPrefix.json.map((h) => h.id)).toEqual([otherApp]);
	});

	it('refuses a negative retry window before any request', async () => {
		const from = sandbox.requests.length;
		await expect(
			runNode(sandbox, { resource: 'webhook', operation: 'restore', retryWindowMinutes: -1 }),
		).rejects.toThrow(/"Retry Window \(Minutes\)" must be a number of minutes, 0 or more/);
		expect(sandbox.requests.length).toBe(from);
	});
});

describe('Webhook › Catch Up', () => {
	it('hands over the changes of the gap once, shaped like trigger output; a second run hands over nothing', async () => {
		const staticData: IDataObject = {};
		tick(100);
		const gapStart = Math.floor(clock.now() / 1000);
		tick(5);
		await renameProduct(sandbox, 4, 'changed in the gap');
		tick(1);
		const order = (sandbox.state.orders as Json[]).find((o) => o.status_id === 11 && !o.is_deleted);
		await setOrderStatus(sandbox, order.id, '9');
		tick(10);
		const restoredAt = Math.floor(clock.now() / 1000);
		tick(5);
		// after the hook was restored: the webhook delivers this one, not the catch-up
		await renameProduct(sandbox, 5, 'delivered by the hook');
		tick(10);

		const gap = {
			resource: 'webhook',
			operation: 'catchUp',
			events: ['store/order/updated', 'store/product/updated'],
			missedSince: new Date(gapStart * 1000).toISOString(),
			missedUntil: new Date(restoredAt * 1000).toISOString(),
		};
		// two restored hooks with the same gap: two input items, each change still once
		const first = await runNode(sandbox, [gap, gap], { staticData });
		expect(first.json.map((item) => `${item.event} ${item.resourceId}`)).toEqual([
			'store/product/updated 4',
			`store/order/updated ${order.id}`,
		]);
		expect(first.json[0]).toMatchObject({
			source: 'catchUp',
			caughtUp: true,
			recordStatus: 'fetched',
			record: expect.objectContaining({ id: 4, name: 'changed in the gap' }),
		});
		expect(first.json[1].record.products.length).toBeGreaterThan(0);

		const second = await runNode(sandbox, gap, { staticData });
		expect(second.json).toEqual([]);
	});

	it('refuses a missing gap start before any request', async () => {
		const from = sandbox.requests.length;
		await expect(
			runNode(sandbox, {
				resource: 'webhook',
				operation: 'catchUp',
				events: ['store/order/updated'],
				missedSince: '',
			}),
		).rejects.toThrow(/"Missed Since" must be a date such as 2026-01-31T00:00:00Z; got ""/);
		expect(sandbox.requests.length).toBe(from);
	});
});
