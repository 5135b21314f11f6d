import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { bigCommerceApiRequest } from '../../transport';
import { destructiveNotice, fail, requireId, toItems } from '../common';
import { CUSTOMERS_WRITE } from '../customer/shared';
import { findAddresses } from './shared';

const properties: INodeProperties[] = [
	destructiveNotice('This permanently deletes the saved address. It cannot be undone.'),
	{
		displayName: 'Address ID',
		name: 'addressId',
		type: 'number',
		required: true,
		default: 0,
		description: 'ID of the customer address to delete permanently (see Customer Address → Get Many)',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customerAddress'], operation: ['delete'] } },
	properties,
);

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
