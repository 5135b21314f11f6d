import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { bigCommerceApiRequest } from '../../transport';
import { toItems } from '../common';
import { ORDERS_READ } from './shared';

const properties: INodeProperties[] = [];

export const description = updateDisplayOptions(
	{ show: { resource: ['order'], operation: ['getStatuses'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const statuses = (await bigCommerceApiRequest.call(this, {
		method: 'GET',
		version: 'v2',
		path: '/order_statuses',
		scope: ORDERS_READ,
		itemIndex: i,
	})) as IDataObject[];
	return toItems(
		this,
		statuses.map((status) => ({
			id: status.id,
			name: status.name,
			custom_label: status.custom_label,
			system_label: status.system_label,
			description: status.system_description,
		})),
	);
}
