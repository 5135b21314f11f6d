import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { bigCommerceApiRequest } from '../../transport';
import { requireId, toItems } from '../common';
import { hookOutput, webhookIdProperty } from './fields';

const properties: INodeProperties[] = [webhookIdProperty];

export const description = updateDisplayOptions(
	{ show: { resource: ['webhook'], operation: ['get'] } },
	properties,
);

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
