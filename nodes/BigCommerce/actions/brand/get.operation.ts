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
	action: 'Get a brand',
	description: 'Get a brand by ID',
};

export const properties: INodeProperties[] = [locator('brand')];

export async function fetchBrand(
	ctx: IExecuteFunctions,
	i: number,
	id: number,
): Promise<IDataObject> {
	return (await bigCommerceApiRequest.call(ctx, {
		method: 'GET',
		version: 'v3',
		path: `/catalog/brands/${id}`,
		scope: CATALOG_READ,
		itemIndex: i,
	})) as IDataObject;
}

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = requireLocatorId(this, i, 'brand');
	return toItems(this, await fetchBrand(this, i, id));
}
