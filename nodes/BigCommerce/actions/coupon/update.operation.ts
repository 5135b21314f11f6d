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
	couponIdProperty,
	discountTypeProperty,
	optionalCouponBody,
	optionalCouponFields,
} from './helpers';
import { fetchCoupon } from './get.operation';
import { requireId, requireSomeFields } from '../../shared/validate';
import { toItems } from '../../shared/items';
import { MARKETING_WRITE } from '../../shared/scopes';
import { toRfc2822 } from '../../shared/dates';
import { sortByName } from '../../shared/properties';

export const option: OperationOption = {
	name: 'Update',
	value: 'update',
	action: 'Update a coupon',
	description: "Change a coupon's code, discount, limits or expiry",
};

export const properties: INodeProperties[] = [
	couponIdProperty,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: sortByName<INodeProperties>([
			amountProperty,
			appliesToProperty,
			appliesToIdsProperty(''),
			{
				displayName: 'Code',
				name: 'code',
				type: 'string',
				default: '',
				description: 'The code shoppers enter at checkout',
			},
			discountTypeProperty,
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'Internal name of the coupon (unique)',
			},
			...optionalCouponFields,
		]),
	},
];

/** What PUT /coupons/{id} accepts; read-only fields (id, num_uses, date_created) are left out. */
const WRITABLE = [
	'name',
	'type',
	'amount',
	'min_purchase',
	'expires',
	'enabled',
	'code',
	'applies_to',
	'max_uses',
	'max_uses_per_customer',
	'shipping_methods',
];

/** Items at once (see OperationModule.itemsInParallel). PUT replaces the whole coupon, so the current one is read and merged first: items that change the same coupon must not interleave. */
export const itemsInParallel = 1;

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = requireId(this, i, 'couponId', 'Coupon ID');
	const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
	requireSomeFields(this, i, fields);
	const core: IDataObject = {};
	for (const key of ['name', 'code', 'type', 'amount', 'appliesTo', 'appliesToIds']) {
		if (fields[key] !== undefined && fields[key] !== '') core[key] = fields[key];
	}
	// every field is validated before the first request
	const changes: IDataObject = {
		...coreCouponBody(this, i, core, 'categories'),
		...optionalCouponBody(this, i, fields),
	};

	// PUT replaces the coupon (an omitted applies_to is cleared), so the current values are merged in
	const current = await fetchCoupon(this, i, id);
	const body: IDataObject = {};
	for (const key of WRITABLE) {
		if (current[key] !== undefined && current[key] !== null) body[key] = current[key];
	}
	if (typeof body.expires === 'string') {
		if (body.expires) body.expires = toRfc2822(Date.parse(body.expires));
		else delete body.expires;
	}
	if (core.appliesTo === undefined && core.appliesToIds !== undefined) {
		// only the IDs changed: keep the coupon's entity (categories allow 0 = all, products do not)
		const entity = String((current.applies_to as IDataObject | undefined)?.entity ?? 'categories');
		changes.applies_to = coreCouponBody(this, i, {
			appliesTo: entity,
			appliesToIds: core.appliesToIds,
		}).applies_to;
	}
	Object.assign(body, changes);
	const coupon = (await bigCommerceApiRequest.call(this, {
		method: 'PUT',
		version: 'v2',
		path: `/coupons/${id}`,
		body,
		scope: MARKETING_WRITE,
		itemIndex: i,
	})) as IDataObject;
	return toItems(this, coupon);
}
