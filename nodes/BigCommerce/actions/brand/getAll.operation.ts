import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequestAllItems } from '../../transport';
import { CATALOG_READ } from '../../shared/scopes';
import { getPagination } from '../../shared/validate';
import { returnAllOrLimit } from '../../shared/properties';
import { toItems } from '../../shared/items';

export const option: OperationOption = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many brands',
	description: 'List brands, optionally filtered by name',
};

export const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'Only the brand with exactly this name',
			},
			{ displayName: 'Name Contains', name: 'nameLike', type: 'string', default: '' },
		],
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const pagination = getPagination(this, i);
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const qs: IDataObject = {};
	const text = (key: string) => (filters[key] === undefined ? '' : String(filters[key]).trim());
	if (text('name')) qs.name = text('name');
	if (text('nameLike')) qs['name:like'] = text('nameLike');
	const brands = await bigCommerceApiRequestAllItems.call(
		this,
		{
			method: 'GET',
			version: 'v3',
			path: '/catalog/brands',
			qs,
			scope: CATALOG_READ,
			itemIndex: i,
		},
		pagination,
	);
	return toItems(this, brands);
}
