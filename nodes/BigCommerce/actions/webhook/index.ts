import { defineResource } from '../defineResource';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const webhook = defineResource(
	{ name: 'Webhook', value: 'webhook' },
	[create, del, get, getAll, update],
	{
		defaultOperation: 'getAll',
	},
);
