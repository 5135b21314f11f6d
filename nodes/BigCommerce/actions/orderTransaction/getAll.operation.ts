import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequestAllItems } from '../../transport';
import { orderLocator } from '../../shared/locators';
import { getPagination, requireId } from '../../shared/validate';
import { returnAllOrLimit } from '../../shared/properties';
import { toItems } from '../../shared/items';
import { TRANSACTIONS_READ } from '../../shared/scopes';

export const option: OperationOption = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many order transactions',
	description:
		'List the payment transactions of an order (purchase, capture, refund, void) with gateway and amount',
};

export const properties: INodeProperties[] = [orderLocator(), ...returnAllOrLimit()];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const orderId = requireId(this, i, 'orderId', 'Order');
	const pagination = getPagination(this, i);
	const transactions = await bigCommerceApiRequestAllItems.call(
		this,
		{
			method: 'GET',
			version: 'v3',
			path: `/orders/${orderId}/transactions`,
			scope: TRANSACTIONS_READ,
			itemIndex: i,
		},
		pagination,
	);
	return toItems(this, transactions);
}
