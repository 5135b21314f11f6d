import { NodeApiError } from 'n8n-workflow';

import { type Json, useSandbox } from '../../helpers/sandbox';
import { expectRejectedBeforeRequest, requestsSince, runNode } from '../../helpers/node';

const sandbox = useSandbox();

const webhook = (params: Record<string, unknown>) => ({ resource: 'webhook', ...params });
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

describe('Webhook', () => {
	let orderHookId: number;

	it('creates a webhook with custom headers (sent to BigCommerce, values hidden in the output; dates as ISO 8601)', async () => {
		const from = sandbox.requests.length;
		const [out] = (
			await runNode(
				sandbox,
				webhook({
					operation: 'create',
					scope: 'store/order/created',
					destination: 'https://hooks.example.com/bigcommerce/orders',
					isActive: true,
					headers: { header: [{ name: 'X-Shared-Secret', value: 's3cr3t' }] },
				}),
			)
		).json;
		orderHookId = out.id;
		expect(out).toMatchObject({
			scope: 'store/order/created',
			destination: 'https://hooks.example.com/bigcommerce/orders',
			is_active: true,
			headers: { 'X-Shared-Secret': '[redacted]' },
		});
		expect(JSON.stringify(out)).not.toContain('s3cr3t');
		expect(out.created_at).toMatch(ISO);
		expect(requestsSince(sandbox, from)).toEqual([
			expect.objectContaining({
				method: 'POST',
				version: 'v3',
				path: '/hooks',
				status: 200,
				body: {
					scope: 'store/order/created',
					destination: 'https://hooks.example.com/bigcommerce/orders',
					is_active: true,
					headers: { 'X-Shared-Secret': 's3cr3t' },
				},
			}),
		]);
		await runNode(
			sandbox,
			webhook({
				operation: 'create',
				scope: 'store/product/*',
				destination: 'https://hooks.example.com/bigcommerce/products',
				isActive: false,
			}),
		);
	});

	it('gets one webhook and lists them with filters', async () => {
		const [one] = (
			await runNode(sandbox, webhook({ operation: 'get', webhookId: String(orderHookId) }))
		).json;
		expect(one).toMatchObject({
			id: orderHookId,
			scope: 'store/order/created',
			headers: { 'X-Shared-Secret': '[redacted]' },
		});
		const all = (await runNode(sandbox, webhook({ operation: 'getAll', returnAll: true }))).json;
		expect(all.map((h) => h.scope)).toEqual(['store/order/created', 'store/product/*']);
		expect(JSON.stringify(all)).not.toContain('s3cr3t');
		const from = sandbox.requests.length;
		const inactive = (
			await runNode(
				sandbox,
				webhook({ operation: 'getAll', returnAll: true, filters: { isActive: false } }),
			)
		).json;
		expect(inactive.map((h) => h.scope)).toEqual(['store/product/*']);
		expect(requestsSince(sandbox, from)[0].query).toMatchObject({ is_active: 'false' });
		const limited = (
			await runNode(sandbox, webhook({ operation: 'getAll', returnAll: false, limit: 1 }))
		).json;
		expect(limited).toHaveLength(1);
	});

	it('re-enables a webhook BigCommerce deactivated', async () => {
		sandbox.webhooks.deactivate(orderHookId);
		expect(sandbox.state.hooks.find((h: Json) => h.id === orderHookId).is_active).toBe(false);
		const [out] = (
			await runNode(
				sandbox,
				webhook({ operation: 'update', webhookId: orderHookId, updateFields: { isActive: true } }),
			)
		).json;
		expect(out).toMatchObject({ id: orderHookId, is_active: true });
		expect(sandbox.requests.at(-1)).toMatchObject({
			method: 'PUT',
			path: `/hooks/${orderHookId}`,
			body: { is_active: true },
		});
		expect(sandbox.state.hooks.find((h: Json) => h.id === orderHookId).is_active).toBe(true);
	});

	it('changes the destination', async () => {
		const [out] = (
			await runNode(
				sandbox,
				webhook({
					operation: 'update',
					webhookId: String(orderHookId),
					updateFields: { destination: 'https://hooks.example.com/v2/orders' },
				}),
			)
		).json;
		expect(out.destination).toBe('https://hooks.example.com/v2/orders');
	});

	it('deletes a webhook and returns the deleted hook', async () => {
		const [out] = (
			await runNode(sandbox, webhook({ operation: 'delete', webhookId: String(orderHookId) }))
		).json;
		expect(out).toMatchObject({ id: orderHookId, scope: 'store/order/created', deleted: true });
		expect(sandbox.requests.at(-1)).toMatchObject({
			method: 'DELETE',
			path: `/hooks/${orderHookId}`,
			status: 200,
		});
		const error = await runNode(
			sandbox,
			webhook({ operation: 'get', webhookId: String(orderHookId) }),
		).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).httpCode).toBe('404');
	});

	it('rejects bad scopes, URLs, IDs and empty updates before any request', async () => {
		await expectRejectedBeforeRequest(
			sandbox,
			webhook({
				operation: 'create',
				scope: 'order created',
				destination: 'https://x.example.com',
				isActive: true,
			}),
			/"Event Scope" must be a BigCommerce event/,
		);
		await expectRejectedBeforeRequest(
			sandbox,
			webhook({
				operation: 'create',
				scope: 'store/order/created',
				destination: 'ftp://x.example.com',
				isActive: true,
			}),
			/"Destination" must be a URL/,
		);
		await expectRejectedBeforeRequest(
			sandbox,
			webhook({
				operation: 'create',
				scope: 'store/order/created',
				destination: 'https://x.example.com',
				isActive: true,
				headers: { header: [{ name: 'Bad Name', value: 'v' }] },
			}),
			/invalid header name "Bad Name"/,
		);
		await expectRejectedBeforeRequest(
			sandbox,
			webhook({ operation: 'update', webhookId: '5', updateFields: {} }),
			/"Update Fields" is empty/,
		);
		await expectRejectedBeforeRequest(
			sandbox,
			webhook({ operation: 'delete', webhookId: 'abc' }),
			/"Webhook ID" must be a positive whole number/,
		);
	});
});
