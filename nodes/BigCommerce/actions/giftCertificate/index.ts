import type { INodeProperties } from 'n8n-workflow';

import type { ResourceModule } from '../types';
import * as checkBalance from './checkBalance.operation';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

const operationSelector: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['giftCertificate'] } },
	options: [
		{
			name: 'Check Balance',
			value: 'checkBalance',
			action: 'Check a gift certificate balance',
			description: 'Give the balance, currency, status and expiry of the gift certificate with exactly this code',
		},
		{
			name: 'Create',
			value: 'create',
			action: 'Create a gift certificate',
			description: 'Create a gift certificate (BigCommerce does not email it)',
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a gift certificate',
			description: 'Permanently delete a gift certificate (destructive)',
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a gift certificate',
			description: 'Get a gift certificate by ID',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many gift certificates',
			description: 'List gift certificates, optionally filtered by code, recipient, sender or order',
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update a gift certificate',
			description: 'Change a gift certificate\'s balance, status, expiry or recipient',
		},
	],
	default: 'checkBalance',
};

export const giftCertificate: ResourceModule = {
	option: { name: 'Gift Certificate', value: 'giftCertificate' },
	description: [
		operationSelector,
		...checkBalance.description,
		...create.description,
		...del.description,
		...get.description,
		...getAll.description,
		...update.description,
	],
	operations: { checkBalance, create, delete: del, get, getAll, update },
};
