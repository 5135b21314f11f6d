import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest } from '../../transport';
import { CHANNELS_READ } from '../../shared/scopes';
import { channelLocator } from '../../shared/locators';
import { requireId } from '../../shared/validate';
import { toItems } from '../../shared/items';

export const option: OperationOption = {
	name: 'Get',
	value: 'get',
	action: 'Get a channel',
	description: 'Get a channel by ID',
};

export const properties: INodeProperties[] = [
	channelLocator(),
	{
		displayName: 'Include Currencies',
		name: 'includeCurrencies',
		type: 'boolean',
		default: false,
		description: "Whether to include the channel's enabled and default currencies",
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = requireId(this, i, 'channelId', 'Channel');
	const includeCurrencies = this.getNodeParameter('includeCurrencies', i, false) as boolean;
	const channel = (await bigCommerceApiRequest.call(this, {
		method: 'GET',
		version: 'v3',
		path: `/channels/${id}`,
		qs: includeCurrencies ? { include: 'currencies' } : undefined,
		scope: CHANNELS_READ,
		itemIndex: i,
	})) as IDataObject;
	return toItems(this, channel);
}
