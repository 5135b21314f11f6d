import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { bigCommerceApiRequest } from '../../transport';
import { toItems } from '../common';
import { CATALOG_WRITE, locator, requireLocatorId } from './shared';

const properties: INodeProperties[] = [
	{
		displayName: 'This permanently deletes the product with its variants, images, custom fields and videos. It cannot be undone.',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
	},
	locator('product'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['product'], operation: ['delete'] } },
	properties,
);

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
