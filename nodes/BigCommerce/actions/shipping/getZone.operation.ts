import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest } from '../../transport';
import { requireId } from '../../shared/validate';
import { toItems } from '../../shared/items';
import { INFORMATION_READ } from '../../shared/scopes';

export const zoneIdProperty: INodeProperties = {
	displayName: 'Zone ID',
	name: 'zoneId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '1',
	description: 'The numeric ID of the shipping zone (see Get Zones)',
};

export const option: OperationOption = {
	name: 'Get Zone',
	value: 'getZone',
	action: 'Get a shipping zone',
	description: 'Get a shipping zone by ID',
};

export const properties: INodeProperties[] = [zoneIdProperty];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = requireId(this, i, 'zoneId', 'Zone ID');
	const zone = (await bigCommerceApiRequest.call(this, {
		method: 'GET',
		version: 'v2',
		path: `/shipping/zones/${id}`,
		scope: INFORMATION_READ,
		itemIndex: i,
	})) as IDataObject;
	return toItems(this, zone);
}
