import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest } from '../../transport';
import {
	addressBody,
	findAddresses,
	optionalAddressFields,
	requiredAddressFieldsForUpdate,
} from './helpers';
import { CUSTOMERS_WRITE } from '../../shared/scopes';
import { sortByName } from '../../shared/properties';
import { fail, requireId, requireSomeChange } from '../../shared/validate';
import { toItems } from '../../shared/items';

export const option: OperationOption = {
	name: 'Update',
	value: 'update',
	action: 'Update a customer address',
	description: 'Change a saved address',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Address ID',
		name: 'addressId',
		type: 'number',
		required: true,
		default: 0,
		description: 'ID of the customer address (see Customer Address → Get Many)',
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: sortByName([...requiredAddressFieldsForUpdate, ...optionalAddressFields]),
	},
];

/** Items at once (see OperationModule.itemsInParallel). BigCommerce allows 3 concurrent PUT /v3/customers/addresses (customers.v3.yml). */
export const itemsInParallel = 3;

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = requireId(this, i, 'addressId', 'Address ID');
	const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
	const body = addressBody(this, i, fields, []);
	requireSomeChange(this, i, body);
	const updated = (await bigCommerceApiRequest.call(this, {
		method: 'PUT',
		version: 'v3',
		path: '/customers/addresses',
		body: [{ id, ...body }],
		scope: CUSTOMERS_WRITE,
		itemIndex: i,
	})) as IDataObject[];
	if (Array.isArray(updated) && updated.length)
		return toItems(this, { ...updated[0], updated: true });
	// BigCommerce answers 200 without the address when it does not exist, or when the change would
	// make it identical to another address of the same customer (then nothing changes)
	const [current] = await findAddresses(this, i, { 'id:in': id });
	if (!current) fail(this, i, `No customer address with ID ${id} exists`);
	return toItems(this, {
		...current,
		updated: false,
		message:
			'BigCommerce left the address unchanged: the change would make it identical to another address of the same customer.',
	});
}
