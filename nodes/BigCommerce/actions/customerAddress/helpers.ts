import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { findCustomerRecords } from '../customer/helpers';
import { fail } from '../../shared/validate';

/** The address fields BigCommerce compares to decide that two addresses are the same. */
export const ADDRESS_KEYS = [
	'first_name',
	'last_name',
	'company',
	'address1',
	'address2',
	'city',
	'state_or_province',
	'postal_code',
	'country_code',
	'phone',
	'address_type',
] as const;

/** Optional address fields (Create: additional fields; Update: with the required ones). */
export const optionalAddressFields: INodeProperties[] = [
	{
		displayName: 'Address Line 2',
		name: 'address2',
		type: 'string',
		default: '',
		placeholder: 'e.g. Suite 200',
	},
	{
		displayName: 'Address Type',
		name: 'addressType',
		type: 'options',
		default: 'residential',
		options: [
			{ name: 'Commercial', value: 'commercial' },
			{ name: 'Residential', value: 'residential' },
		],
	},
	{
		displayName: 'Company',
		name: 'company',
		type: 'string',
		default: '',
	},
	{
		displayName: 'Phone',
		name: 'phone',
		type: 'string',
		default: '',
	},
];

/** Required address fields as update fields (all optional there). */
export const requiredAddressFieldsForUpdate: INodeProperties[] = [
	{ displayName: 'Address Line 1', name: 'address1', type: 'string', default: '' },
	{ displayName: 'City', name: 'city', type: 'string', default: '' },
	{
		displayName: 'Country Code',
		name: 'countryCode',
		type: 'string',
		default: '',
		placeholder: 'e.g. US',
		description: 'Two-letter ISO 3166-1 country code',
	},
	{ displayName: 'First Name', name: 'firstName', type: 'string', default: '' },
	{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
	{ displayName: 'Postal Code', name: 'postalCode', type: 'string', default: '' },
	{
		displayName: 'State or Province',
		name: 'stateOrProvince',
		type: 'string',
		default: '',
		placeholder: 'e.g. Texas',
	},
];

const API_NAMES: Record<string, string> = {
	firstName: 'first_name',
	lastName: 'last_name',
	address1: 'address1',
	address2: 'address2',
	city: 'city',
	stateOrProvince: 'state_or_province',
	postalCode: 'postal_code',
	countryCode: 'country_code',
	company: 'company',
	phone: 'phone',
	addressType: 'address_type',
};

const LABELS: Record<string, string> = {
	firstName: 'First Name',
	lastName: 'Last Name',
	address1: 'Address Line 1',
	city: 'City',
	stateOrProvince: 'State or Province',
	postalCode: 'Postal Code',
	countryCode: 'Country Code',
};

/**
 * Builds the API address from node fields. `required` fields must be non-empty; the others are sent
 * when present. Validates the country code (2 letters) and the address type.
 */
export function addressBody(
	ctx: IExecuteFunctions,
	i: number,
	fields: IDataObject,
	required: string[],
): IDataObject {
	const body: IDataObject = {};
	for (const [key, api] of Object.entries(API_NAMES)) {
		const value = fields[key];
		if (value === undefined || value === null) {
			if (required.includes(key)) fail(ctx, i, `"${LABELS[key]}" is required`);
			continue;
		}
		const text = String(value).trim();
		if (!text && (required.includes(key) || LABELS[key])) {
			fail(ctx, i, `"${LABELS[key] ?? key}" must not be empty`);
		}
		body[api] = text;
	}
	if (body.country_code !== undefined) {
		const code = String(body.country_code);
		if (!/^[A-Za-z]{2}$/.test(code)) {
			fail(
				ctx,
				i,
				`"Country Code" must be a two-letter ISO country code such as US or GB; got "${code}"`,
			);
		}
		body.country_code = code.toUpperCase();
	}
	if (
		body.address_type !== undefined &&
		!['residential', 'commercial'].includes(String(body.address_type))
	) {
		fail(
			ctx,
			i,
			`"Address Type" must be residential or commercial; got "${String(body.address_type)}"`,
		);
	}
	return body;
}

/** Reads addresses with `id:in` / `customer_id:in` (the V3 list is the only way to read one). */
export async function findAddresses(
	ctx: IExecuteFunctions,
	i: number,
	qs: IDataObject,
): Promise<IDataObject[]> {
	return await findCustomerRecords(ctx, i, '/customers/addresses', qs);
}

/** Whether two addresses hold the same values for the fields BigCommerce compares. */
export function sameAddress(a: IDataObject, b: IDataObject): boolean {
	const norm = (v: unknown) =>
		String(v ?? '')
			.trim()
			.toLowerCase();
	return ADDRESS_KEYS.every((key) => {
		if (b[key] === undefined) return true;
		return norm(a[key]) === norm(b[key]);
	});
}
