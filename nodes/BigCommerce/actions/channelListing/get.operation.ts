import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requireId, toItems } from '../common';
import { channelLocator } from '../channel/fields';
import { fetchListing, listingIdProperty } from './fields';

const properties: INodeProperties[] = [channelLocator(), listingIdProperty];

export const description = updateDisplayOptions(
	{ show: { resource: ['channelListing'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const channelId = requireId(this, i, 'channelId', 'Channel');
	const listingId = requireId(this, i, 'listingId', 'Listing ID');
	return toItems(this, await fetchListing(this, i, channelId, listingId));
}
