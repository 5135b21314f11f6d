import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequestAllItems } from '../../transport';
import { textList } from './helpers';
import { INVENTORY_READ } from '../../shared/scopes';
import { idListValue, getPagination } from '../../shared/validate';
import { returnAllOrLimit } from '../../shared/properties';
import { toItems } from '../../shared/items';

export const option: OperationOption = {
	name: 'Get Items',
	value: 'getItems',
	action: 'Get inventory items',
	description:
		'Get stock per location (available to sell, on hand, safety stock) by SKU, product, variant or location',
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
				displayName: 'Location IDs',
				name: 'locationIds',
				type: 'string',
				default: '',
				placeholder: 'e.g. 1,2',
				description: 'Only stock at these locations (comma-separated; 1 is the default location)',
			},
			{
				displayName: 'Product IDs',
				name: 'productIds',
				type: 'string',
				default: '',
				placeholder: 'e.g. 12,13',
				description: 'Only items of these products (comma-separated)',
			},
			{
				displayName: 'SKUs',
				name: 'skus',
				type: 'string',
				default: '',
				placeholder: 'e.g. TEE-S,TEE-M',
				description: 'Only these SKUs (comma-separated)',
			},
			{
				displayName: 'Variant IDs',
				name: 'variantIds',
				type: 'string',
				default: '',
				placeholder: 'e.g. 101,102',
				description: 'Only these variants (comma-separated)',
			},
		],
	},
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description:
			'Whether to return one flat record per item and location (SKU, IDs, location, available to sell, on hand, safety stock) instead of one record per item with nested locations',
	},
];

function flatten(item: IDataObject): IDataObject[] {
	const identity = (item.identity ?? {}) as IDataObject;
	return ((item.locations ?? []) as IDataObject[]).map((loc) => {
		const settings = (loc.settings ?? {}) as IDataObject;
		return {
			sku: identity.sku,
			product_id: identity.product_id,
			variant_id: identity.variant_id,
			location_id: loc.location_id,
			location_code: loc.location_code,
			location_name: loc.location_name,
			location_enabled: loc.location_enabled,
			available_to_sell: loc.available_to_sell,
			on_hand: loc.total_inventory_onhand,
			safety_stock: settings.safety_stock,
			warning_level: settings.warning_level,
			is_in_stock: settings.is_in_stock,
			bin_picking_number: settings.bin_picking_number,
		};
	});
}

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const pagination = getPagination(this, i);
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const qs: IDataObject = {};
	const locations = idListValue(this, i, filters.locationIds, 'Location IDs', { allowEmpty: true });
	const products = idListValue(this, i, filters.productIds, 'Product IDs', { allowEmpty: true });
	const variants = idListValue(this, i, filters.variantIds, 'Variant IDs', { allowEmpty: true });
	const skus = textList(filters.skus);
	if (locations.length) qs['location_id:in'] = locations.join(',');
	if (products.length) qs['product_id:in'] = products.join(',');
	if (variants.length) qs['variant_id:in'] = variants.join(',');
	if (skus.length) qs['sku:in'] = skus.join(',');
	const simplify = this.getNodeParameter('simplify', i, true) as boolean;
	const items = await bigCommerceApiRequestAllItems.call(
		this,
		{
			method: 'GET',
			version: 'v3',
			path: '/inventory/items',
			qs,
			scope: INVENTORY_READ,
			itemIndex: i,
		},
		pagination,
	);
	return toItems(this, simplify ? items.flatMap(flatten) : items);
}
