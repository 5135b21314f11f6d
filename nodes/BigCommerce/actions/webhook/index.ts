import type { INodeProperties } from 'n8n-workflow';

import type { ResourceModule } from '../types';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

const operationSelector: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['webhook'] } },
	options: [
		{
			name: 'Create',
			value: 'create',
			action: 'Create a webhook',
			description: 'Subscribe a URL to a store event',
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a webhook',
			description: 'Permanently delete a webhook (destructive)',
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a webhook',
			description: 'Get a webhook by ID',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many webhooks',
			description: 'List the webhooks of this API account, optionally only active or deactivated ones',
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update a webhook',
			description: 'Change a webhook\'s event, URL or headers, or re-enable a deactivated webhook',
		},
	],
	default: 'getAll',
};

export const webhook: ResourceModule = {
	option: { name: 'Webhook', value: 'webhook' },
	description: [
		operationSelector,
		...create.description,
		...del.description,
		...get.description,
		...getAll.description,
		...update.description,
	],
	operations: { create, delete: del, get, getAll, update },
};
