import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest } from '../../transport';
import { findAddresses } from './helpers';
import { CUSTOMERS_WRITE } from '../../shared/scopes';
import { destructiveNotice } from '../../shared/properties';
import { fail, requireId } from '../../shared/validate';
import { toItems } from '../../shared/items';

export const option: OperationOption = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a customer address',
	description: 'Permanently delete a saved address (destructive)',
};

export const properties: INodeProperties[] = [
	destructiveNotice('This permanently deletes the saved address. It cannot be undone.'),
	{
		displayName: 'Address ID',
		name: 'addressId',
		type: 'number',
		required: true,
		default: 0,
		description:
			'ID of the customer address to delete permanently (see Customer Address → Get Many)',
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = requireId(this, i, 'addressId', 'Address ID');
	// BigCommerce answers 204 whether or not the ID exists: look first, so a wrong ID is reported
	const [address] = await findAddresses(this, i, { 'id:in': id });
	if (!address) fail(this, i, `No customer address with ID ${id} exists`, 'Nothing was deleted.');
	await bigCommerceApiRequest.call(this, {
		method: 'DELETE',
		version: 'v3',
		path: '/customers/addresses',
		qs: { 'id:in': id },
		scope: CUSTOMERS_WRITE,
		itemIndex: i,
	});
	return toItems(this, { id, customer_id: address.customer_id, deleted: true });
}
