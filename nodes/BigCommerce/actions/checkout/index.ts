import type { INodeProperties } from 'n8n-workflow';

import type { ResourceModule } from '../types';
import * as get from './get.operation';

const operationSelector: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['checkout'] } },
	options: [
		{
			name: 'Get',
			value: 'get',
			action: 'Get a checkout',
			description: 'Get a checkout: cart, billing address, consignments, taxes and totals',
		},
	],
	default: 'get',
};

export const checkout: ResourceModule = {
	option: { name: 'Checkout', value: 'checkout' },
	description: [operationSelector, ...get.description],
	operations: { get },
};
