import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest } from '../../transport';
import { sameShopperEmail, shopperIdentityFields, verifyShopperOrder } from './helpers';
import { ORDERS_READ } from '../../shared/scopes';
import { orderStatusName } from '../../shared/orderStatuses';
import { toNumber } from '../../shared/simplify';
import { requireEmail } from '../../shared/validate';
import { toItems } from '../../shared/items';

export const option: OperationOption = {
	name: 'Get Status for Shopper',
	value: 'getStatusForShopper',
	action: 'Get order status for a shopper',
	description:
		"Look up a shopper's order only if the order number and the order's billing email both match: status, items, totals, shipments with carrier, tracking number and link",
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Look Up',
		name: 'lookup',
		type: 'options',
		default: 'order',
		options: [
			{
				name: 'One Order (Order Number + Email)',
				value: 'order',
				description:
					"One order's status, items, totals and tracking, only when the order number and the order's billing email both match",
			},
			{
				name: "Shopper's Recent Orders (Email Only, Not Identity-Checked)",
				value: 'recent',
				description:
					'A short list of the most recent orders placed with this email. Anyone who knows the email gets the list: never give this mode to shoppers or an AI agent facing them.',
			},
		],
	},
	{
		displayName:
			"An email address is not proof of identity: whoever types a shopper's email gets that shopper's recent order numbers, statuses and totals. Use this mode only in back-office workflows; in a tool that shoppers (or an AI agent talking to them) can call, use One Order (Order Number + Email).",
		name: 'recentNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { lookup: ['recent'] } },
	},
	...shopperIdentityFields('with the email, it identifies the order').map((field) =>
		field.name === 'orderNumber'
			? { ...field, displayOptions: { show: { lookup: ['order'] } } }
			: field,
	),
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

/** The email-only list (Look Up: Shopper's Recent Orders): not identity-checked, see the notice. */
async function recentOrders(ctx: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const email = requireEmail(ctx, i, 'email', 'Email');
	const limit = ctx.getNodeParameter('maxOrders', i, 5) as number;
	if (!Number.isInteger(limit) || limit < 1 || limit > 25) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Item ${i}: "Max Orders" must be a whole number from 1 to 25; got "${limit}"`,
			{
				itemIndex: i,
			},
		);
	}
	const orders = (await bigCommerceApiRequest.call(ctx, {
		method: 'GET',
		version: 'v2',
		path: '/orders',
		qs: { email, sort: 'date_created:desc', limit },
		scope: ORDERS_READ,
		itemIndex: i,
	})) as IDataObject[];
	const recent = orders
		.filter((order) =>
			sameShopperEmail((order.billing_address as IDataObject | undefined)?.email, email),
		)
		.slice(0, limit)
		.map((order) => ({
			order_number: order.id,
			status: order.status || orderStatusName(order.status_id),
			status_id: order.status_id,
			date_created: order.date_created || null,
			date_shipped: order.date_shipped || null,
			items_total: order.items_total,
			items_shipped: order.items_shipped,
			total: toNumber(order.total_inc_tax),
			currency: order.currency_code,
		}));
	return toItems(ctx, { email, found: recent.length, orders: recent });
}

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// a missing Look Up is the identity-checked mode: the email-only list must be chosen explicitly
	const lookup = this.getNodeParameter('lookup', i, 'order') as string;
	if (lookup === 'recent') return await recentOrders(this, i);

	const order = await verifyShopperOrder(this, i);
	const orderId = Number(order.id);
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
		status: order.status || orderStatusName(order.status_id),
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
