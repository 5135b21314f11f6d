import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest } from '../../transport';
import { shipmentBody, shipmentFields } from './helpers';
import { ORDERS_READ, ORDERS_WRITE } from '../../shared/scopes';
import { jsonValue, wholeNumberValue, fail, requireId } from '../../shared/validate';
import { orderLocator } from '../../shared/locators';
import { toItems } from '../../shared/items';

export const option: OperationOption = {
	name: 'Create',
	value: 'create',
	action: 'Create a shipment',
	description:
		'Ship items of an order with tracking number, carrier and tracking link; the order becomes Shipped or Partially Shipped',
};

export const properties: INodeProperties[] = [
	orderLocator({ description: 'The order to ship items of' }),
	{
		displayName: 'Items',
		name: 'itemsMode',
		type: 'options',
		default: 'remaining',
		options: [
			{
				name: 'All Items Not Yet Shipped',
				value: 'remaining',
				description: 'Ship every remaining unshipped quantity of the order',
			},
			{
				name: 'Selected Items',
				value: 'selected',
				description: 'Ship the order products and quantities listed below',
			},
			{
				name: 'Selected Items (JSON)',
				value: 'json',
				description: 'A JSON array of {"order_product_id", "quantity"}',
			},
		],
	},
	{
		displayName: 'Items to Ship',
		name: 'items',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Item',
		default: {},
		displayOptions: { show: { itemsMode: ['selected'] } },
		options: [
			{
				displayName: 'Item',
				name: 'item',
				values: [
					{
						displayName: 'Order Product ID',
						name: 'orderProductId',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: 1,
						description:
							'The order line (ID from Order Product → Get Many), not the catalog product ID',
					},
					{
						displayName: 'Quantity',
						name: 'quantity',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: 1,
					},
				],
			},
		],
	},
	{
		displayName: 'Items (JSON)',
		name: 'itemsJson',
		type: 'json',
		default: '[{"order_product_id": 1, "quantity": 1}]',
		displayOptions: { show: { itemsMode: ['json'] } },
	},
	{
		displayName: 'Tracking Number',
		name: 'trackingNumber',
		type: 'string',
		default: '',
	},
	{
		displayName: 'Tracking Carrier',
		name: 'trackingCarrier',
		type: 'string',
		default: '',
		placeholder: 'e.g. ups',
		description: 'The carrier name (ups, usps, fedex, dhl, ...)',
	},
	{
		displayName: 'Tracking Link',
		name: 'trackingLink',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://www.ups.com/track?tracknum=1Z...',
		description: 'The URL where the shopper can follow the parcel',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: shipmentFields,
	},
];

function readItems(ctx: IExecuteFunctions, i: number, mode: string): IDataObject[] {
	let raw: unknown[] = [];
	if (mode === 'json') {
		raw = jsonValue(ctx, i, ctx.getNodeParameter('itemsJson', i), 'Items (JSON)', 'array', {
			example: '[{"product_id": 1, "quantity": 1}]',
		}) as unknown[];
		raw = raw.map((entry, index) => {
			if (!entry || typeof entry !== 'object' || Array.isArray(entry))
				fail(ctx, i, `"Items (JSON)" entry ${index + 1} must be an object`);
			const e = entry as IDataObject;
			return { orderProductId: e.order_product_id, quantity: e.quantity };
		});
	} else {
		raw = ((ctx.getNodeParameter('items', i, {}) as IDataObject).item ?? []) as IDataObject[];
	}
	if (!raw.length)
		fail(ctx, i, '"Items to Ship" must list at least one order product and quantity');
	return (raw as IDataObject[]).map((entry, index) => ({
		order_product_id: wholeNumberValue(
			ctx,
			i,
			entry.orderProductId,
			`Item ${index + 1} Order Product ID`,
			{ min: 1 },
		),
		quantity: wholeNumberValue(ctx, i, entry.quantity, `Item ${index + 1} Quantity`, { min: 1 }),
	}));
}

/** Items at once (see OperationModule.itemsInParallel). Reads what is left to ship, then ships it: two items for the same order in parallel would both ship it. */
export const itemsInParallel = 1;

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const orderId = requireId(this, i, 'orderId', 'Order');
	const mode = this.getNodeParameter('itemsMode', i, 'remaining') as string;
	const tracking = {
		trackingNumber: this.getNodeParameter('trackingNumber', i, ''),
		trackingCarrier: this.getNodeParameter('trackingCarrier', i, ''),
		trackingLink: this.getNodeParameter('trackingLink', i, ''),
	};
	const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const body = shipmentBody(this, i, { ...tracking, ...extra });
	for (const key of ['tracking_number', 'tracking_carrier', 'tracking_link']) {
		if (body[key] === '') delete body[key];
	}
	let items = mode === 'remaining' ? [] : readItems(this, i, mode);

	const read = async (path: string) =>
		(await bigCommerceApiRequest.call(this, {
			method: 'GET',
			version: 'v2',
			path,
			qs: { limit: 250 },
			scope: ORDERS_READ,
			itemIndex: i,
		})) as IDataObject[];
	if (mode === 'remaining') {
		const products = await read(`/orders/${orderId}/products`);
		items = products
			.map((p) => ({
				order_product_id: p.id,
				quantity: Number(p.quantity) - Number(p.quantity_shipped ?? 0),
			}))
			.filter((line) => line.quantity > 0);
		if (!items.length) {
			fail(this, i, `Order ${orderId} has nothing left to ship: every item has already shipped`);
		}
	}
	if (body.order_address_id === undefined) {
		const addresses = await read(`/orders/${orderId}/shipping_addresses`);
		if (!addresses.length) fail(this, i, `Order ${orderId} has no shipping address to ship to`);
		body.order_address_id = addresses[0].id;
	}
	body.items = items;
	const shipment = (await bigCommerceApiRequest.call(this, {
		method: 'POST',
		version: 'v2',
		path: `/orders/${orderId}/shipments`,
		body,
		scope: ORDERS_WRITE,
		itemIndex: i,
	})) as IDataObject;
	return toItems(this, shipment);
}
