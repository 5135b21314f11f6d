import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest } from '../../transport';
import { productBodyFromFields, productFieldOptions } from './helpers';
import { CATALOG_WRITE } from '../../shared/scopes';
import { locator, requireLocatorId } from '../../shared/locators';
import { toItems } from '../../shared/items';
import { requireSomeChange } from '../../shared/validate';

export const option: OperationOption = {
	name: 'Update',
	value: 'update',
	action: 'Update a product',
	description: "Change a product's fields",
};

export const properties: INodeProperties[] = [
	locator('product'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: productFieldOptions(true),
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = requireLocatorId(this, i, 'product');
	const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
	const body = productBodyFromFields(this, i, fields);
	requireSomeChange(this, i, body);
	const product = (await bigCommerceApiRequest.call(this, {
		method: 'PUT',
		version: 'v3',
		path: `/catalog/products/${id}`,
		body,
		scope: CATALOG_WRITE,
		itemIndex: i,
	})) as IDataObject;
	return toItems(this, product);
}
