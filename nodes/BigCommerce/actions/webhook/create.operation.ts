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
	headersProperty,
	hookOutput,
} from './helpers';
import { toItems } from '../../shared/items';

export const option: OperationOption = {
	name: 'Create',
	value: 'create',
	action: 'Create a webhook',
	description: 'Subscribe a URL to a store event',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Event Scope',
		name: 'scope',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'store/order/created',
		description:
			'The event to subscribe to, e.g. store/order/created, store/product/*, store/cart/abandoned',
	},
	{
		displayName: 'Destination',
		name: 'destination',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://example.com/webhooks/bigcommerce',
		description: 'The HTTPS URL (port 443) BigCommerce posts the events to',
	},
	{
		displayName: 'Active',
		name: 'isActive',
		type: 'boolean',
		default: true,
		description: 'Whether BigCommerce delivers events to the webhook',
	},
	headersProperty,
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const body: IDataObject = {
		scope: checkScope(this, i, this.getNodeParameter('scope', i)),
		destination: checkDestination(this, i, this.getNodeParameter('destination', i)),
		is_active: this.getNodeParameter('isActive', i, true) as boolean,
	};
	const headers = headersObject(this, i, this.getNodeParameter('headers', i, {}));
	if (headers) body.headers = headers;
	// webhooks need no OAuth scope beyond the API account's default one
	const hook = (await bigCommerceApiRequest.call(this, {
		method: 'POST',
		version: 'v3',
		path: '/hooks',
		body,
		itemIndex: i,
	})) as IDataObject;
	return toItems(this, hookOutput(hook));
}
