import type { INodeProperties } from 'n8n-workflow';

import type { ResourceModule } from '../types';
import * as get from './get.operation';

const operationSelector: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['store'] } },
	options: [
		{
			name: 'Get Information',
			value: 'get',
			action: 'Get store information',
			description: 'Get the store\'s name, domain, currency, timezone, plan and features',
		},
	],
	default: 'get',
};

export const store: ResourceModule = {
	option: { name: 'Store', value: 'store' },
	description: [operationSelector, ...get.description],
	operations: { get },
};
