import { defineResource } from '../defineResource';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const channel = defineResource(
	{ name: 'Channel', value: 'channel' },
	[create, get, getAll, update],
	{
		defaultOperation: 'getAll',
	},
);
