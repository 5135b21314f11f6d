import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest } from '../../transport';
import { promotionIdProperty } from './helpers';
import { destructiveNotice } from '../../shared/properties';
import { requireId } from '../../shared/validate';
import { toItems } from '../../shared/items';
import { MARKETING_WRITE } from '../../shared/scopes';

export const option: OperationOption = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a promotion',
	description: 'Permanently delete a promotion and its codes (destructive)',
};

export const properties: INodeProperties[] = [
	destructiveNotice(
		'This permanently deletes the promotion and its coupon codes. It cannot be undone.',
	),
	{
		...promotionIdProperty,
		description: 'The numeric ID of the promotion to delete permanently, with its coupon codes',
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = requireId(this, i, 'promotionId', 'Promotion ID');
	await bigCommerceApiRequest.call(this, {
		method: 'DELETE',
		version: 'v3',
		path: `/promotions/${id}`,
		scope: MARKETING_WRITE,
		itemIndex: i,
	});
	return toItems(this, { id, deleted: true });
}
