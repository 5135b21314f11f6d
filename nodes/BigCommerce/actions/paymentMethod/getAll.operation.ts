import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequestAllItems } from '../../transport';
import { getPagination } from '../../shared/validate';
import { returnAllOrLimit } from '../../shared/properties';
import { toItems } from '../../shared/items';
import { PAYMENT_METHODS_READ } from '../../shared/scopes';

export const option: OperationOption = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many payment methods',
	description: "List the store's enabled payment methods (code, name, test mode)",
};

export const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	{
		displayName:
			'BigCommerce marks this list as deprecated: it may not show every enabled provider. Needs the scope store_payments_methods_read.',
		name: 'deprecatedNotice',
		type: 'notice',
		default: '',
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const pagination = getPagination(this, i);
	const methods = await bigCommerceApiRequestAllItems.call(
		this,
		{
			method: 'GET',
			version: 'v2',
			path: '/payments/methods',
			scope: PAYMENT_METHODS_READ,
			itemIndex: i,
		},
		pagination,
	);
	return toItems(this, methods);
}
