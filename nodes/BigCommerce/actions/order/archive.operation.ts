import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { bigCommerceApiRequest } from '../../transport';
import { requireId, toItems } from '../common';
import { ORDERS_WRITE, orderLocator } from './shared';

const properties: INodeProperties[] = [
	{
		displayName:
			"Destructive: archives the order. It disappears from order lists (it can be restored from the control panel's archive).",
		name: 'archiveNotice',
		type: 'notice',
		default: '',
	},
	orderLocator({ description: 'The order to archive' }),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['order'], operation: ['archive'] } },
	properties,
);

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
