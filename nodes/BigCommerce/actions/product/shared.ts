import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { bigCommerceApiRequest } from '../../transport';
import { fail, idListValue, isBlank, locatorValue } from '../common';

/** Catalog scopes (products, variants, images, custom fields, videos, categories, brands). */
export const CATALOG_READ = 'store_v2_products_read_only';
export const CATALOG_WRITE = 'store_v2_products';

/** Everything the export and the shopper tool read in one call. */
export const FULL_INCLUDE = 'variants,images,custom_fields,videos';

export { fail };

type LocatorKind = 'product' | 'category' | 'brand';

const LOCATOR: Record<LocatorKind, { label: string; search: string; plural: string; urlExample: string }> = {
	product: {
		label: 'Product',
		search: 'searchProducts',
		plural: 'products',
		urlExample: 'https://store-abc123.mybigcommerce.com/manage/products/edit/123',
	},
	category: {
		label: 'Category',
		search: 'searchCategories',
		plural: 'categories',
		urlExample: 'https://store-abc123.mybigcommerce.com/manage/products/categories/123/edit',
	},
	brand: {
		label: 'Brand',
		search: 'searchBrands',
		plural: 'brands',
		urlExample: 'https://store-abc123.mybigcommerce.com/manage/products/brands/123/edit',
	},
};

const URL_ID: Record<LocatorKind, RegExp> = {
	product: /\/products\/(?:edit\/)?(\d+)/,
	category: /\/categories\/(?:edit\/)?(\d+)/,
	brand: /\/brands\/(?:edit\/)?(\d+)/,
};

/** A resource locator for a product, category or brand: From List, By ID, By URL. */
export function locator(kind: LocatorKind, overrides: Partial<INodeProperties> = {}): INodeProperties {
	const info = LOCATOR[kind];
	const lower = info.label.toLowerCase();
	return {
		displayName: info.label,
		name: `${kind}Id`,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: `The ${lower}: pick it from the list, or give its ID or control-panel URL`,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: info.search, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 123',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^[0-9]+$', errorMessage: `A ${lower} ID is a whole number such as 123` },
					},
				],
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: `e.g. ${info.urlExample}`,
				extractValue: { type: 'regex', regex: URL_ID[kind].source },
				validation: [
					{
						type: 'regex',
						properties: {
							regex: `.*${URL_ID[kind].source}.*`,
							errorMessage: `Paste the ${lower}'s edit URL from the BigCommerce control panel`,
						},
					},
				],
			},
		],
		...overrides,
	};
}

/**
 * An optional brand or category picker for collections (filters, fields): From List or By ID.
 * (No URL mode: collection values are read without n8n's value extraction.)
 */
export function optionalLocator(kind: LocatorKind, overrides: Partial<INodeProperties> = {}): INodeProperties {
	const picker = locator(kind, { required: false, ...overrides });
	return { ...picker, modes: (picker.modes ?? []).filter((mode) => mode.name !== 'url') };
}

/** The whole-number ID in an optional picker (or plain number), or undefined when left empty. */
export function optionalLocatorId(ctx: IExecuteFunctions, i: number, value: unknown, label: string): number | undefined {
	if (isBlank(value)) return undefined;
	return checkCount(ctx, i, locatorValue(value), label);
}

/**
 * Reads a product/category/brand locator (any mode) or a plain ID parameter and returns the
 * validated numeric ID. A control-panel URL is accepted too.
 */
export function requireLocatorId(
	ctx: IExecuteFunctions,
	i: number,
	kind: LocatorKind,
	name = `${kind}Id`,
): number {
	let value = ctx.getNodeParameter(name, i, undefined, { extractValue: true }) as unknown;
	if (value && typeof value === 'object' && 'value' in (value as IDataObject)) {
		value = (value as IDataObject).value;
	}
	let text = typeof value === 'number' ? String(value) : String(value ?? '').trim();
	const fromUrl = URL_ID[kind].exec(text);
	if (fromUrl && /^https?:\/\//i.test(text)) text = fromUrl[1];
	if (!/^\d+$/.test(text) || Number(text) <= 0 || !Number.isSafeInteger(Number(text))) {
		const info = LOCATOR[kind];
		fail(
			ctx,
			i,
			`"${info.label}" must be a positive whole-number ${info.label.toLowerCase()} ID such as 123, or its control-panel URL; got "${text}"`,
			`Pick the ${info.label.toLowerCase()} from the list, enter its numeric ID, or paste a URL like ${info.urlExample}.`,
		);
	}
	return Number(text);
}

/** A positive whole number read from a plain parameter (sub-resource IDs). */
export function requirePlainId(ctx: IExecuteFunctions, i: number, name: string, label: string): number {
	const value = ctx.getNodeParameter(name, i, '') as unknown;
	const text = typeof value === 'number' ? String(value) : String(value ?? '').trim();
	if (!/^\d+$/.test(text) || Number(text) <= 0 || !Number.isSafeInteger(Number(text))) {
		fail(ctx, i, `"${label}" must be a positive whole number such as 123; got "${text}"`);
	}
	return Number(text);
}

/** A number of 0 or more (prices, weights). */
export function checkAmount(ctx: IExecuteFunctions, i: number, value: unknown, label: string): number {
	const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) {
		fail(ctx, i, `"${label}" must be a number of 0 or more, such as 19.99; got "${String(value)}"`);
	}
	return n;
}

