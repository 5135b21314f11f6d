import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { SubResourceConfig } from '../productSubResource';
import { amountValue, wholeNumberValue, fail } from '../../shared/validate';
import { sortByName, moneyProperty } from '../../shared/properties';

function variantFieldOptions(withSku: boolean): INodeProperties[] {
	let options: INodeProperties[] = [
		{ displayName: 'Bin Picking Number', name: 'binPickingNumber', type: 'string', default: '' },
		moneyProperty('Cost Price', 'costPrice'),
		{ displayName: 'GTIN', name: 'gtin', type: 'string', default: '' },
		{
			displayName: 'Image URL',
			name: 'imageUrl',
			type: 'string',
			default: '',
			description: "Public URL of the variant's image",
		},
		{
			displayName: 'Inventory Level',
			name: 'inventoryLevel',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description: 'Stock on hand (used when the product tracks inventory by variant)',
		},
		{
			displayName: 'Inventory Warning Level',
			name: 'inventoryWarningLevel',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
		},
		{ displayName: 'MPN', name: 'mpn', type: 'string', default: '' },
		moneyProperty('Price', 'price', "Variant price; leave unset to use the product's price"),
		{
			displayName: 'Purchasing Disabled',
			name: 'purchasingDisabled',
			type: 'boolean',
			default: false,
			description: 'Whether shoppers are prevented from buying this variant',
		},
		{
			displayName: 'Purchasing Disabled Message',
			name: 'purchasingDisabledMessage',
			type: 'string',
			default: '',
		},
		moneyProperty('Retail Price', 'retailPrice'),
		moneyProperty('Sale Price', 'salePrice'),
		{ displayName: 'UPC', name: 'upc', type: 'string', default: '' },
		{
			displayName: 'Weight',
			name: 'weight',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
		},
	];
	if (withSku) {
		options.push({ displayName: 'SKU', name: 'sku', type: 'string', default: '' });
		options = sortByName(options);
	}
	return options;
}

function variantBody(ctx: IExecuteFunctions, i: number, fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	for (const [param, key, label] of [
		['price', 'price', 'Price'],
		['salePrice', 'sale_price', 'Sale Price'],
		['retailPrice', 'retail_price', 'Retail Price'],
		['costPrice', 'cost_price', 'Cost Price'],
		['weight', 'weight', 'Weight'],
	] as const) {
		if (fields[param] !== undefined) body[key] = amountValue(ctx, i, fields[param], label);
	}
	for (const [param, key, label] of [
		['inventoryLevel', 'inventory_level', 'Inventory Level'],
		['inventoryWarningLevel', 'inventory_warning_level', 'Inventory Warning Level'],
	] as const) {
		if (fields[param] !== undefined) body[key] = wholeNumberValue(ctx, i, fields[param], label);
	}
	for (const [param, key] of [
		['binPickingNumber', 'bin_picking_number'],
		['gtin', 'gtin'],
		['imageUrl', 'image_url'],
		['mpn', 'mpn'],
		['purchasingDisabledMessage', 'purchasing_disabled_message'],
		['upc', 'upc'],
	] as const) {
		if (fields[param] !== undefined) body[key] = String(fields[param]);
	}
	if (typeof body.upc === 'string' && body.upc.length > 14)
		fail(ctx, i, `"UPC" must be at most 14 characters; got "${body.upc}"`);
	if (typeof body.gtin === 'string' && body.gtin.length > 14)
		fail(ctx, i, `"GTIN" must be at most 14 characters; got "${body.gtin}"`);
	if (fields.purchasingDisabled !== undefined)
		body.purchasing_disabled = Boolean(fields.purchasingDisabled);
	if (fields.sku !== undefined) body.sku = checkSku(ctx, i, fields.sku);
	return body;
}

function checkSku(ctx: IExecuteFunctions, i: number, value: unknown): string {
	const sku = String(value ?? '').trim();
	if (!sku || sku.length > 255) fail(ctx, i, `"SKU" must be 1 to 255 characters; got "${sku}"`);
	return sku;
}

/** [{"option_display_name": "Size", "label": "M"}] or [{"id": 10, "option_id": 4}]. */
function optionValues(ctx: IExecuteFunctions, i: number): IDataObject[] {
	const raw = ctx.getNodeParameter('optionValues', i, '') as unknown;
	let value: unknown = raw;
	if (typeof raw === 'string') {
		try {
			value = JSON.parse(raw);
		} catch (error) {
			fail(
				ctx,
				i,
				`"Option Values (JSON)" is not valid JSON (${(error as Error).message})`,
				'Enter e.g. [{"option_display_name": "Size", "label": "M"}]',
			);
		}
	}
	if (!Array.isArray(value) || !value.length) {
		fail(
			ctx,
			i,
			'"Option Values (JSON)" must be a non-empty JSON array such as [{"option_display_name": "Size", "label": "M"}]',
		);
	}
	return value.map((entry: unknown, index: number) => {
		const e = (entry ?? {}) as IDataObject;
		if (
			typeof e.option_display_name === 'string' &&
			e.option_display_name.trim() &&
			typeof e.label === 'string' &&
			e.label.trim()
		) {
			return { option_display_name: e.option_display_name.trim(), label: e.label.trim() };
		}
		if (
			Number.isInteger(e.id) &&
			Number(e.id) > 0 &&
			Number.isInteger(e.option_id) &&
			Number(e.option_id) > 0
		) {
			return { id: e.id, option_id: e.option_id };
		}
		return fail(
			ctx,
			i,
			`"Option Values (JSON)" entry ${index} needs "option_display_name" and "label" (e.g. {"option_display_name": "Size", "label": "M"}) or numeric "id" and "option_id"`,
		);
	});
}

export const config: SubResourceConfig = {
	resource: 'productVariant',
	path: 'variants',
	noun: 'variant',
	plural: 'variants',
	id: { name: 'variantId', label: 'Variant ID' },
	createProperties: [
		{
			displayName: 'SKU',
			name: 'sku',
			type: 'string',
			required: true,
			default: '',
			description: 'Unique SKU of the variant',
		},
		{
			displayName: 'Option Values (JSON)',
			name: 'optionValues',
			type: 'json',
			required: true,
			default: '[\n  { "option_display_name": "Size", "label": "M" }\n]',
			description:
				'The option values that make this variant, as a JSON array. Options and values that do not exist yet are created.',
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: variantFieldOptions(false),
		},
	],
	createBody(ctx, i) {
		const sku = checkSku(ctx, i, ctx.getNodeParameter('sku', i, ''));
		const option_values = optionValues(ctx, i);
		const fields = ctx.getNodeParameter('additionalFields', i, {}) as IDataObject;
		return { ...variantBody(ctx, i, fields), sku, option_values };
	},
	updateOptions: variantFieldOptions(true),
	updateBody: variantBody,
};
