import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { bigCommerceApiRequest } from '../../transport';
import { toItems } from '../common';

const properties: INodeProperties[] = [];

export const description = updateDisplayOptions(
	{ show: { resource: ['shipping'], operation: ['getZones'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// the zones list has no paging: it is returned whole
	const zones = (await bigCommerceApiRequest.call(this, {
		method: 'GET',
		version: 'v2',
		path: '/shipping/zones',
		scope: 'store_v2_information_read_only',
		itemIndex: i,
	})) as IDataObject[];
	return toItems(this, Array.isArray(zones) ? zones : []);
}