/** A whole number of 0 or more (inventory levels). */
export function checkCount(ctx: IExecuteFunctions, i: number, value: unknown, label: string): number {
	const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
		fail(ctx, i, `"${label}" must be a whole number of 0 or more; got "${String(value)}"`);
	}
	return n;
}

/** "21, 22" or [21, 22] → [21, 22]; every entry a positive whole number. */
export function parseIdList(ctx: IExecuteFunctions, i: number, value: unknown, label: string): number[] {
	return idListValue(ctx, i, value, label, { allowEmpty: true });
}

/** Parses a JSON object parameter value (from a collection), naming the parameter on failure. */
export function parseJsonObject(ctx: IExecuteFunctions, i: number, value: unknown, label: string): IDataObject {
	let parsed: unknown = value;
	if (typeof value === 'string') {
		if (!value.trim()) return {};
		try {
			parsed = JSON.parse(value);
		} catch (error) {
			fail(ctx, i, `"${label}" is not valid JSON (${(error as Error).message})`, 'Enter a JSON object, e.g. {"warranty": "2 years"}');
		}
	}
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
		fail(ctx, i, `"${label}" must be a JSON object, e.g. {"warranty": "2 years"}`);
	}
	return parsed as IDataObject;
}

/** Throws an error caught from the transport again, as the n8n error it already is. */
export function rethrow(ctx: IExecuteFunctions, i: number, error: unknown): never {
	if (error instanceof NodeOperationError) throw new NodeOperationError(ctx.getNode(), error, { itemIndex: i });
	throw new NodeApiError(ctx.getNode(), error as JsonObject, { itemIndex: i });
}

/** Whether a NodeApiError carries this HTTP status. */
export function isHttpError(error: unknown, status: number): boolean {
	return error instanceof NodeApiError && String(error.httpCode) === String(status);
}

// ---------------------------------------------------------------- product fields

const availabilityOptions = [
	{ name: 'Available', value: 'available' },
	{ name: 'Disabled (Not Purchasable)', value: 'disabled' },
	{ name: 'Pre-Order', value: 'preorder' },
];

/** The writable product fields shared by Create (Additional Fields) and Update (Update Fields). */
export function productFieldOptions(update: boolean): INodeProperties[] {
	const fields: INodeProperties[] = [
		{
			displayName: 'Availability',
			name: 'availability',
			type: 'options',
			options: availabilityOptions,
			default: 'available',
			description: 'Whether shoppers can buy the product now, pre-order it, or not at all',
		},
		optionalLocator('brand', { name: 'brandId', description: 'The product\'s brand (By ID 0: no brand)' }),
		{
			displayName: 'Category IDs',
			name: 'categories',
			type: 'string',
			default: '',
			placeholder: 'e.g. 21, 22',
			description: 'Comma-separated category IDs; replaces the product\'s categories',
		},
		{
			displayName: 'Condition',
			name: 'condition',
			type: 'options',
			options: [
				{ name: 'New', value: 'New' },
				{ name: 'Refurbished', value: 'Refurbished' },
				{ name: 'Used', value: 'Used' },
			],
			default: 'New',
		},
		{
			displayName: 'Cost Price',
			name: 'costPrice',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 2 },
			default: 0,
		},
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			description: 'Product description (HTML allowed)',
		},
		{
			displayName: 'Featured',
			name: 'isFeatured',
			type: 'boolean',
			default: false,
			description: 'Whether the product is featured on the storefront',
		},
		{
			displayName: 'Inventory Level',
			name: 'inventoryLevel',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description: 'Stock on hand when inventory is tracked by product',
		},
		{
			displayName: 'Inventory Tracking',
			name: 'inventoryTracking',
			type: 'options',
			options: [
				{ name: 'None', value: 'none' },
				{ name: 'By Product', value: 'product' },
				{ name: 'By Variant', value: 'variant' },
			],
			default: 'none',
		},
		{
			displayName: 'Inventory Warning Level',
			name: 'inventoryWarningLevel',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
		},
		{
			displayName: 'Other Fields (JSON)',
			name: 'otherFields',
			type: 'json',
			default: '{}',
			description: 'Any other product fields of the BigCommerce API as a JSON object, e.g. {"warranty": "2 years", "mpn": "X1"}',
		},
		{
			displayName: 'Retail Price',
			name: 'retailPrice',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 2 },
			default: 0,
		},
		{
			displayName: 'Sale Price',
			name: 'salePrice',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 2 },
			default: 0,
			description: 'Discounted price; 0 means not on sale',
		},
		{
			displayName: 'SKU',
			name: 'sku',
			type: 'string',
			default: '',
		},
		{
			displayName: 'Visible',
			name: 'isVisible',
			type: 'boolean',
			default: true,
			description: 'Whether shoppers can see the product on the storefront',
		},
	];
	if (update) {
		fields.push(
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
			{
				displayName: 'Price',
				name: 'price',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 2 },
				default: 0,
			},
			{
				displayName: 'Type',
				name: 'type',
				type: 'options',
				options: [
					{ name: 'Digital', value: 'digital' },
					{ name: 'Physical', value: 'physical' },
				],
				default: 'physical',
			},
			{
				displayName: 'Weight',
				name: 'weight',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
			},
		);
		fields.sort((a, b) => a.displayName.localeCompare(b.displayName));
	}
	return fields;
}

