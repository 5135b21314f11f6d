import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest } from '../../transport';
import { promotionIdProperty } from './helpers';
import { wholeNumberValue, fail, requireId } from '../../shared/validate';
import { toItems } from '../../shared/items';
import { MARKETING_WRITE } from '../../shared/scopes';

/** BigCommerce generates at most 250 codes per call. */
const BATCH = 250;
const MAX_CODES = 10000;

export const option: OperationOption = {
	name: 'Generate Coupon Codes',
	value: 'generateCodes',
	action: 'Generate coupon codes for a promotion',
	description: 'Generate unique codes for a Bulk coupon promotion',
};

export const properties: INodeProperties[] = [
	{ ...promotionIdProperty, description: 'The numeric ID of a Coupon promotion of type Bulk' },
	{
		displayName: 'Number of Codes',
		name: 'quantity',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_CODES },
		default: 10,
		description: `How many codes to generate (sent in batches of ${BATCH})`,
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Code Length',
				name: 'codeLength',
				type: 'number',
				typeOptions: { minValue: 6, maxValue: 16 },
				default: 16,
				description: 'Length of the random part of each code (6 to 16)',
			},
			{
				displayName: 'Delimiter',
				name: 'delimiter',
				type: 'options',
				options: [
					{ name: 'Hyphen (-)', value: '-' },
					{ name: 'None', value: '' },
					{ name: 'Underscore (_)', value: '_' },
				],
				default: '',
				description: 'Character between the prefix or suffix and the random part',
			},
			{
				displayName: 'Exclude Characters',
				name: 'excludeCharacters',
				type: 'string',
				default: '',
				placeholder: '0, O, 1, I',
				description: 'Comma-separated capital letters or digits the random part must not contain',
			},
			{
				displayName: 'Max Uses Per Code',
				name: 'maxUses',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 100000 },
				default: 1,
				description: 'How many times each code can be used (0 = unlimited)',
			},
			{
				displayName: 'Max Uses Per Customer',
				name: 'maxUsesPerCustomer',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 100000 },
				default: 1,
				description: 'How many times one customer can use each code (0 = unlimited)',
			},
			{
				displayName: 'Prefix',
				name: 'prefix',
				type: 'string',
				default: '',
				placeholder: 'VIP',
				description: 'Fixed text at the start of every code (capital letters, digits, _ and -)',
			},
			{
				displayName: 'Suffix',
				name: 'suffix',
				type: 'string',
				default: '',
				description: 'Fixed text at the end of every code (capital letters, digits, _ and -)',
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = requireId(this, i, 'promotionId', 'Promotion ID');
	const quantity = this.getNodeParameter('quantity', i) as number;
	if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_CODES) {
		fail(
			this,
			i,
			`"Number of Codes" must be a whole number from 1 to ${MAX_CODES}; got "${String(quantity)}"`,
		);
	}
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const base: IDataObject = {};
	if (options.maxUses !== undefined)
		base.max_uses = wholeNumberValue(this, i, options.maxUses, 'Max Uses Per Code', {
			max: 100000,
		});
	if (options.maxUsesPerCustomer !== undefined) {
		base.max_uses_per_customer = wholeNumberValue(
			this,
			i,
			options.maxUsesPerCustomer,
			'Max Uses Per Customer',
			{ max: 100000 },
		);
	}
	if (options.codeLength !== undefined) {
		const length = Number(options.codeLength);
		if (!Number.isInteger(length) || length < 6 || length > 16)
			fail(this, i, `"Code Length" must be from 6 to 16; got "${String(options.codeLength)}"`);
		base.code_length = length;
	}
	for (const [key, label] of [
		['prefix', 'Prefix'],
		['suffix', 'Suffix'],
	] as const) {
		const value = String(options[key] ?? '').trim();
		if (!value) continue;
		if (!/^[A-Z0-9_-]{1,20}$/.test(value))
			fail(
				this,
				i,
				`"${label}" may contain only capital letters, digits, _ and - (at most 20); got "${value}"`,
			);
		base[key] = value;
	}
	if (options.delimiter) base.delimiter = options.delimiter;
	if (options.excludeCharacters) {
		const chars = String(options.excludeCharacters)
			.split(',')
			.map((c) => c.trim())
			.filter(Boolean);
		const bad = chars.find((c) => !/^[A-Z0-9]$/.test(c));
		if (bad !== undefined)
			fail(
				this,
				i,
				`"Exclude Characters" must list single capital letters or digits; got "${bad}"`,
			);
		base.exclude_characters = chars;
	}

	const out: IDataObject[] = [];
	for (let remaining = quantity; remaining > 0; remaining -= BATCH) {
		const batch = (await bigCommerceApiRequest.call(this, {
			method: 'POST',
			version: 'v3',
			path: `/promotions/${id}/codegen`,
			body: { ...base, batch_size: Math.min(BATCH, remaining) },
			scope: MARKETING_WRITE,
			itemIndex: i,
		})) as IDataObject;
		for (const entry of (batch.codes as IDataObject[] | undefined) ?? []) {
			out.push({
				promotion_id: id,
				code: entry.code,
				max_uses: batch.max_uses,
				max_uses_per_customer: batch.max_uses_per_customer,
				created: batch.created,
			});
		}
	}
	return toItems(this, out);
}
