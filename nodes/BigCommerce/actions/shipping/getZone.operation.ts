import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { bigCommerceApiRequest } from '../../transport';
import { requireId, toItems } from '../common';

export const zoneIdProperty: INodeProperties = {
	displayName: 'Zone ID',
	name: 'zoneId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '1',
	description: 'The numeric ID of the shipping zone (see Get Zones)',
};

const properties: INodeProperties[] = [zoneIdProperty];

export const description = updateDisplayOptions(
	{ show: { resource: ['shipping'], operation: ['getZone'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = requireId(this, i, 'zoneId', 'Zone ID');
	const zone = (await bigCommerceApiRequest.call(this, {
		method: 'GET',
		version: 'v2',
		path: `/shipping/zones/${id}`,
		scope: 'store_v2_information_read_only',
		itemIndex: i,
	})) as IDataObject;
	return toItems(this, zone);
}
