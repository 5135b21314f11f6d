import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest } from '../../transport';
import {
	customerBody,
	customerFields,
	customerIdOf,
	readCustomerRef,
	withGroupNames,
} from './helpers';
import { CUSTOMERS_WRITE } from '../../shared/scopes';
import { sortByName } from '../../shared/properties';
import { customerLocator } from '../../shared/locators';
import { fail, requireSomeChange } from '../../shared/validate';
import { toItems } from '../../shared/items';

export const option: OperationOption = {
	name: 'Update',
	value: 'update',
	action: 'Update a customer',
	description: "Change a customer's details, group or password",
};

export const properties: INodeProperties[] = [
	customerLocator(),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: sortByName([
			...customerFields,
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				placeholder: 'e.g. jane@example.com',
				default: '',
			},
			{
				displayName: 'First Name',
				name: 'firstName',
				type: 'string',
				default: '',
			},
			{
				displayName: 'Last Name',
				name: 'lastName',
				type: 'string',
				default: '',
			},
		]),
	},
];

/** Items at once (see OperationModule.itemsInParallel). BigCommerce allows 3 concurrent PUT /v3/customers (customers.v3.yml). */
export const itemsInParallel = 3;

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const ref = readCustomerRef(this, i)!;
	const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
	const body = customerBody(this, i, fields);
	requireSomeChange(this, i, body);
	const id = await customerIdOf(this, i, ref);
	const updated = (await bigCommerceApiRequest.call(this, {
		method: 'PUT',
		version: 'v3',
		path: '/customers',
		body: [{ id, ...body }],
		scope: CUSTOMERS_WRITE,
		itemIndex: i,
	})) as IDataObject[];
	const [customer] = Array.isArray(updated) ? updated : [];
	if (!customer) fail(this, i, `BigCommerce did not return customer ${id} after the update`);
	return toItems(this, await withGroupNames(this, i, [customer]));
}
