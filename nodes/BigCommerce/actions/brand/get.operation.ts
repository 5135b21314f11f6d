import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { bigCommerceApiRequest } from '../../transport';
import { toItems } from '../common';
import { CATALOG_READ, locator, requireLocatorId } from '../product/shared';

const properties: INodeProperties[] = [locator('brand')];

export const description = updateDisplayOptions(
	{ show: { resource: ['brand'], operation: ['get'] } },
	properties,
);

export async function fetchBrand(ctx: IExecuteFunctions, i: number, id: number): Promise<IDataObject> {
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
