import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest } from '../../transport';
import { toItems } from '../../shared/items';
import { INFORMATION_READ } from '../../shared/scopes';

export const option: OperationOption = {
	name: 'Get Zones',
	value: 'getZones',
	action: 'Get shipping zones',
	description: 'List every shipping zone with its locations and free-shipping settings',
};

export const properties: INodeProperties[] = [];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// the zones list has no paging: it is returned whole
	const zones = (await bigCommerceApiRequest.call(this, {
		method: 'GET',
		version: 'v2',
		path: '/shipping/zones',
		scope: INFORMATION_READ,
		itemIndex: i,
	})) as IDataObject[];
	return toItems(this, Array.isArray(zones) ? zones : []);
}
