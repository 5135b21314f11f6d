import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest } from '../../transport';
import { zoneIdProperty } from './getZone.operation';
import { requireId } from '../../shared/validate';
import { toItems } from '../../shared/items';
import { INFORMATION_READ } from '../../shared/scopes';

export const option: OperationOption = {
	name: 'Get Methods of a Zone',
	value: 'getMethods',
	action: 'Get the shipping methods of a zone',
	description: 'List the shipping methods (flat rate, carriers...) of a shipping zone',
};

export const properties: INodeProperties[] = [
	zoneIdProperty,
	{
		displayName: 'Enabled Only',
		name: 'enabledOnly',
		type: 'boolean',
		default: false,
		description: 'Whether to return only the methods shoppers can choose',
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const zoneId = requireId(this, i, 'zoneId', 'Zone ID');
	const enabledOnly = this.getNodeParameter('enabledOnly', i, false) as boolean;
	const methods = (await bigCommerceApiRequest.call(this, {
		method: 'GET',
		version: 'v2',
		path: `/shipping/zones/${zoneId}/methods`,
		scope: INFORMATION_READ,
		itemIndex: i,
	})) as IDataObject[];
	const list = (Array.isArray(methods) ? methods : [])
		.filter((method) => !enabledOnly || method.enabled === true)
		.map((method) => ({ zone_id: zoneId, ...method }));
	return toItems(this, list);
}
