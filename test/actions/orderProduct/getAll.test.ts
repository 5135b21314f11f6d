import { NodeOperationError } from 'n8n-workflow';

import { type Json, useSandbox } from '../../helpers/sandbox';
import { orderInStatus } from '../order/fixtures';
import { locator, runNode, runNodeError } from '../../helpers/node';

const sandbox = useSandbox();

describe('Order Product → Get Many', () => {
	it('lists the lines of an order, simplified, with shipped quantities', async () => {
		const order = orderInStatus(sandbox, 3);
		const mark = sandbox.requests.length;
		const out = (
			await runNode(sandbox, {
				resource: 'orderProduct',
				operation: 'getAll',
				orderId: locator(order.id),
				returnAll: true,
			})
		).out;
		expect(out.map((item) => item.json.id)).toEqual(order.products.map((p: Json) => p.id));
		expect(out[0].json).toMatchObject({
			name: order.products[0].name,
			quantity: order.products[0].quantity,
			quantity_shipped: order.products[0].quantity_shipped,
		});
		expect(typeof out[0].json.price_inc_tax).toBe('number');
		expect(sandbox.requests.slice(mark)).toEqual([
			expect.objectContaining({
				method: 'GET',
				path: `/orders/${order.id}/products`,
				query: { page: '1', limit: '250' },
			}),
		]);
	});

	it('returns the full record without Simplify, and honours Limit', async () => {
		const order = (sandbox.state.orders as Json[]).find((o) => o.products.length >= 2);
		const out = (
			await runNode(sandbox, {
				resource: 'orderProduct',
				operation: 'getAll',
				orderId: locator(order.id),
				returnAll: false,
				limit: 1,
				simplify: false,
			})
		).out;
		expect(out).toHaveLength(1);
		expect(out[0].json).toHaveProperty('applied_discounts');
		expect(sandbox.requests.at(-1)?.query).toMatchObject({ limit: '1' });
	});

	it('rejects a non-numeric order ID before any request', async () => {
		const mark = sandbox.requests.length;
		const error = (
			await runNodeError(sandbox, {
				resource: 'orderProduct',
				operation: 'getAll',
				orderId: locator('12.5'),
				returnAll: true,
			})
		).error;
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(sandbox.requests.slice(mark)).toHaveLength(0);
	});
});
