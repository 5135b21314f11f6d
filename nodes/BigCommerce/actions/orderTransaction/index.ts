import type { INodeProperties } from 'n8n-workflow';

import type { ResourceModule } from '../types';
import * as getMany from './getMany.operation';

const operationSelector: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['orderTransaction'] } },
	options: [
		{
			name: 'Get Many',
			value: 'getMany',
			action: 'Get many order transactions',
			description: 'List the payment transactions of an order (purchase, capture, refund, void) with gateway and amount',
		},
	],
	default: 'getMany',
};

export const orderTransaction: ResourceModule = {
	option: { name: 'Order Transaction', value: 'orderTransaction' },
	description: [operationSelector, ...getMany.description],
	operations: { getMany },
};
