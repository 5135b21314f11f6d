import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest } from '../../transport';
import { couponIdProperty } from './helpers';
import { destructiveNotice } from '../../shared/properties';
import { requireId } from '../../shared/validate';
import { toItems } from '../../shared/items';
import { MARKETING_WRITE } from '../../shared/scopes';

export const option: OperationOption = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a coupon',
	description: 'Permanently delete a coupon (destructive)',
};

export const properties: INodeProperties[] = [
	destructiveNotice(
		'This permanently deletes the coupon; shoppers can no longer use its code. It cannot be undone.',
	),
	{
		...couponIdProperty,
		description: 'The numeric ID of the coupon to delete permanently',
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = requireId(this, i, 'couponId', 'Coupon ID');
	// DELETE /coupons/{id} only: the collection DELETE without a filter would remove every coupon
	await bigCommerceApiRequest.call(this, {
		method: 'DELETE',
		version: 'v2',
		path: `/coupons/${id}`,
		scope: MARKETING_WRITE,
		itemIndex: i,
	});
	return toItems(this, { id, deleted: true });
}
