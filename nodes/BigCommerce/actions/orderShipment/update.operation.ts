import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest } from '../../transport';
import { readShipmentId, shipmentBody, shipmentFields, shipmentIdField } from './helpers';
import { ORDERS_WRITE } from '../../shared/scopes';
import { orderLocator } from '../../shared/locators';
import { requireId, requireSomeChange } from '../../shared/validate';
import { toItems } from '../../shared/items';
import { sortByName } from '../../shared/properties';

export const option: OperationOption = {
	name: 'Update',
	value: 'update',
	action: 'Update a shipment',
	description: "Change a shipment's tracking number, carrier, tracking link or comments",
};

export const properties: INodeProperties[] = [
	orderLocator(),
	shipmentIdField,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: sortByName([
			...shipmentFields,
			{
				displayName: 'Tracking Carrier',
				name: 'trackingCarrier',
				type: 'string',
				default: '',
				placeholder: 'e.g. ups',
			},
			{ displayName: 'Tracking Link', name: 'trackingLink', type: 'string', default: '' },
			{ displayName: 'Tracking Number', name: 'trackingNumber', type: 'string', default: '' },
		]),
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const orderId = requireId(this, i, 'orderId', 'Order');
	const shipmentId = readShipmentId(this, i);
	const body = shipmentBody(this, i, this.getNodeParameter('updateFields', i, {}) as IDataObject);
	requireSomeChange(this, i, body);
	const shipment = (await bigCommerceApiRequest.call(this, {
		method: 'PUT',
		version: 'v2',
		path: `/orders/${orderId}/shipments/${shipmentId}`,
		body,
		scope: ORDERS_WRITE,
		itemIndex: i,
	})) as IDataObject;
	return toItems(this, shipment);
}
