import { defineResource } from '../defineResource';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export const customerGroup = defineResource(
	{ name: 'Customer Group', value: 'customerGroup' },
	[get, getAll],
	{
		defaultOperation: 'getAll',
	},
);
