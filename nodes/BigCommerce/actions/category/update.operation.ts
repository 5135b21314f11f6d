import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest } from '../../transport';
import { categoryBody, categoryFieldOptions, parentCategoryField } from './helpers';
import { CATALOG_WRITE } from '../../shared/scopes';
import { locator, requireLocatorId } from '../../shared/locators';
import { fail, requireSomeChange } from '../../shared/validate';
import { toItems } from '../../shared/items';
import { sortByName } from '../../shared/properties';

export const option: OperationOption = {
	name: 'Update',
	value: 'update',
	action: 'Update a category',
	description: "Change a category's fields or move it",
};

export const properties: INodeProperties[] = [
	locator('category'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: sortByName<INodeProperties>([
			...categoryFieldOptions,
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
			parentCategoryField('Move the category below this one (By ID 0: top level)'),
		]),
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = requireLocatorId(this, i, 'category');
	const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
	const body = categoryBody(this, i, fields);
	requireSomeChange(this, i, body);
	if (body.parent_id === id) fail(this, i, '"Parent Category" cannot be the category itself');
	const category = (await bigCommerceApiRequest.call(this, {
		method: 'PUT',
		version: 'v3',
		path: `/catalog/categories/${id}`,
		body,
		scope: CATALOG_WRITE,
		itemIndex: i,
	})) as IDataObject;
	return toItems(this, category);
}