/** Turns the Additional/Update Fields collection into an API body, validating each value. */
export function productBodyFromFields(ctx: IExecuteFunctions, i: number, fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	if (fields.otherFields !== undefined) Object.assign(body, parseJsonObject(ctx, i, fields.otherFields, 'Other Fields (JSON)'));
	const amounts: Array<[string, string, string]> = [
		['price', 'price', 'Price'],
		['costPrice', 'cost_price', 'Cost Price'],
		['retailPrice', 'retail_price', 'Retail Price'],
		['salePrice', 'sale_price', 'Sale Price'],
		['weight', 'weight', 'Weight'],
	];
	for (const [param, key, label] of amounts) {
		if (fields[param] !== undefined) body[key] = checkAmount(ctx, i, fields[param], label);
	}
	const counts: Array<[string, string, string]> = [
		['inventoryLevel', 'inventory_level', 'Inventory Level'],
		['inventoryWarningLevel', 'inventory_warning_level', 'Inventory Warning Level'],
	];
	for (const [param, key, label] of counts) {
		if (fields[param] !== undefined) body[key] = checkCount(ctx, i, fields[param], label);
	}
	const brandId = optionalLocatorId(ctx, i, fields.brandId, 'Brand');
	if (brandId !== undefined) body.brand_id = brandId;
	if (fields.categories !== undefined) body.categories = parseIdList(ctx, i, fields.categories, 'Category IDs');
	if (fields.name !== undefined) {
		const name = String(fields.name).trim();
		if (!name || name.length > 250) fail(ctx, i, `"Name" must be 1 to 250 characters; got "${name}"`);
		body.name = name;
	}
	if (fields.sku !== undefined) {
		const sku = String(fields.sku).trim();
		if (sku.length > 255) fail(ctx, i, '"SKU" must be at most 255 characters');
		body.sku = sku;
	}
	if (fields.description !== undefined) body.description = String(fields.description);
	const direct: Array<[string, string]> = [
		['availability', 'availability'],
		['condition', 'condition'],
		['inventoryTracking', 'inventory_tracking'],
		['type', 'type'],
	];
	for (const [param, key] of direct) if (fields[param] !== undefined) body[key] = fields[param];
	if (fields.isVisible !== undefined) body.is_visible = Boolean(fields.isVisible);
	if (fields.isFeatured !== undefined) body.is_featured = Boolean(fields.isFeatured);
	return body;
}

// ---------------------------------------------------------------- output shapes

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
				const n = code[1].toLowerCase() === 'x' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
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
		out.custom_fields = (product.custom_fields as IDataObject[]).map((f) => ({ name: f.name, value: f.value }));
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

/** GET /catalog/products/{id} with `include`. */
export async function fetchProduct(
	ctx: IExecuteFunctions,
	i: number,
	id: number,
	include?: string,
): Promise<IDataObject> {
	return (await bigCommerceApiRequest.call(ctx, {
		method: 'GET',
		version: 'v3',
		path: `/catalog/products/${id}`,
		qs: include ? { include } : undefined,
		scope: CATALOG_READ,
		itemIndex: i,
	})) as IDataObject;
}

/** The standard "Simplify" switch. */
export const simplifyProperty: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a compact version of each product instead of the full API record',
};
