import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest } from '../../transport';
import { checkStatusId, withStatusName } from './helpers';
import { ORDERS_WRITE } from '../../shared/scopes';
import { jsonValue, wholeNumberValue, emailValue, isBlank } from '../../shared/validate';
import { channelField, customerField, statusLocator } from '../../shared/locators';
import { toItems } from '../../shared/items';

export const addressFields: INodeProperties[] = [
	{ displayName: 'City', name: 'city', type: 'string', default: '' },
	{ displayName: 'Company', name: 'company', type: 'string', default: '' },
	{
		displayName: 'Country',
		name: 'country',
		type: 'string',
		default: '',
		placeholder: 'e.g. United States',
	},
	{
		displayName: 'Country Code',
		name: 'country_iso2',
		type: 'string',
		default: '',
		placeholder: 'e.g. US',
		description: 'Two-letter ISO 3166-1 country code',
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
	},
	{ displayName: 'First Name', name: 'first_name', type: 'string', default: '' },
	{ displayName: 'Last Name', name: 'last_name', type: 'string', default: '' },
	{ displayName: 'Phone', name: 'phone', type: 'string', default: '' },
	{ displayName: 'State', name: 'state', type: 'string', default: '', placeholder: 'e.g. Texas' },
	{ displayName: 'Street 1', name: 'street_1', type: 'string', default: '' },
	{ displayName: 'Street 2', name: 'street_2', type: 'string', default: '' },
	{ displayName: 'ZIP / Postal Code', name: 'zip', type: 'string', default: '' },
];

export const option: OperationOption = {
	name: 'Create',
	value: 'create',
	action: 'Create an order',
	description: 'Create an order with billing address and products',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Billing Address',
		name: 'billingAddress',
		type: 'collection',
		placeholder: 'Add Address Field',
		default: {},
		required: true,
		description:
			'Who pays. Needs first name, last name, street, city, ZIP and country (or country code); the email is the order email.',
		options: addressFields,
	},
	{
		displayName: 'Products (JSON)',
		name: 'products',
		type: 'json',
		default: '[{"product_id": 1, "quantity": 1}]',
		required: true,
		description:
			'Order lines: catalog products as {"product_id", "quantity"} (optionally "variant_id", "price_inc_tax", "price_ex_tax"), or custom lines as {"name", "quantity", "price_inc_tax", "price_ex_tax"}',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			channelField('The channel the order belongs to (1 is the default storefront)'),
			customerField('The registered customer placing the order (By ID 0: guest)'),
			{
				displayName: 'Customer Message',
				name: 'customerMessage',
				type: 'string',
				default: '',
				description: 'Message from the shopper, shown on the order',
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
				placeholder: 'e.g. Manual',
			},
			{
				displayName: 'Shipping Addresses (JSON)',
				name: 'shippingAddresses',
				type: 'json',
				default: '[]',
				description:
					'Shipping addresses as a JSON array of address objects (with optional "shipping_method"); when empty the order ships to the billing address',
			},
			{
				displayName: 'Staff Notes',
				name: 'staffNotes',
				type: 'string',
				default: '',
				description: 'Internal notes, not shown to the shopper',
			},
			statusLocator('The initial status (default Pending)'),
		],
	},
];

function fail(ctx: IExecuteFunctions, i: number, message: string, description?: string): never {
	throw new NodeOperationError(ctx.getNode(), `Item ${i}: ${message}`, {
		itemIndex: i,
		description,
	});
}

/** Validates an address collection; `required` lists the fields that must be filled. */
export function readAddress(
	ctx: IExecuteFunctions,
	i: number,
	raw: IDataObject,
	label: string,
	required: string[],
): IDataObject {
	const address: IDataObject = {};
	for (const [key, value] of Object.entries(raw ?? {})) {
		if (value === undefined || value === null || String(value).trim() === '') continue;
		address[key] = String(value).trim();
	}
	for (const key of required) {
		if (key === 'country' && (address.country || address.country_iso2)) continue;
		if (!address[key]) {
			fail(
				ctx,
				i,
				`"${label}" needs "${key}"`,
				'Fill in first name, last name, street 1, city, ZIP / postal code, country or country code, and email.',
			);
		}
	}
	if (address.country_iso2 !== undefined && !/^[A-Za-z]{2}$/.test(String(address.country_iso2))) {
		fail(
			ctx,
			i,
			`"${label}" Country Code must be two letters such as US; got "${address.country_iso2}"`,
		);
	}
	if (address.country_iso2) address.country_iso2 = String(address.country_iso2).toUpperCase();
	if (address.email !== undefined)
		address.email = emailValue(ctx, i, address.email, `${label} Email`);
	return address;
}

