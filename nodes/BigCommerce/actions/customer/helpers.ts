import type {
	IDataObject,
	IExecuteFunctions,
	INodeParameterResourceLocator,
	INodeProperties,
} from 'n8n-workflow';

import { bigCommerceApiRequest } from '../../transport';
import { CUSTOMERS_READ } from '../../shared/scopes';
import { wholeNumberValue, asPositiveId, fail, idListValue, isEmail } from '../../shared/validate';

/** BigCommerce accepts at most this many customers per create/update call. */
export const CUSTOMER_BATCH_LIMIT = 10;

/** A customer reference read and validated from the locator; no request is sent yet. */
export type CustomerRef = { id: number; email?: undefined } | { id?: undefined; email: string };

/**
 * Reads the customer locator. Returns undefined when `optional` and the field is empty.
 * Validation only: an email is turned into an ID later by `customerIdOf` (after every other
 * parameter of the item has been checked).
 */
export function readCustomerRef(
	ctx: IExecuteFunctions,
	i: number,
	name = 'customerId',
	optional = false,
): CustomerRef | undefined {
	const raw = ctx.getNodeParameter(name, i, '') as INodeParameterResourceLocator | string | number;
	const isLocator = raw !== null && typeof raw === 'object';
	const mode = isLocator ? (raw as INodeParameterResourceLocator).mode : 'id';
	const value = isLocator ? (raw as INodeParameterResourceLocator).value : raw;
	const text = String(value ?? '').trim();
	if (!text) {
		if (optional) return undefined;
		fail(
			ctx,
			i,
			'"Customer" is required',
			'Pick a customer from the list, or enter its ID (e.g. 42) or email address.',
		);
	}
	if (mode === 'email' || (mode !== 'id' && text.includes('@'))) {
		if (!isEmail(text)) {
			fail(ctx, i, `"Customer" must be an email address such as jane@example.com; got "${text}"`);
		}
		return { email: text };
	}
	const id = asPositiveId(text);
	if (id === undefined) {
		fail(
			ctx,
			i,
			`"Customer" must be a customer ID (a positive whole number such as 42) or an email address; got "${text}"`,
		);
	}
	return { id };
}

/**
 * One page of a V3 customers list (`/customers`, `/customers/addresses`) as records: V3 has no
 * single-customer or single-address endpoint, so reads go through `id:in` / `email:in` filters.
 */
export async function findCustomerRecords(
	ctx: IExecuteFunctions,
	i: number,
	path: '/customers' | '/customers/addresses',
	qs: IDataObject,
): Promise<IDataObject[]> {
	const data = await bigCommerceApiRequest.call(ctx, {
		method: 'GET',
		version: 'v3',
		path,
		qs,
		scope: CUSTOMERS_READ,
		itemIndex: i,
	});
	return Array.isArray(data) ? (data as IDataObject[]) : [];
}

/** Finds customers by ID or email (`id:in` / `email:in`). */
export async function findCustomers(
	ctx: IExecuteFunctions,
	i: number,
	qs: IDataObject,
): Promise<IDataObject[]> {
	return await findCustomerRecords(ctx, i, '/customers', qs);
}

/**
 * The ID of a customer record BigCommerce returned for a look-up, checked: a record without a
 * positive whole-number `id` is a clear error, so a request never goes out with the ID missing
 * (a `DELETE /v3/customers` without `id:in`, an `"id": null` body, `customer_id:in=NaN`).
 */
export function lookedUpCustomerId(
	ctx: IExecuteFunctions,
	i: number,
	customer: IDataObject,
	lookedUpBy: string,
): number {
	const id = asPositiveId(customer.id);
	if (id === undefined) {
		fail(
			ctx,
			i,
			`BigCommerce returned the customer ${lookedUpBy} without a valid customer ID (got ${JSON.stringify(customer.id) ?? 'none'})`,
			'Nothing was sent: every customer request needs a positive whole-number ID. Try again, or address the customer by ID.',
		);
	}
	return id;
}

/**
 * Resolves a customer reference to its ID: the typed ID as is, or the ID of the customer an
 * email address finds (checked by lookedUpCustomerId).
 */
