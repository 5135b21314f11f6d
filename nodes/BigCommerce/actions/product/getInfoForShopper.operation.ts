import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest } from '../../transport';
import { fetchProduct, FULL_INCLUDE } from './helpers';
import { CATALOG_READ } from '../../shared/scopes';
import { isHttpError, rethrow } from '../../shared/errors';
import { isInStock, optionLabel, stripHtml } from '../../shared/simplify';
import { toItems } from '../../shared/items';
import { fail, asPositiveId } from '../../shared/validate';

export const option: OperationOption = {
	name: 'Get Info for Shopper',
	value: 'getInfoForShopper',
	action: 'Get product info for a shopper',
	description:
		"Answer a shopper's product question: look up a visible product by ID, SKU (product or variant) or name and return its plain-text description, price and sale price, availability, variants with options and stock, custom fields, images and videos",
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Look Up By',
		name: 'lookUpBy',
		type: 'options',
		options: [
			{
				name: 'Name',
				value: 'name',
				description: 'Exact name first, then the closest keyword matches',
			},
			{ name: 'Product ID', value: 'id' },
			{ name: 'SKU', value: 'sku', description: 'Product SKU or the SKU of one of its variants' },
		],
		default: 'sku',
	},
	{
		displayName: 'Value',
		name: 'value',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. SKU-1234',
		description: 'The product ID, SKU or name the shopper gave',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Include Hidden Products',
				name: 'includeHidden',
				type: 'boolean',
				default: false,
				description:
					'Whether to answer about products hidden from the storefront. Off by default: a hidden product is reported as not found, so nothing unpublished leaks to shoppers.',
			},
			{
				displayName: 'Max Description Length',
				name: 'maxDescription',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 1000,
				description: 'Characters of plain-text description to return (0 for none)',
			},
		],
	},
];

async function listProducts(
	ctx: IExecuteFunctions,
	i: number,
	qs: IDataObject,
): Promise<IDataObject[]> {
	const data = await bigCommerceApiRequest.call(ctx, {
		method: 'GET',
		version: 'v3',
		path: '/catalog/products',
		qs: { include: FULL_INCLUDE, ...qs },
		scope: CATALOG_READ,
		itemIndex: i,
	});
	return Array.isArray(data) ? (data as IDataObject[]) : [];
}

