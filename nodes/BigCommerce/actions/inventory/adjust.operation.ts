import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest } from '../../transport';
import { MAX_ADJUSTMENT_ITEMS } from './helpers';
import { INVENTORY_WRITE } from '../../shared/scopes';
import { jsonValue, fail } from '../../shared/validate';
import { toItems } from '../../shared/items';

export const option: OperationOption = {
	name: 'Adjust',
	value: 'adjust',
	action: 'Adjust inventory',
	description:
		'Set (absolute) or change (relative) stock per location for many items, batched by 2000; all items are checked first',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Adjustment',
		name: 'mode',
		type: 'options',
		default: 'absolute',
		options: [
			{
				name: 'Add or Subtract (Relative)',
				value: 'relative',
				description: 'Change stock by the given quantity (negative to subtract)',
			},
			{
				name: 'Set Quantity (Absolute)',
				value: 'absolute',
				description: 'Set stock on hand to the given quantity',
			},
		],
	},
	{
		displayName: 'Input',
		name: 'input',
		type: 'options',
		default: 'fields',
		options: [
			{ name: 'Fields', value: 'fields', description: 'List the items below' },
			{
				name: 'JSON',
				value: 'json',
				description:
					'A JSON array of {"location_id", "variant_id" | "product_id" | "sku", "quantity"}',
			},
		],
	},
	{
		displayName: 'Items',
		name: 'items',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Item',
		default: {},
		displayOptions: { show: { input: ['fields'] } },
		options: [
			{
				displayName: 'Item',
				name: 'item',
				values: [
					{
						displayName: 'Identify By',
						name: 'identifyBy',
						type: 'options',
						default: 'variant_id',
						options: [
							{ name: 'Product ID (Product-Level Tracking)', value: 'product_id' },
							{ name: 'SKU', value: 'sku' },
							{ name: 'Variant ID', value: 'variant_id' },
						],
					},
					{
						displayName: 'Identifier',
						name: 'identifier',
						type: 'string',
						default: '',
						description: 'The variant ID, product ID or SKU',
					},
					{
						displayName: 'Location ID',
						name: 'locationId',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: 1,
						description: 'Where the stock is (1 is the default location)',
					},
					{
						displayName: 'Quantity',
						name: 'quantity',
						type: 'number',
						default: 0,
						description: 'The new stock level (absolute) or the change (relative, may be negative)',
					},
				],
			},
		],
	},
	{
		displayName: 'Items (JSON)',
		name: 'itemsJson',
		type: 'json',
		default: '[{"location_id": 1, "variant_id": 1, "quantity": 10}]',
		displayOptions: { show: { input: ['json'] } },
		description: `Any number of items: they are sent in batches of ${MAX_ADJUSTMENT_ITEMS}, and all are checked before the first batch is sent`,
	},
	{
		displayName: 'Reason',
		name: 'reason',
		type: 'string',
		default: '',
		placeholder: 'e.g. Stock count',
		description: 'Why the stock changed (kept in the inventory history)',
	},
];

const ID_KEYS = ['variant_id', 'product_id', 'sku'];

/** A whole number that may be negative (an adjustment), or undefined. */
function asInteger(value: unknown): number | undefined {
	const text = typeof value === 'number' ? String(value) : String(value ?? '').trim();
	return /^-?\d+$/.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : undefined;
}

/** Validates one adjustment line; returns the API item. */
function checkLine(
	ctx: IExecuteFunctions,
	i: number,
	raw: IDataObject,
	n: number,
	mode: string,
): IDataObject {
	const where = `Inventory item ${n}`;
	const location = asInteger(raw.location_id);
	if (location === undefined || location < 1) {
		fail(
			ctx,
			i,
			`${where}: "location_id" must be a positive whole number; got "${String(raw.location_id ?? '')}"`,
		);
	}
	const quantity = asInteger(raw.quantity);
	if (quantity === undefined) {
		fail(
			ctx,
			i,
			`${where}: "quantity" must be a whole number; got "${String(raw.quantity ?? '')}"`,
		);
	}
	if (mode === 'absolute' && quantity < 0) {
		fail(
			ctx,
			i,
			`${where}: "quantity" must be 0 or more for an absolute adjustment; got ${quantity}`,
		);
	}
	const keys = ID_KEYS.filter(
		(key) => raw[key] !== undefined && raw[key] !== null && raw[key] !== '',
	);
	if (keys.length !== 1) {
		fail(
			ctx,
			i,
			`${where} needs exactly one of "variant_id", "product_id" or "sku"${keys.length ? `; got ${keys.join(' and ')}` : ''}`,
		);
	}
	const key = keys[0];
	const item: IDataObject = { location_id: location, quantity };
	if (key === 'sku') {
		const sku = String(raw.sku).trim();
		if (!sku) fail(ctx, i, `${where}: "sku" must not be empty`);
		item.sku = sku;
	} else {
		const id = asInteger(raw[key]);
		if (id === undefined || id < 1)
			fail(ctx, i, `${where}: "${key}" must be a positive whole number; got "${String(raw[key])}"`);
		item[key] = id;
	}
	return item;
}

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const mode = this.getNodeParameter('mode', i, 'absolute') as string;
	if (mode !== 'absolute' && mode !== 'relative')
		fail(this, i, `"Adjustment" must be absolute or relative; got "${mode}"`);
	const input = this.getNodeParameter('input', i, 'fields') as string;
	let raw: IDataObject[];
	if (input === 'json') {
		const list = jsonValue(
			this,
			i,
			this.getNodeParameter('itemsJson', i),
			'Items (JSON)',
			'array',
			{ example: '[{"product_id": 1, "quantity": 1}]' },
		) as unknown[];
		raw = list.map((entry, index) => {
			if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
				fail(this, i, `Inventory item ${index + 1} in "Items (JSON)" must be an object`);
			}
			return entry as IDataObject;
		});
	} else {
		const lines = ((this.getNodeParameter('items', i, {}) as IDataObject).item ??
			[]) as IDataObject[];
		raw = lines.map((line) => ({
			location_id: line.locationId,
			quantity: line.quantity,
			[String(line.identifyBy ?? 'variant_id')]: line.identifier,
		}));
	}
	if (!raw.length) fail(this, i, 'No inventory items to adjust: add at least one item');
	// every line is checked before the first request, so a bad line never leaves a partial write
	const items = raw.map((line, index) => checkLine(this, i, line, index + 1, mode));
	const reason = String(this.getNodeParameter('reason', i, '') ?? '').trim();

	const transactionIds: string[] = [];
	for (let start = 0; start < items.length; start += MAX_ADJUSTMENT_ITEMS) {
		const body: IDataObject = { items: items.slice(start, start + MAX_ADJUSTMENT_ITEMS) };
		if (reason) body.reason = reason;
		const answer = (await bigCommerceApiRequest.call(this, {
			method: mode === 'absolute' ? 'PUT' : 'POST',
			version: 'v3',
			path: `/inventory/adjustments/${mode}`,
			body,
			scope: INVENTORY_WRITE,
			itemIndex: i,
		})) as IDataObject;
		if (answer && typeof answer.transaction_id === 'string')
			transactionIds.push(answer.transaction_id);
	}
	return toItems(this, {
		adjustment: mode,
		items_adjusted: items.length,
		batches: Math.ceil(items.length / MAX_ADJUSTMENT_ITEMS),
		transaction_ids: transactionIds,
	});
}
