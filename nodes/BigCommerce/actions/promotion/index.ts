import { defineResource } from '../defineResource';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as generateCodes from './generateCodes.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as listActive from './listActive.operation';
import * as update from './update.operation';

export const promotion = defineResource(
	{ name: 'Promotion', value: 'promotion' },
	[create, del, generateCodes, get, getAll, listActive, update],
	{
		defaultOperation: 'listActive',
	},
);