export async function customerIdOf(
	ctx: IExecuteFunctions,
	i: number,
	ref: CustomerRef,
): Promise<number> {
	if (ref.id !== undefined) return ref.id;
	const [customer] = await findCustomers(ctx, i, { 'email:in': ref.email, limit: 1 });
	if (!customer) {
		fail(ctx, i, `No customer has the email address "${ref.email}"`);
	}
	return lookedUpCustomerId(ctx, i, customer, `with the email address "${ref.email}"`);
}

/** Customer group names by ID, fetched once per execution (V2 /customer_groups, same scope). */
const groupNameCache = new WeakMap<object, Promise<Map<number, string>>>();

export async function customerGroupNames(
	ctx: IExecuteFunctions,
	i: number,
): Promise<Map<number, string>> {
	let cached = groupNameCache.get(ctx);
	if (!cached) {
		cached = (async () => {
			const names = new Map<number, string>();
			for (let page = 1; page <= 20; page++) {
				const groups = await bigCommerceApiRequest.call(ctx, {
					method: 'GET',
					version: 'v2',
					path: '/customer_groups',
					qs: { page, limit: 250 },
					scope: CUSTOMERS_READ,
					itemIndex: i,
				});
				const list = Array.isArray(groups) ? (groups as IDataObject[]) : [];
				for (const group of list) names.set(Number(group.id), String(group.name ?? ''));
				if (list.length < 250) break;
			}
			return names;
		})();
		groupNameCache.set(ctx, cached);
		// a failed lookup is not remembered: the next item tries again
		cached.catch(() => groupNameCache.delete(ctx));
	}
	return await cached;
}

/** Adds `customer_group_name` beside `customer_group_id` (0 = no group). */
export async function withGroupNames(
	ctx: IExecuteFunctions,
	i: number,
	customers: IDataObject[],
): Promise<IDataObject[]> {
	if (!customers.some((c) => Number(c.customer_group_id) > 0)) {
		return customers.map((c) => ({ ...c, customer_group_name: null }));
	}
	const names = await customerGroupNames(ctx, i);
	return customers.map((customer) => {
		const out: IDataObject = {};
		for (const [key, value] of Object.entries(customer)) {
			out[key] = value;
			if (key === 'customer_group_id') {
				out.customer_group_name = Number(value) > 0 ? (names.get(Number(value)) ?? null) : null;
			}
		}
		return out;
	});
}

/** The include= values for the customer options. */
export function includeList(options: IDataObject): string | undefined {
	const include: string[] = [];
	if (options.includeAddresses !== false) include.push('addresses');
	if (options.includeStoreCredit) include.push('storecredit');
	if (options.includeAttributes) include.push('attributes');
	if (options.includeFormFields) include.push('formfields');
	return include.length ? include.join(',') : undefined;
}

/** The "Include" options shared by Get and Get Many. */
export const includeOptions: INodeProperties[] = [
	{
		displayName: 'Include Addresses',
		name: 'includeAddresses',
		type: 'boolean',
		default: true,
		description: "Whether to include the customer's saved addresses",
	},
	{
		displayName: 'Include Attributes',
		name: 'includeAttributes',
		type: 'boolean',
		default: false,
		description: "Whether to include the customer's attribute values",
	},
	{
		displayName: 'Include Form Fields',
		name: 'includeFormFields',
		type: 'boolean',
		default: false,
		description: "Whether to include the values of the store's custom account form fields",
	},
	{
		displayName: 'Include Store Credit',
		name: 'includeStoreCredit',
		type: 'boolean',
		default: false,
		description: "Whether to include the customer's store credit amounts",
	},
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: false,
		description:
			'Whether to return a compact customer: ID, name, email, phone, company, group (ID and name), dates, and each address as one line',
	},
];

/** A compact customer for agents and messages (after withGroupNames). */
export function simplifyCustomer(customer: IDataObject): IDataObject {
	const addresses = Array.isArray(customer.addresses)
		? (customer.addresses as IDataObject[])
		: undefined;
	const line = (a: IDataObject) =>
		[a.address1, a.address2, a.city, a.state_or_province, a.postal_code, a.country_code]
			.filter((part) => part !== undefined && part !== null && String(part).trim() !== '')
			.join(', ');
	return {
		id: customer.id,
		first_name: customer.first_name,
		last_name: customer.last_name,
		email: customer.email,
		phone: customer.phone || null,
		company: customer.company || null,
		customer_group_id: customer.customer_group_id,
		customer_group_name: customer.customer_group_name ?? null,
		date_created: customer.date_created,
		date_modified: customer.date_modified,
		...(addresses ? { addresses: addresses.map((a) => ({ id: a.id, address: line(a) })) } : {}),
	};
}

