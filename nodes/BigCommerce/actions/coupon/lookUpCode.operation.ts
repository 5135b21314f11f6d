import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest } from '../../transport';
import { promotionDiscount, promotionMinimumSpend, promotionProblem } from '../promotion/helpers';
import { toItems } from '../../shared/items';
import { amount } from '../../shared/simplify';
import { codeValue } from '../../shared/validate';
import { isoOrNull } from '../../shared/dates';
import { MARKETING_READ } from '../../shared/scopes';

export const option: OperationOption = {
	name: 'Look Up Code',
	value: 'lookUpCode',
	action: 'Look up a coupon code',
	description:
		'Check whether a coupon code is valid now (enabled, dates, usage limit) and give its discount, minimum purchase and expiry; the reason when invalid',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Code',
		name: 'code',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'SAVE20',
		description: 'The coupon code exactly as the shopper has it',
	},
];

const same = (a: unknown, b: string) => String(a ?? '').toLowerCase() === b.toLowerCase();

/** Why a legacy coupon cannot be used right now, or null when it can. */
export function couponProblem(coupon: IDataObject, now: number): string | null {
	if (coupon.enabled === false) return 'disabled';
	const expires = coupon.expires ? Date.parse(String(coupon.expires)) : NaN;
	if (!Number.isNaN(expires) && expires <= now) return 'expired';
	const maxUses = Number(coupon.max_uses ?? 0);
	if (maxUses > 0 && Number(coupon.num_uses ?? 0) >= maxUses) return 'usage limit reached';
	return null;
}

function explain(
	code: string,
	problem: string | null,
	expiry: string | null,
	start?: string | null,
): string {
	switch (problem) {
		case null:
			return `Code ${code} is valid now.`;
		case 'disabled':
			return `Code ${code} is not valid: it has been disabled.`;
		case 'expired':
			return `Code ${code} is not valid: it expired${expiry ? ` on ${expiry}` : ''}.`;
		case 'not started yet':
			return `Code ${code} is not valid yet${start ? `: it starts on ${start}` : ''}.`;
		default:
			return `Code ${code} is not valid: its usage limit has been reached.`;
	}
}

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const code = codeValue(this, i, this.getNodeParameter('code', i, ''), 'Code');
	const now = Date.now();

	const coupons = (await bigCommerceApiRequest.call(this, {
		method: 'GET',
		version: 'v2',
		path: '/coupons',
		qs: { code },
		scope: MARKETING_READ,
		itemIndex: i,
	})) as IDataObject[];
	// a code of a V3 promotion also shows in V2 as a `type: promotion` coupon with placeholder values:
	// its real terms live on the promotion
	const coupon = (Array.isArray(coupons) ? coupons : []).find(
		(entry) => same(entry.code, code) && entry.type !== 'promotion',
	);
	if (coupon) {
		const problem = couponProblem(coupon, now);
		const expires = isoOrNull(coupon.expires);
		const maxUses = Number(coupon.max_uses ?? 0);
		return toItems(this, {
			code: coupon.code,
			found: true,
			valid: problem === null,
			reason: problem,
			message: explain(String(coupon.code), problem, expires),
			source: 'coupon',
			coupon_id: coupon.id,
			name: coupon.name,
			discount_type: coupon.type,
			discount_amount: amount(coupon.amount),
			minimum_purchase: amount(coupon.min_purchase),
			expires,
			uses: Number(coupon.num_uses ?? 0),
			uses_remaining: maxUses > 0 ? Math.max(0, maxUses - Number(coupon.num_uses ?? 0)) : null,
		});
	}

	// codes of V3 promotions are not legacy coupons: look for a promotion that carries the code
	const promotions = (await bigCommerceApiRequest.call(this, {
		method: 'GET',
		version: 'v3',
		path: '/promotions',
		qs: { code, limit: 5 },
		scope: MARKETING_READ,
		itemIndex: i,
	})) as IDataObject[];
	const notFound = () =>
		toItems(this, {
			code,
			found: false,
			valid: false,
			reason: 'not found',
			message: `No coupon or promotion has the code ${code}.`,
		});
	const promotion = Array.isArray(promotions) ? promotions[0] : undefined;
	if (!promotion) return notFound();
	let codeRecord = promotion.codes as IDataObject | undefined;
	if (!codeRecord || !same(codeRecord.code, code)) {
		const codes = (await bigCommerceApiRequest.call(this, {
			method: 'GET',
			version: 'v3',
			path: `/promotions/${String(promotion.id)}/codes`,
			qs: { code, limit: 1 },
			scope: MARKETING_READ,
			itemIndex: i,
		})) as IDataObject[];
		codeRecord = (Array.isArray(codes) ? codes : []).find((entry) => same(entry.code, code));
	}
	// exact match only, whatever the ?code= filter matched: a promotion that does not carry this
	// exact code must not lend it its terms (a shopper-facing tool would call a near-miss valid)
	if (!codeRecord) return notFound();
	let problem = promotionProblem(promotion, now);
	const codeMax = Number(codeRecord.max_uses ?? 0);
	const codeUses = Number(codeRecord.current_uses ?? 0);
	if (problem === null && codeMax > 0 && codeUses >= codeMax) problem = 'usage limit reached';
	const discount = promotionDiscount(promotion);
	const expires = isoOrNull(promotion.end_date);
	const starts = isoOrNull(promotion.start_date);
	const promoMax = Number(promotion.max_uses ?? 0);
	const remaining = [
		codeMax > 0 ? codeMax - codeUses : Infinity,
		promoMax > 0 ? promoMax - Number(promotion.current_uses ?? 0) : Infinity,
	].reduce((a, b) => Math.min(a, b));
	return toItems(this, {
		code: codeRecord.code ?? code,
		found: true,
		valid: problem === null,
		reason: problem,
		message: explain(String(codeRecord.code ?? code), problem, expires, starts),
		source: 'promotion',
		promotion_id: promotion.id,
		name: promotion.display_name ?? promotion.name,
		discount_type: discount.type,
		discount_amount: discount.amount,
		discount: discount.summary,
		minimum_purchase: promotionMinimumSpend(promotion),
		starts,
		expires,
		uses: codeUses,
		uses_remaining: Number.isFinite(remaining) ? Math.max(0, remaining) : null,
	});
}
