import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequestAllItems } from '../../transport';
import { parentCategoryField, parentCategoryId } from './helpers';
import { CATALOG_READ } from '../../shared/scopes';
import { getPagination } from '../../shared/validate';
import { returnAllOrLimit } from '../../shared/properties';
import { toItems } from '../../shared/items';

export const option: OperationOption = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many categories',
	description: 'List categories, optionally filtered by name, parent, visibility or keyword',
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
				displayName: 'Keyword',
				name: 'keyword',
				type: 'string',
				default: '',
				description: 'Searches name, description and search keywords',
			},
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'Only the category with exactly this name',
			},
			{ displayName: 'Name Contains', name: 'nameLike', type: 'string', default: '' },
			parentCategoryField('Only direct children of this category (By ID 0: top-level categories)'),
			{
				displayName: 'Visibility',
				name: 'visibility',
				type: 'options',
				options: [
					{ name: 'Hidden Only', value: 'hidden' },
					{ name: 'Visible Only', value: 'visible' },
				],
				default: 'visible',
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const pagination = getPagination(this, i);
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const qs: IDataObject = {};
	const text = (key: string) => (filters[key] === undefined ? '' : String(filters[key]).trim());
	if (text('keyword')) qs.keyword = text('keyword');
	if (text('name')) qs.name = text('name');
	if (text('nameLike')) qs['name:like'] = text('nameLike');
	const parentId = parentCategoryId(this, i, filters.parentId);
	if (parentId !== undefined) qs.parent_id = parentId;
	if (filters.visibility !== undefined) qs.is_visible = filters.visibility !== 'hidden';
	const categories = await bigCommerceApiRequestAllItems.call(
		this,
		{
			method: 'GET',
			version: 'v3',
			path: '/catalog/categories',
			qs,
			scope: CATALOG_READ,
			itemIndex: i,
		},
		pagination,
	);
	return toItems(this, categories);
}
