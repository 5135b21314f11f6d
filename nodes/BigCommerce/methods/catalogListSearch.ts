import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { bigCommerceApiRequestFull } from '../transport';
import { CATALOG_READ } from '../shared/scopes';

async function search(
	ctx: ILoadOptionsFunctions,
	path: string,
	qs: IDataObject,
	label: (record: IDataObject) => string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = paginationToken ? Number(paginationToken) : 1;
	const response = await bigCommerceApiRequestFull.call(ctx, {
		method: 'GET',
		version: 'v3',
		path,
		qs: { ...qs, page, limit: 50 },
		scope: CATALOG_READ,
	});
	const body = response.body as {
		data?: IDataObject[];
		meta?: { pagination?: { total_pages?: number } };
	};
	const results = (body.data ?? []).map((record) => ({
		name: label(record),
		value: String(record.id),
	}));
	const totalPages = body.meta?.pagination?.total_pages ?? 1;
	return { results, paginationToken: page < totalPages ? String(page + 1) : undefined };
}

/** Categories and brands: sorted by name, filtered by a name fragment, shown as "Name #id". */
async function searchByName(
	ctx: ILoadOptionsFunctions,
	path: string,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const qs: IDataObject = { sort: 'name' };
	if (filter?.trim()) qs['name:like'] = filter.trim();
	return await search(ctx, path, qs, (r) => `${String(r.name)} #${String(r.id)}`, paginationToken);
}

/** Resource-locator searches for products, categories and brands (merged into methods/listSearch.ts). */
export const catalogListSearch = {
	async searchProducts(
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		const qs: IDataObject = { include_fields: 'name,sku', sort: 'name' };
		if (filter?.trim()) qs.keyword = filter.trim();
		return await search(
			this,
			'/catalog/products',
			qs,
			(p) => `${String(p.name)}${p.sku ? ` (${String(p.sku)})` : ''} #${String(p.id)}`,
			paginationToken,
		);
	},

	async searchCategories(
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		return await searchByName(this, '/catalog/categories', filter, paginationToken);
	},

	async searchBrands(
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		return await searchByName(this, '/catalog/brands', filter, paginationToken);
	},
};
