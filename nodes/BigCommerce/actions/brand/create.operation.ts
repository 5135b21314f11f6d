import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { bigCommerceApiRequest } from '../../transport';
import { toItems } from '../common';
import { CATALOG_WRITE } from '../product/shared';
import { brandBody, brandFieldOptions, checkBrandName } from './shared';

const properties: INodeProperties[] = [
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', description: 'Unique brand name' },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: brandFieldOptions,
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['brand'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const name = checkBrandName(this, i, this.getNodeParameter('name', i, ''));
	const fields = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const brand = (await bigCommerceApiRequest.call(this, {
		method: 'POST',
		version: 'v3',
		path: '/catalog/brands',
		body: { ...brandBody(this, i, fields), name },
		scope: CATALOG_WRITE,
		itemIndex: i,
	})) as IDataObject;
	return toItems(this, brand);
}
