import { amount } from '../../shared/simplify';
import type { IDataObject } from 'n8n-workflow';
import { isoOrNull } from '../../shared/dates';


/** Why a promotion cannot be used right now, or null when it can. */
export function promotionProblem(promotion: IDataObject, now: number): string | null {
	if (promotion.status !== 'ENABLED') return 'disabled';
	const start = Date.parse(String(promotion.start_date ?? ''));
	if (!Number.isNaN(start) && start > now) return 'not started yet';
	const end = promotion.end_date ? Date.parse(String(promotion.end_date)) : NaN;
	if (!Number.isNaN(end) && end <= now) return 'expired';
	const maxUses = Number(promotion.max_uses ?? 0);
	if (maxUses > 0 && Number(promotion.current_uses ?? 0) >= maxUses) return 'usage limit reached';
	return null;
}

/** The first rule's discount in plain terms: { type, amount } (amount null when not a number). */
export function promotionDiscount(promotion: IDataObject): { type: string; amount: number | null; summary: string } {
	const rules = Array.isArray(promotion.rules) ? (promotion.rules as IDataObject[]) : [];
	const action = (rules[0]?.action ?? {}) as IDataObject;
	const value = (action.cart_value ?? action.cart_items) as IDataObject | undefined;
	const discount = (value?.discount ?? {}) as IDataObject;
	const scope = action.cart_items ? 'matching items' : 'the order';
	if (discount.percentage_amount !== undefined) {
		const pct = amount(discount.percentage_amount);
		return { type: 'percentage_discount', amount: pct, summary: `${pct}% off ${scope}` };
	}
	if (discount.fixed_amount !== undefined) {
		const fixed = amount(discount.fixed_amount);
		return {
			type: action.cart_items ? 'per_item_discount' : 'per_total_discount',
			amount: fixed,
			summary: `${fixed} off ${scope}`,
		};
	}
	if (action.shipping) return { type: 'free_shipping', amount: null, summary: 'free shipping' };
	if (action.gift_item) return { type: 'gift_item', amount: null, summary: 'a free gift item' };
	if (action.fixed_price_set) return { type: 'fixed_price_set', amount: null, summary: 'a fixed price for a set of items' };
	return { type: 'promotion', amount: null, summary: 'a promotion' };
}

/** The minimum cart spend in the first rule's condition, when there is one. */
export function promotionMinimumSpend(promotion: IDataObject): number | null {
	const rules = Array.isArray(promotion.rules) ? (promotion.rules as IDataObject[]) : [];
	const condition = (rules[0]?.condition ?? {}) as IDataObject;
	const cart = condition.cart as IDataObject | undefined;
	return cart ? amount(cart.minimum_spend) : null;
}

/** A compact promotion: what a person or an AI agent needs to know. */
export function simplifyPromotion(promotion: IDataObject): IDataObject {
	const codes = promotion.codes as IDataObject | undefined;
	const multiple = (promotion.multiple_codes as IDataObject | undefined)?.has_multiple_codes === true;
	const discount = promotionDiscount(promotion);
	return {
		id: promotion.id,
		name: promotion.name,
		display_name: promotion.display_name ?? promotion.name,
		redemption_type: promotion.redemption_type,
		status: promotion.status,
		discount: discount.summary,
		code: codes?.code ?? null,
		has_multiple_codes: multiple,
		start_date: isoOrNull(promotion.start_date),
		end_date: isoOrNull(promotion.end_date),
		current_uses: promotion.current_uses,
		max_uses: promotion.max_uses ?? 0,
		channel_ids: Array.isArray(promotion.channels)
			? (promotion.channels as IDataObject[]).map((channel) => channel.id)
			: [],
	};
}
