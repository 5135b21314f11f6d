import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest } from '../../transport';
import { channelBody, optionalChannelFields } from './helpers';
import { CHANNELS_WRITE } from '../../shared/scopes';
import { channelLocator } from '../../shared/locators';
import { requireId, requireSomeFields } from '../../shared/validate';
import { toItems } from '../../shared/items';
import { sortByName } from '../../shared/properties';

export const option: OperationOption = {
	name: 'Update',
	value: 'update',
	action: 'Update a channel',
	description: 'Rename a channel or change its status (archive instead of delete)',
};

export const properties: INodeProperties[] = [
	channelLocator(),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: sortByName<INodeProperties>([
			...optionalChannelFields,
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
		]),
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = requireId(this, i, 'channelId', 'Channel');
	const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
	requireSomeFields(this, i, fields);
	const body = channelBody(this, i, fields);
	const channel = (await bigCommerceApiRequest.call(this, {
		method: 'PUT',
		version: 'v3',
		path: `/channels/${id}`,
		body,
		scope: CHANNELS_WRITE,
		itemIndex: i,
	})) as IDataObject;
	return toItems(this, channel);
}
