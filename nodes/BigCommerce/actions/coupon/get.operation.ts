import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest } from '../../transport';
import { couponIdProperty } from './helpers';
import { fail, requireId } from '../../shared/validate';
import { toItems } from '../../shared/items';
import { MARKETING_READ } from '../../shared/scopes';

export const option: OperationOption = {
	name: 'Get',
	value: 'get',
	action: 'Get a coupon',
	description: 'Get a coupon by ID',
};

export const properties: INodeProperties[] = [couponIdProperty];

/** V2 has no GET /coupons/{id}: the coupon is read with the `id` filter. */
export async function fetchCoupon(
	ctx: IExecuteFunctions,
	i: number,
	id: number,
): Promise<IDataObject> {
	const found = (await bigCommerceApiRequest.call(ctx, {
		method: 'GET',
		version: 'v2',
		path: '/coupons',
		qs: { id },
		scope: MARKETING_READ,
		itemIndex: i,
	})) as IDataObject[];
	const coupon = Array.isArray(found) ? found.find((entry) => Number(entry.id) === id) : undefined;
	if (!coupon)
		fail(
			ctx,
			i,
			`No coupon with ID ${id} exists in this store`,
			'Check the ID with Coupon → Get Many.',
		);
	return coupon;
}

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = requireId(this, i, 'couponId', 'Coupon ID');
	return toItems(this, await fetchCoupon(this, i, id));
}
