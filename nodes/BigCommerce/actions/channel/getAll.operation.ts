import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequestAllItems } from '../../transport';

import { channelStatusOptions, channelTypeOptions } from './helpers';
import { CHANNELS_READ } from '../../shared/scopes';
import { fail, getPagination, isoDateValue } from '../../shared/validate';
import { returnAllOrLimit } from '../../shared/properties';
import { toItems } from '../../shared/items';

export const option: OperationOption = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many channels',
	description: 'List channels, optionally filtered by type, status or platform',
};

export const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Available Only',
				name: 'available',
				type: 'boolean',
				default: true,
				description: 'Whether to return only channels that are not archived, deleted or terminated',
			},
			{
				displayName: 'Modified Since',
				name: 'modifiedSince',
				type: 'dateTime',
				default: '',
				description: 'Only channels changed at or after this time',
			},
			{
				displayName: 'Platforms',
				name: 'platforms',
				type: 'string',
				default: '',
				placeholder: 'amazon, ebay',
				description: 'Comma-separated platform names',
			},
			{
				displayName: 'Statuses',
				name: 'statuses',
				type: 'multiOptions',
				options: channelStatusOptions,
				default: [],
			},
			{
				displayName: 'Types',
				name: 'types',
				type: 'multiOptions',
				options: channelTypeOptions,
				default: [],
			},
		],
	},
	{
		displayName: 'Include Currencies',
		name: 'includeCurrencies',
		type: 'boolean',
		default: false,
		description: "Whether to include each channel's enabled and default currencies",
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const pagination = getPagination(this, i);
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const qs: IDataObject = {};
	if (this.getNodeParameter('includeCurrencies', i, false)) qs.include = 'currencies';
	const statuses = (filters.statuses as string[] | undefined) ?? [];
	const types = (filters.types as string[] | undefined) ?? [];
	if (statuses.some((s) => !channelStatusOptions.some((o) => o.value === s)))
		fail(this, i, `"Statuses" contains an unknown status: ${statuses.join(', ')}`);
	if (types.some((t) => !channelTypeOptions.some((o) => o.value === t)))
		fail(this, i, `"Types" contains an unknown type: ${types.join(', ')}`);
	if (statuses.length) qs['status:in'] = statuses.join(',');
	if (types.length) qs['type:in'] = types.join(',');
	if (filters.platforms !== undefined && filters.platforms !== '') {
		const platforms = String(filters.platforms)
			.split(',')
			.map((p) => p.trim().toLowerCase())
			.filter(Boolean);
		if (platforms.some((p) => !/^[a-z0-9_.-]+$/.test(p)))
			fail(
				this,
				i,
				`"Platforms" must be comma-separated platform names; got "${String(filters.platforms)}"`,
			);
		if (platforms.length) qs['platform:in'] = platforms.join(',');
	}
	if (filters.available !== undefined) qs.available = Boolean(filters.available);
	if (filters.modifiedSince !== undefined && filters.modifiedSince !== '') {
		qs['date_modified:min'] = isoDateValue(this, i, filters.modifiedSince, 'Modified Since');
	}
	const channels = await bigCommerceApiRequestAllItems.call(
		this,
		{ method: 'GET', version: 'v3', path: '/channels', qs, scope: CHANNELS_READ, itemIndex: i },
		pagination,
	);
	return toItems(this, channels);
}
