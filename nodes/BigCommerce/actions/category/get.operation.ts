import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { bigCommerceApiRequest } from '../../transport';
import { toItems } from '../common';
import { CATALOG_READ, locator, requireLocatorId } from '../product/shared';

const properties: INodeProperties[] = [locator('category')];

export const description = updateDisplayOptions(
	{ show: { resource: ['category'], operation: ['get'] } },
	properties,
);

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
