import { defineResource } from '../defineResource';
import * as adjust from './adjust.operation';
import * as getItems from './getItems.operation';
import * as getLocations from './getLocations.operation';

export const inventory = defineResource(
	{ name: 'Inventory', value: 'inventory' },
	[adjust, getItems, getLocations],
	{
		defaultOperation: 'getItems',
	},
);
