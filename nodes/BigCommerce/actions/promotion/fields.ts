import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { idListValue, wholeNumberValue, dateValue, fail, jsonValue } from '../../shared/validate';
import { toIso } from '../../shared/dates';

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
	description: 'Whether to return a compact summary (name, status, discount, code, dates, uses) instead of the full promotion with its rules',
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
	if (fields.displayName !== undefined && fields.displayName !== '') body.display_name = String(fields.displayName).trim();
	if (fields.canBeUsedWithOtherPromotions !== undefined) {
		body.can_be_used_with_other_promotions = Boolean(fields.canBeUsedWithOtherPromotions);
	}
	if (fields.channelIds !== undefined && fields.channelIds !== '') {
		body.channels = idListValue(ctx, i, fields.channelIds, 'Channel IDs').map((id) => ({ id }));
	}
	if (fields.customerJson !== undefined && fields.customerJson !== '' && fields.customerJson !== '{}') {
		body.customer = jsonValue(ctx, i, fields.customerJson, 'Customer (JSON)', 'object') as IDataObject;
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
	if (fields.maxUses !== undefined) body.max_uses = wholeNumberValue(ctx, i, fields.maxUses, 'Max Uses');
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

