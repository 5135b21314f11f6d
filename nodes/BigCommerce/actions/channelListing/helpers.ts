import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { bigCommerceApiRequest } from '../../transport';
import { CHANNEL_LISTINGS_READ } from '../../shared/scopes';
import { fail } from '../../shared/validate';

export const listingIdProperty: INodeProperties = {
	displayName: 'Listing ID',
	name: 'listingId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '4',
	description: 'The numeric ID of the listing on this channel',
};

export const listingStateOptions = [
	{ name: 'Active', value: 'active' },
	{ name: 'Deleted', value: 'deleted' },
	{ name: 'Disabled', value: 'disabled' },
	{ name: 'Error', value: 'error' },
	{ name: 'Partially Rejected', value: 'partially_rejected' },
	{ name: 'Pending', value: 'pending' },
	{ name: 'Pending Delete', value: 'pending_delete' },
	{ name: 'Pending Disable', value: 'pending_disable' },
	{ name: 'Queued', value: 'queued' },
	{ name: 'Rejected', value: 'rejected' },
	{ name: 'Submitted', value: 'submitted' },
];

export function checkState(ctx: IExecuteFunctions, i: number, raw: unknown): string {
	const state = String(raw ?? '');
	if (!listingStateOptions.some((option) => option.value === state)) {
		fail(
			ctx,
			i,
			`"State" must be one of ${listingStateOptions.map((o) => o.value).join(', ')}; got "${state}"`,
		);
	}
	return state;
}

/** Name, description and external ID, when given. */
export function listingTexts(fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	if (fields.name !== undefined && fields.name !== '') body.name = String(fields.name);
	if (fields.description !== undefined && fields.description !== '')
		body.description = String(fields.description);
	if (fields.externalId !== undefined && fields.externalId !== '')
		body.external_id = String(fields.externalId).trim();
	return body;
}

export const optionalListingFields: INodeProperties[] = [
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'Description of the product on the channel',
	},
	{
		displayName: 'External ID',
		name: 'externalId',
		type: 'string',
		default: '',
		description: "The listing's ID on the channel (e.g. the marketplace's listing ID)",
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		description: 'Name of the product on the channel',
	},
];

/** GET /channels/{id}/listings/{listing_id}: the one listing, or a 404 NodeApiError. */
export async function fetchListing(
	ctx: IExecuteFunctions,
	i: number,
	channelId: number,
	listingId: number,
	scope = CHANNEL_LISTINGS_READ,
): Promise<IDataObject> {
	return (await bigCommerceApiRequest.call(ctx, {
		method: 'GET',
		version: 'v3',
		path: `/channels/${channelId}/listings/${listingId}`,
		scope,
		itemIndex: i,
	})) as IDataObject;
}
