import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequestAllItems } from '../../transport';
import { checkStatusId, simplifyOrder, withStatusName } from './helpers';
import { ORDERS_READ } from '../../shared/scopes';
import {
	wholeNumberValue,
	isoDateValue,
	emailValue,
	getPagination,
	isBlank,
	uuidValue,
} from '../../shared/validate';
import { channelField, customerField, statusLocator } from '../../shared/locators';
import { returnAllOrLimit } from '../../shared/properties';
import { toItems } from '../../shared/items';

export const option: OperationOption = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many orders',
	description: 'List orders filtered by status, customer, email, dates, ID range or channel',
};

export const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Cart ID',
				name: 'cartId',
				type: 'string',
				default: '',
				description: 'Only the order created from this cart',
			},
			channelField('Only orders placed on this channel (1 is the default storefront)'),
			{
				displayName: 'Created After',
				name: 'createdAfter',
				type: 'dateTime',
				default: '',
				description: 'Only orders created at or after this time',
			},
			{
				displayName: 'Created Before',
				name: 'createdBefore',
				type: 'dateTime',
				default: '',
				description: 'Only orders created at or before this time',
			},
			customerField('Only orders of this customer (By ID 0: guest orders)'),
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
				description: 'Only orders whose billing email is this address',
			},
			{
				displayName: 'Max ID',
				name: 'maxId',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 1,
				description: 'Only orders with this ID or lower',
			},
			{
				displayName: 'Min ID',
				name: 'minId',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 1,
				description: 'Only orders with this ID or higher',
			},
			{
				displayName: 'Modified After',
				name: 'modifiedAfter',
				type: 'dateTime',
				default: '',
				description: 'Only orders changed at or after this time',
			},
			{
				displayName: 'Modified Before',
				name: 'modifiedBefore',
				type: 'dateTime',
				default: '',
				description: 'Only orders changed at or before this time',
			},
			statusLocator('Only orders in this status'),
		],
	},
	{
		displayName: 'Include Line Items',
		name: 'includeLineItems',
		type: 'boolean',
		default: false,
		description:
			'Whether to add each order\'s line items (as Order › Get with Include Products returns them) in a "products" list, read with the orders themselves: one API call per 250 orders instead of one more per order',
	},
	{
		displayName: 'Sort',
		name: 'sort',
		type: 'options',
		default: 'id:asc',
		options: [
			{ name: 'Newest Created First', value: 'date_created:desc' },
			{ name: 'Oldest Created First', value: 'date_created:asc' },
			{ name: 'Order ID Ascending', value: 'id:asc' },
			{ name: 'Order ID Descending', value: 'id:desc' },
			{ name: 'Recently Modified First', value: 'date_modified:desc' },
		],
	},
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description:
			'Whether to return a compact record per order (ID, status, customer, dates, totals) instead of the full order',
	},
];

/** Turns the Filters collection into V2 query parameters, validating each value. */
export function orderFilters(ctx: IExecuteFunctions, i: number, filters: IDataObject): IDataObject {
	const qs: IDataObject = {};
	if (filters.statusId !== undefined && filters.statusId !== '') {
		qs.status_id = checkStatusId(ctx, i, filters.statusId, 'Status');
	}
	if (!isBlank(filters.customerId)) {
		qs.customer_id = wholeNumberValue(ctx, i, filters.customerId, 'Customer');
	}
	if (filters.email !== undefined && filters.email !== '')
		qs.email = emailValue(ctx, i, filters.email, 'Email');
	if (filters.minId !== undefined && filters.minId !== '')
		qs.min_id = wholeNumberValue(ctx, i, filters.minId, 'Min ID', { min: 1 });
	if (filters.maxId !== undefined && filters.maxId !== '')
		qs.max_id = wholeNumberValue(ctx, i, filters.maxId, 'Max ID', { min: 1 });
	if (!isBlank(filters.channelId)) {
		qs.channel_id = wholeNumberValue(ctx, i, filters.channelId, 'Channel', { min: 1 });
	}
	if (!isBlank(filters.cartId)) qs.cart_id = uuidValue(ctx, i, filters.cartId, 'Cart ID');
	const dates: Array<[string, string, string]> = [
		['createdAfter', 'min_date_created', 'Created After'],
		['createdBefore', 'max_date_created', 'Created Before'],
		['modifiedAfter', 'min_date_modified', 'Modified After'],
		['modifiedBefore', 'max_date_modified', 'Modified Before'],
	];
	for (const [field, key, label] of dates) {
		if (filters[field] !== undefined && filters[field] !== '')
			qs[key] = isoDateValue(ctx, i, filters[field], label);
	}
	return qs;
}

