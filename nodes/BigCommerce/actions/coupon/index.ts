import { defineResource } from '../defineResource';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as lookUpCode from './lookUpCode.operation';
import * as update from './update.operation';

export const coupon = defineResource(
	{ name: 'Coupon', value: 'coupon' },
	[create, del, get, getAll, lookUpCode, update],
	{
		defaultOperation: 'lookUpCode',
	},
);
