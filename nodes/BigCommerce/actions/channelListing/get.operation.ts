import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../types';
import { fetchListing, listingIdProperty } from './helpers';
import { channelLocator } from '../../shared/locators';
import { requireId } from '../../shared/validate';
import { toItems } from '../../shared/items';

export const option: OperationOption = {
	name: 'Get',
	value: 'get',
	action: 'Get a channel listing',
	description: 'Get one listing of a channel',
};

export const properties: INodeProperties[] = [channelLocator(), listingIdProperty];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const channelId = requireId(this, i, 'channelId', 'Channel');
	const listingId = requireId(this, i, 'listingId', 'Listing ID');
	return toItems(this, await fetchListing(this, i, channelId, listingId));
}
