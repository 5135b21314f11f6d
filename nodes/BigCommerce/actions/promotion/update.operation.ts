import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest } from '../../transport';
import { optionalPromotionFields, promotionBody, promotionIdProperty } from './helpers';
import { requireId, requireSomeFields } from '../../shared/validate';
import { toItems } from '../../shared/items';
import { MARKETING_WRITE } from '../../shared/scopes';
import { sortByName } from '../../shared/properties';

export const option: OperationOption = {
	name: 'Update',
	value: 'update',
	action: 'Update a promotion',
	description: "Change a promotion's name, status, dates, limits or rules",
};

export const properties: INodeProperties[] = [
	promotionIdProperty,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: sortByName<INodeProperties>([
			...optionalPromotionFields,
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'Internal name of the promotion',
			},
			{
				displayName: 'Rules (JSON)',
				name: 'rules',
				type: 'json',
				default: '[{"action": {"cart_value": {"discount": {"percentage_amount": "10"}}}}]',
				description: "Replaces the promotion's rules: a list of {action, condition}",
			},
		]),
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = requireId(this, i, 'promotionId', 'Promotion ID');
	const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
	requireSomeFields(this, i, fields);
	const body = promotionBody(this, i, fields);
	const promotion = (await bigCommerceApiRequest.call(this, {
		method: 'PUT',
		version: 'v3',
		path: `/promotions/${id}`,
		body,
		scope: MARKETING_WRITE,
		itemIndex: i,
	})) as IDataObject;
	return toItems(this, promotion);
}
