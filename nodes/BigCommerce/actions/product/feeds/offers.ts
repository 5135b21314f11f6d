import type { IDataObject } from 'n8n-workflow';

import { stripHtml } from '../../../shared/simplify';
import { isValidGtin } from './rules';

/**
 * From a BigCommerce product (read with variants, images and custom fields) to the offers every
 * feed describes: one per purchasable variant, with absolute links, prices in the store's
 * currency, availability, brand and category names, identifiers and option values. The formats
 * (google.ts, meta.ts, aiKnowledge.ts) only rename and serialise these.
 */

/** What the feeds need from the store, read once per run (storeFacts.ts). */
export interface StoreFacts {
	storeName: string;
	/** Storefront origin without a trailing slash: the chosen channel's site, or the store's secure URL. */
	baseUrl: string;
	/** ISO 4217 code. */
	currency: string;
	decimalPlaces: number;
	/** The store's weight unit in the feeds' spelling, and the factor from the store's unit to it. */
	weightUnit: 'lb' | 'oz' | 'kg' | 'g';
	weightFactor: number;
	brands: Map<number, string>;
	/** category ID -> names from the top of its tree down to it. */
	categoryPaths: Map<number, string[]>;
	/** The custom field whose value is passed through as google_product_category (blank: none). */
	googleCategoryField: string;
}

export type Availability = 'in_stock' | 'out_of_stock' | 'preorder';

export interface Offer {
	/** The product ID, or "productId-variantId" for one variant of a product with options. */
	id: string;
	/** The product ID, shared by the rows of one product's variants; undefined for a product without options. */
	groupId?: string;
	sku: string;
	title: string;
	/** Plain text (HTML stripped, entities decoded); the title when the product has none. */
	description: string;
	link: string;
	imageLink?: string;
	additionalImageLinks: string[];
	availability: Availability;
	/** When a pre-order ships (BigCommerce's preorder_release_date), ISO 8601. */
	availabilityDate?: string;
	price: number;
	/** Set only when below the price. */
	salePrice?: number;
	brand: string;
	gtin?: string;
	mpn?: string;
	condition: 'new' | 'used' | 'refurbished';
	/** The variant's option values in the product's order ("Size" -> "M"). */
	options: Array<{ name: string; value: string }>;
	/** Option values under the names both platforms know. */
	color?: string;
	size?: string;
	material?: string;
	pattern?: string;
	/** "1.5 lb"; undefined for digital products. */
	shippingWeight?: string;
	/** "Apparel > Shirts > T-Shirts": the longest of the product's category paths. */
	productType?: string;
	googleProductCategory?: string;
}

/** Option names both platforms have an attribute for (case-insensitive). */
const OPTION_ATTRIBUTES: Record<string, 'color' | 'size' | 'material' | 'pattern'> = {
	color: 'color',
	colour: 'color',
	size: 'size',
	material: 'material',
	pattern: 'pattern',
};

/** "12.00 USD" in the store's decimals. */
export function formatPrice(amount: number, facts: StoreFacts): string {
	return `${amount.toFixed(facts.decimalPlaces)} ${facts.currency}`;
}

/** Catalog text as the feeds send it: trimmed, without control characters (tabs and line breaks stay for the writers). */
const text = (value: unknown): string =>
	value === undefined || value === null
		? ''
		: String(value)
				.replace(/(?![\t\n\r])\p{Cc}/gu, '')
				.trim();
const money = (value: unknown): number | undefined => {
	if (value === undefined || value === null || value === '') return undefined;
	const n = Number(value);
	return Number.isFinite(n) ? n : undefined;
};

export const FEED_SKIP_REASONS = ['hidden', 'not_purchasable'] as const;

/** Why a product has no place in a feed (no public page, or nothing anyone can buy), or undefined. */
export function feedSkipReason(product: IDataObject): 'hidden' | 'not_purchasable' | undefined {
	if (product.is_visible === false) return 'hidden';
	if (product.availability === 'disabled') return 'not_purchasable';
	const variants = (product.variants as IDataObject[] | undefined) ?? [];
	if (variants.length && variants.every((v) => v.purchasing_disabled === true))
		return 'not_purchasable';
	return undefined;
}

/**
 * For Google and Meta, which reject a row without an image: also "no_image" when neither the
 * product nor any of its variants has a picture.
 */
export function imageFeedSkipReason(
	product: IDataObject,
): 'hidden' | 'not_purchasable' | 'no_image' | undefined {
	const reason = feedSkipReason(product);
	if (reason) return reason;
	const hasImage =
		((product.images as unknown[] | undefined) ?? []).length > 0 ||
		((product.variants as IDataObject[] | undefined) ?? []).some((v) => text(v.image_url) !== '');
	return hasImage ? undefined : 'no_image';
}
export const IMAGE_FEED_SKIP_REASONS = ['hidden', 'not_purchasable', 'no_image'] as const;

