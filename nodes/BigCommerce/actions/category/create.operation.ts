import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest } from '../../transport';
import {
	categoryBody,
	categoryFieldOptions,
	checkCategoryName,
	parentCategoryField,
	parentCategoryId,
} from './helpers';
import { CATALOG_WRITE } from '../../shared/scopes';
import { toItems } from '../../shared/items';

export const option: OperationOption = {
	name: 'Create',
	value: 'create',
	action: 'Create a category',
	description: 'Create a category, top-level or below a parent',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		description: 'At most 50 characters, unique among its siblings',
	},
	parentCategoryField(
		'The category to create it below; leave empty (or By ID 0) for a top-level category',
	),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: categoryFieldOptions,
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const name = checkCategoryName(this, i, this.getNodeParameter('name', i, ''));
	const parentId = parentCategoryId(this, i, this.getNodeParameter('parentId', i, '')) ?? 0;
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
