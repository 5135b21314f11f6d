import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { bigCommerceApiRequest } from '../../transport';
import { toItems } from '../common';
import { CATALOG_WRITE, checkCount } from '../product/shared';
import { categoryBody, categoryFieldOptions, checkCategoryName } from './shared';

const properties: INodeProperties[] = [
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', description: 'At most 50 characters, unique among its siblings' },
	{
		displayName: 'Parent Category ID',
		name: 'parentId',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'ID of the parent category; 0 for a top-level category',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: categoryFieldOptions,
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['category'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const name = checkCategoryName(this, i, this.getNodeParameter('name', i, ''));
	const parentId = checkCount(this, i, this.getNodeParameter('parentId', i, 0), 'Parent Category ID');
	const fields = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const category = (await bigCommerceApiRequest.call(this, {
		method: 'POST',
		version: 'v3',
		path: '/catalog/categories',
		body: { ...categoryBody(this, i, fields), name, parent_id: parentId },
		scope: CATALOG_WRITE,
		itemIndex: i,
	})) as IDataObject;
	return toItems(this, category);
}
