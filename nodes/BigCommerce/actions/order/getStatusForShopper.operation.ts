import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { bigCommerceApiRequest } from '../../transport';
import { requireEmail, toItems } from '../common';
import { ORDERS_READ, fetchOrder, statusName, toNumber } from './shared';

const properties: INodeProperties[] = [
	{
		displayName: 'Look Up',
		name: 'lookup',
		type: 'options',
		default: 'order',
		options: [
			{
				name: 'One Order (Order Number + Email)',
				value: 'order',
				description: "One order's status, items, totals and tracking, if the email matches the order",
			},
			{
				name: "Shopper's Recent Orders (Email)",
				value: 'recent',
				description: 'A short list of the most recent orders placed with this email',
			},
		],
	},
	{
		displayName: 'Order Number',
		name: 'orderNumber',
		type: 'string',
		default: '',
		placeholder: 'e.g. 1042',
		description:
			"The order number the shopper gives (a leading # is ignored). Leave empty to get the shopper's recent orders instead.",
		displayOptions: { show: { lookup: ['order'] } },
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'name@email.com',
		description: 'The email address the shopper used for the order; it must match the order',
	},
	{
		displayName: 'Max Orders',
		name: 'maxOrders',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 25 },
		default: 5,
		description: 'How many of the most recent orders to return (1-25)',
		displayOptions: { show: { lookup: ['recent'] } },
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['order'], operation: ['getStatusForShopper'] } },
	properties,
);

function notFound(ctx: IExecuteFunctions, i: number, orderNumber: string, email: string): never {
	// the same answer whether the order is missing or belongs to someone else: nothing leaks
	throw new NodeOperationError(
		ctx.getNode(),
		`Item ${i}: No order #${orderNumber} was found for ${email}`,
		{
			itemIndex: i,
			description: 'Check the order number and use the email address the order was placed with.',
		},
	);
}

const sameEmail = (a: unknown, b: string) =>
	typeof a === 'string' && a.trim().toLowerCase() === b.trim().toLowerCase();

function trackingOf(shipment: IDataObject): IDataObject {
	return {
		id: shipment.id,
		date_shipped: shipment.date_created || null,
		carrier:
			shipment.shipping_provider_display_name ||
			shipment.tracking_carrier ||
			shipment.shipping_provider ||
			null,
		tracking_number: shipment.tracking_number || null,
		tracking_link: shipment.tracking_link || shipment.generated_tracking_link || null,
		shipping_method: shipment.shipping_method || null,
		items: ((shipment.items ?? []) as IDataObject[]).map((item) => ({
			order_product_id: item.order_product_id,
			quantity: item.quantity,
		})),
	};
}

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const lookup = this.getNodeParameter('lookup', i, 'order') as string;
	const email = requireEmail(this, i, 'email', 'Email');
	const givenNumber = String(this.getNodeParameter('orderNumber', i, '') ?? '').trim();
	if (lookup === 'recent' || givenNumber === '') {
		const limit = this.getNodeParameter('maxOrders', i, 5) as number;
		if (!Number.isInteger(limit) || limit < 1 || limit > 25) {
			throw new NodeOperationError(this.getNode(), `Item ${i}: "Max Orders" must be a whole number from 1 to 25; got "${limit}"`, {
				itemIndex: i,
			});
		}
		const orders = (await bigCommerceApiRequest.call(this, {
			method: 'GET',
			version: 'v2',
			path: '/orders',
			qs: { email, sort: 'date_created:desc', limit },
			scope: ORDERS_READ,
			itemIndex: i,
		})) as IDataObject[];
		const recent = orders
			.filter((order) => sameEmail((order.billing_address as IDataObject | undefined)?.email, email))
			.slice(0, limit)
			.map((order) => ({
				order_number: order.id,
				status: order.status || statusName(order.status_id),
				status_id: order.status_id,
				date_created: order.date_created || null,
				date_shipped: order.date_shipped || null,
				items_total: order.items_total,
				items_shipped: order.items_shipped,
				total: toNumber(order.total_inc_tax),
				currency: order.currency_code,
			}));
		return toItems(this, { email, found: recent.length, orders: recent });
	}

	const rawNumber = givenNumber.replace(/^#/, '');
	if (!/^\d+$/.test(rawNumber) || Number(rawNumber) <= 0 || !Number.isSafeInteger(Number(rawNumber))) {
		throw new NodeOperationError(
			this.getNode(),
			`Item ${i}: "Order Number" must be a positive whole number such as 1042; got "${rawNumber}"`,
			{ itemIndex: i },
		);
	}
	const orderId = Number(rawNumber);
	const order = await fetchOrder(this, i, orderId);
	const billingEmail = (order?.billing_address as IDataObject | undefined)?.email;
	if (!order || order.is_deleted === true || !sameEmail(billingEmail, email)) {
		notFound(this, i, rawNumber, email);
	}
	const request = async (path: string) =>
		(await bigCommerceApiRequest.call(this, {
			method: 'GET',
			version: 'v2',
			path,
			qs: { limit: 250 },
			scope: ORDERS_READ,
			itemIndex: i,
		})) as IDataObject[];
	const [products, shipments] = await Promise.all([
		request(`/orders/${orderId}/products`),
		request(`/orders/${orderId}/shipments`),
	]);
	const names = new Map(products.map((p) => [p.id, p.name]));
	return toItems(this, {
		order_number: order.id,
		status: order.status || statusName(order.status_id),
		status_id: order.status_id,
		date_created: order.date_created || null,
		date_shipped: order.date_shipped || null,
		payment_status: order.payment_status || null,
		currency: order.currency_code,
		totals: {
			subtotal: toNumber(order.subtotal_inc_tax),
			shipping: toNumber(order.shipping_cost_inc_tax),
			tax: toNumber(order.total_tax),
			discount: toNumber(order.discount_amount),
			total: toNumber(order.total_inc_tax),
			refunded: toNumber(order.refunded_amount),
		},
		items: products.map((p) => ({
			name: p.name,
			sku: p.sku,
			quantity: p.quantity,
			quantity_shipped: p.quantity_shipped,
			price: toNumber(p.price_inc_tax),
			total: toNumber(p.total_inc_tax),
		})),
		shipments: shipments.map((shipment) => {
			const tracking = trackingOf(shipment);
			tracking.items = (tracking.items as IDataObject[]).map((item) => ({
				name: names.get(item.order_product_id as number) ?? null,
				quantity: item.quantity,
			}));
			return tracking;
		}),
	});
}
