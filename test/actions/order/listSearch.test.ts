import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { listSearch } from '../../../nodes/BigCommerce/methods/listSearch';
import { createExecuteContext, sandboxCredentials } from '../../helpers/context';
import { type Json, useSandbox } from '../../helpers/sandbox';
import { runNode } from '../../helpers/node';

const sandbox = useSandbox();

function loadOptionsContext(): ILoadOptionsFunctions {
	const { ctx } = createExecuteContext({
		params: { authentication: 'accessToken' },
		credentials: sandboxCredentials(sandbox),
	});
	return ctx as unknown as ILoadOptionsFunctions;
}

describe('Order resource locators', () => {
	it('searchOrders lists newest first with name, status and total, and pages by 50', async () => {
		const first = await listSearch.searchOrders.call(loadOptionsContext());
		expect(first.results).toHaveLength(40);
		expect(first.results[0].value).toBe('139');
		expect(first.results[0].name).toMatch(/^#139 · .+ · .+ · \d+\.\d{2} USD$/);
		expect(first.paginationToken).toBeUndefined();
		expect(sandbox.requests.at(-1)?.query).toMatchObject({
			sort: 'id:desc',
			limit: '50',
			page: '1',
		});
	});

	it('searchOrders finds by order number, by email and by name', async () => {
		const byNumber = await listSearch.searchOrders.call(loadOptionsContext(), '#105');
		expect(byNumber.results.map((r) => r.value)).toEqual(['105']);
		const byEmail = await listSearch.searchOrders.call(
			loadOptionsContext(),
			'shopper3@example.com',
		);
		const expected = (sandbox.state.orders as Json[])
			.filter((o) => o.email === 'shopper3@example.com')
			.map((o) => String(o.id))
			.reverse();
		expect(byEmail.results.map((r) => r.value)).toEqual(expected);
		const order = (sandbox.state.orders as Json[])[0];
		const byName = await listSearch.searchOrders.call(
			loadOptionsContext(),
			order.billing_address.last_name,
		);
		expect(byName.results.map((r) => r.value)).toContain(String(order.id));
	});

	it('searchOrderStatuses lists and filters the statuses', async () => {
		const all = await listSearch.searchOrderStatuses.call(loadOptionsContext());
		expect(all.results).toHaveLength(15);
		const shipped = await listSearch.searchOrderStatuses.call(loadOptionsContext(), 'shipped');
		expect(shipped.results.map((r) => r.value).sort()).toEqual(['2', '3']);
	});

	it('a status chosen from the list (resource locator value) filters Get Many', async () => {
		const out = (
			await runNode(sandbox, {
				resource: 'order',
				operation: 'getAll',
				returnAll: true,
				filters: {
					statusId: {
						__rl: true,
						mode: 'list',
						value: '3',
						cachedResultName: 'Partially Shipped (3)',
					},
				},
			})
		).out;
		expect(out.length).toBeGreaterThan(0);
		expect(out.every((item) => item.json.status === 'Partially Shipped')).toBe(true);
		expect(sandbox.requests.at(-1)?.query.status_id).toBe('3');
	});
});
