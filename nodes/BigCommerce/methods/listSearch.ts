import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { bigCommerceApiRequestFull } from '../transport';
import { catalogListSearch } from './catalogListSearch';
import { CUSTOMERS_READ, CHANNELS_READ, ORDERS_READ } from '../shared/scopes';
import { asWholeNumber } from '../shared/validate';

/** Lists search results for resource locators; each resource adds its search here. */
export const listSearch = {
	...catalogListSearch,
	async searchCustomers(
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		const page = paginationToken ? Number(paginationToken) : 1;
		const needle = (filter ?? '').trim();
		const qs: Record<string, string | number> = { page, limit: 50, sort: 'last_name:asc' };
		// an email (or part of one) searches by exact email; anything else by name
		if (needle.includes('@')) qs['email:in'] = needle;
		else if (needle) qs['name:like'] = needle;
		const response = await bigCommerceApiRequestFull.call(this, {
			method: 'GET',
			version: 'v3',
			path: '/customers',
			qs,
			scope: CUSTOMERS_READ,
		});
		const body = response.body as {
			data?: Array<{ id: number; first_name: string; last_name: string; email: string }>;
			meta?: { pagination?: { total_pages?: number } };
		};
		const results = (body.data ?? []).map((customer) => ({
			name: `${customer.first_name} ${customer.last_name} <${customer.email}> (#${customer.id})`,
			value: String(customer.id),
		}));
		const totalPages = body.meta?.pagination?.total_pages ?? 1;
		return { results, paginationToken: page < totalPages ? String(page + 1) : undefined };
	},
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
			scope: CHANNELS_READ,
		});
		const body = response.body as {
			data?: Array<{ id: number; name: string; type?: string; platform?: string }>;
			meta?: { pagination?: { total_pages?: number } };
		};
		const needle = (filter ?? '').toLowerCase();
		const results = (body.data ?? [])
			.filter((channel) => !needle || channel.name.toLowerCase().includes(needle))
			.map((channel) => ({
				name: `${channel.name} (#${channel.id}${channel.platform ? `, ${channel.platform} ${channel.type ?? ''}`.trimEnd() : ''})`,
				value: String(channel.id),
			}));
		const totalPages = body.meta?.pagination?.total_pages ?? 1;
		return { results, paginationToken: page < totalPages ? String(page + 1) : undefined };
	},
	async searchOrders(
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		const page = paginationToken ? Number(paginationToken) : 1;
		const needle = (filter ?? '').trim().replace(/^#/, '');
		const qs: Record<string, string | number> = { page, limit: 50, sort: 'id:desc' };
		if (asWholeNumber(needle) !== undefined) {
			qs.min_id = Number(needle);
			qs.max_id = Number(needle);
		} else if (needle.includes('@')) qs.email = needle;
		const response = await bigCommerceApiRequestFull.call(this, {
			method: 'GET',
			version: 'v2',
			path: '/orders',
			qs,
			scope: ORDERS_READ,
		});
		const orders = (Array.isArray(response.body) ? response.body : []) as Array<{
			id: number;
			status?: string;
			total_inc_tax?: string;
			currency_code?: string;
			billing_address?: { first_name?: string; last_name?: string; email?: string };
		}>;
		const lower = needle.toLowerCase();
		const results = orders
			.filter((order) => {
				if (!lower || asWholeNumber(lower) !== undefined || lower.includes('@')) return true;
				const b = order.billing_address ?? {};
				return `${b.first_name ?? ''} ${b.last_name ?? ''} ${b.email ?? ''} ${order.status ?? ''}`
					.toLowerCase()
					.includes(lower);
			})
			.map((order) => {
				const b = order.billing_address ?? {};
				const who = [b.first_name, b.last_name].filter(Boolean).join(' ') || b.email || 'Guest';
				const total = order.total_inc_tax
					? ` · ${Number(order.total_inc_tax).toFixed(2)} ${order.currency_code ?? ''}`.trimEnd()
					: '';
				return {
					name: `#${order.id} · ${who} · ${order.status ?? ''}${total}`,
					value: String(order.id),
				};
			});
		return { results, paginationToken: orders.length === 50 ? String(page + 1) : undefined };
	},
	async searchOrderStatuses(
		this: ILoadOptionsFunctions,
		filter?: string,
	): Promise<INodeListSearchResult> {
		const response = await bigCommerceApiRequestFull.call(this, {
			method: 'GET',
			version: 'v2',
			path: '/order_statuses',
			scope: ORDERS_READ,
		});
		const statuses = (Array.isArray(response.body) ? response.body : []) as Array<{
			id: number;
			name: string;
			custom_label?: string;
		}>;
		const needle = (filter ?? '').toLowerCase();
		const results = statuses
			.filter(
				(s) =>
					!needle || `${s.name} ${s.custom_label ?? ''} ${s.id}`.toLowerCase().includes(needle),
			)
			.map((s) => ({ name: `${s.custom_label || s.name} (${s.id})`, value: String(s.id) }));
		return { results };
	},
};
