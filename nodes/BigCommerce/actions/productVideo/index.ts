import type { ResourceModule } from '../types';
import { subResourceOperations } from '../product/subResource';
import { config } from './config';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const productVideo: ResourceModule = {
	option: { name: 'Product Video', value: 'productVideo' },
	description: [
		subResourceOperations(config, 'videos'),
		...create.description,
		...del.description,
		...getAll.description,
		...update.description,
	],
	operations: { create, delete: del, getAll, update },
};
