import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest } from '../../transport';
import { brandBody, brandFieldOptions, checkBrandName } from './helpers';
import { CATALOG_WRITE } from '../../shared/scopes';
import { toItems } from '../../shared/items';

export const option: OperationOption = {
	name: 'Create',
	value: 'create',
	action: 'Create a brand',
	description: 'Create a brand',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		description: 'Unique brand name',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: brandFieldOptions,
	},
];

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