/** The compact answer for a shopper question (see the operation description). */
export function shopperView(product: IDataObject, maxDescription: number): IDataObject {
	const text = stripHtml(product.description);
	const onSale =
		Number(product.sale_price ?? 0) > 0 && Number(product.sale_price) < Number(product.price);
	const tracked =
		product.inventory_tracking === 'product' || product.inventory_tracking === 'variant';
	const variants = ((product.variants as IDataObject[] | undefined) ?? []).filter(
		(v) => Array.isArray(v.option_values) && (v.option_values as IDataObject[]).length,
	);
	const fields: IDataObject = {};
	for (const field of (product.custom_fields as IDataObject[] | undefined) ?? []) {
		const name = String(field.name);
		fields[name] =
			fields[name] === undefined ? field.value : `${String(fields[name])}, ${String(field.value)}`;
	}
	const answer: IDataObject = {
		found: true,
		id: product.id,
		name: product.name,
		sku: product.sku,
		url: (product.custom_url as IDataObject | undefined)?.url,
		description:
			text.length > maxDescription
				? `${text.slice(0, Math.max(0, maxDescription - 1)).trimEnd()}…`
				: text,
		price: product.price,
		sale_price: onSale ? product.sale_price : null,
		on_sale: onSale,
		current_price: product.calculated_price ?? (onSale ? product.sale_price : product.price),
		availability: product.availability,
		availability_description: product.availability_description || undefined,
		purchasable: product.availability !== 'disabled' && isInStock(product),
		in_stock: isInStock(product),
		stock_level: tracked ? product.inventory_level : null,
		variants: variants.map((v) => ({
			sku: v.sku,
			options: optionLabel(v),
			price: v.calculated_price ?? v.price ?? product.calculated_price,
			in_stock:
				!v.purchasing_disabled &&
				(product.inventory_tracking !== 'variant' || Number(v.inventory_level ?? 0) > 0),
			stock: product.inventory_tracking === 'variant' ? v.inventory_level : null,
		})),
		custom_fields: fields,
		images: ((product.images as IDataObject[] | undefined) ?? []).map(
			(img) => img.url_standard ?? img.url_zoom ?? img.image_url,
		),
		videos: ((product.videos as IDataObject[] | undefined) ?? []).map(
			(v) => `https://www.youtube.com/watch?v=${String(v.video_id)}`,
		),
	};
	if (answer.description === '') delete answer.description;
	if (answer.availability_description === undefined) delete answer.availability_description;
	return answer;
}

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// tolerate what an AI agent may send: "SKU", "Product ID", "product_id", "Name"
	const rawLookUp = String(this.getNodeParameter('lookUpBy', i, 'sku') ?? '')
		.trim()
		.toLowerCase();
	const lookUpBy = ['id', 'productid', 'product id', 'product_id'].includes(rawLookUp)
		? 'id'
		: rawLookUp;
	const value = String(this.getNodeParameter('value', i, '') ?? '').trim();
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const includeHidden = options.includeHidden === true;
	const maxDescription =
		options.maxDescription === undefined ? 1000 : Number(options.maxDescription);
	if (!Number.isInteger(maxDescription) || maxDescription < 0) {
		fail(
			this,
			i,
			`"Max Description Length" must be a whole number of 0 or more; got "${String(options.maxDescription)}"`,
		);
	}
	if (!['id', 'sku', 'name'].includes(lookUpBy))
		fail(this, i, `"Look Up By" must be id, sku or name; got "${lookUpBy}"`);
	const labels: Record<string, string> = { id: 'Product ID', sku: 'SKU', name: 'Name' };
	if (!value) fail(this, i, `"Value" must not be empty: give the ${labels[lookUpBy]} to look up`);
	if (lookUpBy === 'id' && asPositiveId(value) === undefined) {
		fail(
			this,
			i,
			`"Value" must be a positive whole-number product ID such as 123 when looking up by Product ID; got "${value}"`,
		);
	}

	const visibleQs: IDataObject = includeHidden ? {} : { is_visible: true };
	let product: IDataObject | undefined;
	let matchedVariant: IDataObject | undefined;
	let others: IDataObject[] = [];

	if (lookUpBy === 'id') {
		try {
			product = await fetchProduct(this, i, Number(value), FULL_INCLUDE);
		} catch (error) {
			if (!isHttpError(error, 404)) rethrow(this, i, error);
		}
	} else if (lookUpBy === 'sku') {
		[product] = await listProducts(this, i, { sku: value, ...visibleQs, limit: 1 });
		if (!product) {
			const variants = (await bigCommerceApiRequest.call(this, {
				method: 'GET',
				version: 'v3',
				path: '/catalog/variants',
				qs: { sku: value, limit: 1 },
				scope: CATALOG_READ,
				itemIndex: i,
			})) as IDataObject[];
			matchedVariant = Array.isArray(variants) ? variants[0] : undefined;
			if (matchedVariant) {
				try {
					product = await fetchProduct(this, i, Number(matchedVariant.product_id), FULL_INCLUDE);
				} catch (error) {
					if (!isHttpError(error, 404)) rethrow(this, i, error);
				}
			}
		}
	} else {
		[product] = await listProducts(this, i, { name: value, ...visibleQs, limit: 1 });
		if (!product) {
			const matches = await listProducts(this, i, { keyword: value, ...visibleQs, limit: 5 });
			[product, ...others] = matches;
		}
	}

	if (product && !includeHidden && product.is_visible === false) product = undefined;
	if (!product) {
		return toItems(this, {
			found: false,
			message: `No product matches ${labels[lookUpBy]} "${value}".`,
		});
	}
	const answer = shopperView(product, maxDescription);
	if (matchedVariant) {
		answer.matched_variant = { sku: matchedVariant.sku, options: optionLabel(matchedVariant) };
	}
	if (others.length) answer.other_matches = others.map((p) => ({ id: p.id, name: p.name }));
	return toItems(this, answer);
}
