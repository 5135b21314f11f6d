import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest } from '../../transport';

import { channelBody, channelTypeOptions, optionalChannelFields } from './helpers';
import { CHANNELS_WRITE } from '../../shared/scopes';
import { fail } from '../../shared/validate';
import { toItems } from '../../shared/items';

export const option: OperationOption = {
	name: 'Create',
	value: 'create',
	action: 'Create a channel',
	description: 'Create a sales channel (storefront, marketplace, POS or marketing)',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Amazon EU',
	},
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		options: channelTypeOptions,
		default: 'marketplace',
	},
	{
		displayName: 'Platform',
		name: 'platform',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'amazon',
		description:
			'The platform the channel runs on, e.g. bigcommerce, amazon, ebay, facebook, google_shopping, square',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: optionalChannelFields,
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const type = String(this.getNodeParameter('type', i));
	if (!channelTypeOptions.some((option) => option.value === type)) {
		fail(
			this,
			i,
			`"Type" must be one of ${channelTypeOptions.map((o) => o.value).join(', ')}; got "${type}"`,
		);
	}
	const platform = String(this.getNodeParameter('platform', i, '') ?? '')
		.trim()
		.toLowerCase();
	if (!/^[a-z0-9_.-]+$/.test(platform)) {
		fail(
			this,
			i,
			`"Platform" must be a platform name such as amazon or bigcommerce; got "${platform}"`,
		);
	}
	const body: IDataObject = {
		...channelBody(this, i, {
			name: this.getNodeParameter('name', i),
			...(this.getNodeParameter('additionalFields', i, {}) as IDataObject),
		}),
		type,
		platform,
	};
	const channel = (await bigCommerceApiRequest.call(this, {
		method: 'POST',
		version: 'v3',
		path: '/channels',
		body,
		scope: CHANNELS_WRITE,
		itemIndex: i,
	})) as IDataObject;
	return toItems(this, channel);
}
