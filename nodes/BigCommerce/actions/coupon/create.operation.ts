import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest } from '../../transport';
import {
	amountProperty,
	appliesToIdsProperty,
	appliesToProperty,
	coreCouponBody,
	discountTypeProperty,
	optionalCouponBody,
	optionalCouponFields,
} from './helpers';
import { toItems } from '../../shared/items';
import { MARKETING_WRITE } from '../../shared/scopes';

export const option: OperationOption = {
	name: 'Create',
	value: 'create',
	action: 'Create a coupon',
	description: 'Create a coupon code with a discount',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Code',
		name: 'code',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'SAVE20',
		description: 'The code shoppers enter at checkout (letters, numbers, spaces, _ and -; unique)',
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: '20% off orders over $50',
		description: 'Internal name of the coupon (unique)',
	},
	discountTypeProperty,
	amountProperty,
	appliesToProperty,
	appliesToIdsProperty('0'),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: optionalCouponFields,
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const fields: IDataObject = {
		code: this.getNodeParameter('code', i),
		name: this.getNodeParameter('name', i),
		type: this.getNodeParameter('type', i),
		amount: this.getNodeParameter('amount', i),
		appliesTo: this.getNodeParameter('appliesTo', i),
		appliesToIds: this.getNodeParameter('appliesToIds', i, '0'),
	};
	const body: IDataObject = {
		...coreCouponBody(this, i, fields),
		...optionalCouponBody(this, i, this.getNodeParameter('additionalFields', i, {}) as IDataObject),
	};
	const coupon = (await bigCommerceApiRequest.call(this, {
		method: 'POST',
		version: 'v2',
		path: '/coupons',
		body,
		scope: MARKETING_WRITE,
		itemIndex: i,
	})) as IDataObject;
	return toItems(this, coupon);
}
