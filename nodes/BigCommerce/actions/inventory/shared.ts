import type { IExecuteFunctions } from 'n8n-workflow';
import { fail } from '../common';

export const INVENTORY_READ = 'store_inventory_read_only';
export const INVENTORY_WRITE = 'store_inventory';
export const LOCATIONS_READ = 'store_locations_read_only';
/** BigCommerce's limit of items per adjustment payload. */
export const MAX_ADJUSTMENT_ITEMS = 2000;

/** A comma-separated list of positive IDs ("1, 2,3"), validated; [] when empty. */
export function idList(ctx: IExecuteFunctions, i: number, value: unknown, label: string): number[] {
	const text = String(value ?? '').trim();
	if (!text) return [];
	return text.split(',').map((part) => {
		const entry = part.trim();
		if (!/^\d+$/.test(entry) || Number(entry) < 1 || !Number.isSafeInteger(Number(entry))) {
			fail(ctx, i, `"${label}" must be comma-separated positive whole numbers such as 1,2,3; got "${entry}"`);
		}
		return Number(entry);
	});
}

export function textList(value: unknown): string[] {
	return String(value ?? '')
		.split(',')
		.map((part) => part.trim())
		.filter(Boolean);
}
