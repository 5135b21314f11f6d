import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest } from '../../transport';
import { giftBody, giftCertificateIdProperty, optionalGiftFields, partyFields } from './helpers';
import { emailValue, requireId, requireSomeFields } from '../../shared/validate';
import { toItems } from '../../shared/items';
import { MARKETING_WRITE } from '../../shared/scopes';
import { sortByName, moneyProperty } from '../../shared/properties';

export const option: OperationOption = {
	name: 'Update',
	value: 'update',
	action: 'Update a gift certificate',
	description: "Change a gift certificate's balance, status, expiry or recipient",
};

export const properties: INodeProperties[] = [
	giftCertificateIdProperty,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: sortByName([moneyProperty('Amount', 'amount'), ...partyFields, ...optionalGiftFields]),
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = requireId(this, i, 'giftCertificateId', 'Gift Certificate ID');
	const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
	requireSomeFields(this, i, fields);
	const body = giftBody(this, i, fields);
	for (const [param, key, label] of [
		['toEmail', 'to_email', 'Recipient Email'],
		['fromEmail', 'from_email', 'Sender Email'],
	] as const) {
		if (fields[param] === undefined || fields[param] === '') continue;
		const value = String(fields[param]).trim();
		body[key] = emailValue(this, i, value, label);
	}
	const gift = (await bigCommerceApiRequest.call(this, {
		method: 'PUT',
		version: 'v2',
		path: `/gift_certificates/${id}`,
		body,
		scope: MARKETING_WRITE,
		itemIndex: i,
	})) as IDataObject;
	return toItems(this, gift);
}
