import type { INodeProperties } from 'n8n-workflow';

import type { ResourceModule } from '../types';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

const operationSelector: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['customerGroup'] } },
	options: [
		{
			name: 'Get',
			value: 'get',
			action: 'Get a customer group',
			description: 'Get one customer group with the categories it may see',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many customer groups',
			description: 'List customer groups',
		},
	],
	default: 'getAll',
};

export const customerGroup: ResourceModule = {
	option: { name: 'Customer Group', value: 'customerGroup' },
	description: [operationSelector, ...get.description, ...getAll.description],
	operations: { get, getAll },
};
