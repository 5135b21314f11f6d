import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest } from '../../transport';
import { readAddress } from './create.operation';
import { checkStatusId, fetchOrder, withStatusName } from './helpers';
import { ORDERS_WRITE } from '../../shared/scopes';
import {
	wholeNumberValue,
	jsonValue,
	isBlank,
	requireId,
	requireSomeChange,
} from '../../shared/validate';
import { orderLocator, channelField, customerField, statusLocator } from '../../shared/locators';
import { toItems } from '../../shared/items';

export const option: OperationOption = {
	name: 'Update',
	value: 'update',
	action: 'Update an order',
	description:
		"Change an order's status, staff notes, customer message, customer or billing address",
};

export const properties: INodeProperties[] = [
	orderLocator(),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Billing Address (JSON)',
				name: 'billingAddress',
				type: 'json',
				default: '{}',
				description: 'Billing address fields to change, e.g. {"phone": "512-555-0100"}',
			},
			channelField('The channel the order belongs to (1 is the default storefront)'),
			customerField('Assign the order to this customer (By ID 0: guest)'),
			{
				displayName: 'Customer Message',
				name: 'customerMessage',
				type: 'string',
				default: '',
			},
			{
				displayName: 'External ID',
				name: 'externalOrderId',
				type: 'string',
				default: '',
				description: 'The order ID in another system (external_order_id)',
			},
			{
				displayName: 'Payment Method',
				name: 'paymentMethod',
				type: 'string',
				default: '',
			},
			{
				displayName: 'Staff Notes',
				name: 'staffNotes',
				type: 'string',
				default: '',
				description: 'Internal notes, not shown to the shopper',
			},
			statusLocator(
				'The new status (Cancelled is 5; prefer the Cancel operation, which checks nothing has shipped)',
			),
		],
	},
];

/** Items at once (see OperationModule.itemsInParallel). Reads the order to merge a partial billing address, then writes it: items that change the same order must not interleave. */
export const itemsInParallel = 1;

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const orderId = requireId(this, i, 'orderId', 'Order');
	const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
	const body: IDataObject = {};
	if (fields.statusId !== undefined && fields.statusId !== '')
		body.status_id = checkStatusId(this, i, fields.statusId, 'Status');
	if (!isBlank(fields.customerId))
		body.customer_id = wholeNumberValue(this, i, fields.customerId, 'Customer');
	if (!isBlank(fields.channelId))
		body.channel_id = wholeNumberValue(this, i, fields.channelId, 'Channel', { min: 1 });
	for (const [field, key] of [
		['staffNotes', 'staff_notes'],
		['customerMessage', 'customer_message'],
		['paymentMethod', 'payment_method'],
		['externalOrderId', 'external_order_id'],
	]) {
		if (fields[field] !== undefined) body[key] = String(fields[field]);
	}
	if (fields.billingAddress !== undefined && fields.billingAddress !== '') {
		const raw = jsonValue(this, i, fields.billingAddress, 'Billing Address (JSON)', 'object', {
			example: '{"first_name": "Jane"}',
		}) as IDataObject;
		const address = readAddress(this, i, raw, 'Billing Address (JSON)', []);
		if (Object.keys(address).length) body.billing_address = address;
	}
	if (body.billing_address && !(body.billing_address as IDataObject).zip) {
		// BigCommerce wants the whole address (zip is required): merge the change into the current one
		const current = await fetchOrder(this, i, orderId);
		const existing = { ...((current?.billing_address ?? {}) as IDataObject) };
		delete existing.form_fields;
		body.billing_address = { ...existing, ...(body.billing_address as IDataObject) };
	}
	requireSomeChange(this, i, body);
	const order = (await bigCommerceApiRequest.call(this, {
		method: 'PUT',
		version: 'v2',
		path: `/orders/${orderId}`,
		body,
		scope: ORDERS_WRITE,
		itemIndex: i,
	})) as IDataObject;
	return toItems(this, withStatusName(order));
}
