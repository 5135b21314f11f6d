import type { IDataObject } from 'n8n-workflow';

import {
	formatPrice,
	imageFeedSkipReason,
	IMAGE_FEED_SKIP_REASONS,
	offersWithImage,
	type Offer,
	type StoreFacts,
} from './offers';
import { fitToRules, GOOGLE_RULES } from './rules';
import type { FeedFormat, FeedRow } from './types';
import { delimitedFeed } from './delimited';

/**
 * Google Merchant Center (product data specification): one row per offer, as a tab-separated file
 * (header row of attribute names) or as RSS 2.0 with the `g:` namespace.
 */

/** The TSV's columns, in this order (every attribute googleRow can fill). */
export const GOOGLE_COLUMNS = Object.keys(GOOGLE_RULES);

export function googleRow(offer: Offer, facts: StoreFacts): FeedRow {
	return fitToRules(
		{
			id: offer.id,
			title: offer.title,
			description: offer.description,
			link: offer.link,
			image_link: offer.imageLink,
			additional_image_link: offer.additionalImageLinks,
			availability: offer.availability,
			availability_date: offer.availabilityDate,
			price: formatPrice(offer.price, facts),
			sale_price: offer.salePrice !== undefined ? formatPrice(offer.salePrice, facts) : undefined,
			brand: offer.brand,
			gtin: offer.gtin,
			mpn: offer.mpn,
			// Google asks for "no" when a new product has neither a GTIN nor an MPN
			identifier_exists: offer.gtin || offer.mpn ? undefined : 'no',
			condition: offer.condition,
			item_group_id: offer.groupId,
			color: offer.color,
			size: offer.size,
			material: offer.material,
			pattern: offer.pattern,
			shipping_weight: offer.shippingWeight,
			product_type: offer.productType,
			google_product_category: offer.googleProductCategory,
		},
		GOOGLE_RULES,
	);
}

/** A TSV cell: tabs and line breaks would end the cell or the row, so they become spaces; repeated values are comma-separated. */
function tsvCell(value: string | string[] | undefined): string {
	const joined = Array.isArray(value) ? value.join(',') : (value ?? '');
	return joined.replace(/\s*[\t\r\n]+\s*/g, ' ');
}

export const googleTsv: FeedFormat = delimitedFeed({
	option: {
		name: 'Google Merchant Center (TSV)',
		value: 'googleTsv',
		description: "One row per purchasable variant in Google's product data specification",
	},
	extension: 'tsv',
	mimeType: 'text/tab-separated-values',
	columns: GOOGLE_COLUMNS,
	separator: '\t',
	row: googleRow,
	cell: tsvCell,
});

/** Text for XML 1.0: the five markup characters escaped, characters XML forbids (control codes, lone surrogates) removed. */
export function xmlText(value: string): string {
	return value
		.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}

export const GOOGLE_NAMESPACE = 'http://base.google.com/ns/1.0';

export const googleXml: FeedFormat = {
	option: {
		name: 'Google Merchant Center (XML)',
		value: 'googleXml',
		description: 'The same rows as an RSS 2.0 feed with the g: namespace',
	},
	extension: 'xml',
	mimeType: 'application/rss+xml',
	skipReason: imageFeedSkipReason,
	skipReasons: IMAGE_FEED_SKIP_REASONS,
	head: (facts) =>
		`<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:g="${GOOGLE_NAMESPACE}">\n<channel>\n` +
		`<title>${xmlText(facts.storeName)}</title>\n<link>${xmlText(facts.baseUrl)}/</link>\n` +
		`<description>${xmlText(`${facts.storeName} products`)}</description>\n`,
	rows: (product: IDataObject, facts: StoreFacts) =>
		offersWithImage(product, facts).map((offer) => {
			const row = googleRow(offer, facts);
			const elements = GOOGLE_COLUMNS.flatMap((name) => {
				const value = row[name];
				const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
				return values.map((v) => `<g:${name}>${xmlText(v)}</g:${name}>`);
			});
			return `<item>\n${elements.join('\n')}\n</item>\n`;
		}),
	tail: () => '</channel>\n</rss>\n',
};
