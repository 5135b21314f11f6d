import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequestAllItems } from '../../transport';
import { checkDestination, checkScope, hookOutput } from './helpers';
import { getPagination } from '../../shared/validate';
import { returnAllOrLimit } from '../../shared/properties';
import { toItems } from '../../shared/items';

export const option: OperationOption = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many webhooks',
	description: 'List the webhooks of this API account, optionally only active or deactivated ones',
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
				displayName: 'Active',
				name: 'isActive',
				type: 'boolean',
				default: true,
				description: 'Whether to return only active (true) or only deactivated (false) webhooks',
			},
			{
				displayName: 'Destination',
				name: 'destination',
				type: 'string',
				default: '',
				description: 'Only webhooks that deliver to exactly this URL',
			},
			{
				displayName: 'Event Scope',
				name: 'scope',
				type: 'string',
				default: '',
				placeholder: 'store/order/created',
				description: 'Only webhooks for exactly this event',
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const pagination = getPagination(this, i);
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const qs: IDataObject = {};
	if (filters.isActive !== undefined) qs.is_active = Boolean(filters.isActive);
	if (filters.scope !== undefined && filters.scope !== '')
		qs.scope = checkScope(this, i, filters.scope);
	if (filters.destination !== undefined && filters.destination !== '') {
		qs.destination = checkDestination(this, i, filters.destination);
	}
	const hooks = await bigCommerceApiRequestAllItems.call(
		this,
		{ method: 'GET', version: 'v3', path: '/hooks', qs, itemIndex: i },
		pagination,
	);
	return toItems(this, hooks.map(hookOutput));
}
