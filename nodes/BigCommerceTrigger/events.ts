import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * Every webhook scope BigCommerce documents (docs/integrations/webhooks/events), grouped for
 * humans. `channel: true` marks scopes that also exist per channel as
 * `store/channel/{channel_id}/…` (orders, carts, products, categories).
 */
interface EventDefinition {
	group: string;
	label: string;
	scope: string;
	channel?: boolean;
}

const e = (group: string, label: string, scope: string, channel = false): EventDefinition => ({
	group,
	label,
	scope,
	channel,
});

export const EVENTS: EventDefinition[] = [
	e('Order', 'Any Order Event', 'store/order/*', true),
	e('Order', 'Created', 'store/order/created', true),
	e('Order', 'Updated', 'store/order/updated', true),
	e('Order', 'Archived', 'store/order/archived', true),
	e('Order', 'Status Updated', 'store/order/statusUpdated', true),
	e('Order', 'Message Created', 'store/order/message/created', true),
	e('Order', 'Refund Created', 'store/order/refund/created', true),
	e('Order', 'Transaction Created', 'store/order/transaction/created', true),
	e('Order', 'Transaction Updated', 'store/order/transaction/updated', true),
	e('Order', 'Metafield Created', 'store/order/metafield/created'),
	e('Order', 'Metafield Updated', 'store/order/metafield/updated'),
	e('Order', 'Metafield Deleted', 'store/order/metafield/deleted'),

	e('Cart', 'Any Cart Event', 'store/cart/*', true),
	e('Cart', 'Created', 'store/cart/created', true),
	e('Cart', 'Updated', 'store/cart/updated', true),
	e('Cart', 'Deleted', 'store/cart/deleted', true),
	e('Cart', 'Coupon Applied', 'store/cart/couponApplied', true),
	e('Cart', 'Abandoned', 'store/cart/abandoned', true),
	e('Cart', 'Converted to Order', 'store/cart/converted', true),
	e('Cart', 'Any Line Item Event', 'store/cart/lineItem/*', true),
	e('Cart', 'Line Item Created', 'store/cart/lineItem/created', true),
	e('Cart', 'Line Item Updated', 'store/cart/lineItem/updated', true),
	e('Cart', 'Line Item Deleted', 'store/cart/lineItem/deleted', true),
	e('Cart', 'Metafield Created', 'store/cart/metafield/created'),
	e('Cart', 'Metafield Updated', 'store/cart/metafield/updated'),
	e('Cart', 'Metafield Deleted', 'store/cart/metafield/deleted'),

	e('Product', 'Any Product Event', 'store/product/*', true),
	e('Product', 'Created', 'store/product/created', true),
	e('Product', 'Updated', 'store/product/updated', true),
	e('Product', 'Deleted', 'store/product/deleted', true),
	e('Product', 'Inventory Updated', 'store/product/inventory/updated'),
	e('Product', 'Inventory Updated by Order', 'store/product/inventory/order/updated'),
	e('Product', 'Any Metafield Event', 'store/product/metafield/*'),
	e('Product', 'Metafield Created', 'store/product/metafield/created'),
	e('Product', 'Metafield Updated', 'store/product/metafield/updated'),
	e('Product', 'Metafield Deleted', 'store/product/metafield/deleted'),
	e('Product', 'Any Variant Metafield Event', 'store/product/variant/metafield/*'),
	e('Product', 'Variant Metafield Created', 'store/product/variant/metafield/created'),
	e('Product', 'Variant Metafield Updated', 'store/product/variant/metafield/updated'),
	e('Product', 'Variant Metafield Deleted', 'store/product/variant/metafield/deleted'),
	e('Product', 'Option Updated', 'store/option/updated'),
	e('Product', 'Modifier Updated', 'store/modifier/updated'),
	e('Product', 'Brand Metafield (Any)', 'store/brand/metafield/*'),
	e('Product', 'Brand Metafield Created', 'store/brand/metafield/created'),
	e('Product', 'Brand Metafield Updated', 'store/brand/metafield/updated'),
	e('Product', 'Brand Metafield Deleted', 'store/brand/metafield/deleted'),
	e('Product', 'Price List Created', 'store/priceList/created'),
	e('Product', 'Price List Updated', 'store/priceList/updated'),
	e('Product', 'Price List Activated', 'store/priceList/activated'),
	e('Product', 'Price List Deactivated', 'store/priceList/deactivated'),
	e('Product', 'Price List Deleted', 'store/priceList/deleted'),
	e('Product', 'Price List Record Created', 'store/priceList/record/created'),
	e('Product', 'Price List Record Updated', 'store/priceList/record/updated'),
	e('Product', 'Price List Record Deleted', 'store/priceList/record/deleted'),
	e('Product', 'Price List Records Created', 'store/priceList/records/created'),
	e('Product', 'Price List Records Updated', 'store/priceList/records/updated'),
	e('Product', 'Price List Records Deleted', 'store/priceList/records/deleted'),
	e('Product', 'Price List Assignment Updated', 'store/priceList/assignment/updated'),
	e('Product', 'Price List Assignment Deleted', 'store/priceList/assignment/deleted'),

	e('SKU/Inventory', 'Any SKU Event', 'store/sku/*'),
	e('SKU/Inventory', 'SKU Created', 'store/sku/created'),
	e('SKU/Inventory', 'SKU Updated', 'store/sku/updated'),
	e('SKU/Inventory', 'SKU Deleted', 'store/sku/deleted'),
	e('SKU/Inventory', 'SKU Inventory Updated', 'store/sku/inventory/updated'),
	e('SKU/Inventory', 'SKU Inventory Updated by Order', 'store/sku/inventory/order/updated'),
	e('SKU/Inventory', 'Location Created', 'store/inventory/location/created'),
	e('SKU/Inventory', 'Location Updated', 'store/inventory/location/updated'),
	e('SKU/Inventory', 'Location Metafield (Any)', 'store/inventory/location/metafield/*'),
	e('SKU/Inventory', 'Location Metafield Created', 'store/inventory/location/metafield/created'),
	e('SKU/Inventory', 'Location Metafield Updated', 'store/inventory/location/metafield/updated'),
	e('SKU/Inventory', 'Location Metafield Deleted', 'store/inventory/location/metafield/deleted'),
	e(
		'SKU/Inventory',
		'Stock Changed (Any Channel)',
		'store/channel/*/inventory/product/stock_changed',
	),
	e(
		'SKU/Inventory',
		'Low Stock Reached (Any Channel)',
		'store/channel/*/inventory/product/low_stock_reached',
	),
	e(
		'SKU/Inventory',
		'Out of Stock Reached (Any Channel)',
		'store/channel/*/inventory/product/out_of_stock_reached',
	),
	e(
		'SKU/Inventory',
		'Inventory Settings Changed (Any Channel)',
		'store/channel/*/inventory/product/settings_changed',
	),

	e('Customer', 'Any Customer Event', 'store/customer/*'),
	e('Customer', 'Created', 'store/customer/created'),
	e('Customer', 'Updated', 'store/customer/updated'),
	e('Customer', 'Deleted', 'store/customer/deleted'),
	e('Customer', 'Any Address Event', 'store/customer/address/*'),
	e('Customer', 'Address Created', 'store/customer/address/created'),
	e('Customer', 'Address Updated', 'store/customer/address/updated'),
	e('Customer', 'Address Deleted', 'store/customer/address/deleted'),
	e(
		'Customer',
		'Default Payment Instrument Updated',
		'store/customer/payment/instrument/default/updated',
	),
	e('Customer', 'Channel Login Access Updated', 'store/customer/channel/login/access/updated'),
	e('Customer', 'Any Subscriber Event', 'store/subscriber/*'),
	e('Customer', 'Subscriber Created', 'store/subscriber/created'),
	e('Customer', 'Subscriber Updated', 'store/subscriber/updated'),
	e('Customer', 'Subscriber Deleted', 'store/subscriber/deleted'),

	e('Shipment', 'Any Shipment Event', 'store/shipment/*'),
	e('Shipment', 'Created', 'store/shipment/created'),
	e('Shipment', 'Updated', 'store/shipment/updated'),
	e('Shipment', 'Deleted', 'store/shipment/deleted'),

	e('Category', 'Any Category Event', 'store/category/*', true),
	e('Category', 'Created', 'store/category/created', true),
	e('Category', 'Updated', 'store/category/updated', true),
	e('Category', 'Deleted', 'store/category/deleted', true),
	e('Category', 'Metafield Created', 'store/category/metafield/created'),
	e('Category', 'Metafield Updated', 'store/category/metafield/updated'),
	e('Category', 'Metafield Deleted', 'store/category/metafield/deleted'),

	e('Channel', 'Any Channel Event', 'store/channel/*'),
	e('Channel', 'Created', 'store/channel/created'),
	e('Channel', 'Updated', 'store/channel/updated'),
	e('Channel', 'Metafield Created', 'store/channel/metafield/created'),
	e('Channel', 'Metafield Updated', 'store/channel/metafield/updated'),
	e('Channel', 'Metafield Deleted', 'store/channel/metafield/deleted'),

	e('Store', 'App Uninstalled', 'store/app/uninstalled'),
	e('Store', 'Information Updated', 'store/information/updated'),
	e('Store', 'Any Metafield Event', 'store/metafield/*'),
	e('Store', 'Metafield Created', 'store/metafield/created'),
	e('Store', 'Metafield Updated', 'store/metafield/updated'),
	e('Store', 'Metafield Deleted', 'store/metafield/deleted'),
	e('Store', 'Webhook Delivery Exception', 'store/hook/deliveryException'),
];

