import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest } from '../../transport';
import { fetchBrand } from './get.operation';
import { brandBody, brandFieldOptions } from './helpers';
import { CATALOG_WRITE } from '../../shared/scopes';
import { locator, requireLocatorId } from '../../shared/locators';
import { toItems } from '../../shared/items';
import { requireSomeChange } from '../../shared/validate';
import { sortByName } from '../../shared/properties';

export const option: OperationOption = {
	name: 'Update',
	value: 'update',
	action: 'Update a brand',
	description: "Change a brand's name or page fields",
};

export const properties: INodeProperties[] = [
	locator('brand'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: sortByName<INodeProperties>([
			...brandFieldOptions,
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
		]),
	},
];

/** Items at once (see OperationModule.itemsInParallel). May read the brand (its name) before writing it: items that change the same brand must not interleave. */
export const itemsInParallel = 1;

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = requireLocatorId(this, i, 'brand');
	const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
	const body = brandBody(this, i, fields);
	requireSomeChange(this, i, body);
	// the update schema requires `name`: keep the current one when it is not being changed
	if (body.name === undefined) body.name = (await fetchBrand(this, i, id)).name;
	const brand = (await bigCommerceApiRequest.call(this, {
		method: 'PUT',
		version: 'v3',
		path: `/catalog/brands/${id}`,
		body,
		scope: CATALOG_WRITE,
		itemIndex: i,
	})) as IDataObject;
	return toItems(this, brand);
}
