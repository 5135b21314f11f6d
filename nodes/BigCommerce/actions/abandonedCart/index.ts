import type { INodeProperties } from 'n8n-workflow';

import type { ResourceModule } from '../types';
import * as get from './get.operation';

const operationSelector: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['abandonedCart'] } },
	options: [
		{
			name: 'Get by Token',
			value: 'get',
			action: 'Get an abandoned cart by token',
			description:
				'Turn an abandoned-cart token into the cart: its items, the shopper\'s email when known, whether it became an order, and a fresh recovery link',
		},
	],
	default: 'get',
};

export const abandonedCart: ResourceModule = {
	option: { name: 'Abandoned Cart', value: 'abandonedCart' },
	description: [operationSelector, ...get.description],
	operations: { get },
};