/** Customer fields shared by Create (additional fields) and Update (update fields). */
export const customerFields: INodeProperties[] = [
	{
		displayName: 'Accepts Abandoned Cart and Review Emails',
		name: 'acceptsMarketingEmails',
		type: 'boolean',
		default: false,
		description: 'Whether the customer accepts product review and abandoned cart emails',
	},
	{
		displayName: 'Channel IDs',
		name: 'channelIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. 1,2',
		description:
			'Comma-separated IDs of the channels the customer can sign in to (empty: every channel that allows global logins)',
	},
	{
		displayName: 'Company',
		name: 'company',
		type: 'string',
		default: '',
	},
	{
		displayName: 'Customer Group ID',
		name: 'customerGroupId',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'ID of the customer group (0 = no group). See Customer Group → Get Many.',
	},
	{
		displayName: 'Force Password Reset',
		name: 'forcePasswordReset',
		type: 'boolean',
		default: false,
		description: 'Whether the customer must choose a new password at the next sign-in',
	},
	{
		displayName: 'Notes',
		name: 'notes',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'Staff notes about the customer (not shown to the shopper)',
	},
	{
		displayName: 'Password',
		name: 'password',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description: "A new password for the customer's storefront account",
	},
	{
		displayName: 'Phone',
		name: 'phone',
		type: 'string',
		default: '',
	},
	{
		displayName: 'Tax Exempt Category',
		name: 'taxExemptCategory',
		type: 'string',
		default: '',
		description: 'The tax exemption code, e.g. "W" for wholesale',
	},
];

/** Turns the Create/Update field collection into the API body, validating every value. */
export function customerBody(ctx: IExecuteFunctions, i: number, fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	const text = (key: string, api: string) => {
		if (fields[key] === undefined) return;
		body[api] = String(fields[key]);
	};
	if (fields.email !== undefined) {
		const email = String(fields.email).trim();
		if (!isEmail(email))
			fail(ctx, i, `"Email" must be an email address such as jane@example.com; got "${email}"`);
		body.email = email;
	}
	for (const [key, api, label] of [
		['firstName', 'first_name', 'First Name'],
		['lastName', 'last_name', 'Last Name'],
	] as const) {
		if (fields[key] === undefined) continue;
		const value = String(fields[key]).trim();
		if (!value) fail(ctx, i, `"${label}" must not be empty`);
		if (value.length > 100) fail(ctx, i, `"${label}" must be at most 100 characters`);
		body[api] = value;
	}
	text('company', 'company');
	text('phone', 'phone');
	text('notes', 'notes');
	text('taxExemptCategory', 'tax_exempt_category');
	if (fields.customerGroupId !== undefined) {
		body.customer_group_id = wholeNumberValue(ctx, i, fields.customerGroupId, 'Customer Group ID');
	}
	if (fields.acceptsMarketingEmails !== undefined) {
		body.accepts_product_review_abandoned_cart_emails = Boolean(fields.acceptsMarketingEmails);
	}
	if (fields.channelIds !== undefined && String(fields.channelIds).trim() !== '') {
		const ids = idListValue(ctx, i, fields.channelIds, 'Channel IDs', {
			allowZero: true,
			allowEmpty: true,
		});
		if (ids.some((id) => id < 1)) fail(ctx, i, '"Channel IDs" must be positive whole numbers');
		body.channel_ids = ids;
	}
	const authentication: IDataObject = {};
	if (fields.password !== undefined && String(fields.password) !== '') {
		const password = String(fields.password);
		if (password.length < 7) fail(ctx, i, '"Password" must be at least 7 characters long');
		authentication.new_password = password;
	}
	if (fields.forcePasswordReset !== undefined) {
		authentication.force_password_reset = Boolean(fields.forcePasswordReset);
	}
	if (Object.keys(authentication).length) body.authentication = authentication;
	return body;
}
