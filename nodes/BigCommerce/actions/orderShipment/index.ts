import { defineResource } from '../defineResource';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const orderShipment = defineResource(
	{ name: 'Order Shipment', value: 'orderShipment' },
	[create, del, getAll, update],
	{
		defaultOperation: 'getAll',
	},
);
