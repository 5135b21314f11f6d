import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest } from '../../transport';
import { describeGroup } from './helpers';
import { CUSTOMERS_READ } from '../../shared/scopes';
import { requireId } from '../../shared/validate';
import { toItems } from '../../shared/items';

export const option: OperationOption = {
	name: 'Get',
	value: 'get',
	action: 'Get a customer group',
	description: 'Get one customer group with the categories it may see',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Customer Group ID',
		name: 'groupId',
		type: 'number',
		required: true,
		default: 0,
		description: 'ID of the customer group (see Customer Group → Get Many)',
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = requireId(this, i, 'groupId', 'Customer Group ID');
	const group = (await bigCommerceApiRequest.call(this, {
		method: 'GET',
		version: 'v2',
		path: `/customer_groups/${id}`,
		scope: CUSTOMERS_READ,
		itemIndex: i,
	})) as IDataObject;
	return toItems(this, describeGroup(group));
}
