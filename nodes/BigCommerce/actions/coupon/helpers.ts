import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	wholeNumberValue,
	idListValue,
	codeValue,
	dateValue,
	moneyStringValue,
	fail,
} from '../../shared/validate';
import { toRfc2822 } from '../../shared/dates';
import { moneyProperty } from '../../shared/properties';

export const couponTypeOptions = [
	{ name: 'Dollar Amount Off Each Item', value: 'per_item_discount' },
	{ name: 'Dollar Amount Off Order Total', value: 'per_total_discount' },
	{ name: 'Dollar Amount Off Shipping', value: 'shipping_discount' },
	{ name: 'Free Shipping', value: 'free_shipping' },
	{ name: 'Percentage Off', value: 'percentage_discount' },
];

export const appliesToOptions = [
	{ name: 'Categories', value: 'categories' },
	{ name: 'Products', value: 'products' },
];

/** The discount type (Create, and Update Fields). */
export const discountTypeProperty: INodeProperties = {
	displayName: 'Discount Type',
	name: 'type',
	type: 'options',
	options: couponTypeOptions,
	default: 'percentage_discount',
};

/** The discount amount (Create, and Update Fields). */
export const amountProperty: INodeProperties = {
	displayName: 'Amount',
	name: 'amount',
	type: 'number',
	typeOptions: { minValue: 0, numberPrecision: 2 },
	default: 0,
	description:
		'The discount: a percentage for Percentage Off, otherwise an amount in the store currency',
};

/** What the discount applies to: categories or products. */
export const appliesToProperty: INodeProperties = {
	displayName: 'Applies To',
	name: 'appliesTo',
	type: 'options',
	options: appliesToOptions,
	default: 'categories',
};

/** The category or product IDs the discount applies to ('0' by default on Create: every category). */
export function appliesToIdsProperty(defaultValue: string): INodeProperties {
	return {
		displayName: 'Applies To IDs',
		name: 'appliesToIds',
		type: 'string',
		default: defaultValue,
		placeholder: '0',
		description: 'Comma-separated category or product IDs. For categories, 0 means every category.',
	};
}

export const couponIdProperty: INodeProperties = {
	displayName: 'Coupon ID',
	name: 'couponId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '12',
	description: 'The numeric ID of the coupon',
};

/** Optional coupon fields, shared by Create (Additional Fields) and Update (Update Fields). */
export const optionalCouponFields: INodeProperties[] = [
	{
		displayName: 'Enabled',
		name: 'enabled',
		type: 'boolean',
		default: true,
		description: 'Whether shoppers can use the coupon',
	},
	{
		displayName: 'Expires',
		name: 'expires',
		type: 'dateTime',
		default: '',
		description: 'When the coupon stops working. Leave empty for no expiry date.',
	},
	{
		displayName: 'Max Uses',
		name: 'maxUses',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'How many times the coupon can be used in total (0 = unlimited)',
	},
	{
		displayName: 'Max Uses Per Customer',
		name: 'maxUsesPerCustomer',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'How many times each customer can use the coupon (0 = unlimited)',
	},
	moneyProperty(
		'Minimum Purchase',
		'minPurchase',
		'Order subtotal the cart must reach before the coupon applies',
	),
	{
		displayName: 'Shipping Methods',
		name: 'shippingMethods',
		type: 'string',
		default: '',
		placeholder: 'shipping_endicia, shipping_flatrate',
		description: 'Comma-separated names of the shipping methods the coupon is limited to',
	},
];

/** Maps the optional n8n fields to the API body (validated). */
export function optionalCouponBody(
	ctx: IExecuteFunctions,
	i: number,
	fields: IDataObject,
): IDataObject {
	const body: IDataObject = {};
	if (fields.enabled !== undefined) body.enabled = Boolean(fields.enabled);
	if (fields.expires !== undefined && fields.expires !== '') {
		body.expires = toRfc2822(dateValue(ctx, i, fields.expires, 'Expires'));
	}
	if (fields.maxUses !== undefined)
		body.max_uses = wholeNumberValue(ctx, i, fields.maxUses, 'Max Uses');
	if (fields.maxUsesPerCustomer !== undefined) {
		body.max_uses_per_customer = wholeNumberValue(
			ctx,
			i,
			fields.maxUsesPerCustomer,
			'Max Uses Per Customer',
		);
	}
	if (fields.minPurchase !== undefined)
		body.min_purchase = moneyStringValue(ctx, i, fields.minPurchase, 'Minimum Purchase');
	if (fields.shippingMethods !== undefined && fields.shippingMethods !== '') {
		body.shipping_methods = String(fields.shippingMethods)
			.split(',')
			.map((name) => name.trim())
			.filter(Boolean);
	}
	return body;
}

const COUPON_TYPES = couponTypeOptions.map((option) => option.value);

/** Validates the core fields (name, code, type, amount, applies to) that are present. */
export function coreCouponBody(
	ctx: IExecuteFunctions,
	i: number,
	fields: IDataObject,
	currentEntity?: string,
): IDataObject {
	const body: IDataObject = {};
	if (fields.name !== undefined) {
		const name = String(fields.name).trim();
		if (!name || name.length > 100)
			fail(ctx, i, `"Name" must be 1 to 100 characters; got "${name}"`);
		body.name = name;
	}
	if (fields.code !== undefined) body.code = codeValue(ctx, i, fields.code, 'Code');
	if (fields.type !== undefined) {
		if (!COUPON_TYPES.includes(String(fields.type))) {
			fail(
				ctx,
				i,
				`"Discount Type" must be one of ${COUPON_TYPES.join(', ')}; got "${String(fields.type)}"`,
			);
		}
		body.type = fields.type;
	}
	if (fields.amount !== undefined) body.amount = moneyStringValue(ctx, i, fields.amount, 'Amount');
	if (fields.appliesTo !== undefined || fields.appliesToIds !== undefined) {
		const entity = String(fields.appliesTo ?? currentEntity ?? 'categories');
		if (!['categories', 'products'].includes(entity)) {
			fail(ctx, i, `"Applies To" must be categories or products; got "${entity}"`);
		}
		const ids = idListValue(
			ctx,
			i,
			fields.appliesToIds ?? (entity === 'categories' ? '0' : ''),
			'Applies To IDs',
			{
				allowZero: entity === 'categories',
			},
		);
		body.applies_to = { entity, ids };
	}
	return body;
}
