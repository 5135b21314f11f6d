import { defineResource } from '../defineResource';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as exportCatalog from './exportCatalog.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getInfoForShopper from './getInfoForShopper.operation';
import * as update from './update.operation';
import * as updateMany from './updateMany.operation';

export const product = defineResource(
	{ name: 'Product', value: 'product' },
	[create, del, exportCatalog, get, getAll, getInfoForShopper, update, updateMany],
	{
		defaultOperation: 'get',
	},
);
