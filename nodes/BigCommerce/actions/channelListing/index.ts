import type { INodeProperties } from 'n8n-workflow';

import type { ResourceModule } from '../types';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

const operationSelector: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['channelListing'] } },
	options: [
		{
			name: 'Create',
			value: 'create',
			action: 'Create a channel listing',
			description: 'List a product (and some of its variants) on a channel',
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a channel listing',
			description: 'Get one listing of a channel',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many channel listings',
			description: 'List the product listings of a channel',
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update a channel listing',
			description: 'Change a listing\'s state, name or description, or add variants',
		},
	],
	default: 'getAll',
};

export const channelListing: ResourceModule = {
	option: { name: 'Channel Listing', value: 'channelListing' },
	description: [operationSelector, ...create.description, ...get.description, ...getAll.description, ...update.description],
	operations: { create, get, getAll, update },
};
