import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequestAllItems } from '../../transport';
import { ORDERS_READ } from '../../shared/scopes';
import { orderLocator } from '../../shared/locators';
import { getPagination, requireId } from '../../shared/validate';
import { returnAllOrLimit } from '../../shared/properties';
import { toItems } from '../../shared/items';

export const option: OperationOption = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many shipments',
	description: 'List the shipments of an order with carrier, tracking number and tracking link',
};

export const properties: INodeProperties[] = [orderLocator(), ...returnAllOrLimit()];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const orderId = requireId(this, i, 'orderId', 'Order');
	const pagination = getPagination(this, i);
	const shipments = await bigCommerceApiRequestAllItems.call(
		this,
		{
			method: 'GET',
			version: 'v2',
			path: `/orders/${orderId}/shipments`,
			scope: ORDERS_READ,
			itemIndex: i,
		},
		pagination,
	);
	return toItems(this, shipments);
}
