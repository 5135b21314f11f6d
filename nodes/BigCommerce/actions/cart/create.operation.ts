import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest } from '../../transport';
import { lineItemsProperties, readLineItems, simplifyCart } from './helpers';
import { CART_WRITE } from '../../shared/scopes';
import { wholeNumberValue, fail, isBlank, locatorValue } from '../../shared/validate';
import { channelField, customerField } from '../../shared/locators';
import { toItems } from '../../shared/items';

export const option: OperationOption = {
	name: 'Create',
	value: 'create',
	action: 'Create a cart',
	description: 'Create a cart with line items, for a customer or a guest',
};

export const properties: INodeProperties[] = [
	...lineItemsProperties(),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			channelField('The channel (storefront) the cart belongs to; 1 is the default storefront'),
			{
				displayName: 'Currency Code',
				name: 'currencyCode',
				type: 'string',
				default: '',
				placeholder: 'e.g. USD',
				description: "ISO 4217 currency of the cart (empty: the channel's default)",
			},
			customerField('The customer the cart belongs to (empty or By ID 0: a guest cart)'),
			{
				displayName: 'Locale',
				name: 'locale',
				type: 'string',
				default: '',
				placeholder: 'e.g. en',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Include Redirect URLs',
				name: 'includeRedirectUrls',
				type: 'boolean',
				default: false,
				description:
					'Whether to also create cart and checkout links for the shopper (redirect_urls)',
			},
			{
				displayName: 'Simplify',
				name: 'simplify',
				type: 'boolean',
				default: false,
				description:
					'Whether to return a compact cart: totals, shopper and one flat list of line items',
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const lineItems = readLineItems(this, i);
	const fields = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const body: IDataObject = { line_items: lineItems };
	if (!isBlank(fields.customerId)) {
		const customerId = wholeNumberValue(this, i, locatorValue(fields.customerId), 'Customer');
		if (customerId !== 0) body.customer_id = customerId;
	}
	if (!isBlank(fields.channelId))
		body.channel_id = wholeNumberValue(this, i, locatorValue(fields.channelId), 'Channel', {
			min: 1,
		});
	if (fields.currencyCode !== undefined && String(fields.currencyCode).trim()) {
		const code = String(fields.currencyCode).trim().toUpperCase();
		if (!/^[A-Z]{3}$/.test(code))
			fail(
				this,
				i,
				`"Currency Code" must be a three-letter ISO 4217 code such as USD; got "${code}"`,
			);
		body.currency = { code };
	}
	if (fields.locale !== undefined && String(fields.locale).trim())
		body.locale = String(fields.locale).trim();
	const cart = (await bigCommerceApiRequest.call(this, {
		method: 'POST',
		version: 'v3',
		path: '/carts',
		qs: options.includeRedirectUrls ? { include: 'redirect_urls' } : undefined,
		body,
		scope: CART_WRITE,
		itemIndex: i,
	})) as IDataObject;
	return toItems(this, options.simplify ? simplifyCart(cart) : cart);
}
