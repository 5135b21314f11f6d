import { type Json, useSandbox, recordEvents } from '../../helpers/sandbox';
import { billing, stateOrder } from './fixtures';
import { runNode } from '../../helpers/node';

const sandbox = useSandbox();
const events = recordEvents(sandbox);

describe('Order → Create', () => {
	it('creates an order that later reads return, shipping to the billing address', async () => {
		const mark = sandbox.requests.length;
		const out = (
			await runNode(sandbox, {
				resource: 'order',
				operation: 'create',
				billingAddress: billing,
				products: JSON.stringify([
					{ product_id: 1, quantity: 2 },
					{ name: 'Gift wrap', quantity: 1, price_inc_tax: 5, price_ex_tax: 5 },
				]),
				additionalFields: {
					customerId: { __rl: true, mode: 'list', value: '1' },
					channelId: { __rl: true, mode: 'id', value: '1' },
					statusId: '11',
					staffNotes: 'VIP',
				},
			})
		).out;
		const created = out[0].json as Json;
		expect(created).toMatchObject({
			status_id: 11,
			status: 'Awaiting Fulfillment',
			customer_id: 1,
			staff_notes: 'VIP',
			items_total: 3,
		});
		const sent = sandbox.requests.slice(mark);
		expect(sent).toHaveLength(1);
		expect(sent[0]).toMatchObject({ method: 'POST', path: '/orders', status: 200 });
		expect(sent[0].body.billing_address).toMatchObject({
			country_iso2: 'US',
			email: 'jane@example.com',
		});
		expect(sent[0].body.shipping_addresses).toEqual([
			expect.objectContaining({ street_1: '555 East Street' }),
		]);
		expect(sent[0].body.status_id).toBe(11);
		expect(sent[0].body).toMatchObject({ customer_id: 1, channel_id: 1 });
		const state = stateOrder(sandbox, created.id);
		expect(state.products).toHaveLength(2);
		expect(events).toContainEqual(['store/order/created', { type: 'order', id: created.id }]);
	});
});
