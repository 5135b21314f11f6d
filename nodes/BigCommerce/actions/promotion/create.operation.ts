import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest } from '../../transport';
import { optionalPromotionFields, promotionBody } from './helpers';
import { wholeNumberValue, fail, codeValue } from '../../shared/validate';
import { toItems } from '../../shared/items';
import { MARKETING_WRITE } from '../../shared/scopes';
import { sortByName } from '../../shared/properties';

export const option: OperationOption = {
	name: 'Create',
	value: 'create',
	action: 'Create a promotion',
	description: 'Create an automatic or coupon promotion',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Spring sale: 10% off',
		description: 'Internal name of the promotion',
	},
	{
		displayName: 'Redemption Type',
		name: 'redemptionType',
		type: 'options',
		options: [
			{ name: 'Automatic', value: 'AUTOMATIC', description: 'Applied to every eligible cart' },
			{ name: 'Coupon', value: 'COUPON', description: 'Applied when the shopper enters a code' },
		],
		default: 'AUTOMATIC',
	},
	{
		displayName: 'Coupon Code',
		name: 'couponCode',
		type: 'string',
		default: '',
		placeholder: 'SPRING10',
		description:
			'The code shoppers enter (letters, numbers, spaces, _ and -). Leave empty to add codes later, or for generated codes.',
		displayOptions: { show: { redemptionType: ['COUPON'] } },
	},
	{
		displayName: 'Coupon Type',
		name: 'couponType',
		type: 'options',
		options: [
			{ name: 'Bulk (Generated Codes)', value: 'BULK' },
			{ name: 'Single', value: 'SINGLE' },
		],
		default: 'SINGLE',
		description:
			'Single: codes you choose. Bulk: codes generated with Promotion → Generate Coupon Codes.',
		displayOptions: { show: { redemptionType: ['COUPON'] } },
	},
	{
		displayName: 'Rules (JSON)',
		name: 'rules',
		type: 'json',
		required: true,
		default: '[{"action": {"cart_value": {"discount": {"percentage_amount": "10"}}}}]',
		description: 'What the promotion does, as BigCommerce rules: a list of {action, condition}',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: sortByName<INodeProperties>([
			...optionalPromotionFields,
			{
				displayName: 'Code Max Uses',
				name: 'codeMaxUses',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description: 'How many times the coupon code can be used (0 = unlimited)',
			},
			{
				displayName: 'Code Max Uses Per Customer',
				name: 'codeMaxUsesPerCustomer',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description: 'How many times each customer can use the coupon code (0 = unlimited)',
			},
		]),
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const redemptionType = this.getNodeParameter('redemptionType', i) as string;
	if (!['AUTOMATIC', 'COUPON'].includes(redemptionType)) {
		fail(this, i, `"Redemption Type" must be AUTOMATIC or COUPON; got "${redemptionType}"`);
	}
	const additional = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const body: IDataObject = {
		redemption_type: redemptionType,
		...promotionBody(this, i, {
			...additional,
			name: this.getNodeParameter('name', i),
			rules: this.getNodeParameter('rules', i),
		}),
	};
	// the code limits are checked whatever the type, and refused where there is no code to limit
	const codeLimits: IDataObject = {};
	if (additional.codeMaxUses !== undefined)
		codeLimits.max_uses = wholeNumberValue(this, i, additional.codeMaxUses, 'Code Max Uses');
	if (additional.codeMaxUsesPerCustomer !== undefined) {
		codeLimits.max_uses_per_customer = wholeNumberValue(
			this,
			i,
			additional.codeMaxUsesPerCustomer,
			'Code Max Uses Per Customer',
		);
	}
	let code: IDataObject | undefined;
	if (redemptionType === 'COUPON') {
		const couponType = this.getNodeParameter('couponType', i, 'SINGLE') as string;
		if (!['SINGLE', 'BULK'].includes(couponType))
			fail(this, i, `"Coupon Type" must be SINGLE or BULK; got "${couponType}"`);
		body.coupon_type = couponType;
		const rawCode = String(this.getNodeParameter('couponCode', i, '') ?? '').trim();
		if (rawCode) {
			if (couponType === 'BULK')
				fail(
					this,
					i,
					'"Coupon Code" cannot be set on a Bulk promotion: generate its codes instead',
				);
			code = { code: codeValue(this, i, rawCode, 'Coupon Code'), ...codeLimits };
		}
	}
	if (!code && Object.keys(codeLimits).length) {
		fail(
			this,
			i,
			'"Code Max Uses" and "Code Max Uses Per Customer" limit the Coupon Code: set a Coupon Code (Redemption Type Coupon, Coupon Type Single) or remove them',
			'For Bulk promotions set the limits per code in Generate Coupon Codes.',
		);
	}
	const promotion = (await bigCommerceApiRequest.call(this, {
		method: 'POST',
		version: 'v3',
		path: '/promotions',
		body,
		scope: MARKETING_WRITE,
		itemIndex: i,
	})) as IDataObject;
	if (!code) return toItems(this, promotion);
	// the code is added with its own call: the create schema cannot carry a code that does not exist yet
	const created = (await bigCommerceApiRequest.call(this, {
		method: 'POST',
		version: 'v3',
		path: `/promotions/${String(promotion.id)}/codes`,
		body: code,
		scope: MARKETING_WRITE,
		itemIndex: i,
	})) as IDataObject;
	return toItems(this, {
		...promotion,
		codes: created,
		multiple_codes: { has_multiple_codes: false },
	});
}
