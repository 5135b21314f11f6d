import { formatPrice, type Offer, type StoreFacts } from './offers';
import { fitToRules, META_RULES } from './rules';
import type { FeedFormat, FeedRow } from './types';
import { delimitedFeed } from './delimited';

/** Meta (Facebook and Instagram) catalog data feed: a CSV with Meta's column names, one row per offer. */

export const META_COLUMNS = Object.keys(META_RULES);

const META_AVAILABILITY: Record<Offer['availability'], string> = {
	in_stock: 'in stock',
	out_of_stock: 'out of stock',
	preorder: 'preorder',
};

export function metaRow(offer: Offer, facts: StoreFacts): FeedRow {
	return fitToRules(
		{
			id: offer.id,
			title: offer.title,
			description: offer.description,
			availability: META_AVAILABILITY[offer.availability],
			condition: offer.condition,
			price: formatPrice(offer.price, facts),
			link: offer.link,
			image_link: offer.imageLink,
			brand: offer.brand,
			item_group_id: offer.groupId,
			sale_price: offer.salePrice !== undefined ? formatPrice(offer.salePrice, facts) : undefined,
			additional_image_link: offer.additionalImageLinks,
			google_product_category: offer.googleProductCategory,
			product_type: offer.productType,
			color: offer.color,
			size: offer.size,
			material: offer.material,
			pattern: offer.pattern,
			gtin: offer.gtin,
			mpn: offer.mpn,
			shipping_weight: offer.shippingWeight,
		},
		META_RULES,
	);
}

/** An RFC 4180 cell on one line: quoted when it holds a comma or a quote; repeated values comma-separated. */
function csvText(value: string | string[] | undefined): string {
	const text = (Array.isArray(value) ? value.join(',') : (value ?? '')).replace(
		/\s*[\r\n]+\s*/g,
		' ',
	);
	return /[",]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const metaCsv: FeedFormat = delimitedFeed({
	option: {
		name: 'Meta Catalog (CSV)',
		value: 'metaCsv',
		description: "One row per purchasable variant with Meta's catalog columns",
	},
	extension: 'csv',
	mimeType: 'text/csv',
	columns: META_COLUMNS,
	separator: ',',
	row: metaRow,
	cell: csvText,
});
