import { defineResource } from '../defineResource';
import * as checkBalance from './checkBalance.operation';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const giftCertificate = defineResource(
	{ name: 'Gift Certificate', value: 'giftCertificate' },
	[checkBalance, create, del, get, getAll, update],
	{
		defaultOperation: 'checkBalance',
	},
);
