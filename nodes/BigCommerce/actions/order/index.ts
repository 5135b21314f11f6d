import type { INodeProperties } from 'n8n-workflow';

import type { ResourceModule } from '../types';
import * as archive from './archive.operation';
import * as cancel from './cancel.operation';
import * as cancelForShopper from './cancelForShopper.operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as getStatusForShopper from './getStatusForShopper.operation';
import * as getStatuses from './getStatuses.operation';
import * as update from './update.operation';

const operationSelector: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['order'] } },
	options: [
		{
			name: 'Archive',
			value: 'archive',
			action: 'Archive an order',
			description: 'Destructive: archive an order so it no longer appears in order lists',
		},
		{
			name: 'Cancel',
			value: 'cancel',
			action: 'Cancel an order',
			description:
				'Destructive, back office: cancel an order by its ID alone, checking no identity; never give it to shoppers or an agent facing them (use Cancel for Shopper)',
		},
		{
			name: 'Cancel for Shopper',
			value: 'cancelForShopper',
			action: 'Cancel an order for a shopper',
			description:
				"Destructive: cancel a shopper's unshipped order only if the order number and the order's billing email both match; built for AI agents facing shoppers",
		},
		{
			name: 'Create',
			value: 'create',
			action: 'Create an order',
			description: 'Create an order with billing address and products',
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get an order',
			description: 'Get one order by ID, optionally with its products, shipping addresses, shipments and coupons',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			action: 'Get many orders',
			description: 'List orders filtered by status, customer, email, dates, ID range or channel',
		},
		{
			name: 'Get Status for Shopper',
			value: 'getStatusForShopper',
			action: 'Get order status for a shopper',
			description:
				"Look up a shopper's order only if the order number and the order's billing email both match: status, items, totals, shipments with carrier, tracking number and link",
		},
		{
			name: 'Get Statuses',
			value: 'getStatuses',
			action: 'Get order statuses',
			description: 'List the 15 order statuses with their IDs and names',
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update an order',
			description: "Change an order's status, staff notes, customer message, customer or billing address",
		},
	],
	default: 'get',
};

export const order: ResourceModule = {
	option: { name: 'Order', value: 'order' },
	description: [
		operationSelector,
		...archive.description,
		...cancel.description,
		...cancelForShopper.description,
		...create.description,
		...get.description,
		...getMany.description,
		...getStatusForShopper.description,
		...getStatuses.description,
		...update.description,
	],
	operations: { archive, cancel, cancelForShopper, create, get, getMany, getStatusForShopper, getStatuses, update },
};
