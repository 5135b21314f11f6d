import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest } from '../../transport';
import { CATALOG_WRITE } from '../../shared/scopes';
import { locator, requireLocatorId } from '../../shared/locators';
import { toItems } from '../../shared/items';

export const option: OperationOption = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a product',
	description: 'Permanently delete a product with its variants, images and fields (destructive)',
};

export const properties: INodeProperties[] = [
	{
		displayName:
			'This permanently deletes the product with its variants, images, custom fields and videos. It cannot be undone.',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
	},
	locator('product'),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = requireLocatorId(this, i, 'product');
	await bigCommerceApiRequest.call(this, {
		method: 'DELETE',
		version: 'v3',
		path: `/catalog/products/${id}`,
		scope: CATALOG_WRITE,
		itemIndex: i,
	});
	return toItems(this, { id, deleted: true });
}
