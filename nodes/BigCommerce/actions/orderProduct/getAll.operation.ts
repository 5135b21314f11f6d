import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequestAllItems } from '../../transport';
import { ORDERS_READ } from '../../shared/scopes';
import { toNumber } from '../../shared/simplify';
import { orderLocator } from '../../shared/locators';
import { getPagination, requireId } from '../../shared/validate';
import { returnAllOrLimit } from '../../shared/properties';
import { toItems } from '../../shared/items';

export const option: OperationOption = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many order products',
	description: 'List the lines of an order: product, SKU, quantities ordered and shipped, prices',
};

export const properties: INodeProperties[] = [
	orderLocator(),
	...returnAllOrLimit(),
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description:
			'Whether to return a compact record per line (IDs, name, SKU, quantities, prices) instead of the full order product',
	},
];

function simplify(p: IDataObject): IDataObject {
	return {
		id: p.id,
		order_id: p.order_id,
		product_id: p.product_id,
		variant_id: p.variant_id,
		order_address_id: p.order_address_id,
		name: p.name,
		sku: p.sku,
		quantity: p.quantity,
		quantity_shipped: p.quantity_shipped,
		quantity_refunded: p.quantity_refunded,
		price_inc_tax: toNumber(p.price_inc_tax),
		price_ex_tax: toNumber(p.price_ex_tax),
		total_inc_tax: toNumber(p.total_inc_tax),
		product_options: ((p.product_options ?? []) as IDataObject[]).map((o) => ({
			name: o.display_name,
			value: o.display_value,
		})),
	};
}

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const orderId = requireId(this, i, 'orderId', 'Order');
	const pagination = getPagination(this, i);
	const simple = this.getNodeParameter('simplify', i, true) as boolean;
	const products = await bigCommerceApiRequestAllItems.call(
		this,
		{
			method: 'GET',
			version: 'v2',
			path: `/orders/${orderId}/products`,
			scope: ORDERS_READ,
			itemIndex: i,
		},
		pagination,
	);
	return toItems(this, simple ? products.map(simplify) : products);
}
