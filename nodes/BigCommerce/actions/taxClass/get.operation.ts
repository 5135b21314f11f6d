import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest } from '../../transport';
import { requireWholeNumber } from '../../shared/validate';
import { toItems } from '../../shared/items';
import { INFORMATION_READ } from '../../shared/scopes';

export const option: OperationOption = {
	name: 'Get',
	value: 'get',
	action: 'Get a tax class',
	description: 'Get a tax class by ID',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Tax Class ID',
		name: 'taxClassId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '0',
		description: 'The numeric ID of the tax class (0 is the default tax class)',
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = requireWholeNumber(this, i, 'taxClassId', 'Tax Class ID');
	const taxClass = (await bigCommerceApiRequest.call(this, {
		method: 'GET',
		version: 'v2',
		path: `/tax_classes/${id}`,
		scope: INFORMATION_READ,
		itemIndex: i,
	})) as IDataObject;
	return toItems(this, taxClass);
}
