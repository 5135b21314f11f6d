import { defineResource } from '../defineResource';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const productCustomField = defineResource(
	{ name: 'Product Custom Field', value: 'productCustomField' },
	[create, del, getAll, update],
	{
		defaultOperation: 'getAll',
	},
);
