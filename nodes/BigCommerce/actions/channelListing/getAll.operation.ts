import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequestFull } from '../../transport';
import { CHANNEL_LISTINGS_READ } from '../../shared/scopes';
import { idListValue, getPagination, isoDateValue, requireId } from '../../shared/validate';
import { channelLocator } from '../../shared/locators';
import { returnAllOrLimit } from '../../shared/properties';
import { toItems } from '../../shared/items';

export const option: OperationOption = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many channel listings',
	description: 'List the product listings of a channel',
};

export const properties: INodeProperties[] = [
	channelLocator(),
	...returnAllOrLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Modified Since',
				name: 'modifiedSince',
				type: 'dateTime',
				default: '',
				description: 'Only listings changed at or after this time',
			},
			{
				displayName: 'Product IDs',
				name: 'productIds',
				type: 'string',
				default: '',
				placeholder: '77, 80',
				description: 'Comma-separated product IDs',
			},
		],
	},
];

const PAGE = 250;

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const channelId = requireId(this, i, 'channelId', 'Channel');
	const { returnAll, limit } = getPagination(this, i);
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const qs: IDataObject = {};
	if (filters.productIds !== undefined && filters.productIds !== '') {
		qs['product_id:in'] = idListValue(this, i, filters.productIds, 'Product IDs').join(',');
	}
	if (filters.modifiedSince !== undefined && filters.modifiedSince !== '') {
		qs['date_modified:min'] = isoDateValue(this, i, filters.modifiedSince, 'Modified Since');
	}
	// listings page with an `after` cursor (the last listing ID seen), not with page numbers
	const max = returnAll ? Infinity : limit;
	const listings: IDataObject[] = [];
	let after: number | undefined;
	while (listings.length < max) {
		const pageSize = Math.min(PAGE, max - listings.length);
		const response = await bigCommerceApiRequestFull.call(this, {
			method: 'GET',
			version: 'v3',
			path: `/channels/${channelId}/listings`,
			qs: { ...qs, limit: pageSize, ...(after !== undefined ? { after } : {}) },
			scope: CHANNEL_LISTINGS_READ,
			itemIndex: i,
		});
		const body = (response.body ?? {}) as IDataObject;
		const page = (Array.isArray(body.data) ? body.data : []) as IDataObject[];
		listings.push(...page);
		const last = page.at(-1)?.listing_id;
		if (page.length < pageSize || typeof last !== 'number' || last === after) break;
		after = last;
	}
	return toItems(this, listings.slice(0, max));
}
