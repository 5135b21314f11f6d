import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest } from '../../transport';
import { CATALOG_READ } from '../../shared/scopes';
import { locator, requireLocatorId } from '../../shared/locators';
import { toItems } from '../../shared/items';

export const option: OperationOption = {
	name: 'Get',
	value: 'get',
	action: 'Get a category',
	description: 'Get a category by ID',
};

export const properties: INodeProperties[] = [locator('category')];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = requireLocatorId(this, i, 'category');
	const category = (await bigCommerceApiRequest.call(this, {
		method: 'GET',
		version: 'v3',
		path: `/catalog/categories/${id}`,
		scope: CATALOG_READ,
		itemIndex: i,
	})) as IDataObject;
	return toItems(this, category);
}
