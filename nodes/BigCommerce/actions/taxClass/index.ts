import type { INodeProperties } from 'n8n-workflow';

import type { ResourceModule } from '../types';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

const operationSelector: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['taxClass'] } },
	options: [
		{
			name: 'Get',
			value: 'get',
			action: 'Get a tax class',
			description: 'Get a tax class by ID',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many tax classes',
			description: 'List the store\'s tax classes',
		},
	],
	default: 'getAll',
};

export const taxClass: ResourceModule = {
	option: { name: 'Tax Class', value: 'taxClass' },
	description: [operationSelector, ...get.description, ...getAll.description],
	operations: { get, getAll },
};
