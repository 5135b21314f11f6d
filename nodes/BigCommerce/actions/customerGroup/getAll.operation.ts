import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequestAllItems } from '../../transport';
import { describeGroup } from './helpers';
import { CUSTOMERS_READ } from '../../shared/scopes';
import { getPagination } from '../../shared/validate';
import { returnAllOrLimit } from '../../shared/properties';
import { toItems } from '../../shared/items';

export const option: OperationOption = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many customer groups',
	description: 'List customer groups',
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
				displayName: 'Is Default',
				name: 'isDefault',
				type: 'boolean',
				default: true,
				description:
					'Whether to return only the default group for new customers (or only the others)',
			},
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'Exact group name',
			},
			{
				displayName: 'Name Contains',
				name: 'nameContains',
				type: 'string',
				default: '',
				placeholder: 'e.g. Whole',
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const pagination = getPagination(this, i);
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const qs: IDataObject = {};
	if (filters.name !== undefined && String(filters.name).trim())
		qs.name = String(filters.name).trim();
	if (filters.nameContains !== undefined && String(filters.nameContains).trim()) {
		qs['name:like'] = String(filters.nameContains).trim();
	}
	if (filters.isDefault !== undefined) qs.is_default = Boolean(filters.isDefault);
	const groups = await bigCommerceApiRequestAllItems.call(
		this,
		{
			method: 'GET',
			version: 'v2',
			path: '/customer_groups',
			qs,
			scope: CUSTOMERS_READ,
			itemIndex: i,
		},
		pagination,
	);
	return toItems(this, groups.map(describeGroup));
}
