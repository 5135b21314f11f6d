/** BigCommerce's limit of items per adjustment payload. */
export const MAX_ADJUSTMENT_ITEMS = 2000;

export function textList(value: unknown): string[] {
	return String(value ?? '')
		.split(',')
		.map((part) => part.trim())
		.filter(Boolean);
}
