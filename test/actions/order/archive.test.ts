import { NodeApiError } from 'n8n-workflow';

import { useSandbox, recordEvents } from '../../helpers/sandbox';
import { orderInStatus, stateOrder } from './fixtures';
import { locator, runNode, runNodeError } from '../../helpers/node';

const sandbox = useSandbox();
const events = recordEvents(sandbox);

describe('Order → Archive', () => {
	it('archives with DELETE: hidden from lists afterwards', async () => {
		const order = orderInStatus(sandbox, 1);
		events.length = 0;
		const out = (
			await runNode(sandbox, {
				resource: 'order',
				operation: 'archive',
				orderId: locator(order.id),
			})
		).out;
		expect(out[0].json).toEqual({ id: order.id, archived: true });
		expect(sandbox.requests.at(-1)).toMatchObject({
			method: 'DELETE',
			path: `/orders/${order.id}`,
			status: 204,
		});
		expect(stateOrder(sandbox, order.id).is_deleted).toBe(true);
		expect(events).toContainEqual(['store/order/archived', { type: 'order', id: order.id }]);
		const list = (
			await runNode(sandbox, {
				resource: 'order',
				operation: 'getAll',
				returnAll: true,
				filters: { minId: order.id, maxId: order.id },
			})
		).out;
		expect(list).toHaveLength(0);
	});

	it('maps a missing order to a NodeApiError 404', async () => {
		const error = (
			await runNodeError(sandbox, {
				resource: 'order',
				operation: 'archive',
				orderId: locator(999998),
			})
		).error;
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).httpCode).toBe('404');
	});
});
