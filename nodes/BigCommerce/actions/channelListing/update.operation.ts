import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest } from '../../transport';
import {
	checkState,
	fetchListing,
	listingIdProperty,
	listingStateOptions,
	listingTexts,
	optionalListingFields,
} from './helpers';
import { CHANNEL_LISTINGS_WRITE } from '../../shared/scopes';
import { idListValue, requireId, requireSomeFields } from '../../shared/validate';
import { channelLocator } from '../../shared/locators';
import { toItems } from '../../shared/items';
import { sortByName } from '../../shared/properties';

export const option: OperationOption = {
	name: 'Update',
	value: 'update',
	action: 'Update a channel listing',
	description: "Change a listing's state, name or description, or add variants",
};

export const properties: INodeProperties[] = [
	channelLocator(),
	listingIdProperty,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: sortByName<INodeProperties>([
			...optionalListingFields,
			{
				displayName: 'Add Variant IDs',
				name: 'addVariantIds',
				type: 'string',
				default: '',
				placeholder: '103, 104',
				description: 'Comma-separated variant IDs to add to the listing',
			},
			{
				displayName: 'State',
				name: 'state',
				type: 'options',
				options: listingStateOptions,
				default: 'active',
				description:
					'New state of the listing; its variants follow unless "Apply State to Variants" is off',
			},
		]),
	},
	{
		displayName: 'Apply State to Variants',
		name: 'applyStateToVariants',
		type: 'boolean',
		default: true,
		description: 'Whether a new state also applies to the variants already on the listing',
	},
];

/** Items at once (see OperationModule.itemsInParallel). Reads the listing and writes it back merged: items that change the same listing must not interleave. */
export const itemsInParallel = 1;

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const channelId = requireId(this, i, 'channelId', 'Channel');
	const listingId = requireId(this, i, 'listingId', 'Listing ID');
	const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
	requireSomeFields(this, i, fields);
	const newState = fields.state !== undefined ? checkState(this, i, fields.state) : undefined;
	const addVariantIds =
		fields.addVariantIds !== undefined && fields.addVariantIds !== ''
			? idListValue(this, i, fields.addVariantIds, 'Add Variant IDs')
			: [];
	const applyToVariants = this.getNodeParameter('applyStateToVariants', i, true) as boolean;

	// PUT needs product_id, state and variants: they come from the current listing
	const current = await fetchListing(this, i, channelId, listingId, CHANNEL_LISTINGS_WRITE);
	const productId = Number(current.product_id);
	const state = newState ?? String(current.state);
	const variants: IDataObject[] = [];
	if (newState && applyToVariants) {
		for (const variant of (current.variants as IDataObject[] | undefined) ?? []) {
			variants.push({ product_id: productId, variant_id: variant.variant_id, state: newState });
		}
	}
	for (const variantId of addVariantIds) {
		if (!variants.some((v) => v.variant_id === variantId)) {
			variants.push({ product_id: productId, variant_id: variantId, state });
		}
	}
	const body: IDataObject = {
		listing_id: listingId,
		product_id: productId,
		state,
		...listingTexts(fields),
		variants,
	};
	const saved = (await bigCommerceApiRequest.call(this, {
		method: 'PUT',
		version: 'v3',
		path: `/channels/${channelId}/listings`,
		body: [body],
		scope: CHANNEL_LISTINGS_WRITE,
		itemIndex: i,
	})) as IDataObject[];
	return toItems(this, Array.isArray(saved) ? saved : [saved]);
}