/** The multi-select options, "Group: Label", sorted by name (n8n lint). */
export const EVENT_OPTIONS: INodePropertyOptions[] = EVENTS.map((event) => ({
	name: `${event.group}: ${event.label}`,
	value: event.scope,
	description: event.scope,
})).sort((a, b) => a.name.localeCompare(b.name));

const CHANNEL_SCOPES = new Set(EVENTS.filter((event) => event.channel).map((event) => event.scope));

/** Whether a scope has a per-channel variant. */
export function supportsChannel(scope: string): boolean {
	return CHANNEL_SCOPES.has(scope);
}

/** The scope to subscribe to: `store/channel/{id}/…` when a channel is chosen and supported. */
export function subscriptionScope(scope: string, channelId: number): string {
	if (channelId > 0 && supportsChannel(scope)) {
		return `store/channel/${channelId}/${scope.slice('store/'.length)}`;
	}
	return scope;
}

/** `store/order/*` matches every scope below store/order; a `*` inside matches one segment. */
export function scopeMatches(pattern: string, scope: string): boolean {
	const p = pattern.split('/');
	const s = scope.split('/');
	for (let i = 0; i < p.length; i++) {
		if (p[i] === '*' && i === p.length - 1) return s.length > i;
		if (i >= s.length) return false;
		if (p[i] !== '*' && p[i] !== s[i]) return false;
	}
	return p.length === s.length;
}

/** The event with its channel prefix removed: `store/channel/1/order/created` → `store/order/created`. */
export function baseScope(scope: string): { scope: string; channelId?: number } {
	const match = /^store\/channel\/(\d+)\/(.+)$/.exec(scope);
	if (!match) return { scope };
	const rest = match[2];
	// channel-level events (store/channel/{id}/inventory/…) stay as they are
	if (rest.startsWith('inventory/')) return { scope, channelId: Number(match[1]) };
	return { scope: `store/${rest}`, channelId: Number(match[1]) };
}

// one home for the order statuses, shared with the action node
export {
	ORDER_STATUS_OPTIONS_WITH_ID as ORDER_STATUSES,
	orderStatusName,
} from '../BigCommerce/shared/orderStatuses';
