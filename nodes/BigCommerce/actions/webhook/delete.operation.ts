import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest } from '../../transport';
import { hookOutput, webhookIdProperty } from './helpers';
import { destructiveNotice } from '../../shared/properties';
import { requireId } from '../../shared/validate';
import { toItems } from '../../shared/items';

export const option: OperationOption = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a webhook',
	description: 'Permanently delete a webhook (destructive)',
};

export const properties: INodeProperties[] = [
	destructiveNotice(
		'This permanently deletes the webhook; BigCommerce stops sending its events. It cannot be undone.',
	),
	{ ...webhookIdProperty, description: 'The numeric ID of the webhook to delete permanently' },
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = requireId(this, i, 'webhookId', 'Webhook ID');
	// BigCommerce answers a webhook DELETE with the deleted hook (200), not 204
	const hook = (await bigCommerceApiRequest.call(this, {
		method: 'DELETE',
		version: 'v3',
		path: `/hooks/${id}`,
		itemIndex: i,
	})) as IDataObject;
	return toItems(this, {
		...hookOutput(hook && typeof hook === 'object' ? hook : { id }),
		deleted: true,
	});
}
