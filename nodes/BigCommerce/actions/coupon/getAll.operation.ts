import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequestAllItems } from '../../transport';
import { couponTypeOptions } from './helpers';
import { fail, getPagination, codeValue } from '../../shared/validate';
import { returnAllOrLimit } from '../../shared/properties';
import { toItems } from '../../shared/items';
import { MARKETING_READ } from '../../shared/scopes';

export const option: OperationOption = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many coupons',
	description: 'List coupons, optionally filtered by code, name or type',
};

export const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Code',
				name: 'code',
				type: 'string',
				default: '',
				description: 'Only the coupon with exactly this code',
			},
			{
				displayName: 'Discount Type',
				name: 'type',
				type: 'options',
				options: couponTypeOptions,
				default: 'percentage_discount',
			},
			{
				displayName: 'Max ID',
				name: 'maxId',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 1,
				description: 'Only coupons with this ID or lower',
			},
			{
				displayName: 'Min ID',
				name: 'minId',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 1,
				description: 'Only coupons with this ID or higher',
			},
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'Only the coupon with exactly this name',
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const pagination = getPagination(this, i);
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const qs: IDataObject = {};
	if (filters.code !== undefined && filters.code !== '')
		qs.code = codeValue(this, i, filters.code, 'Code');
	if (filters.name !== undefined && filters.name !== '') qs.name = String(filters.name).trim();
	if (filters.type !== undefined) qs.type = filters.type;
	for (const [key, param, label] of [
		['min_id', 'minId', 'Min ID'],
		['max_id', 'maxId', 'Max ID'],
	] as const) {
		if (filters[param] === undefined) continue;
		const value = Number(filters[param]);
		if (!Number.isInteger(value) || value < 1)
			fail(this, i, `"${label}" must be a positive whole number; got "${String(filters[param])}"`);
		qs[key] = value;
	}
	const coupons = await bigCommerceApiRequestAllItems.call(
		this,
		{ method: 'GET', version: 'v2', path: '/coupons', qs, scope: MARKETING_READ, itemIndex: i },
		pagination,
	);
	return toItems(this, coupons);
}
