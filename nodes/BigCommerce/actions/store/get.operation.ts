import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { bigCommerceApiRequest } from '../../transport';
import { toItems } from '../common';

const properties: INodeProperties[] = [];

export const description = updateDisplayOptions(
	{ show: { resource: ['store'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const store = (await bigCommerceApiRequest.call(this, {
		method: 'GET',
		version: 'v2',
		path: '/store',
		scope: 'store_v2_information_read_only',
		itemIndex: i,
	})) as IDataObject;
	return toItems(this, store);
}
