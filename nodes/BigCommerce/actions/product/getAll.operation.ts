import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest, bigCommerceApiRequestAllItems } from '../../transport';
import { includeOptions, readInclude } from './get.operation';
import { CATALOG_READ } from '../../shared/scopes';
import {
	wholeNumberValue,
	idListValue,
	fail,
	getPagination,
	isBlank,
	isoDateValue,
	locatorValue,
} from '../../shared/validate';
import { optionalLocator, optionalLocatorId } from '../../shared/locators';
import { simplifyProduct, simplifyProperty } from '../../shared/simplify';
import { returnAllOrLimit } from '../../shared/properties';
import { toItems } from '../../shared/items';

export const option: OperationOption = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many products',
	description:
		'List products filtered by keyword, name, SKU (including variant SKUs), category, brand, visibility, availability, inventory, modification date or channel',
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
				displayName: 'Availability',
				name: 'availability',
				type: 'options',
				options: [
					{ name: 'Available', value: 'available' },
					{ name: 'Disabled', value: 'disabled' },
					{ name: 'Pre-Order', value: 'preorder' },
				],
				default: 'available',
			},
			optionalLocator('brand', { name: 'brandId', description: 'Only products of this brand' }),
			optionalLocator('category', {
				name: 'categoryId',
				description: 'Only products in this category',
			}),
			{
				displayName: 'Channel IDs',
				name: 'channelIds',
				type: 'string',
				default: '',
				placeholder: 'e.g. 1, 2',
				description: 'Only products assigned to at least one of these channels (comma-separated)',
			},
			{
				displayName: 'Keyword',
				name: 'keyword',
				type: 'string',
				default: '',
				description: 'Searches name, description, SKU and brand name',
			},
			{
				displayName: 'Max Inventory Level',
				name: 'inventoryMax',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
			},
			{
				displayName: 'Min Inventory Level',
				name: 'inventoryMin',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
			},
			{
				displayName: 'Modified Since',
				name: 'modifiedSince',
				type: 'dateTime',
				default: '',
				description: 'Only products changed at or after this time',
			},
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'Only the product with exactly this name',
			},
			{
				displayName: 'SKU',
				name: 'sku',
				type: 'string',
				default: '',
				description: 'Product SKU or variant SKU; a variant SKU returns the product it belongs to',
			},
			{
				displayName: 'Visibility',
				name: 'visibility',
				type: 'options',
				options: [
					{ name: 'Hidden Only', value: 'hidden' },
					{ name: 'Visible Only', value: 'visible' },
				],
				default: 'visible',
			},
		],
	},
	{
		displayName: 'Include',
		name: 'include',
		type: 'multiOptions',
		options: includeOptions,
		default: [],
		description:
			'Related records to read with each product. Including Options makes BigCommerce return 10 products per page.',
	},
	simplifyProperty,
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const pagination = getPagination(this, i);
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const include = readInclude(this, i);
	const simplify = this.getNodeParameter('simplify', i, true) as boolean;

	const qs: IDataObject = {};
	const text = (key: string) => (filters[key] === undefined ? '' : String(filters[key]).trim());
	if (text('keyword')) qs.keyword = text('keyword');
	if (text('name')) qs.name = text('name');
	if (filters.availability !== undefined) qs.availability = filters.availability;
	const brandId = optionalLocatorId(this, i, filters.brandId, 'Brand');
	if (brandId !== undefined) qs.brand_id = brandId;
	if (!isBlank(filters.categoryId)) {
		qs['categories:in'] = idListValue(this, i, [locatorValue(filters.categoryId)], 'Category', {
			allowEmpty: true,
		}).join(',');
	}
	if (text('channelIds'))
		qs['channel_id:in'] = idListValue(this, i, filters.channelIds, 'Channel IDs', {
			allowEmpty: true,
		}).join(',');
	if (filters.visibility !== undefined) qs.is_visible = filters.visibility !== 'hidden';
	const min =
		filters.inventoryMin === undefined
			? undefined
			: wholeNumberValue(this, i, filters.inventoryMin, 'Min Inventory Level');
	const max =
		filters.inventoryMax === undefined
			? undefined
			: wholeNumberValue(this, i, filters.inventoryMax, 'Max Inventory Level');
	if (min !== undefined && max !== undefined && min > max) {
		fail(
			this,
			i,
			`"Min Inventory Level" (${min}) must not be above "Max Inventory Level" (${max})`,
		);
	}
	if (min !== undefined) qs['inventory_level:min'] = min;
	if (max !== undefined) qs['inventory_level:max'] = max;
	if (text('modifiedSince'))
		qs['date_modified:min'] = isoDateValue(this, i, filters.modifiedSince, 'Modified Since');
	if (include.length) qs.include = include.join(',');
	// with options included BigCommerce answers 10 products per page
	const pageSize = include.includes('options') ? 10 : undefined;

	const list = (extra: IDataObject) =>
		bigCommerceApiRequestAllItems.call(
			this,
			{
				method: 'GET',
				version: 'v3',
				path: '/catalog/products',
				qs: { ...qs, ...extra },
				scope: CATALOG_READ,
				itemIndex: i,
			},
			{ ...pagination, pageSize },
		);

	let products: IDataObject[];
	const sku = text('sku');
	if (sku) {
		products = await list({ sku });
		if (!products.length) {
			// the products `sku` filter only matches product-level SKUs: look the variant SKU up
			const variants = (await bigCommerceApiRequest.call(this, {
				method: 'GET',
				version: 'v3',
				path: '/catalog/variants',
				qs: { sku, limit: 250 },
				scope: CATALOG_READ,
				itemIndex: i,
			})) as IDataObject[];
			const ids = [
				...new Set((Array.isArray(variants) ? variants : []).map((v) => Number(v.product_id))),
			];
			products = ids.length ? await list({ 'id:in': ids.join(',') }) : [];
		}
	} else {
		products = await list({});
	}
	return toItems(this, simplify ? products.map(simplifyProduct) : products);
}
