import type { IDataObject, INodeProperties } from 'n8n-workflow';

/** Output shaping several resources share: the Simplify switch, plain text, numbers, the compact product. */

/** The standard "Simplify" switch. */
export const simplifyProperty: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a compact version of each product instead of the full API record',
};

const ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: ' ',
	ndash: '–',
	mdash: '—',
	hellip: '…',
	rsquo: '’',
	lsquo: '‘',
	rdquo: '”',
	ldquo: '“',
	trade: '™',
	reg: '®',
	copy: '©',
};

/** HTML → plain text: block tags become line breaks, list items "- ", entities decoded. */
export function stripHtml(html: unknown): string {
	const text = String(html ?? '')
		.replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, '')
		.replace(/<li[^>]*>/gi, '\n- ')
		.replace(/<br\s*\/?>/gi, '\n')
		.replace(/<\/(p|div|h[1-6]|ul|ol|tr|table|blockquote)>/gi, '\n')
		.replace(/<[^>]+>/g, '')
		.replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (match, code: string) => {
			if (code[0] === '#') {
				const n =
					code[1].toLowerCase() === 'x' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
				return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : match;
			}
			return ENTITIES[code.toLowerCase()] ?? match;
		});
	return text
		.split('\n')
		.map((line) => line.replace(/[ \t\r\f\v]+/g, ' ').trim())
		.filter((line) => line !== '')
		.join('\n');
}

/** "Size: M, Color: Red" from a variant's option_values. */
export function optionLabel(variant: IDataObject): string {
	const values = (variant.option_values as IDataObject[] | undefined) ?? [];
	return values.map((v) => `${String(v.option_display_name)}: ${String(v.label)}`).join(', ');
}

/**
 * Whether a product can be bought from stock: untracked products always; tracked by product when
 * its inventory is above 0; tracked by variant when at least one variant has stock.
 */
export function isInStock(product: IDataObject): boolean {
	const tracking = product.inventory_tracking;
	if (tracking !== 'product' && tracking !== 'variant') return true;
	if (tracking === 'variant' && Array.isArray(product.variants) && product.variants.length) {
		return (product.variants as IDataObject[]).some((v) => Number(v.inventory_level ?? 0) > 0);
	}
	return Number(product.inventory_level ?? 0) > 0;
}

/** Stock of a variant, or null when inventory is not tracked per variant. */
function variantStock(product: IDataObject, variant: IDataObject): number | null {
	return product.inventory_tracking === 'variant' ? Number(variant.inventory_level ?? 0) : null;
}

/**
 * The simplified product shape (Get, Get Many with Simplify, Export Catalog):
 * id, name, sku, type, url, description (plain text), price, sale_price, calculated_price,
 * retail_price, availability, is_visible, in_stock, inventory_tracking, inventory_level, brand_id,
 * categories, date_created, date_modified, and — when they were read — variants [{id, sku, options,
 * price, inventory_level, purchasing_disabled}], images [{id, url, thumbnail_url, is_thumbnail,
 * description}], custom_fields [{name, value}], videos [{video_id, title, url}].
 */
export function simplifyProduct(product: IDataObject): IDataObject {
	const out: IDataObject = {
		id: product.id,
		name: product.name,
		sku: product.sku,
		type: product.type,
		url: (product.custom_url as IDataObject | undefined)?.url,
		description: stripHtml(product.description),
		price: product.price,
		sale_price: product.sale_price,
		calculated_price: product.calculated_price,
		retail_price: product.retail_price,
		availability: product.availability,
		is_visible: product.is_visible,
		in_stock: isInStock(product),
		inventory_tracking: product.inventory_tracking,
		inventory_level: product.inventory_level,
		brand_id: product.brand_id,
		categories: product.categories,
		date_created: product.date_created,
		date_modified: product.date_modified,
	};
	if (Array.isArray(product.variants)) {
		out.variants = (product.variants as IDataObject[]).map((v) => ({
			id: v.id,
			sku: v.sku,
			options: optionLabel(v),
			price: v.calculated_price ?? v.price ?? product.calculated_price,
			inventory_level: variantStock(product, v),
			purchasing_disabled: v.purchasing_disabled ?? false,
		}));
	}
	if (Array.isArray(product.images)) {
		out.images = (product.images as IDataObject[]).map((img) => ({
			id: img.id,
			url: img.url_zoom ?? img.url_standard ?? img.image_url,
			thumbnail_url: img.url_thumbnail,
			is_thumbnail: img.is_thumbnail,
			description: img.description,
		}));
	}
	if (Array.isArray(product.custom_fields)) {
		out.custom_fields = (product.custom_fields as IDataObject[]).map((f) => ({
			name: f.name,
			value: f.value,
		}));
	}
	if (Array.isArray(product.videos)) {
		out.videos = (product.videos as IDataObject[]).map((v) => ({
			video_id: v.video_id,
			title: v.title,
			url: `https://www.youtube.com/watch?v=${String(v.video_id)}`,
		}));
	}
	if (Array.isArray(product.options)) {
		out.options = (product.options as IDataObject[]).map((o) => ({
			id: o.id,
			name: o.display_name,
			values: ((o.option_values as IDataObject[] | undefined) ?? []).map((v) => v.label),
		}));
	}
	return out;
}

/** "20.0000" → 20 (money as a number for compact outputs). */
export function amount(value: unknown): number | null {
	if (value === undefined || value === null || value === '') return null;
	const n = Number(value);
	return Number.isFinite(n) ? Math.round(n * 100) / 100 : null;
}

/** A number from an API value ("20.0000" → 20), or null when empty or not a number. */
export function toNumber(value: unknown): number | null {
	if (value === undefined || value === null || value === '') return null;
	const n = Number(value);
	return Number.isFinite(n) ? n : null;
}
