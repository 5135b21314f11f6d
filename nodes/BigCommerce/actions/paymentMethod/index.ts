import type { INodeProperties } from 'n8n-workflow';

import type { ResourceModule } from '../types';
import * as getAll from './getAll.operation';

const operationSelector: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['paymentMethod'] } },
	options: [
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many payment methods',
			description: 'List the store\'s enabled payment methods (code, name, test mode)',
		},
	],
	default: 'getAll',
};

export const paymentMethod: ResourceModule = {
	option: { name: 'Payment Method', value: 'paymentMethod' },
	description: [operationSelector, ...getAll.description],
	operations: { getAll },
};
