import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequestAllItems } from '../../transport';
import { promotionDiscount, promotionMinimumSpend, promotionProblem } from './helpers';
import { channelField } from '../../shared/locators';
import { isBlank, requireId } from '../../shared/validate';
import { toItems } from '../../shared/items';
import { isoOrNull } from '../../shared/dates';
import { MARKETING_READ } from '../../shared/scopes';

export const option: OperationOption = {
	name: 'List Active',
	value: 'listActive',
	action: 'List active promotions',
	description:
		'List the promotions running now (enabled and inside their dates) with their discount and coupon code',
};

export const properties: INodeProperties[] = [
	channelField('Only promotions that run on this channel (empty: any channel)'),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const qs: IDataObject = { status: 'ENABLED' };
	if (!isBlank(this.getNodeParameter('channelId', i, '', { extractValue: true }))) {
		qs.channels = requireId(this, i, 'channelId', 'Channel');
	}
	const promotions = await bigCommerceApiRequestAllItems.call(
		this,
		{ method: 'GET', version: 'v3', path: '/promotions', qs, scope: MARKETING_READ, itemIndex: i },
		{ returnAll: true },
	);
	const now = Date.now();
	const active = promotions
		.filter((promotion) => promotionProblem(promotion, now) === null)
		.map((promotion) => {
			const discount = promotionDiscount(promotion);
			const codes = promotion.codes as IDataObject | undefined;
			const multiple =
				(promotion.multiple_codes as IDataObject | undefined)?.has_multiple_codes === true;
			const isCoupon = promotion.redemption_type === 'COUPON';
			return {
				id: promotion.id,
				name: promotion.display_name || promotion.name,
				type: isCoupon ? 'coupon code' : 'automatic',
				code: isCoupon ? (codes?.code ?? null) : null,
				...(isCoupon && multiple ? { note: 'uses individual codes (one per shopper)' } : {}),
				discount: discount.summary,
				minimum_purchase: promotionMinimumSpend(promotion),
				starts: isoOrNull(promotion.start_date),
				ends: isoOrNull(promotion.end_date),
			};
		});
	if (!active.length)
		return toItems(this, { active: 0, message: 'No promotion is running right now.' });
	return toItems(this, active);
}
