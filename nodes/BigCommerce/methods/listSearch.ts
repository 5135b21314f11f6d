import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { bigCommerceApiRequestFull } from '../transport';

/** Lists search results for resource locators; each resource adds its search here. */
export const listSearch = {
	async searchChannels(
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		const page = paginationToken ? Number(paginationToken) : 1;
		const response = await bigCommerceApiRequestFull.call(this, {
			method: 'GET',
			version: 'v3',
			path: '/channels',
			qs: { page, limit: 50 },
		});
		const body = response.body as {
			data?: Array<{ id: number; name: string }>;
			meta?: { pagination?: { total_pages?: number } };
		};
		const needle = (filter ?? '').toLowerCase();
		const results = (body.data ?? [])
			.filter((channel) => !needle || channel.name.toLowerCase().includes(needle))
			.map((channel) => ({ name: `${channel.name} (#${channel.id})`, value: String(channel.id) }));
		const totalPages = body.meta?.pagination?.total_pages ?? 1;
		return { results, paginationToken: page < totalPages ? String(page + 1) : undefined };
	},
};
