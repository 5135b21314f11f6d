import { amount } from '../../shared/simplify';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { isoOrNull, toIso } from '../../shared/dates';
import { idListValue, wholeNumberValue, dateValue, fail, jsonValue } from '../../shared/validate';

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
export function promotionDiscount(promotion: IDataObject): {
	type: string;
	amount: number | null;
	summary: string;
} {
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
	if (action.fixed_price_set)
		return { type: 'fixed_price_set', amount: null, summary: 'a fixed price for a set of items' };
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
	const multiple =
		(promotion.multiple_codes as IDataObject | undefined)?.has_multiple_codes === true;
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

export const promotionIdProperty: INodeProperties = {
	displayName: 'Promotion ID',
	name: 'promotionId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '12',
	description: 'The numeric ID of the promotion',
};

export const simplifyProperty: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description:
		'Whether to return a compact summary (name, status, discount, code, dates, uses) instead of the full promotion with its rules',
};

export const statusOptions = [
	{ name: 'Disabled', value: 'DISABLED' },
	{ name: 'Enabled', value: 'ENABLED' },
];

/** Fields shared by Create (Additional Fields) and Update (Update Fields). */
export const optionalPromotionFields: INodeProperties[] = [
	{
		displayName: 'Can Be Used With Other Promotions',
		name: 'canBeUsedWithOtherPromotions',
		type: 'boolean',
		default: true,
		description: 'Whether the promotion combines with other promotions',
	},
	{
		displayName: 'Channel IDs',
		name: 'channelIds',
		type: 'string',
		default: '',
		placeholder: '1, 2',
		description: 'Comma-separated channels the promotion runs on (empty = every channel)',
	},
	{
		displayName: 'Customer (JSON)',
		name: 'customerJson',
		type: 'json',
		default: '{}',
		description: 'Who is eligible, e.g. {"group_ids": [2], "minimum_order_count": 1}',
	},
	{
		displayName: 'Display Name',
		name: 'displayName',
		type: 'string',
		default: '',
		description: 'Name shown to shoppers',
	},
	{
		displayName: 'End Date',
		name: 'endDate',
		type: 'dateTime',
		default: '',
		description: 'When the promotion ends (empty = never)',
	},
	{
		displayName: 'Max Uses',
		name: 'maxUses',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'How many times the promotion can be used in total (0 = unlimited)',
	},
	{
		displayName: 'Start Date',
		name: 'startDate',
		type: 'dateTime',
		default: '',
		description: 'When the promotion starts (defaults to now)',
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: statusOptions,
		default: 'ENABLED',
	},
];

/** Maps and validates the n8n fields that are present to the API body. */
export function promotionBody(ctx: IExecuteFunctions, i: number, fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	if (fields.name !== undefined) {
		const name = String(fields.name).trim();
		if (!name) fail(ctx, i, '"Name" must not be empty');
		body.name = name;
	}
	if (fields.displayName !== undefined && fields.displayName !== '')
		body.display_name = String(fields.displayName).trim();
	if (fields.canBeUsedWithOtherPromotions !== undefined) {
		body.can_be_used_with_other_promotions = Boolean(fields.canBeUsedWithOtherPromotions);
	}
	if (fields.channelIds !== undefined && fields.channelIds !== '') {
		body.channels = idListValue(ctx, i, fields.channelIds, 'Channel IDs').map((id) => ({ id }));
	}
	if (
		fields.customerJson !== undefined &&
		fields.customerJson !== '' &&
		fields.customerJson !== '{}'
	) {
		body.customer = jsonValue(
			ctx,
			i,
			fields.customerJson,
			'Customer (JSON)',
			'object',
		) as IDataObject;
	}
	let start: number | undefined;
	let end: number | undefined;
	if (fields.startDate !== undefined && fields.startDate !== '') {
		start = dateValue(ctx, i, fields.startDate, 'Start Date');
		body.start_date = toIso(start);
	}
	if (fields.endDate !== undefined && fields.endDate !== '') {
		end = dateValue(ctx, i, fields.endDate, 'End Date');
		body.end_date = toIso(end);
	}
	if (start !== undefined && end !== undefined && end <= start) {
		fail(ctx, i, `"End Date" (${toIso(end)}) must be after "Start Date" (${toIso(start)})`);
	}
	if (fields.maxUses !== undefined)
		body.max_uses = wholeNumberValue(ctx, i, fields.maxUses, 'Max Uses');
	if (fields.status !== undefined) {
		if (!['ENABLED', 'DISABLED'].includes(String(fields.status))) {
			fail(ctx, i, `"Status" must be ENABLED or DISABLED; got "${String(fields.status)}"`);
		}
		body.status = fields.status;
	}
	if (fields.rules !== undefined) body.rules = parseRules(ctx, i, fields.rules);
	return body;
}

/** Rules: a non-empty JSON array whose every entry has an `action` object. */
export function parseRules(ctx: IExecuteFunctions, i: number, raw: unknown): IDataObject[] {
	const rules = jsonValue(ctx, i, raw, 'Rules (JSON)', 'array') as unknown[];
	if (!rules.length) fail(ctx, i, '"Rules (JSON)" must contain at least one rule');
	rules.forEach((rule, index) => {
		const action = rule && typeof rule === 'object' ? (rule as IDataObject).action : undefined;
		if (!action || typeof action !== 'object' || Array.isArray(action)) {
			fail(
				ctx,
				i,
				`"Rules (JSON)" entry ${index} needs an "action" object`,
				'Example: [{"action": {"cart_value": {"discount": {"percentage_amount": "10"}}}}]',
			);
		}
	});
	return rules as IDataObject[];
}
