import type { INodeProperties } from 'n8n-workflow';

import type { ResourceModule } from '../types';
import * as getMethods from './getMethods.operation';
import * as getZone from './getZone.operation';
import * as getZones from './getZones.operation';

const operationSelector: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['shipping'] } },
	options: [
		{
			name: 'Get Methods of a Zone',
			value: 'getMethods',
			action: 'Get the shipping methods of a zone',
			description: 'List the shipping methods (flat rate, carriers...) of a shipping zone',
		},
		{
			name: 'Get Zone',
			value: 'getZone',
			action: 'Get a shipping zone',
			description: 'Get a shipping zone by ID',
		},
		{
			name: 'Get Zones',
			value: 'getZones',
			action: 'Get shipping zones',
			description: 'List every shipping zone with its locations and free-shipping settings',
		},
	],
	default: 'getZones',
};

export const shipping: ResourceModule = {
	option: { name: 'Shipping', value: 'shipping' },
	description: [operationSelector, ...getMethods.description, ...getZone.description, ...getZones.description],
	operations: { getMethods, getZone, getZones },
};
