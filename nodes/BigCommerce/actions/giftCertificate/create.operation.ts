import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest } from '../../transport';
import { giftBody, giftEmails, optionalGiftFields } from './helpers';
import { toItems } from '../../shared/items';
import { MARKETING_WRITE } from '../../shared/scopes';

export const option: OperationOption = {
	name: 'Create',
	value: 'create',
	action: 'Create a gift certificate',
	description: 'Create a gift certificate (BigCommerce does not email it)',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Recipient Name',
		name: 'toName',
		type: 'string',
		required: true,
		default: '',
	},
	{
		displayName: 'Recipient Email',
		name: 'toEmail',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
	},
	{
		displayName: 'Sender Name',
		name: 'fromName',
		type: 'string',
		required: true,
		default: '',
	},
	{
		displayName: 'Sender Email',
		name: 'fromEmail',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
	},
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		required: true,
		default: 0,
		description: 'Value of the certificate in the store currency',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: optionalGiftFields,
	},
	{
		displayName:
			'BigCommerce does not email the recipient when a gift certificate is created through the API: send the code yourself',
		name: 'noEmailNotice',
		type: 'notice',
		default: '',
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const body: IDataObject = {
		...giftBody(this, i, {
			toName: this.getNodeParameter('toName', i),
			fromName: this.getNodeParameter('fromName', i),
			amount: this.getNodeParameter('amount', i),
		}),
		...giftEmails(this, i, [
			['toEmail', 'to_email', 'Recipient Email'],
			['fromEmail', 'from_email', 'Sender Email'],
		]),
		...giftBody(this, i, this.getNodeParameter('additionalFields', i, {}) as IDataObject),
	};
	const gift = (await bigCommerceApiRequest.call(this, {
		method: 'POST',
		version: 'v2',
		path: '/gift_certificates',
		body,
		scope: MARKETING_WRITE,
		itemIndex: i,
	})) as IDataObject;
	return toItems(this, gift);
}
