import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest } from '../../transport';

import {
	checkDestination,
	checkScope,
	headersObject,
	hookOutput,
	webhookIdProperty,
} from './helpers';
import { requireId, requireSomeChange } from '../../shared/validate';
import { toItems } from '../../shared/items';

export const option: OperationOption = {
	name: 'Update',
	value: 'update',
	action: 'Update a webhook',
	description: "Change a webhook's event, URL or headers, or re-enable a deactivated webhook",
};

export const properties: INodeProperties[] = [
	webhookIdProperty,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Active',
				name: 'isActive',
				type: 'boolean',
				default: true,
				description:
					'Whether BigCommerce delivers events to the webhook. Turn on to re-enable a webhook BigCommerce deactivated after failed deliveries.',
			},
			{
				displayName: 'Destination',
				name: 'destination',
				type: 'string',
				default: '',
				placeholder: 'https://example.com/webhooks/bigcommerce',
			},
			{
				displayName: 'Event Scope',
				name: 'scope',
				type: 'string',
				default: '',
				placeholder: 'store/order/created',
			},
			{
				displayName: 'Headers',
				name: 'headers',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				placeholder: 'Add Header',
				default: {},
				description: 'Replaces the custom headers sent with every delivery',
				options: [
					{
						displayName: 'Header',
						name: 'header',
						values: [
							{ displayName: 'Name', name: 'name', type: 'string', default: '' },
							{ displayName: 'Value', name: 'value', type: 'string', default: '' },
						],
					},
				],
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = requireId(this, i, 'webhookId', 'Webhook ID');
	const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
	const body: IDataObject = {};
	if (fields.scope !== undefined && fields.scope !== '')
		body.scope = checkScope(this, i, fields.scope);
	if (fields.destination !== undefined && fields.destination !== '') {
		body.destination = checkDestination(this, i, fields.destination);
	}
	if (fields.isActive !== undefined) body.is_active = Boolean(fields.isActive);
	const headers = fields.headers !== undefined ? headersObject(this, i, fields.headers) : undefined;
	if (headers) body.headers = headers;
	requireSomeChange(this, i, body);
	const hook = (await bigCommerceApiRequest.call(this, {
		method: 'PUT',
		version: 'v3',
		path: `/hooks/${id}`,
		body,
		itemIndex: i,
	})) as IDataObject;
	return toItems(this, hookOutput(hook));
}
