import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest } from '../../transport';
import { hookOutput, webhookIdProperty } from './helpers';
import { requireId } from '../../shared/validate';
import { toItems } from '../../shared/items';

export const option: OperationOption = {
	name: 'Get',
	value: 'get',
	action: 'Get a webhook',
	description: 'Get a webhook by ID',
};

export const properties: INodeProperties[] = [webhookIdProperty];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = requireId(this, i, 'webhookId', 'Webhook ID');
	const hook = (await bigCommerceApiRequest.call(this, {
		method: 'GET',
		version: 'v3',
		path: `/hooks/${id}`,
		itemIndex: i,
	})) as IDataObject;
	return toItems(this, hookOutput(hook));
}
