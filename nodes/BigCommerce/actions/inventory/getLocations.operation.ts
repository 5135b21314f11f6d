import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequestAllItems } from '../../transport';
import { LOCATIONS_READ } from '../../shared/scopes';
import { getPagination } from '../../shared/validate';
import { returnAllOrLimit } from '../../shared/properties';
import { toItems } from '../../shared/items';

export const option: OperationOption = {
	name: 'Get Locations',
	value: 'getLocations',
	action: 'Get inventory locations',
	description: 'List inventory locations (warehouses, stores) with their IDs and codes',
};

export const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	{
		displayName: 'Active Only',
		name: 'activeOnly',
		type: 'boolean',
		default: false,
		description: 'Whether to return only enabled locations',
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const pagination = getPagination(this, i);
	const qs: IDataObject = {};
	if (this.getNodeParameter('activeOnly', i, false) as boolean) qs.is_active = true;
	const locations = await bigCommerceApiRequestAllItems.call(
		this,
		{
			method: 'GET',
			version: 'v3',
			path: '/inventory/locations',
			qs,
			scope: LOCATIONS_READ,
			itemIndex: i,
		},
		pagination,
	);
	return toItems(this, locations);
}
