import { fail, requireId } from '../../shared/validate';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { sortByName } from '../../shared/properties';

export const SHIPPING_PROVIDERS = sortByName([
	{ name: 'Australia Post', value: 'auspost' },
	{ name: 'Canada Post', value: 'canadapost' },
	{ name: 'Endicia', value: 'endicia' },
	{ name: 'FedEx', value: 'fedex' },
	{ name: 'None (Custom Carrier)', value: '' },
	{ name: 'Royal Mail', value: 'royalmail' },
	{ name: 'ShipperHQ', value: 'shipperhq' },
	{ name: 'UPS', value: 'ups' },
	{ name: 'UPS Ready', value: 'upsready' },
	{ name: 'UPS Online', value: 'upsonline' },
	{ name: 'USPS', value: 'usps' },
]);

export const shipmentIdField: INodeProperties = {
	displayName: 'Shipment ID',
	name: 'shipmentId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 12',
	description: 'The shipment of this order',
};

/** Tracking and shipping fields shared by create and update (collection options, sorted). */
export const shipmentFields: INodeProperties[] = [
	{
		displayName: 'Comments',
		name: 'comments',
		type: 'string',
		default: '',
		description: 'Note about the shipment',
	},
	{
		displayName: 'Order Address ID',
		name: 'orderAddressId',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 1,
		description:
			"The order shipping address this shipment goes to (default: the order's first shipping address)",
	},
	{
		displayName: 'Shipping Method',
		name: 'shippingMethod',
		type: 'string',
		default: '',
		placeholder: 'e.g. Ground',
	},
	{
		displayName: 'Shipping Provider',
		name: 'shippingProvider',
		type: 'options',
		options: SHIPPING_PROVIDERS,
		default: '',
		description:
			'An integrated shipping provider; leave None and use Tracking Carrier for other carriers',
	},
];

/** Reads tracking + additional fields into a V2 shipment body (validated). */
export function shipmentBody(ctx: IExecuteFunctions, i: number, fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	const text = (key: string, target: string, max = 255) => {
		if (fields[key] === undefined) return;
		const value = String(fields[key]).trim();
		if (value.length > max) fail(ctx, i, `"${key}" must be at most ${max} characters`);
		body[target] = value;
	};
	text('trackingNumber', 'tracking_number', 50);
	text('trackingCarrier', 'tracking_carrier');
	text('shippingMethod', 'shipping_method');
	text('comments', 'comments', 5000);
	if (fields.trackingLink !== undefined && String(fields.trackingLink).trim() !== '') {
		const link = String(fields.trackingLink).trim();
		if (!/^https?:\/\/[^\s]+$/i.test(link)) {
			fail(
				ctx,
				i,
				`"Tracking Link" must be a URL starting with http:// or https://; got "${link}"`,
			);
		}
		body.tracking_link = link;
	}
	if (fields.shippingProvider !== undefined) {
		const provider = String(fields.shippingProvider);
		if (!SHIPPING_PROVIDERS.some((p) => p.value === provider)) {
			fail(
				ctx,
				i,
				`"Shipping Provider" must be one of ${SHIPPING_PROVIDERS.map((p) => p.value || '(none)').join(', ')}; got "${provider}"`,
			);
		}
		body.shipping_provider = provider;
	}
	if (fields.orderAddressId !== undefined && fields.orderAddressId !== '') {
		const id = Number(fields.orderAddressId);
		if (!Number.isSafeInteger(id) || id < 1) {
			fail(
				ctx,
				i,
				`"Order Address ID" must be a positive whole number; got "${fields.orderAddressId}"`,
			);
		}
		body.order_address_id = id;
	}
	return body;
}

export function readShipmentId(ctx: IExecuteFunctions, i: number): number {
	return requireId(ctx, i, 'shipmentId', 'Shipment ID');
}
