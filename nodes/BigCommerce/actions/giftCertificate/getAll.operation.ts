import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequestAllItems } from '../../transport';
import { orderLocator } from '../../shared/locators';
import { partyFields } from './helpers';
import {
	emailValue,
	fail,
	getPagination,
	isBlank,
	locatorValue,
	asPositiveId,
} from '../../shared/validate';
import { returnAllOrLimit } from '../../shared/properties';
import { toItems } from '../../shared/items';
import { MARKETING_READ } from '../../shared/scopes';

export const option: OperationOption = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many gift certificates',
	description: 'List gift certificates, optionally filtered by code, recipient, sender or order',
};

export const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Code',
				name: 'code',
				type: 'string',
				default: '',
				description: 'Only the certificate with exactly this code',
			},
			orderLocator({ required: false, description: 'Only certificates bought in this order' }),
			...partyFields,
		],
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const pagination = getPagination(this, i);
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const qs: IDataObject = {};
	for (const [param, key, label] of [
		['code', 'code', 'Code'],
		['toName', 'to_name', 'Recipient Name'],
		['fromName', 'from_name', 'Sender Name'],
		['toEmail', 'to_email', 'Recipient Email'],
		['fromEmail', 'from_email', 'Sender Email'],
	] as const) {
		if (filters[param] === undefined || String(filters[param]).trim() === '') continue;
		const value = String(filters[param]).trim();
		qs[key] = param.endsWith('Email') ? emailValue(this, i, value, label) : value;
	}
	if (!isBlank(filters.orderId)) {
		const raw = String(locatorValue(filters.orderId)).trim();
		const orderId = asPositiveId(raw);
		if (orderId === undefined)
			fail(this, i, `"Order" must be a positive whole number; got "${raw}"`);
		qs.order_id = orderId;
	}
	const gifts = await bigCommerceApiRequestAllItems.call(
		this,
		{
			method: 'GET',
			version: 'v2',
			path: '/gift_certificates',
			qs,
			scope: MARKETING_READ,
			itemIndex: i,
		},
		pagination,
	);
	return toItems(this, gifts);
}
