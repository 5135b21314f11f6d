import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest } from '../../transport';
import { ORDERS_WRITE } from '../../shared/scopes';
import { orderLocator } from '../../shared/locators';
import { requireId } from '../../shared/validate';
import { toItems } from '../../shared/items';

export const option: OperationOption = {
	name: 'Archive',
	value: 'archive',
	action: 'Archive an order',
	description: 'Destructive: archive an order so it no longer appears in order lists',
};

export const properties: INodeProperties[] = [
	{
		displayName:
			"Destructive: archives the order. It disappears from order lists (it can be restored from the control panel's archive).",
		name: 'archiveNotice',
		type: 'notice',
		default: '',
	},
	orderLocator({ description: 'The order to archive' }),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const orderId = requireId(this, i, 'orderId', 'Order');
	await bigCommerceApiRequest.call(this, {
		method: 'DELETE',
		version: 'v2',
		path: `/orders/${orderId}`,
		scope: ORDERS_WRITE,
		itemIndex: i,
	});
	return toItems(this, { id: orderId, archived: true });
}
