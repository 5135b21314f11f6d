import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest } from '../../transport';
import { customerIdOf, readCustomerRef } from '../customer/helpers';
import { addressBody, findAddresses, optionalAddressFields, sameAddress } from './helpers';
import { CUSTOMERS_WRITE } from '../../shared/scopes';
import { customerLocator } from '../../shared/locators';
import { toItems } from '../../shared/items';

export const option: OperationOption = {
	name: 'Create',
	value: 'create',
	action: 'Create a customer address',
	description: "Add an address to a customer's address book",
};

export const properties: INodeProperties[] = [
	customerLocator({ description: 'The customer the address belongs to' }),
	{ displayName: 'First Name', name: 'firstName', type: 'string', required: true, default: '' },
	{ displayName: 'Last Name', name: 'lastName', type: 'string', required: true, default: '' },
	{
		displayName: 'Address Line 1',
		name: 'address1',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 1 Main Street',
	},
	{ displayName: 'City', name: 'city', type: 'string', required: true, default: '' },
	{
		displayName: 'State or Province',
		name: 'stateOrProvince',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Texas',
		description: 'The full state or province name',
	},
	{ displayName: 'Postal Code', name: 'postalCode', type: 'string', required: true, default: '' },
	{
		displayName: 'Country Code',
		name: 'countryCode',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. US',
		description: 'Two-letter ISO 3166-1 country code',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: optionalAddressFields,
	},
];

const REQUIRED = [
	'firstName',
	'lastName',
	'address1',
	'city',
	'stateOrProvince',
	'postalCode',
	'countryCode',
];

/** Items at once (see OperationModule.itemsInParallel). BigCommerce allows 10 concurrent POST /v3/customers/addresses (customers.v3.yml). */
export const itemsInParallel = 10;

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const ref = readCustomerRef(this, i)!;
	const fields: IDataObject = {
		...(this.getNodeParameter('additionalFields', i, {}) as IDataObject),
	};
	for (const key of REQUIRED) fields[key] = this.getNodeParameter(key, i, '') as string;
	const address = addressBody(this, i, fields, REQUIRED);
	const customerId = await customerIdOf(this, i, ref);
	const created = (await bigCommerceApiRequest.call(this, {
		method: 'POST',
		version: 'v3',
		path: '/customers/addresses',
		body: [{ ...address, customer_id: customerId }],
		scope: CUSTOMERS_WRITE,
		itemIndex: i,
	})) as IDataObject[];
	if (Array.isArray(created) && created.length)
		return toItems(this, { ...created[0], already_existed: false });
	// BigCommerce answers 200 without the address when the customer already has an identical one
	const existing = (
		await findAddresses(this, i, { 'customer_id:in': customerId, limit: 250 })
	).find((a) => sameAddress(a, address));
	return toItems(
		this,
		existing
			? { ...existing, already_existed: true }
			: { customer_id: customerId, ...address, already_existed: true },
	);
}
