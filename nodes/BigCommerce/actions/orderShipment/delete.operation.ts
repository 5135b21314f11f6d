import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest } from '../../transport';
import { readShipmentId, shipmentIdField } from './helpers';
import { ORDERS_WRITE } from '../../shared/scopes';
import { orderLocator } from '../../shared/locators';
import { requireId } from '../../shared/validate';
import { toItems } from '../../shared/items';

export const option: OperationOption = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a shipment',
	description: 'Destructive: delete a shipment of an order',
};

export const properties: INodeProperties[] = [
	{
		displayName:
			'Destructive: deletes the shipment and its tracking; its items count as unshipped again.',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
	},
	orderLocator(),
	shipmentIdField,
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const orderId = requireId(this, i, 'orderId', 'Order');
	const shipmentId = readShipmentId(this, i);
	await bigCommerceApiRequest.call(this, {
		method: 'DELETE',
		version: 'v2',
		path: `/orders/${orderId}/shipments/${shipmentId}`,
		scope: ORDERS_WRITE,
		itemIndex: i,
	});
	return toItems(this, { order_id: orderId, id: shipmentId, deleted: true });
}
