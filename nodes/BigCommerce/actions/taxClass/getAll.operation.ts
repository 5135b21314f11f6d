import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequestAllItems } from '../../transport';
import { getPagination } from '../../shared/validate';
import { returnAllOrLimit } from '../../shared/properties';
import { toItems } from '../../shared/items';
import { INFORMATION_READ } from '../../shared/scopes';

export const option: OperationOption = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many tax classes',
	description: "List the store's tax classes",
};

export const properties: INodeProperties[] = [...returnAllOrLimit()];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const pagination = getPagination(this, i);
	const classes = await bigCommerceApiRequestAllItems.call(
		this,
		{
			method: 'GET',
			version: 'v2',
			path: '/tax_classes',
			scope: INFORMATION_READ,
			itemIndex: i,
		},
		pagination,
	);
	return toItems(this, classes);
}