/** V2 `include` that returns each order's line items inside its consignments (object structure). */
export const LINE_ITEMS_QUERY = {
	include: 'consignments.line_items',
	consignment_structure: 'object',
};

/**
 * The line items of an order read with LINE_ITEMS_QUERY, in one list (shipping, pickup, download
 * and gift-certificate consignments), and its consignments without them (each lists its items'
 * IDs in `line_item_ids`).
 */
export function takeLineItems(order: IDataObject): {
	products: IDataObject[];
	consignments?: IDataObject;
} {
	const consignments = order.consignments;
	if (!consignments || typeof consignments !== 'object' || Array.isArray(consignments))
		return { products: [] };
	const products: IDataObject[] = [];
	const ids = new Set<unknown>();
	const strip = (consignment: unknown): IDataObject | undefined => {
		if (!consignment || typeof consignment !== 'object' || Array.isArray(consignment))
			return undefined;
		const { line_items: lineItems, ...rest } = consignment as IDataObject;
		const items = (
			Array.isArray(lineItems) ? lineItems : lineItems ? [lineItems] : []
		) as IDataObject[];
		const lineItemIds: unknown[] = [];
		for (const item of items) {
			// with `.line_items` each entry is an order product (a bare link has no id)
			if (!item || typeof item !== 'object' || item.id === undefined) continue;
			lineItemIds.push(item.id);
			if (ids.has(item.id)) continue;
			ids.add(item.id);
			products.push(item);
		}
		return { ...rest, line_item_ids: lineItemIds };
	};
	const all = consignments as IDataObject;
	const list = (value: unknown) =>
		Array.isArray(value) ? value.map(strip).filter((c): c is IDataObject => !!c) : [];
	const email = (all.email ?? {}) as IDataObject;
	const stripped: IDataObject = {
		pickups: list(all.pickups),
		shipping: list(all.shipping),
		downloads: list(all.downloads),
		email: { gift_certificates: list(email.gift_certificates) },
	};
	return { products, consignments: stripped };
}

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const pagination = getPagination(this, i);
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const qs = orderFilters(this, i, filters);
	const sort = this.getNodeParameter('sort', i, 'id:asc') as string;
	if (sort && sort !== 'id:asc') qs.sort = sort;
	const simplify = this.getNodeParameter('simplify', i, true) as boolean;
	const includeLineItems = this.getNodeParameter('includeLineItems', i, false) as boolean;
	if (includeLineItems) Object.assign(qs, LINE_ITEMS_QUERY);
	const orders = await bigCommerceApiRequestAllItems.call(
		this,
		{ method: 'GET', version: 'v2', path: '/orders', qs, scope: ORDERS_READ, itemIndex: i },
		pagination,
	);
	return toItems(
		this,
		orders.map((order) => {
			if (!includeLineItems) return simplify ? simplifyOrder(order) : withStatusName(order);
			const { products, consignments } = takeLineItems(order);
			if (simplify) return { ...simplifyOrder(order), products };
			const full = withStatusName({ ...order, products });
			if (consignments) full.consignments = consignments;
			return full;
		}),
	);
}
