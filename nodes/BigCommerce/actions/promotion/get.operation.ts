import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest } from '../../transport';
import { promotionIdProperty, simplifyProperty, simplifyPromotion } from './helpers';
import { requireId } from '../../shared/validate';
import { toItems } from '../../shared/items';
import { MARKETING_READ } from '../../shared/scopes';

export const option: OperationOption = {
	name: 'Get',
	value: 'get',
	action: 'Get a promotion',
	description: 'Get a promotion by ID',
};

export const properties: INodeProperties[] = [promotionIdProperty, simplifyProperty];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = requireId(this, i, 'promotionId', 'Promotion ID');
	const simplify = this.getNodeParameter('simplify', i, true) as boolean;
	const promotion = (await bigCommerceApiRequest.call(this, {
		method: 'GET',
		version: 'v3',
		path: `/promotions/${id}`,
		scope: MARKETING_READ,
		itemIndex: i,
	})) as IDataObject;
	return toItems(this, simplify ? simplifyPromotion(promotion) : promotion);
}
