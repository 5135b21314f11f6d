import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest } from '../../transport';
import { CATALOG_WRITE } from '../../shared/scopes';
import { locator, requireLocatorId } from '../../shared/locators';
import { toItems } from '../../shared/items';

export const option: OperationOption = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a brand',
	description: 'Permanently delete a brand; its products lose the brand (destructive)',
};

export const properties: INodeProperties[] = [
	{
		displayName:
			'This permanently deletes the brand; its products stay, without a brand. It cannot be undone.',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
	},
	locator('brand'),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = requireLocatorId(this, i, 'brand');
	await bigCommerceApiRequest.call(this, {
		method: 'DELETE',
		version: 'v3',
		path: `/catalog/brands/${id}`,
		scope: CATALOG_WRITE,
		itemIndex: i,
	});
	return toItems(this, { id, deleted: true });
}
