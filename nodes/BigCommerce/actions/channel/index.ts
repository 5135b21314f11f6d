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
	displayOptions: { show: { resource: ['channel'] } },
	options: [
		{
			name: 'Create',
			value: 'create',
			action: 'Create a channel',
			description: 'Create a sales channel (storefront, marketplace, POS or marketing)',
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a channel',
			description: 'Get a channel by ID',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many channels',
			description: 'List channels, optionally filtered by type, status or platform',
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update a channel',
			description: 'Rename a channel or change its status (archive instead of delete)',
		},
	],
	default: 'getAll',
};

export const channel: ResourceModule = {
	option: { name: 'Channel', value: 'channel' },
	description: [operationSelector, ...create.description, ...get.description, ...getAll.description, ...update.description],
	operations: { create, get, getAll, update },
};
