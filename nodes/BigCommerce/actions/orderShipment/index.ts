import type { INodeProperties } from 'n8n-workflow';

import type { ResourceModule } from '../types';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

const operationSelector: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['orderShipment'] } },
	options: [
		{
			name: 'Create',
			value: 'create',
			action: 'Create a shipment',
			description:
				'Ship items of an order with tracking number, carrier and tracking link; the order becomes Shipped or Partially Shipped',
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a shipment',
			description: 'Destructive: delete a shipment of an order',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			action: 'Get many shipments',
			description: 'List the shipments of an order with carrier, tracking number and tracking link',
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update a shipment',
			description: "Change a shipment's tracking number, carrier, tracking link or comments",
		},
	],
	default: 'getMany',
};

export const orderShipment: ResourceModule = {
	option: { name: 'Order Shipment', value: 'orderShipment' },
	description: [
		operationSelector,
		...create.description,
		...del.description,
		...getMany.description,
		...update.description,
	],
	operations: { create, delete: del, getMany, update },
};
