import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { listSearch } from '../../../nodes/BigCommerce/methods/listSearch';
import { createExecuteContext, sandboxCredentials } from '../../helpers/context';
import { useSandbox } from '../../helpers/sandbox';

const sandbox = useSandbox({ seed: { customers: 60 } });

function loadOptionsContext(): ILoadOptionsFunctions {
	const { ctx } = createExecuteContext({
		params: { authentication: 'accessToken' },
		credentials: sandboxCredentials(sandbox),
	});
	return ctx as unknown as ILoadOptionsFunctions;
}

describe('listSearch.searchCustomers', () => {
	it('lists customers by last name, 50 per page, with a token for the next page', async () => {
		const first = await listSearch.searchCustomers.call(loadOptionsContext());
		expect(first.results).toHaveLength(50);
		expect(first.results[0].name).toMatch(/^.+ .+ <shopper\d+@example\.com> \(#\d+\)$/);
		expect(first.paginationToken).toBe('2');
		expect(sandbox.requests.at(-1)).toMatchObject({
			path: '/customers',
			query: { page: '1', limit: '50', sort: 'last_name:asc' },
		});
		const second = await listSearch.searchCustomers.call(
			loadOptionsContext(),
			undefined,
			first.paginationToken,
		);
		expect(second.results).toHaveLength(10);
		expect(second.paginationToken).toBeUndefined();
	});

	it('searches by email when the filter holds an @, else by name', async () => {
		const byEmail = await listSearch.searchCustomers.call(
			loadOptionsContext(),
			'shopper7@example.com',
		);
		expect(byEmail.results).toEqual([expect.objectContaining({ value: '7' })]);
		const name = sandbox.state.customers[2].first_name;
		const byName = await listSearch.searchCustomers.call(loadOptionsContext(), name);
		expect(byName.results.length).toBeGreaterThan(0);
		for (const result of byName.results)
			expect(result.name.toLowerCase()).toContain(name.toLowerCase());
		expect(sandbox.requests.at(-1)?.query['name:like']).toBe(name);
	});
});
