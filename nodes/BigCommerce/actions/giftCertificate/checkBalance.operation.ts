import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest } from '../../transport';
import { fail } from '../../shared/validate';
import { toItems } from '../../shared/items';
import { amount } from '../../shared/simplify';
import { isoOrNull } from '../../shared/dates';
import { MARKETING_READ } from '../../shared/scopes';

export const option: OperationOption = {
	name: 'Check Balance',
	value: 'checkBalance',
	action: 'Check a gift certificate balance',
	description:
		'Give the balance, currency, status and expiry of the gift certificate with exactly this code',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Code',
		name: 'code',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'FFZ-5N4-C7M-S78',
		description: 'The gift certificate code exactly as the shopper has it',
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const code = String(this.getNodeParameter('code', i, '') ?? '').trim();
	if (!code)
		fail(
			this,
			i,
			'"Code" must not be empty',
			'Enter the gift certificate code exactly as the shopper has it.',
		);
	if (code.length > 255) fail(this, i, `"Code" must be at most 255 characters; got ${code.length}`);

	const found = (await bigCommerceApiRequest.call(this, {
		method: 'GET',
		version: 'v2',
		path: '/gift_certificates',
		qs: { code, limit: 5 },
		scope: MARKETING_READ,
		itemIndex: i,
	})) as IDataObject[];
	// exact match only: never hand back a certificate whose code merely resembles the one asked for
	const gift = (Array.isArray(found) ? found : []).find(
		(entry) => String(entry.code ?? '').toLowerCase() === code.toLowerCase(),
	);
	if (!gift) {
		return toItems(this, { code, found: false, message: 'No gift certificate has this code.' });
	}
	const expiry = isoOrNull(gift.expiry_date);
	let status = String(gift.status ?? '');
	if (status === 'active' && expiry && Date.parse(expiry) <= Date.now()) status = 'expired';
	const balance = amount(gift.balance);
	const usable = status === 'active' && (balance ?? 0) > 0;
	const currency = String(gift.currency_code ?? '');
	return toItems(this, {
		code: gift.code,
		found: true,
		balance,
		original_amount: amount(gift.amount),
		currency,
		status,
		usable,
		expiry_date: expiry,
		message: usable
			? `Balance ${balance?.toFixed(2)} ${currency}${expiry ? `, valid until ${expiry}` : ''}.`
			: `This gift certificate cannot be used: ${status !== 'active' ? `it is ${status}` : 'its balance is 0'}.`,
	});
}
