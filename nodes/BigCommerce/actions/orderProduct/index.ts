import type { INodeProperties } from 'n8n-workflow';

import type { ResourceModule } from '../types';
import * as getMany from './getMany.operation';

const operationSelector: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['orderProduct'] } },
	options: [
		{
			name: 'Get Many',
			value: 'getMany',
			action: 'Get many order products',
			description: 'List the lines of an order: product, SKU, quantities ordered and shipped, prices',
		},
	],
	default: 'getMany',
};

export const orderProduct: ResourceModule = {
	option: { name: 'Order Product', value: 'orderProduct' },
	description: [operationSelector, ...getMany.description],
	operations: { getMany },
};
