import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { bigCommerceApiRequest } from '../../transport';
import { optionalLocator, optionalLocatorId } from '../../shared/locators';
import { jsonValue, amountValue, wholeNumberValue, fail, idListValue } from '../../shared/validate';
import { CATALOG_READ } from '../../shared/scopes';
import { sortByName, moneyProperty } from '../../shared/properties';

/** Everything the export and the shopper tool read in one call. */
export const FULL_INCLUDE = 'variants,images,custom_fields,videos';

// ---------------------------------------------------------------- product fields

const availabilityOptions = [
	{ name: 'Available', value: 'available' },
	{ name: 'Disabled (Not Purchasable)', value: 'disabled' },
	{ name: 'Pre-Order', value: 'preorder' },
];

/** The writable product fields shared by Create (Additional Fields) and Update (Update Fields). */
export function productFieldOptions(update: boolean): INodeProperties[] {
	let fields: INodeProperties[] = [
		{
			displayName: 'Availability',
			name: 'availability',
			type: 'options',
			options: availabilityOptions,
			default: 'available',
			description: 'Whether shoppers can buy the product now, pre-order it, or not at all',
		},
		optionalLocator('brand', {
			name: 'brandId',
			description: "The product's brand (By ID 0: no brand)",
		}),
		{
			displayName: 'Category IDs',
			name: 'categories',
			type: 'string',
			default: '',
			placeholder: 'e.g. 21, 22',
			description: "Comma-separated category IDs; replaces the product's categories",
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
		moneyProperty('Cost Price', 'costPrice'),
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
			description:
				'Any other product fields of the BigCommerce API as a JSON object, e.g. {"warranty": "2 years", "mpn": "X1"}',
		},
		moneyProperty('Retail Price', 'retailPrice'),
		moneyProperty('Sale Price', 'salePrice', 'Discounted price; 0 means not on sale'),
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
			moneyProperty('Price', 'price'),
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
		fields = sortByName(fields);
	}
	return fields;
}

/** Turns the Additional/Update Fields collection into an API body, validating each value. */
export function productBodyFromFields(
	ctx: IExecuteFunctions,
	i: number,
	fields: IDataObject,
): IDataObject {
	const body: IDataObject = {};
	if (fields.otherFields !== undefined)
		Object.assign(
			body,
			jsonValue(ctx, i, fields.otherFields, 'Other Fields (JSON)', 'object', {
				example: '{"warranty": "2 years"}',
				blankIsEmpty: true,
			}),
		);
	const amounts: Array<[string, string, string]> = [
		['price', 'price', 'Price'],
		['costPrice', 'cost_price', 'Cost Price'],
		['retailPrice', 'retail_price', 'Retail Price'],
		['salePrice', 'sale_price', 'Sale Price'],
		['weight', 'weight', 'Weight'],
	];
	for (const [param, key, label] of amounts) {
		if (fields[param] !== undefined) body[key] = amountValue(ctx, i, fields[param], label);
	}
	const counts: Array<[string, string, string]> = [
		['inventoryLevel', 'inventory_level', 'Inventory Level'],
		['inventoryWarningLevel', 'inventory_warning_level', 'Inventory Warning Level'],
	];
	for (const [param, key, label] of counts) {
		if (fields[param] !== undefined) body[key] = wholeNumberValue(ctx, i, fields[param], label);
	}
	const brandId = optionalLocatorId(ctx, i, fields.brandId, 'Brand');
	if (brandId !== undefined) body.brand_id = brandId;
	if (fields.categories !== undefined)
		body.categories = idListValue(ctx, i, fields.categories, 'Category IDs', { allowEmpty: true });
	if (fields.name !== undefined) {
		const name = String(fields.name).trim();
		if (!name || name.length > 250)
			fail(ctx, i, `"Name" must be 1 to 250 characters; got "${name}"`);
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
