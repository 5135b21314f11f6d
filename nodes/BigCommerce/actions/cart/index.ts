import { defineResource } from '../defineResource';
import * as addItems from './addItems.operation';
import * as create from './create.operation';
import * as createRecoveryLink from './createRecoveryLink.operation';
import * as deleteOperation from './delete.operation';
import * as get from './get.operation';
import * as removeItem from './removeItem.operation';
import * as updateItem from './updateItem.operation';

export const cart = defineResource(
	{ name: 'Cart', value: 'cart' },
	[addItems, create, createRecoveryLink, deleteOperation, get, removeItem, updateItem],
	{
		defaultOperation: 'get',
	},
);
