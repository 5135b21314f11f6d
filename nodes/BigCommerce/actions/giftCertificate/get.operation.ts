import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest } from '../../transport';
import { giftCertificateIdProperty } from './helpers';
import { requireId } from '../../shared/validate';
import { toItems } from '../../shared/items';
import { MARKETING_READ } from '../../shared/scopes';

export const option: OperationOption = {
	name: 'Get',
	value: 'get',
	action: 'Get a gift certificate',
	description: 'Get a gift certificate by ID',
};

export const properties: INodeProperties[] = [giftCertificateIdProperty];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = requireId(this, i, 'giftCertificateId', 'Gift Certificate ID');
	const gift = (await bigCommerceApiRequest.call(this, {
		method: 'GET',
		version: 'v2',
		path: `/gift_certificates/${id}`,
		scope: MARKETING_READ,
		itemIndex: i,
	})) as IDataObject;
	return toItems(this, gift);
}
