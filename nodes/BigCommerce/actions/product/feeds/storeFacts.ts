import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { bigCommerceApiRequest, bigCommerceApiRequestAllItems } from '../../../transport';
import { CATALOG_READ, INFORMATION_READ, SITES_READ } from '../../../shared/scopes';
import type { StoreFacts } from './offers';

/**
 * Reads what every feed row needs from the store, once per run and never per product: the store
 * (name, secure URL, currency, weight unit), the chosen channel's site URL, brand names and the
 * category tree (one call per 250 brands or categories). Returns the facts and the calls made.
 */

/** BigCommerce's weight units (Store › Get `weight_units`) in the spelling Google and Meta accept. */
const WEIGHT_UNITS: Record<string, { unit: StoreFacts['weightUnit']; factor: number }> = {
	lbs: { unit: 'lb', factor: 1 },
	pounds: { unit: 'lb', factor: 1 },
	ounces: { unit: 'oz', factor: 1 },
	oz: { unit: 'oz', factor: 1 },
	kgs: { unit: 'kg', factor: 1 },
	kilograms: { unit: 'kg', factor: 1 },
	grams: { unit: 'g', factor: 1 },
	g: { unit: 'g', factor: 1 },
	tonnes: { unit: 'kg', factor: 1000 },
};

/** The storefront origin of a URL, https only: feeds must link to pages shoppers can open securely. */
function httpsOrigin(ctx: IExecuteFunctions, i: number, url: unknown, where: string): string {
	const raw = String(url ?? '').trim();
	let parsed: URL | undefined;
	try {
		parsed = new URL(raw);
	} catch {
		parsed = undefined;
	}
	if (!parsed || parsed.protocol !== 'https:') {
		throw new NodeOperationError(
			ctx.getNode(),
			`${where} is "${raw}", not an https URL: Google and Meta need absolute https links`,
			{
				itemIndex: i,
				description:
					'Turn on HTTPS for the storefront in BigCommerce (Settings › Storefront › SSL), or choose a channel whose site uses https.',
			},
		);
	}
	return `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
}

export async function readStoreFacts(
	ctx: IExecuteFunctions,
	i: number,
	options: { channelId?: number; googleCategoryField: string },
): Promise<{ facts: StoreFacts; calls: number }> {
	let calls = 0;
	const one = async (version: 'v2' | 'v3', path: string, scope: string) => {
		const body = await bigCommerceApiRequest.call(ctx, {
			method: 'GET',
			version,
			path,
			scope,
			itemIndex: i,
		});
		calls++;
		return (body ?? {}) as IDataObject;
	};
	const all = async (path: string) =>
		await bigCommerceApiRequestAllItems.call(
			ctx,
			{ method: 'GET', version: 'v3', path, scope: CATALOG_READ, itemIndex: i },
			{ returnAll: true, onPage: () => calls++ },
		);
	const [store, site, brands, categories] = await Promise.all([
		one('v2', '/store', INFORMATION_READ),
		options.channelId !== undefined
			? one('v3', `/channels/${options.channelId}/site`, SITES_READ)
			: Promise.resolve(undefined),
		all('/catalog/brands'),
		all('/catalog/trees/categories'),
	]);

	const baseUrl = site
		? httpsOrigin(ctx, i, site.url, `The site of channel ${String(options.channelId)}`)
		: httpsOrigin(ctx, i, store.secure_url, "The store's secure URL");
	const currency = String(store.currency ?? '').toUpperCase();
	if (!/^[A-Z]{3}$/.test(currency))
		throw new NodeOperationError(
			ctx.getNode(),
			`The store's currency is "${currency}", not an ISO 4217 code such as USD`,
			{ itemIndex: i },
		);
	const places = Number(store.decimal_places);
	const weight = WEIGHT_UNITS[String(store.weight_units ?? '').toLowerCase()] ?? WEIGHT_UNITS.lbs;

	const parents = new Map<number, { name: string; parent: number }>();
	for (const c of categories)
		parents.set(Number(c.category_id ?? c.id), {
			name: String(c.name ?? '').trim(),
			parent: Number(c.parent_id ?? 0),
		});
	const categoryPaths = new Map<number, string[]>();
	for (const id of parents.keys()) {
		const path: string[] = [];
		// walk up to the top; a cycle or a missing parent ends the path
		for (let at: number | undefined = id; at && parents.has(at) && path.length < 16; ) {
			const entry = parents.get(at) as { name: string; parent: number };
			path.unshift(entry.name);
			at = entry.parent;
		}
		categoryPaths.set(id, path);
	}

	return {
		calls,
		facts: {
			storeName: String(store.name ?? '').trim(),
			baseUrl,
			currency,
			decimalPlaces: Number.isInteger(places) && places >= 0 && places <= 3 ? places : 2,
			weightUnit: weight.unit,
			weightFactor: weight.factor,
			brands: new Map(brands.map((b) => [Number(b.id), String(b.name ?? '').trim()])),
			categoryPaths,
			googleCategoryField: options.googleCategoryField,
		},
	};
}
