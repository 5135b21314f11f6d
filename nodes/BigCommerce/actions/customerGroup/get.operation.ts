import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { bigCommerceApiRequest } from '../../transport';
import { requireId, toItems } from '../common';
import { CUSTOMERS_READ } from '../customer/shared';
import { describeGroup } from './shared';

const properties: INodeProperties[] = [
	{
		displayName: 'Customer Group ID',
		name: 'groupId',
		type: 'number',
		required: true,
		default: 0,
		description: 'ID of the customer group (see Customer Group → Get Many)',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customerGroup'], operation: ['get'] } },
	properties,
);

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
