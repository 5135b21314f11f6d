import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest } from '../../transport';
import { checkState, listingStateOptions, listingTexts, optionalListingFields } from './helpers';
import { locator, requireLocatorId, channelLocator } from '../../shared/locators';
import { CHANNEL_LISTINGS_WRITE } from '../../shared/scopes';
import { idListValue, requireId } from '../../shared/validate';
import { toItems } from '../../shared/items';

export const option: OperationOption = {
	name: 'Create',
	value: 'create',
	action: 'Create a channel listing',
	description: 'List a product (and some of its variants) on a channel',
};

export const properties: INodeProperties[] = [
	channelLocator('The channel to list the product on'),
	locator('product', {
		description:
			'The catalog product to list: pick it from the list, or give its ID or control-panel URL',
	}),
	{
		displayName: 'Variant IDs',
		name: 'variantIds',
		type: 'string',
		default: '',
		placeholder: '101, 102',
		description:
			"Comma-separated IDs of the product's variants to list (each gets the listing's state)",
	},
	{
		displayName: 'State',
		name: 'state',
		type: 'options',
		options: listingStateOptions,
		default: 'active',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: optionalListingFields,
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const channelId = requireId(this, i, 'channelId', 'Channel');
	const productId = requireLocatorId(this, i, 'product');
	const variantIds = idListValue(
		this,
		i,
		this.getNodeParameter('variantIds', i, ''),
		'Variant IDs',
		{ allowEmpty: true },
	);
	const state = checkState(this, i, this.getNodeParameter('state', i));
	const listing: IDataObject = {
		product_id: productId,
		state,
		...listingTexts(this.getNodeParameter('additionalFields', i, {}) as IDataObject),
		variants: variantIds.map((variantId) => ({
			product_id: productId,
			variant_id: variantId,
			state,
		})),
	};
	const saved = (await bigCommerceApiRequest.call(this, {
		method: 'POST',
		version: 'v3',
		path: `/channels/${channelId}/listings`,
		body: [listing],
		scope: CHANNEL_LISTINGS_WRITE,
		itemIndex: i,
	})) as IDataObject[];
	return toItems(this, Array.isArray(saved) ? saved : [saved]);
}