function readProducts(ctx: IExecuteFunctions, i: number): IDataObject[] {
	const products = jsonValue(
		ctx,
		i,
		ctx.getNodeParameter('products', i),
		'Products (JSON)',
		'array',
		{ example: '[{"product_id": 1, "quantity": 1}]' },
	) as unknown[];
	if (!products.length) fail(ctx, i, '"Products (JSON)" must list at least one order line');
	return products.map((entry, index) => {
		const where = `"Products (JSON)" line ${index + 1}`;
		if (!entry || typeof entry !== 'object' || Array.isArray(entry))
			fail(ctx, i, `${where} must be an object`);
		const line = entry as IDataObject;
		const quantity = line.quantity;
		if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1) {
			fail(ctx, i, `${where}: "quantity" must be a whole number of 1 or more`);
		}
		const out: IDataObject = { quantity };
		for (const key of ['price_inc_tax', 'price_ex_tax']) {
			if (line[key] === undefined) continue;
			if (typeof line[key] !== 'number' || (line[key] as number) < 0)
				fail(ctx, i, `${where}: "${key}" must be a number of 0 or more`);
			out[key] = line[key];
		}
		if (line.product_id !== undefined) {
			out.product_id = wholeNumberValue(ctx, i, line.product_id, `${where} product_id`, { min: 1 });
			if (line.variant_id !== undefined)
				out.variant_id = wholeNumberValue(ctx, i, line.variant_id, `${where} variant_id`, {
					min: 1,
				});
			if (line.product_options !== undefined) out.product_options = line.product_options;
			return out;
		}
		if (
			typeof line.name !== 'string' ||
			!line.name.trim() ||
			out.price_inc_tax === undefined ||
			out.price_ex_tax === undefined
		) {
			fail(
				ctx,
				i,
				`${where} needs "product_id", or "name", "price_inc_tax" and "price_ex_tax" for a custom line`,
			);
		}
		out.name = line.name.trim();
		if (typeof line.sku === 'string' && line.sku) out.sku = line.sku;
		return out;
	});
}

const REQUIRED_ADDRESS = ['first_name', 'last_name', 'street_1', 'city', 'zip', 'country', 'email'];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const billing = readAddress(
		this,
		i,
		this.getNodeParameter('billingAddress', i, {}) as IDataObject,
		'Billing Address',
		REQUIRED_ADDRESS,
	);
	const products = readProducts(this, i);
	const fields = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const body: IDataObject = { billing_address: billing, products };
	if (!isBlank(fields.customerId))
		body.customer_id = wholeNumberValue(this, i, fields.customerId, 'Customer');
	if (!isBlank(fields.channelId))
		body.channel_id = wholeNumberValue(this, i, fields.channelId, 'Channel', { min: 1 });
	if (fields.statusId !== undefined && fields.statusId !== '')
		body.status_id = checkStatusId(this, i, fields.statusId, 'Status');
	if (fields.staffNotes) body.staff_notes = String(fields.staffNotes);
	if (fields.customerMessage) body.customer_message = String(fields.customerMessage);
	if (fields.paymentMethod) body.payment_method = String(fields.paymentMethod);
	if (fields.externalOrderId) body.external_order_id = String(fields.externalOrderId);
	let shipping: IDataObject[] = [];
	if (fields.shippingAddresses !== undefined && fields.shippingAddresses !== '') {
		const list = jsonValue(
			this,
			i,
			fields.shippingAddresses,
			'Shipping Addresses (JSON)',
			'array',
			{ example: '[{"product_id": 1, "quantity": 1}]' },
		) as unknown[];
		shipping = list.map((entry, index) => {
			if (!entry || typeof entry !== 'object' || Array.isArray(entry))
				fail(this, i, `"Shipping Addresses (JSON)" entry ${index + 1} must be an object`);
			const { shipping_method: method, ...rest } = entry as IDataObject;
			const address = readAddress(this, i, rest, `Shipping address ${index + 1}`, [
				'first_name',
				'last_name',
				'street_1',
				'city',
				'zip',
				'country',
			]);
			if (method !== undefined) address.shipping_method = String(method);
			return address;
		});
	}
	body.shipping_addresses = shipping.length ? shipping : [{ ...billing }];
	const order = (await bigCommerceApiRequest.call(this, {
		method: 'POST',
		version: 'v2',
		path: '/orders',
		body,
		scope: ORDERS_WRITE,
		itemIndex: i,
	})) as IDataObject;
	return toItems(this, withStatusName(order));
}
