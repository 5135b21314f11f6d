import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { type Json, useSandbox } from '../../helpers/sandbox';
import { orderInStatus } from '../order/fixtures';
import { locator, runNode, runNodeError } from '../../helpers/node';

const sandbox = useSandbox();

describe('Order Transaction → Get Many', () => {
	it('lists the payment transactions of a paid (refunded) order from V3', async () => {
		const order = orderInStatus(sandbox, 4);
		const mark = sandbox.requests.length;
		const out = (
			await runNode(sandbox, {
				resource: 'orderTransaction',
				operation: 'getAll',
				orderId: locator(order.id),
				returnAll: true,
			})
		).out;
		expect(out.map((item) => item.json.event)).toEqual(
			order.transactions.map((t: Json) => t.event),
		);
		expect(out.map((item) => item.json.event)).toContain('refund');
		expect(out[0].json).toMatchObject({
			order_id: String(order.id),
			currency: 'USD',
			status: 'ok',
		});
		expect(out[0].json.date_created).toMatch(/^\d{4}-\d{2}-\d{2}T/);
		expect(sandbox.requests.slice(mark)).toEqual([
			expect.objectContaining({
				version: 'v3',
				path: `/orders/${order.id}/transactions`,
				status: 200,
			}),
		]);
	});

	it('returns nothing for an unpaid order (204)', async () => {
		const order = orderInStatus(sandbox, 7);
		const out = (
			await runNode(sandbox, {
				resource: 'orderTransaction',
				operation: 'getAll',
				orderId: locator(order.id),
				returnAll: true,
			})
		).out;
		expect(out).toHaveLength(0);
		expect(sandbox.requests.at(-1)?.status).toBe(204);
	});

	it('names the scope when the token lacks it', async () => {
		const token = sandbox.addToken('orders-only-token-0001', ['store_v2_orders_read_only']);
		const order = orderInStatus(sandbox, 10);
		const { createExecuteContext } = await import('../../helpers/context');
		const { BigCommerce } = await import('../../../nodes/BigCommerce/BigCommerce.node');
		const { ctx } = createExecuteContext({
			params: {
				authentication: 'accessToken',
				resource: 'orderTransaction',
				operation: 'getAll',
				orderId: locator(order.id),
				returnAll: true,
			},
			credentials: {
				bigCommerceApi: {
					storeHash: sandbox.storeHash,
					accessToken: token,
					apiBaseUrl: sandbox.baseUrl,
				},
			},
		});
		const error = await new BigCommerce().execute.call(ctx).then(
			() => undefined,
			(e: Error) => e,
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).description).toContain('store_v2_transactions_read_only');
	});

	it('rejects a negative order ID before any request', async () => {
		const mark = sandbox.requests.length;
		const error = (
			await runNodeError(sandbox, {
				resource: 'orderTransaction',
				operation: 'getAll',
				orderId: locator('-3'),
				returnAll: true,
			})
		).error;
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(sandbox.requests.slice(mark)).toHaveLength(0);
	});
});
