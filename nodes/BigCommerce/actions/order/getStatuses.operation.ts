import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest } from '../../transport';
import { ORDERS_READ } from '../../shared/scopes';
import { toItems } from '../../shared/items';

export const option: OperationOption = {
	name: 'Get Statuses',
	value: 'getStatuses',
	action: 'Get order statuses',
	description: 'List the 15 order statuses with their IDs and names',
};

export const properties: INodeProperties[] = [];

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
