import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { bigCommerceApiRequestAllItems } from '../../transport';
import { getPagination, returnAllOrLimit, toItems } from '../common';

const properties: INodeProperties[] = [...returnAllOrLimit()];

export const description = updateDisplayOptions(
	{ show: { resource: ['taxClass'], operation: ['getAll'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const pagination = getPagination(this, i);
	const classes = await bigCommerceApiRequestAllItems.call(
		this,
		{
			method: 'GET',
			version: 'v2',
			path: '/tax_classes',
			scope: 'store_v2_information_read_only',
			itemIndex: i,
		},
		pagination,
	);
	return toItems(this, classes);
}
