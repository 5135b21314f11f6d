import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { listSearch } from '../../../nodes/BigCommerce/methods/listSearch';
import { createExecuteContext, sandboxCredentials } from '../../helpers/context';
import { useSandbox } from '../../helpers/sandbox';

const sandbox = useSandbox({ seed: { products: 120 } });

function loadOptionsContext(): ILoadOptionsFunctions {
	const { ctx } = createExecuteContext({
		params: { authentication: 'accessToken' },
		credentials: sandboxCredentials(sandbox),
	});
	return ctx as unknown as ILoadOptionsFunctions;
}

describe('catalog list searches', () => {
	it('searchProducts searches by keyword and pages with a token', async () => {
		const found = await listSearch.searchProducts.call(loadOptionsContext(), 'Alpine Jacket 1');
		const last = sandbox.requests.at(-1);
		expect(last?.query).toMatchObject({
			keyword: 'Alpine Jacket 1',
			include_fields: 'name,sku',
			page: '1',
			limit: '50',
		});
		expect(found.results[0]).toEqual({
			name: expect.stringMatching(/^Alpine Jacket 1\d* \(SKU-1\d*\) #1\d*$/),
			value: expect.stringMatching(/^1\d*$/),
		});

		const page1 = await listSearch.searchProducts.call(loadOptionsContext());
		expect(page1.results).toHaveLength(50);
		expect(page1.paginationToken).toBe('2');
		const page3 = await listSearch.searchProducts.call(loadOptionsContext(), undefined, '3');
		expect(page3.results).toHaveLength(20);
		expect(page3.paginationToken).toBeUndefined();
	});

	it('searchCategories and searchBrands filter by name', async () => {
		const categories = await listSearch.searchCategories.call(loadOptionsContext(), 'hik');
		expect(categories.results).toEqual([{ name: 'Hiking #26', value: '26' }]);
		expect(sandbox.requests.at(-1)?.query['name:like']).toBe('hik');
		const brands = await listSearch.searchBrands.call(loadOptionsContext(), 'summit');
		expect(brands.results).toEqual([{ name: 'Summit Gear #3', value: '3' }]);
	});
});
