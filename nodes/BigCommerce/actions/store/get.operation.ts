import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest } from '../../transport';
import { toItems } from '../../shared/items';
import { INFORMATION_READ } from '../../shared/scopes';

export const option: OperationOption = {
	name: 'Get Information',
	value: 'get',
	action: 'Get store information',
	description: "Get the store's name, domain, currency, timezone, plan and features",
};

export const properties: INodeProperties[] = [];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const store = (await bigCommerceApiRequest.call(this, {
		method: 'GET',
		version: 'v2',
		path: '/store',
		scope: INFORMATION_READ,
		itemIndex: i,
	})) as IDataObject;
	return toItems(this, store);
}
