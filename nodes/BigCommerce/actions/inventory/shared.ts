import type { IExecuteFunctions } from 'n8n-workflow';
import { idListValue } from '../common';

export const INVENTORY_READ = 'store_inventory_read_only';
export const INVENTORY_WRITE = 'store_inventory';
export const LOCATIONS_READ = 'store_locations_read_only';
/** BigCommerce's limit of items per adjustment payload. */
export const MAX_ADJUSTMENT_ITEMS = 2000;

/** A comma-separated list of positive IDs ("1, 2,3"), validated; [] when empty. */
export function idList(ctx: IExecuteFunctions, i: number, value: unknown, label: string): number[] {
	return idListValue(ctx, i, value, label, { allowEmpty: true });
}

export function textList(value: unknown): string[] {
	return String(value ?? '')
		.split(',')
		.map((part) => part.trim())
		.filter(Boolean);
}
