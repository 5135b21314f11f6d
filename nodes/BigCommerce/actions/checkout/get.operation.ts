import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest } from '../../transport';
import { includeOptionsProperty, simplifyCart } from '../cart/helpers';
import { CHECKOUT_READ } from '../../shared/scopes';
import { requireUuid } from '../../shared/validate';
import { toItems } from '../../shared/items';

export const option: OperationOption = {
	name: 'Get',
	value: 'get',
	action: 'Get a checkout',
	description: 'Get a checkout: cart, billing address, consignments, taxes and totals',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Checkout ID',
		name: 'checkoutId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 8a3b2c1d-0e9f-4a8b-9c7d-6e5f4a3b2c1d',
		description: "The checkout's UUID, which is the ID of its cart",
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Include Available Shipping Options',
				name: 'includeShippingOptions',
				type: 'boolean',
				default: false,
				description: 'Whether to include the shipping options available to each consignment',
			},
			includeOptionsProperty,
			{
				displayName: 'Simplify',
				name: 'simplify',
				type: 'boolean',
				default: false,
				description:
					"Whether to return a compact checkout: the simplified cart, billing email and country, each consignment's destination and chosen shipping, coupons, tax and totals",
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const checkoutId = requireUuid(this, i, 'checkoutId', 'Checkout ID');
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const include: string[] = [];
	if (options.includeOptions) {
		include.push('cart.line_items.physical_items.options', 'cart.line_items.digital_items.options');
	}
	if (options.includeShippingOptions) include.push('consignments.available_shipping_options');
	const checkout = (await bigCommerceApiRequest.call(this, {
		method: 'GET',
		version: 'v3',
		path: `/checkouts/${checkoutId}`,
		qs: include.length ? { include: include.join(',') } : undefined,
		scope: CHECKOUT_READ,
		itemIndex: i,
	})) as IDataObject;
	return toItems(this, options.simplify ? simplifyCheckout(checkout) : checkout);
}

/** A compact checkout for agents and messages (the full record is large). */
export function simplifyCheckout(checkout: IDataObject): IDataObject {
	const billing = (checkout.billing_address ?? {}) as IDataObject;
	const list = (value: unknown) => (Array.isArray(value) ? (value as IDataObject[]) : []);
	return {
		id: checkout.id,
		order_id: checkout.order_id ?? null,
		email: billing.email || (checkout.cart as IDataObject | undefined)?.email || null,
		billing_country_code: billing.country_code || null,
		cart: checkout.cart ? simplifyCart(checkout.cart as IDataObject) : null,
		consignments: list(checkout.consignments).map((consignment) => {
			const address = (consignment.shipping_address ?? consignment.address ?? {}) as IDataObject;
			const chosen = (consignment.selected_shipping_option ?? null) as IDataObject | null;
			return {
				id: consignment.id,
				city: address.city ?? null,
				country_code: address.country_code ?? null,
				shipping_option: chosen ? (chosen.description ?? null) : null,
				shipping_cost: chosen ? (chosen.cost ?? null) : null,
				line_item_ids: consignment.line_item_ids ?? [],
			};
		}),
		coupons: list(checkout.coupons).map((coupon) => ({
			code: coupon.code,
			discounted_amount: coupon.discounted_amount,
		})),
		subtotal_inc_tax: checkout.subtotal_inc_tax,
		shipping_cost_total_inc_tax: checkout.shipping_cost_total_inc_tax,
		tax_total: checkout.tax_total,
		grand_total: checkout.grand_total,
		outstanding_balance: checkout.outstanding_balance,
		created_time: checkout.created_time,
		updated_time: checkout.updated_time,
	};
}
