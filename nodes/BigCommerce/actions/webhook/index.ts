import { defineResource } from '../defineResource';
import * as catchUp from './catchUp.operation';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as restore from './restore.operation';
import * as update from './update.operation';

export const webhook = defineResource(
	{ name: 'Webhook', value: 'webhook' },
	[catchUp, create, del, get, getAll, restore, update],
	{
		defaultOperation: 'getAll',
	},
);
