import { defineResource } from '../defineResource';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const channelListing = defineResource(
	{ name: 'Channel Listing', value: 'channelListing' },
	[create, get, getAll, update],
	{
		defaultOperation: 'getAll',
	},
);
