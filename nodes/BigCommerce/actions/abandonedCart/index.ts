import { defineResource } from '../defineResource';
import * as get from './get.operation';

export const abandonedCart = defineResource(
	{ name: 'Abandoned Cart', value: 'abandonedCart' },
	[get],
	{
		defaultOperation: 'get',
	},
);
