import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequestAllItems } from '../../transport';
import { simplifyProperty, statusOptions, simplifyPromotion } from './helpers';
import { idListValue, getPagination, codeValue } from '../../shared/validate';
import { returnAllOrLimit } from '../../shared/properties';
import { toItems } from '../../shared/items';
import { MARKETING_READ } from '../../shared/scopes';

export const option: OperationOption = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many promotions',
	description: 'List promotions, optionally filtered by status, code, name, type or channel',
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
				displayName: 'Channel IDs',
				name: 'channelIds',
				type: 'string',
				default: '',
				placeholder: '1, 2',
				description: 'Only promotions that run on one of these channels',
			},
			{
				displayName: 'Code',
				name: 'code',
				type: 'string',
				default: '',
				description: 'Only promotions with exactly this coupon code',
			},
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'Only promotions with exactly this name',
			},
			{
				displayName: 'Name Contains',
				name: 'query',
				type: 'string',
				default: '',
				description: 'Only promotions whose name contains this text',
			},
			{
				displayName: 'Redemption Type',
				name: 'redemptionType',
				type: 'options',
				options: [
					{ name: 'Automatic', value: 'automatic' },
					{ name: 'Coupon', value: 'coupon' },
				],
				default: 'automatic',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: statusOptions,
				default: 'ENABLED',
			},
		],
	},
	simplifyProperty,
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const pagination = getPagination(this, i);
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const simplify = this.getNodeParameter('simplify', i, true) as boolean;
	const qs: IDataObject = {};
	if (filters.code !== undefined && filters.code !== '')
		qs.code = codeValue(this, i, filters.code, 'Code');
	if (filters.name !== undefined && filters.name !== '') qs.name = String(filters.name).trim();
	if (filters.query !== undefined && filters.query !== '') qs.query = String(filters.query).trim();
	if (filters.redemptionType !== undefined) qs.redemption_type = filters.redemptionType;
	if (filters.status !== undefined) qs.status = filters.status;
	if (filters.channelIds !== undefined && filters.channelIds !== '') {
		qs.channels = idListValue(this, i, filters.channelIds, 'Channel IDs').join(',');
	}
	const promotions = await bigCommerceApiRequestAllItems.call(
		this,
		{ method: 'GET', version: 'v3', path: '/promotions', qs, scope: MARKETING_READ, itemIndex: i },
		pagination,
	);
	return toItems(this, simplify ? promotions.map(simplifyPromotion) : promotions);
}
