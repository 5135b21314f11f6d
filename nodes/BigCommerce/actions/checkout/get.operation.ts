import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { bigCommerceApiRequest } from '../../transport';
import { requireUuid, toItems } from '../common';

/** Upstream spells the scope two ways (checkouts spec: store_checkouts; scope docs: store_checkout). */
export const CHECKOUT_READ = 'store_checkouts_read_only (listed as "Checkouts" read-only; some BigCommerce docs spell it store_checkout_read_only)';

const properties: INodeProperties[] = [
	{
		displayName: 'Checkout ID',
		name: 'checkoutId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 8a3b2c1d-0e9f-4a8b-9c7d-6e5f4a3b2c1d',
		description: 'The checkout\'s UUID, which is the ID of its cart',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Include Available Shipping Options',
				name: 'includeShippingOptions',
				type: 'boolean',
				default: false,
				description: 'Whether to include the shipping options available to each consignment',
			},
			{
				displayName: 'Include Product Options',
				name: 'includeOptions',
				type: 'boolean',
				default: false,
				description: 'Whether to include the chosen product options (size, color...) of each line item',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['checkout'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const checkoutId = requireUuid(this, i, 'checkoutId', 'Checkout ID');
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const include: string[] = [];
	if (options.includeOptions) {
		include.push('cart.line_items.physical_items.options', 'cart.line_items.digital_items.options');
	}
	if (options.includeShippingOptions) include.push('consignments.available_shipping_options');
	const checkout = (await bigCommerceApiRequest.call(this, {
		method: 'GET',
		version: 'v3',
		path: `/checkouts/${checkoutId}`,
		qs: include.length ? { include: include.join(',') } : undefined,
		scope: CHECKOUT_READ,
		itemIndex: i,
	})) as IDataObject;
	return toItems(this, checkout);
}
