import { defineResource } from '../defineResource';
import * as getMethods from './getMethods.operation';
import * as getZone from './getZone.operation';
import * as getZones from './getZones.operation';

export const shipping = defineResource(
	{ name: 'Shipping', value: 'shipping' },
	[getMethods, getZone, getZones],
	{
		defaultOperation: 'getZones',
	},
);
