import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { bigCommerceApiRequest } from '../../transport';
import { requireId, toItems } from '../common';
import { MARKETING_READ_SCOPE } from '../coupon/helpers';
import { promotionIdProperty, simplifyProperty } from './fields';
import { simplifyPromotion } from './helpers';

const properties: INodeProperties[] = [promotionIdProperty, simplifyProperty];

export const description = updateDisplayOptions(
	{ show: { resource: ['promotion'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = requireId(this, i, 'promotionId', 'Promotion ID');
	const simplify = this.getNodeParameter('simplify', i, true) as boolean;
	const promotion = (await bigCommerceApiRequest.call(this, {
		method: 'GET',
		version: 'v3',
		path: `/promotions/${id}`,
		scope: MARKETING_READ_SCOPE,
		itemIndex: i,
	})) as IDataObject;
	return toItems(this, simplify ? simplifyPromotion(promotion) : promotion);
}