/** The storefront URL of a path (BigCommerce's custom_url.url is a path such as "/alpine-jacket/"). */
export function absoluteLink(path: unknown, facts: StoreFacts): string {
	const raw = text(path);
	if (/^https:\/\//i.test(raw)) return raw;
	return `${facts.baseUrl}${encodeURI(raw.startsWith('/') ? raw : `/${raw}`)}`;
}

function imageUrl(image: IDataObject): string {
	return text(image.url_zoom ?? image.url_standard ?? image.image_url);
}

function stockAvailability(product: IDataObject, variant: IDataObject | undefined): Availability {
	if (product.inventory_tracking === 'variant' && variant)
		return Number(variant.inventory_level ?? 0) > 0 ? 'in_stock' : 'out_of_stock';
	if (product.inventory_tracking === 'product')
		return Number(product.inventory_level ?? 0) > 0 ? 'in_stock' : 'out_of_stock';
	return 'in_stock';
}

/** The first identifier that is a valid GTIN (the variant's GTIN, then its UPC; a lone variant also the product's). */
function gtinOf(sources: IDataObject[]): string | undefined {
	for (const source of sources) {
		for (const field of ['gtin', 'upc']) {
			const value = text(source[field]).replace(/[\s-]/g, '');
			if (value && isValidGtin(value)) return value;
		}
	}
	return undefined;
}

function categoryPath(product: IDataObject, facts: StoreFacts): string | undefined {
	let best: string[] | undefined;
	for (const id of (product.categories as unknown[] | undefined) ?? []) {
		const path = facts.categoryPaths.get(Number(id));
		if (path && (!best || path.length > best.length)) best = path;
	}
	return best?.join(' > ');
}

/** The offers of one product that have a picture (Google and Meta reject a row without one). */
export function offersWithImage(product: IDataObject, facts: StoreFacts): Offer[] {
	return offersOf(product, facts).filter((offer) => offer.imageLink);
}

/** The offers of one product: one per purchasable variant (a product without options has one). */
export function offersOf(product: IDataObject, facts: StoreFacts): Offer[] {
	if (feedSkipReason(product)) return [];
	const name = text(product.name);
	const description = text(stripHtml(product.description)) || name;
	const link = absoluteLink((product.custom_url as IDataObject | undefined)?.url, facts);
	const images = ((product.images as IDataObject[] | undefined) ?? [])
		.slice()
		.sort((a, b) => Number(b.is_thumbnail === true) - Number(a.is_thumbnail === true));
	const imageLinks = images.map(imageUrl).filter(Boolean);
	const brand = facts.brands.get(Number(product.brand_id)) || facts.storeName;
	const condition = (text(product.condition).toLowerCase() || 'new') as Offer['condition'];
	const productType = categoryPath(product, facts);
	const googleProductCategory = facts.googleCategoryField
		? text(
				((product.custom_fields as IDataObject[] | undefined) ?? []).find(
					(f) => text(f.name).toLowerCase() === facts.googleCategoryField.toLowerCase(),
				)?.value,
			) || undefined
		: undefined;
	const releaseDate = text(product.preorder_release_date);
	const preorder = product.availability === 'preorder' && releaseDate !== '';

	const variants = (product.variants as IDataObject[] | undefined) ?? [];
	const withOptions = variants.filter(
		(v) => ((v.option_values as unknown[] | undefined) ?? []).length > 0,
	);
	const rows: Array<IDataObject | undefined> = withOptions.length
		? withOptions.filter((v) => v.purchasing_disabled !== true)
		: [variants[0]];
	return rows.map((variant) => {
		const v = variant ?? {};
		const options = ((v.option_values as IDataObject[] | undefined) ?? []).map((o) => ({
			name: text(o.option_display_name),
			value: text(o.label),
		}));
		const price = money(v.price) ?? money(product.price) ?? 0;
		const sale = money(v.sale_price) ?? money(product.sale_price);
		const weight = money(v.calculated_weight ?? v.weight) ?? money(product.weight);
		const offer: Offer = {
			id: withOptions.length ? `${String(product.id)}-${String(v.id)}` : String(product.id),
			groupId: withOptions.length ? String(product.id) : undefined,
			sku: text(v.sku) || text(product.sku),
			title: options.length ? `${name} (${options.map((o) => o.value).join(', ')})` : name,
			description,
			link,
			imageLink: text(v.image_url) || imageLinks[0],
			additionalImageLinks: (text(v.image_url) ? imageLinks : imageLinks.slice(1)).filter(
				(url) => url !== text(v.image_url),
			),
			// BigCommerce's pre-order needs a release date for Google (availability_date); without
			// one the offer cannot be bought now and says so
			availability: preorder
				? 'preorder'
				: product.availability === 'preorder'
					? 'out_of_stock'
					: stockAvailability(product, variant),
			availabilityDate: preorder ? releaseDate : undefined,
			price,
			salePrice: sale !== undefined && sale > 0 && sale < price ? sale : undefined,
			brand,
			gtin: gtinOf(withOptions.length ? [v] : [v, product]),
			mpn: text(v.mpn) || (withOptions.length ? '' : text(product.mpn)) || undefined,
			condition: ['new', 'used', 'refurbished'].includes(condition) ? condition : 'new',
			options,
			shippingWeight:
				product.type !== 'digital' && weight !== undefined
					? `${Number((weight * facts.weightFactor).toFixed(3))} ${facts.weightUnit}`
					: undefined,
			productType,
			googleProductCategory,
		};
		for (const option of options) {
			const attribute = OPTION_ATTRIBUTES[option.name.toLowerCase()];
			if (attribute && !offer[attribute]) offer[attribute] = option.value;
		}
		return offer;
	});
}
