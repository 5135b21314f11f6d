import type { IDataObject } from 'n8n-workflow';

import {
	feedSkipReason,
	FEED_SKIP_REASONS,
	formatPrice,
	offersOf,
	type Offer,
	type StoreFacts,
} from './offers';
import type { FeedFormat } from './types';

/**
 * AI knowledge: one JSON line per product, ready to embed for retrieval: `text` (everything an
 * assistant needs to answer about the product, as plain text) and `metadata` (the same facts as
 * fields, for filters and citations).
 */

const AVAILABILITY_TEXT: Record<Offer['availability'], string> = {
	in_stock: 'in stock',
	out_of_stock: 'out of stock',
	preorder: 'available for pre-order',
};

/** The product as a whole: pre-order if any offer is, else in stock if any offer is. */
function overallAvailability(offers: Offer[]): Offer['availability'] {
	if (offers.some((o) => o.availability === 'preorder')) return 'preorder';
	return offers.some((o) => o.availability === 'in_stock') ? 'in_stock' : 'out_of_stock';
}

export function knowledgeChunk(product: IDataObject, facts: StoreFacts): IDataObject | undefined {
	const offers = offersOf(product, facts);
	if (!offers.length) return undefined;
	const first = offers[0];
	const name = String(product.name ?? '').trim();
	const prices = offers.map((o) => o.salePrice ?? o.price);
	const low = Math.min(...prices);
	const high = Math.max(...prices);
	const availability = overallAvailability(offers);
	const options: Record<string, string[]> = {};
	for (const offer of offers)
		for (const { name: option, value } of offer.options) {
			options[option] = options[option] ?? [];
			if (!options[option].includes(value)) options[option].push(value);
		}
	const customFields: Record<string, string> = {};
	for (const field of (product.custom_fields as IDataObject[] | undefined) ?? [])
		customFields[String(field.name)] = String(field.value ?? '');
	const categories = [
		...new Set(
			((product.categories as unknown[] | undefined) ?? [])
				.map((id) => facts.categoryPaths.get(Number(id))?.join(' > '))
				.filter((path): path is string => Boolean(path)),
		),
	];
	const onSale = offers.some((o) => o.salePrice !== undefined);

	const lines = [
		name,
		`Brand: ${first.brand}`,
		categories.length ? `Categories: ${categories.join('; ')}` : '',
		`Price: ${low === high ? formatPrice(low, facts) : `${formatPrice(low, facts)} to ${formatPrice(high, facts)}`}${onSale ? ' (on sale)' : ''}`,
		`Availability: ${AVAILABILITY_TEXT[availability]}${first.availabilityDate ? ` (ships from ${first.availabilityDate.slice(0, 10)})` : ''}`,
		Object.keys(options).length
			? `Options: ${Object.entries(options)
					.map(([option, values]) => `${option}: ${values.join(', ')}`)
					.join('; ')}`
			: '',
		offers.length > 1
			? `Variants: ${offers
					.map(
						(o) =>
							`${o.options.map((x) => x.value).join(' / ')} ${formatPrice(o.salePrice ?? o.price, facts)} ${AVAILABILITY_TEXT[o.availability]}`,
					)
					.join('; ')}`
			: '',
		...Object.entries(customFields).map(([field, value]) => `${field}: ${value}`),
		`Link: ${first.link}`,
		'',
		first.description,
	].filter((line, at, all) => line !== '' || at === all.length - 2);

	return {
		id: `product-${String(product.id)}`,
		url: first.link,
		title: name,
		text: lines.join('\n'),
		metadata: {
			product_id: product.id,
			sku: String(product.sku ?? ''),
			brand: first.brand,
			categories,
			price_min: low,
			price_max: high,
			currency: facts.currency,
			on_sale: onSale,
			availability,
			options,
			custom_fields: customFields,
			image_url: first.imageLink ?? null,
		},
	};
}

export const aiKnowledge: FeedFormat = {
	option: {
		name: 'AI Knowledge (JSON Lines)',
		value: 'aiKnowledge',
		description:
			'One plain-text chunk per product for retrieval: link, description, prices, availability, options, custom fields, categories and brand',
	},
	extension: 'jsonl',
	mimeType: 'application/x-ndjson',
	skipReason: feedSkipReason,
	skipReasons: FEED_SKIP_REASONS,
	head: () => '',
	rows: (product: IDataObject, facts: StoreFacts) => {
		const chunk = knowledgeChunk(product, facts);
		return chunk ? [`${JSON.stringify(chunk)}\n`] : [];
	},
	tail: () => '',
};
