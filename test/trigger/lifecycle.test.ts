import type { IDataObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { retrySettings } from '../../nodes/BigCommerce/transport';
import { HOOK_HEADER } from '../../nodes/BigCommerceTrigger/verify';
import { FakeN8n, hooksAt, useTriggerSandbox } from '../helpers/trigger';

const { sandbox, open } = useTriggerSandbox();

const savedBackoff = retrySettings.baseBackoffMs;
beforeAll(() => {
	retrySettings.baseBackoffMs = 5;
});
afterAll(() => {
	retrySettings.baseBackoffMs = savedBackoff;
});

async function n8nWith(params: Record<string, unknown>, webhookId?: string) {
	const n8n = await FakeN8n.start(sandbox, params, 'wf-life', webhookId);
	open.push(n8n);
	return n8n;
}

const hookRequests = (method: string, from: number) =>
	sandbox.requests.slice(from).filter((r) => r.method === method && r.path.startsWith('/hooks'));

describe('BigCommerce Trigger lifecycle', () => {
	it('activation registers exactly one hook per scope, with a random secret header', async () => {
		const n8n = await n8nWith({ events: ['store/order/created', 'store/cart/abandoned'] });
		const { existed } = await n8n.activate();
		expect(existed).toBe(false);
		const hooks = hooksAt(sandbox, n8n.webhookUrl);
		expect(hooks.map((h) => h.scope).sort()).toEqual([
			'store/cart/abandoned',
			'store/order/created',
		]);
		const secret = n8n.nodeData.secret as string;
		expect(secret).toMatch(/^[0-9a-f]{64}$/);
		for (const hook of hooks) {
			expect(hook.is_active).toBe(true);
			expect((hook.headers as IDataObject)[HOOK_HEADER]).toBe(secret);
		}
		expect(n8n.nodeData.hooks).toEqual(Object.fromEntries(hooks.map((h) => [h.scope, h.id])));
	});

	it('a restart (activation again) finds the hooks and creates none', async () => {
		const n8n = await n8nWith({ events: ['store/order/created', 'store/cart/abandoned'] });
		await n8n.activate();
		const before = hooksAt(sandbox, n8n.webhookUrl).map((h) => h.id);
		const from = sandbox.requests.length;
		const { existed } = await n8n.activate();
		expect(existed).toBe(true);
		expect(hookRequests('POST', from)).toHaveLength(0);
		expect(hookRequests('PUT', from)).toHaveLength(0);
		expect(hooksAt(sandbox, n8n.webhookUrl).map((h) => h.id)).toEqual(before);
	});

	it('re-enables a hook BigCommerce deactivated, keeping its id', async () => {
		const n8n = await n8nWith({ events: ['store/order/created'] });
		await n8n.activate();
		const [hook] = hooksAt(sandbox, n8n.webhookUrl);
		sandbox.webhooks.deactivate(hook.id);
		const from = sandbox.requests.length;
		const { existed } = await n8n.activate();
		expect(existed).toBe(false);
		expect(hookRequests('POST', from)).toHaveLength(0);
		expect(hookRequests('PUT', from)).toEqual([
			expect.objectContaining({ path: `/hooks/${hook.id}`, status: 200 }),
		]);
		expect(hooksAt(sandbox, n8n.webhookUrl)).toEqual([
			expect.objectContaining({ id: hook.id, is_active: true }),
		]);
	});

	it('warns at activation when BigCommerce switched one of its hooks off, naming the hook and the moment', async () => {
		const n8n = await n8nWith({ events: ['store/order/created', 'store/product/updated'] });
		await n8n.activate();
		const hook = hooksAt(sandbox, n8n.webhookUrl).find((h) => h.scope === 'store/product/updated')!;
		const off = sandbox.webhooks.deactivate(hook.id);
		n8n.logs.length = 0;
		await n8n.activate();
		const warnings = n8n.logs.filter((log) => log.level === 'warn').map((log) => log.message);
		expect(warnings).toEqual([
			expect.stringContaining(
				`hook ${hook.id} (store/product/updated) was found switched off by BigCommerce (last changed ${new Date(off.updated_at * 1000).toISOString()})`,
			),
		]);
		expect(warnings[0]).toMatch(/Webhook › Catch Up/);
		// an active hook gives no warning
		n8n.logs.length = 0;
		await n8n.activate();
		expect(n8n.logs.filter((log) => log.level === 'warn')).toEqual([]);
	});

	it('changed events: removes the leftover hook and adds the new one', async () => {
		const n8n = await n8nWith({ events: ['store/order/created', 'store/product/updated'] });
		await n8n.activate();
		n8n.params.events = ['store/order/created', 'store/customer/created'];
		await n8n.activate();
		const hooks = hooksAt(sandbox, n8n.webhookUrl);
		expect(hooks.map((h) => h.scope).sort()).toEqual([
			'store/customer/created',
			'store/order/created',
		]);
		expect(Object.keys(n8n.nodeData.hooks as IDataObject).sort()).toEqual([
			'store/customer/created',
			'store/order/created',
		]);
	});

	it('lost static data: adopts the existing hooks with a fresh secret instead of duplicating them', async () => {
		const n8n = await n8nWith({ events: ['store/order/created', 'store/order/updated'] });
		await n8n.activate();
		const oldSecret = n8n.nodeData.secret;
		const ids = hooksAt(sandbox, n8n.webhookUrl)
			.map((h) => h.id)
			.sort();
		n8n.saved = {};
		const from = sandbox.requests.length;
		await n8n.activate();
		const hooks = hooksAt(sandbox, n8n.webhookUrl);
		expect(hooks.map((h) => h.id).sort()).toEqual(ids);
		expect(hookRequests('POST', from)).toHaveLength(0);
		expect(n8n.nodeData.secret).not.toBe(oldSecret);
		for (const hook of hooks)
			expect((hook.headers as IDataObject)[HOOK_HEADER]).toBe(n8n.nodeData.secret);
	});

	it('channel filter subscribes to the per-channel scope where BigCommerce has one', async () => {
		const n8n = await n8nWith({
			events: ['store/order/created', 'store/customer/created'],
			channelId: 2,
		});
		await n8n.activate();
		expect(
			hooksAt(sandbox, n8n.webhookUrl)
				.map((h) => h.scope)
				.sort(),
		).toEqual(['store/channel/2/order/created', 'store/customer/created']);
	});

	it("deactivation deletes exactly this workflow's hooks; one already gone is fine", async () => {
		const mine = await n8nWith({ events: ['store/order/created', 'store/order/updated'] });
		const other = await n8nWith(
			{ events: ['store/order/created'] },
			'a1b2c3d4-0000-4000-8000-000000000099',
		);
		await mine.activate();
		await other.activate();
		const [first] = hooksAt(sandbox, mine.webhookUrl);
		// BigCommerce deleted one already (e.g. by hand in the control panel)
		sandbox.state.hooks.splice(sandbox.state.hooks.indexOf(first), 1);
		const from = sandbox.requests.length;
		await mine.deactivate();
		expect(hooksAt(sandbox, mine.webhookUrl)).toHaveLength(0);
		expect(hooksAt(sandbox, other.webhookUrl)).toHaveLength(1);
		const deletes = hookRequests('DELETE', from);
		expect(deletes.map((d) => d.status).sort()).toEqual([200, 404]);
		expect(mine.nodeData.hooks).toBeUndefined();
		expect(mine.nodeData.secret).toBeUndefined();
	});

	it('a failed deletion is logged and thrown, not swallowed', async () => {
		const n8n = await n8nWith({ events: ['store/order/created'] });
		await n8n.activate();
		const fault = sandbox.faults.add({
			method: 'DELETE',
			path: /\/hooks\/\d+$/,
			kind: 'status',
			status: 500,
			times: 10,
		});
		try {
			await expect(n8n.deactivate()).rejects.toBeInstanceOf(NodeApiError);
		} finally {
			fault.remove();
		}
		expect(n8n.logs).toEqual(
			expect.arrayContaining([
				expect.objectContaining({
					level: 'error',
					message: expect.stringMatching(/could not delete hook \d+/),
				}),
			]),
		);
		expect(hooksAt(sandbox, n8n.webhookUrl)).toHaveLength(1);
	});

	it('hooks are visible only to the API account that created them', async () => {
		const n8n = await n8nWith({ events: ['store/order/created'] });
		await n8n.activate();
		const otherToken = sandbox.addToken('other-account-token-0000000000000001', ['*']);
		const answer = await fetch(`${sandbox.apiPath('v3')}/hooks`, {
			headers: { 'X-Auth-Token': otherToken, Accept: 'application/json' },
		});
		expect(((await answer.json()) as IDataObject).data).toEqual([]);
	});
});

describe('BigCommerce Trigger preflight', () => {
	it.each([
		['http://n8n.example.com/webhook/x/webhook', /uses http instead of HTTPS/],
		['https://n8n.example.com:8443/webhook/x/webhook', /uses port 8443 instead of 443/],
	])('refuses %s before any request, explaining WEBHOOK_URL', async (url, problem) => {
		const n8n = await n8nWith({ events: ['store/order/created'], options: {} });
		const ctx = n8n.hookContext({});
		(ctx as unknown as { getNodeWebhookUrl: () => string }).getNodeWebhookUrl = () => url;
		const from = sandbox.requests.length;
		const error = await n8n.trigger.webhookMethods.default.checkExists
			.call(ctx)
			.catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as NodeOperationError).message).toMatch(problem);
		expect((error as NodeOperationError).description).toMatch(/WEBHOOK_URL/);
		expect((error as NodeOperationError).description).toMatch(
			/Allow Non-HTTPS URL \(Development Only\)/,
		);
		expect(sandbox.requests.length).toBe(from);
	});

	it('accepts an HTTPS URL on the default port', async () => {
		const n8n = await n8nWith({ events: ['store/order/created'], options: {} });
		const ctx = n8n.hookContext({});
		(ctx as unknown as { getNodeWebhookUrl: () => string }).getNodeWebhookUrl = () =>
			'https://n8n.example.com/webhook/x/webhook';
		await expect(n8n.trigger.webhookMethods.default.checkExists.call(ctx)).resolves.toBe(false);
	});

	it('no events chosen: activation stops with a clear message', async () => {
		const n8n = await n8nWith({ events: [] });
		await expect(n8n.activate()).rejects.toThrow('Choose at least one event');
	});
});
