import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest } from '../../transport';
import { simplifyOrder, withStatusName } from './helpers';
import { ORDERS_READ } from '../../shared/scopes';
import { orderLocator } from '../../shared/locators';
import { requireId } from '../../shared/validate';
import { toItems } from '../../shared/items';

export const option: OperationOption = {
	name: 'Get',
	value: 'get',
	action: 'Get an order',
	description:
		'Get one order by ID, optionally with its products, shipping addresses, shipments and coupons',
};

export const properties: INodeProperties[] = [
	orderLocator(),
	{
		displayName: 'Include',
		name: 'include',
		type: 'multiOptions',
		default: [],
		description: 'Related records to fetch (in parallel) and merge into the order',
		options: [
			{ name: 'Coupons', value: 'coupons' },
			{ name: 'Products', value: 'products' },
			{ name: 'Shipments', value: 'shipments' },
			{ name: 'Shipping Addresses', value: 'shipping_addresses' },
		],
	},
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: false,
		description:
			'Whether to return a compact order (ID, status, customer, dates, totals) plus the included records',
	},
];

const INCLUDES = ['coupons', 'products', 'shipments', 'shipping_addresses'];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const orderId = requireId(this, i, 'orderId', 'Order');
	const include = (this.getNodeParameter('include', i, []) as string[]).filter((name) =>
		INCLUDES.includes(name),
	);
	const simplify = this.getNodeParameter('simplify', i, false) as boolean;
	const request = async (path: string, qs?: IDataObject) =>
		await bigCommerceApiRequest.call(this, {
			method: 'GET',
			version: 'v2',
			path,
			qs,
			scope: ORDERS_READ,
			itemIndex: i,
		});
	const [order, ...related] = await Promise.all([
		request(`/orders/${orderId}`),
		...include.map(async (name) => await request(`/orders/${orderId}/${name}`, { limit: 250 })),
	]);
	const merged = withStatusName({ ...(order as IDataObject) });
	const out = simplify ? simplifyOrder(merged) : merged;
	include.forEach((name, index) => {
		out[name] = (Array.isArray(related[index]) ? related[index] : []) as IDataObject[];
	});
	return toItems(this, out);
}
