import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest } from '../../transport';
import { customerBody, customerFields, withGroupNames } from './helpers';
import { CUSTOMERS_WRITE } from '../../shared/scopes';
import { sortByName } from '../../shared/properties';
import { jsonValue, fail, requireEmail, requireString } from '../../shared/validate';
import { toItems } from '../../shared/items';

export const option: OperationOption = {
	name: 'Create',
	value: 'create',
	action: 'Create a customer',
	description: 'Create a customer account, optionally with addresses',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'e.g. jane@example.com',
		required: true,
		default: '',
		description: "The customer's email address (unique in the store)",
	},
	{
		displayName: 'First Name',
		name: 'firstName',
		type: 'string',
		required: true,
		default: '',
	},
	{
		displayName: 'Last Name',
		name: 'lastName',
		type: 'string',
		required: true,
		default: '',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: sortByName([
			...customerFields,
			{
				displayName: 'Addresses (JSON)',
				name: 'addresses',
				type: 'json',
				default: '[]',
				description:
					'Up to 10 addresses, e.g. [{"first_name": "Jane", "last_name": "Doe", "address1": "1 Main St", "city": "Austin", "state_or_province": "Texas", "postal_code": "78701", "country_code": "US"}]',
			},
		]),
	},
];

const ADDRESS_REQUIRED = ['first_name', 'last_name', 'address1', 'city', 'country_code'];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const email = requireEmail(this, i, 'email', 'Email');
	const fields = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const body: IDataObject = {
		...customerBody(this, i, {
			...fields,
			email,
			firstName: requireString(this, i, 'firstName', 'First Name'),
			lastName: requireString(this, i, 'lastName', 'Last Name'),
		}),
	};
	if (
		fields.addresses !== undefined &&
		String(fields.addresses).trim() !== '' &&
		String(fields.addresses).trim() !== '[]'
	) {
		const addresses = jsonValue(this, i, fields.addresses, 'Addresses (JSON)', 'array');
		if (addresses.length > 10) fail(this, i, '"Addresses (JSON)" may hold at most 10 addresses');
		addresses.forEach((address, index) => {
			if (!address || typeof address !== 'object' || Array.isArray(address)) {
				fail(this, i, `"Addresses (JSON)" entry ${index + 1} must be an object`);
			}
			const missing = ADDRESS_REQUIRED.filter((key) => !String(address[key] ?? '').trim());
			if (missing.length) {
				fail(this, i, `"Addresses (JSON)" entry ${index + 1} is missing ${missing.join(', ')}`);
			}
			if (!/^[A-Za-z]{2}$/.test(String(address.country_code))) {
				fail(
					this,
					i,
					`"Addresses (JSON)" entry ${index + 1}: country_code must be a 2-letter ISO code such as US`,
				);
			}
		});
		body.addresses = addresses;
	}
	const created = (await bigCommerceApiRequest.call(this, {
		method: 'POST',
		version: 'v3',
		path: '/customers',
		body: [body],
		scope: CUSTOMERS_WRITE,
		itemIndex: i,
	})) as IDataObject[];
	return toItems(
		this,
		await withGroupNames(this, i, Array.isArray(created) ? created.slice(0, 1) : []),
	);
}
