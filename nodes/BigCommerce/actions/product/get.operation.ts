import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../types';
import { fetchProduct } from './helpers';
import { locator, requireLocatorId } from '../../shared/locators';
import { simplifyProduct, simplifyProperty } from '../../shared/simplify';
import { toItems } from '../../shared/items';
import { fail } from '../../shared/validate';

export const includeOptions = [
	{ name: 'Custom Fields', value: 'custom_fields' },
	{ name: 'Images', value: 'images' },
	{ name: 'Options', value: 'options' },
	{ name: 'Variants', value: 'variants' },
	{ name: 'Videos', value: 'videos' },
];

export const option: OperationOption = {
	name: 'Get',
	value: 'get',
	action: 'Get a product',
	description: 'Get a product by ID with its variants, images, custom fields, videos and options',
};

export const properties: INodeProperties[] = [
	locator('product'),
	{
		displayName: 'Include',
		name: 'include',
		type: 'multiOptions',
		options: includeOptions,
		default: ['variants', 'images', 'custom_fields', 'videos', 'options'],
		description: 'Related records to read in the same call',
	},
	simplifyProperty,
];

/** Validates the Include list against the accepted values. */
export function readInclude(ctx: IExecuteFunctions, i: number): string[] {
	const raw = ctx.getNodeParameter('include', i, []) as unknown;
	const list = Array.isArray(raw)
		? raw.map(String)
		: String(raw ?? '')
				.split(',')
				.map((v) => v.trim())
				.filter(Boolean);
	const accepted = includeOptions.map((o) => o.value);
	const bad = list.find((v) => !accepted.includes(v));
	if (bad) {
		fail(ctx, i, `"Include" accepts ${accepted.join(', ')}; got "${bad}"`);
	}
	return list;
}

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = requireLocatorId(this, i, 'product');
	const include = readInclude(this, i);
	const simplify = this.getNodeParameter('simplify', i, true) as boolean;
	const product = await fetchProduct(this, i, id, include.join(','));
	return toItems(this, simplify ? simplifyProduct(product) : product);
}
