/**
 * Each feed format's rules, written once: which attributes a row must have, how long a value may
 * be, which values an enumerated attribute takes and the shape of prices, weights and links. The
 * writers truncate to these lengths and use these values; the tests check every row against the
 * same table (Google: "Product data specification", Merchant Center Help 7052112; Meta: "Data
 * feed fields for products", Commerce Manager).
 */

export interface AttributeRule {
	required?: boolean;
	/** Longest value in characters (each value of a repeated attribute). */
	maxLength?: number;
	/** The only values allowed. */
	values?: readonly string[];
	/** The shape every value must have. */
	pattern?: RegExp;
	/** Most values of a repeated attribute (additional images). */
	maxValues?: number;
}

export type FeedRules = Readonly<Record<string, AttributeRule>>;

/** "12.00 USD": a positive amount with the ISO 4217 currency code. */
export const PRICE_PATTERN = /^\d+(\.\d{1,3})? [A-Z]{3}$/;
/** An absolute https link. */
export const HTTPS_LINK = /^https:\/\/[^\s/?#]+\.[^\s/?#]+(\/[^\s]*)?$/;
/** "1.5 lb": a number and one of the units both platforms accept. */
export const WEIGHT_PATTERN = /^\d+(\.\d+)? (lb|oz|g|kg)$/;
/** ISO 8601 date-time with a zone ("2026-12-24T00:00:00Z" or "+00:00"). */
export const ISO_DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?(Z|[+-]\d\d:?\d\d)$/;

export const GOOGLE_AVAILABILITY = ['in_stock', 'out_of_stock', 'preorder', 'backorder'] as const;
export const META_AVAILABILITY = ['in stock', 'out of stock', 'preorder'] as const;
export const CONDITIONS = ['new', 'refurbished', 'used'] as const;

export const GOOGLE_RULES: FeedRules = {
	id: { required: true, maxLength: 50 },
	title: { required: true, maxLength: 150 },
	description: { required: true, maxLength: 5000 },
	link: { required: true, maxLength: 2000, pattern: HTTPS_LINK },
	image_link: { required: true, maxLength: 2000, pattern: HTTPS_LINK },
	additional_image_link: { maxLength: 2000, pattern: HTTPS_LINK, maxValues: 10 },
	availability: { required: true, values: GOOGLE_AVAILABILITY },
	availability_date: { pattern: ISO_DATE_TIME },
	price: { required: true, pattern: PRICE_PATTERN },
	sale_price: { pattern: PRICE_PATTERN },
	brand: { required: true, maxLength: 70 },
	gtin: { maxLength: 50, pattern: /^\d{8}$|^\d{12,14}$/ },
	mpn: { maxLength: 70 },
	identifier_exists: { values: ['yes', 'no'] },
	condition: { required: true, values: CONDITIONS },
	item_group_id: { maxLength: 50 },
	color: { maxLength: 100 },
	size: { maxLength: 100 },
	material: { maxLength: 200 },
	pattern: { maxLength: 100 },
	shipping_weight: { pattern: WEIGHT_PATTERN },
	product_type: { maxLength: 750 },
	google_product_category: { maxLength: 750 },
};

export const META_RULES: FeedRules = {
	id: { required: true, maxLength: 100 },
	title: { required: true, maxLength: 200 },
	description: { required: true, maxLength: 9999 },
	availability: { required: true, values: META_AVAILABILITY },
	condition: { required: true, values: CONDITIONS },
	price: { required: true, pattern: PRICE_PATTERN },
	link: { required: true, pattern: HTTPS_LINK },
	image_link: { required: true, pattern: HTTPS_LINK },
	brand: { required: true, maxLength: 100 },
	item_group_id: { maxLength: 100 },
	sale_price: { pattern: PRICE_PATTERN },
	additional_image_link: { pattern: HTTPS_LINK, maxValues: 20 },
	google_product_category: { maxLength: 750 },
	product_type: { maxLength: 750 },
	color: { maxLength: 200 },
	size: { maxLength: 200 },
	material: { maxLength: 200 },
	pattern: { maxLength: 100 },
	gtin: { maxLength: 50, pattern: /^\d{8}$|^\d{12,14}$/ },
	mpn: { maxLength: 100 },
	shipping_weight: { pattern: WEIGHT_PATTERN },
};

/**
 * A GTIN (GTIN-8, UPC-A/GTIN-12, EAN/GTIN-13, GTIN-14) whose last digit is its check digit (GS1:
 * weights 3 and 1 from the right). Google rejects a row with a wrong check digit, so such a value
 * is left out rather than sent.
 */
export function isValidGtin(value: string): boolean {
	if (!/^\d{8}$|^\d{12,14}$/.test(value) || /^0+$/.test(value)) return false;
	const digits = [...value].map(Number);
	const check = digits.pop() as number;
	const sum = digits.reverse().reduce((total, d, k) => total + d * (k % 2 === 0 ? 3 : 1), 0);
	return (10 - (sum % 10)) % 10 === check;
}

/** At most `max` characters, cut on a character (never inside a surrogate pair), without trailing space. */
export function truncate(text: string, max: number | undefined): string {
	if (max === undefined) return text;
	const chars = [...text];
	return chars.length <= max ? text : chars.slice(0, max).join('').trimEnd();
}

/** Cuts every value of a row to its rule's length and repeated values to their count. */
export function fitToRules(
	row: Record<string, string | string[] | undefined>,
	rules: FeedRules,
): Record<string, string | string[]> {
	const out: Record<string, string | string[]> = {};
	for (const [name, value] of Object.entries(row)) {
		if (value === undefined || value === '' || (Array.isArray(value) && !value.length)) continue;
		const rule = rules[name] ?? {};
		out[name] = Array.isArray(value)
			? value.slice(0, rule.maxValues).map((v) => truncate(v, rule.maxLength))
			: truncate(value, rule.maxLength);
	}
	return out;
}

/**
 * What is wrong with a feed row as read back from the file, under its format's rules (an empty list:
 * nothing). The check the unit and end-to-end tests apply to every row.
 */
export function feedRowProblems(
	row: Readonly<Record<string, string | string[]>>,
	rules: FeedRules,
): string[] {
	const problems: string[] = [];
	for (const [name, rule] of Object.entries(rules)) {
		const value = row[name];
		if (value === undefined) {
			if (rule.required) problems.push(`${name}: missing`);
			continue;
		}
		const values = Array.isArray(value) ? value : [value];
		if (rule.maxValues !== undefined && values.length > rule.maxValues)
			problems.push(`${name}: ${values.length} values, at most ${rule.maxValues}`);
		for (const v of values) {
			if (v.trim() === '') problems.push(`${name}: empty`);
			if (rule.maxLength !== undefined && [...v].length > rule.maxLength)
				problems.push(`${name}: ${[...v].length} characters, at most ${rule.maxLength}`);
			if (rule.values && !rule.values.includes(v))
				problems.push(`${name}: "${v}" is not one of ${rule.values.join(', ')}`);
			if (rule.pattern && !rule.pattern.test(v))
				problems.push(`${name}: "${v}" does not match ${String(rule.pattern)}`);
		}
	}
	for (const name of Object.keys(row))
		if (!(name in rules)) problems.push(`${name}: not an attribute of the format`);
	return problems;
}
