/**
 * What n8n does on the acknowledgement path depends on the node's version: n8n 2.40.7
 * (`dist/webhooks/webhook-helpers.js`, parseRequestBody) resolves
 * `={{$parameter["options"]["binaryData"]}}` through its expression engine for every version-1
 * start node before webhook() runs; with N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE that alone builds an
 * isolate (traced in a real n8n, README "Trigger: acknowledgement time"). New trigger nodes are
 * version 2, which n8n skips; the node behaves the same at both versions.
 */
import { BigCommerceTrigger } from '../../nodes/BigCommerceTrigger/BigCommerceTrigger.node';
import { HOOK_HEADER } from '../../nodes/BigCommerceTrigger/verify';
import { startSandbox, type Json, type SandboxHandle } from '../helpers/sandbox';
import { FakeN8n } from '../helpers/trigger';

let sandbox: SandboxHandle;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => {
	await sandbox.close();
});

/** The version n8n gives a node added from the nodes panel. */
function newNodeVersion(): number {
	const { version, defaultVersion } = new BigCommerceTrigger().description;
	return defaultVersion ?? (Array.isArray(version) ? Math.max(...version) : version);
}

describe('the acknowledgement path in n8n', () => {
	it('a new trigger node is above version 1, so n8n evaluates no expression before webhook()', () => {
		expect(newNodeVersion()).toBeGreaterThan(1);
		// workflows saved with version 1 keep loading
		expect(new BigCommerceTrigger().description.version).toEqual(expect.arrayContaining([1]));
	});

	it.each([1, 2])(
		'version %i answers a delivery and starts one execution with the event',
		async (typeVersion) => {
			const n8n = await FakeN8n.start(
				sandbox,
				{ includeFullRecord: false },
				`wf-ack-path-${typeVersion}`,
				`a1b2c3d4-0000-4000-8000-00000000a0${typeVersion}0`,
			);
			try {
				(n8n.node as { typeVersion: number }).typeVersion = typeVersion;
				await n8n.activate();
				const hook = (sandbox.state.hooks as Json[]).find(
					(h) => h.destination === n8n.webhookUrl,
				) as Json;
				const secret = (hook.headers as Record<string, string>)[HOOK_HEADER];
				const orderId = (sandbox.state.orders as Json[])[0].id as number;
				const answer = await fetch(n8n.webhookUrl, {
					method: 'POST',
					headers: { 'Content-Type': 'application/json', [HOOK_HEADER]: secret },
					body: JSON.stringify({
						scope: 'store/order/created',
						store_id: sandbox.storeId,
						data: { type: 'order', id: orderId },
						hash: 'b'.repeat(40),
						created_at: Math.floor(Date.now() / 1000) - typeVersion,
						producer: `stores/${sandbox.storeHash}`,
					}),
				});
				expect(answer.status).toBe(200);
				await n8n.idle();
				expect(n8n.executions).toHaveLength(1);
				expect(n8n.executions[0].output?.[0].json).toMatchObject({
					event: 'store/order/created',
					resourceId: orderId,
				});
			} finally {
				await n8n.close();
			}
		},
	);
});
