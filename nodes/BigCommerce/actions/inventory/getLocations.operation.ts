import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { bigCommerceApiRequestAllItems } from '../../transport';
import { getPagination, returnAllOrLimit, toItems } from '../common';
import { LOCATIONS_READ } from './shared';

const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	{
		displayName: 'Active Only',
		name: 'activeOnly',
		type: 'boolean',
		default: false,
		description: 'Whether to return only enabled locations',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['inventory'], operation: ['getLocations'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const pagination = getPagination(this, i);
	const qs: IDataObject = {};
	if (this.getNodeParameter('activeOnly', i, false) as boolean) qs.is_active = true;
	const locations = await bigCommerceApiRequestAllItems.call(
		this,
		{ method: 'GET', version: 'v3', path: '/inventory/locations', qs, scope: LOCATIONS_READ, itemIndex: i },
		pagination,
	);
	return toItems(this, locations);
}
