'use strict';
/**
 * V2 orders (scope store_v2_orders): orders, order products, shipping addresses, shipments,
 * coupons, order statuses; V3 order transactions (scope store_v2_transactions).
 * Internal shapes are documented in sandbox/seed/orders.js.
 */
const { rfc2822, v2List, v2One, v2Error, v3List, noContent } = require('../core/respond');
const {
	STATUSES,
	STATUS_SORT,
	CARRIERS,
	TAX_RATE,
	money,
	orderTotals,
	orderableProducts,
	seedOrders,
	reconcileCustomerNames,
} = require('../seed/orders');

const SCOPE = 'store_v2_orders';
const TX_SCOPE = 'store_v2_transactions';
const fixed = (n) => Number(n || 0).toFixed(4);
const date2 = (ms) => (ms === null || ms === undefined ? '' : rfc2822(ms));
const statusName = (id) => (STATUSES[id] ? STATUSES[id].name : '');

const notFound = () => v2Error(404, 'The requested resource was not found.');

function findOrder(sandbox, rawId) {
	if (!/^\d+$/.test(String(rawId))) return undefined;
	const id = Number(rawId);
	return (sandbox.state.orders || []).find((o) => o.id === id);
}

function link(sandbox, path) {
	return { url: `${sandbox.apiPath('v2')}${path}`, resource: path };
}

/** An order as GET /v2/orders/{id} answers it. */
function orderView(sandbox, order) {
	const t = orderTotals(order);
	return {
		id: order.id,
		customer_id: order.customer_id,
		date_created: date2(order.date_created),
		date_modified: date2(order.date_modified),
		date_shipped: date2(order.date_shipped),
		status_id: order.status_id,
		status: statusName(order.status_id),
		custom_status: statusName(order.status_id),
		subtotal_ex_tax: fixed(t.subtotal_ex_tax),
		subtotal_inc_tax: fixed(t.subtotal_inc_tax),
		subtotal_tax: fixed(t.subtotal_tax),
		base_shipping_cost: fixed(t.shipping),
		shipping_cost_ex_tax: fixed(t.shipping),
		shipping_cost_inc_tax: fixed(t.shipping),
		shipping_cost_tax: fixed(0),
		shipping_cost_tax_class_id: 0,
		base_handling_cost: fixed(0),
		handling_cost_ex_tax: fixed(0),
		handling_cost_inc_tax: fixed(0),
		handling_cost_tax: fixed(0),
		handling_cost_tax_class_id: 0,
		base_wrapping_cost: fixed(0),
		wrapping_cost_ex_tax: fixed(0),
		wrapping_cost_inc_tax: fixed(0),
		wrapping_cost_tax: fixed(0),
		wrapping_cost_tax_class_id: 0,
		total_ex_tax: fixed(t.total_ex_tax),
		total_inc_tax: fixed(t.total_inc_tax),
		total_tax: fixed(t.total_tax),
		is_tax_inclusive_pricing: false,
		items_total: t.items_total,
		items_shipped: t.items_shipped,
		payment_method: order.payment_method,
		payment_provider_id: '',
		payment_status: order.payment_status,
		refunded_amount: fixed(order.refunded_amount),
		order_is_digital: false,
		store_credit_amount: fixed(0),
		gift_certificate_amount: fixed(0),
		ip_address: order.ip_address || '',
		ip_address_v6: '',
		geoip_country: 'United States',
		geoip_country_iso2: 'US',
		currency_id: 1,
		currency_code: order.currency_code,
		currency_exchange_rate: '1.0000000000',
		default_currency_id: 1,
		default_currency_code: order.currency_code,
		store_default_currency_code: order.currency_code,
		store_default_to_transactional_exchange_rate: '1.0000000000',
		staff_notes: order.staff_notes,
		customer_message: order.customer_message,
		discount_amount: fixed(order.discount_amount),
		coupon_discount: fixed(order.coupon_discount),
		shipping_address_count: order.shipping_addresses.length,
		is_deleted: order.is_deleted,
		ebay_order_id: '0',
		cart_id: order.cart_id,
		billing_address: { ...order.billing_address, form_fields: [] },
		is_email_opt_in: false,
		order_source: order.order_source,
		channel_id: order.channel_id,
		external_source: order.external_source,
		external_id: order.external_id,
		external_merchant_id: null,
		external_order_id: order.external_order_id,
		tax_provider_id: 'BasicTaxProvider',
		customer_locale: 'en',
		products: link(sandbox, `/orders/${order.id}/products`),
		shipping_addresses: link(sandbox, `/orders/${order.id}/shipping_addresses`),
		coupons: link(sandbox, `/orders/${order.id}/coupons`),
	};
}

/** An order product: the schema is closed (additionalProperties: false), so exactly its fields. */
function productView(order, p) {
	const discountShare =
		order.coupon_discount && order.products.length
			? money(order.coupon_discount / order.products.length)
			: 0;
	const coupon = order.coupons[0];
	return {
		id: p.id,
		order_id: order.id,
		product_id: p.product_id,
		variant_id: p.variant_id,
		order_pickup_method_id: 0,
		order_address_id: p.order_address_id,
		name: p.name,
		name_customer: p.name,
		name_merchant: p.name,
		sku: p.sku,
		upc: '',
		type: p.type,
		base_price: fixed(p.price_ex_tax),
		price_ex_tax: fixed(p.price_ex_tax),
		price_inc_tax: fixed(p.price_inc_tax),
		price_tax: fixed(p.price_inc_tax - p.price_ex_tax),
		base_total: fixed(p.price_ex_tax * p.quantity),
		total_ex_tax: fixed(p.price_ex_tax * p.quantity),
		total_inc_tax: fixed(p.price_inc_tax * p.quantity),
		total_tax: fixed((p.price_inc_tax - p.price_ex_tax) * p.quantity),
		discounted_total_inc_tax: fixed(p.price_inc_tax * p.quantity - discountShare),
		quantity: p.quantity,
		base_cost_price: fixed(0),
		cost_price_inc_tax: fixed(0),
		cost_price_ex_tax: fixed(0),
		cost_price_tax: fixed(0),
		weight: p.weight,
		width: '0.0000',
		height: '0.0000',
		depth: '0.0000',
		is_refunded: order.status_id === 4,
		quantity_refunded: order.status_id === 4 ? p.quantity : 0,
		refund_amount: fixed(order.status_id === 4 ? p.price_inc_tax * p.quantity : 0),
		return_id: 0,
		wrapping_id: 0,
		wrapping_name: null,
		base_wrapping_cost: '0.0000',
		wrapping_cost_ex_tax: '0.0000',
		wrapping_cost_inc_tax: '0.0000',
		wrapping_cost_tax: '0.0000',
		wrapping_message: '',
		quantity_shipped: p.quantity_shipped,
		event_name: null,
		event_date: null,
		fixed_shipping_cost: '0.0000',
		ebay_item_id: '',
		ebay_transaction_id: '',
		option_set_id: null,
		parent_order_product_id: null,
		is_bundled_product: false,
		bin_picking_number: '',
		external_id: null,
		brand: p.brand || '',
		gift_certificate_id: null,
		applied_discounts:
			coupon && discountShare
				? [
						{
							id: String(coupon.coupon_id),
							amount: fixed(discountShare),
							name: coupon.code,
							code: coupon.code,
							target: 'order',
						},
					]
				: [],
		product_options: [],
		configurable_fields: [],
	};
}

function shippingAddressView(sandbox, order, a) {
	const items = order.products.filter((p) => p.order_address_id === a.id);
	return {
		id: a.id,
		order_id: order.id,
		first_name: a.first_name,
		last_name: a.last_name,
		company: a.company || '',
		street_1: a.street_1,
		street_2: a.street_2 || '',
		city: a.city,
		state: a.state,
		zip: a.zip,
		country: a.country,
		country_iso2: a.country_iso2,
		phone: a.phone || '',
		email: a.email || '',
		items_total: items.reduce((s, p) => s + p.quantity, 0),
		items_shipped: items.reduce((s, p) => s + p.quantity_shipped, 0),
		shipping_method: a.shipping_method || 'Flat Rate',
		base_cost: fixed(order.shipping_cost),
		cost_ex_tax: fixed(order.shipping_cost),
		cost_inc_tax: fixed(order.shipping_cost),
		cost_tax: fixed(0),
		cost_tax_class_id: 0,
		base_handling_cost: fixed(0),
		handling_cost_ex_tax: fixed(0),
		handling_cost_inc_tax: fixed(0),
		handling_cost_tax: fixed(0),
		handling_cost_tax_class_id: 0,
		shipping_zone_id: a.shipping_zone_id || 1,
		shipping_zone_name: a.shipping_zone_name || 'United States',
		form_fields: [],
		shipping_quotes: link(
			sandbox,
			`/orders/${order.id}/shipping_addresses/${a.id}/shipping_quotes`,
		),
	};
}

/**
 * `include=consignments[.line_items]&consignment_structure=object` (orders.v2.oas2.yml,
 * order_includes): the order's consignments in the object structure, one shipping consignment per
 * shipping address; with `.line_items` each consignment carries its order products exactly as
 * GET /orders/{id}/products answers them, otherwise links to them. Returns undefined when the
 * query asks for no consignments.
 */
function consignmentsView(sandbox, order, query) {
	const include = String(query.include || '')
		.split(',')
		.map((x) => x.trim());
	const withLines = include.includes('consignments.line_items');
	if (!withLines && !include.includes('consignments')) return undefined;
	if (query.consignment_structure !== 'object') return undefined;
	const lines = (items) =>
		withLines
			? items.map((p) => productView(order, p))
			: items.map((p) => link(sandbox, `/orders/${order.id}/products/${p.id}`));
	const addressIds = new Set(order.shipping_addresses.map((a) => a.id));
	const shipping = order.shipping_addresses.map((a) => {
		const address = shippingAddressView(sandbox, order, a);
		const view = { id: a.id };
		for (const key of [
			'first_name',
			'last_name',
			'company',
			'street_1',
			'street_2',
			'city',
			'zip',
			'country',
			'country_iso2',
			'state',
			'email',
			'phone',
			'form_fields',
		])
			view[key] = address[key];
		view.line_items = lines(order.products.filter((p) => p.order_address_id === a.id));
		// shippingConsignment_Get: the money fields are numbers here (strings on shipping addresses)
		for (const key of [
			'items_total',
			'items_shipped',
			'shipping_method',
			'cost_tax_class_id',
			'handling_cost_tax_class_id',
			'shipping_zone_id',
			'shipping_zone_name',
		])
			view[key] = address[key];
		for (const key of [
			'base_cost',
			'cost_ex_tax',
			'cost_inc_tax',
			'cost_tax',
			'base_handling_cost',
			'handling_cost_ex_tax',
			'handling_cost_inc_tax',
			'handling_cost_tax',
		])
			view[key] = Number(address[key]);
		view.shipping_quotes = link(
			sandbox,
			`/orders/${order.id}/consignments/shipping/${a.id}/shipping_quotes`,
		);
		return view;
	});
	const unshipped = order.products.filter((p) => !addressIds.has(p.order_address_id));
	const downloads = unshipped.length
		? [{ recipient_email: order.billing_address.email || '', line_items: lines(unshipped) }]
		: [];
	return { pickups: [], shipping, downloads, email: { gift_certificates: [] } };
}

function carrierOf(name) {
	return CARRIERS.find((c) => c.carrier === String(name || '').toLowerCase());
}

function shipmentView(order, s) {
	const a =
		order.shipping_addresses.find((x) => x.id === s.order_address_id) || order.billing_address;
	const carrier = carrierOf(s.tracking_carrier) || carrierOf(s.shipping_provider);
	const {
		first_name,
		last_name,
		company,
		street_1,
		street_2,
		city,
		state,
		zip,
		country,
		country_iso2,
		phone,
		email,
	} = a;
	return {
		id: s.id,
		order_id: order.id,
		customer_id: order.customer_id,
		order_address_id: s.order_address_id,
		date_created: date2(s.date_created),
		tracking_number: s.tracking_number,
		merchant_shipping_cost: fixed(s.merchant_shipping_cost),
		shipping_method: s.shipping_method,
		shipping_provider: s.shipping_provider,
		shipping_provider_display_name: carrier
			? carrier.display
			: s.shipping_provider || s.tracking_carrier || '',
		tracking_carrier: s.tracking_carrier,
		tracking_link: s.tracking_link,
		generated_tracking_link: carrier && s.tracking_number ? carrier.link(s.tracking_number) : '',
		comments: s.comments,
		billing_address: { ...order.billing_address },
		shipping_address: {
			first_name,
			last_name,
			company: company || '',
			street_1,
			street_2: street_2 || '',
			city,
			state,
			zip,
			country,
			country_iso2,
			phone: phone || '',
			email: email || '',
		},
		items: s.items.map((i) => ({
			order_product_id: i.order_product_id,
			product_id: i.product_id,
			quantity: i.quantity,
		})),
	};
}

function couponView(c) {
	return {
		id: c.id,
		coupon_id: c.coupon_id,
		order_id: c.order_id,
		code: c.code,
		amount: String(c.amount),
		type: c.type,
		discount: c.discount,
	};
}

function statusView(s) {
	return {
		id: s.id,
		name: s.name,
		system_label: s.name,
		custom_label: s.name,
		system_description: s.description,
	};
}

// ---------------------------------------------------------------- list filters

const INTEGER_FILTERS = ['min_id', 'max_id', 'customer_id', 'status_id', 'channel_id'];
const SORTS = {
	id: (o) => o.id,
	customer_id: (o) => o.customer_id,
	date_created: (o) => o.date_created,
	date_modified: (o) => o.date_modified,
	status_id: (o) => o.status_id,
	channel_id: (o) => o.channel_id,
	external_id: (o) => o.external_id || '',
};

function parseDate(value) {
	if (value === undefined || value === '') return undefined;
	const text = String(value);
	const ms = /^\d+$/.test(text) ? Number(text) * 1000 : Date.parse(text);
	return Number.isNaN(ms) ? NaN : ms;
}

/** Applies the GET /orders filters; returns { orders } or { error }. */
function filterOrders(sandbox, query) {
	for (const key of INTEGER_FILTERS) {
		if (query[key] !== undefined && !/^-?\d+$/.test(query[key]))
			return { error: v2Error(400, `The field '${key}' is invalid. It must be an integer.`) };
	}
	const dates = {};
	for (const key of [
		'min_date_created',
		'max_date_created',
		'min_date_modified',
		'max_date_modified',
	]) {
		const ms = parseDate(query[key]);
		if (Number.isNaN(ms))
			return {
				error: v2Error(400, `The field '${key}' is not a valid date. Use RFC-2822 or ISO-8601.`),
			};
		dates[key] = ms;
	}
	const num = (k) => (query[k] === undefined ? undefined : Number(query[k]));
	const email = query.email === undefined ? undefined : String(query.email).trim().toLowerCase();
	let list = (sandbox.state.orders || []).filter((o) => !o.is_deleted);
	const f = {
		min_id: num('min_id'),
		max_id: num('max_id'),
		customer_id: num('customer_id'),
		status_id: num('status_id'),
		channel_id: num('channel_id'),
		min_total: num('min_total'),
		max_total: num('max_total'),
	};
	list = list.filter((o) => {
		if (f.min_id !== undefined && o.id < f.min_id) return false;
		if (f.max_id !== undefined && o.id > f.max_id) return false;
		if (f.customer_id !== undefined && o.customer_id !== f.customer_id) return false;
		if (f.status_id !== undefined && o.status_id !== f.status_id) return false;
		if (f.channel_id !== undefined && o.channel_id !== f.channel_id) return false;
		if (
			email !== undefined &&
			String(o.billing_address.email || o.email || '').toLowerCase() !== email
		)
			return false;
		if (query.cart_id !== undefined && o.cart_id !== query.cart_id) return false;
		if (query.payment_method !== undefined && o.payment_method !== query.payment_method)
			return false;
		if (query.external_order_id !== undefined && o.external_order_id !== query.external_order_id)
			return false;
		if (f.min_total !== undefined || f.max_total !== undefined) {
			const total = orderTotals(o).total_inc_tax;
			if (f.min_total !== undefined && total < f.min_total) return false;
			if (f.max_total !== undefined && total > f.max_total) return false;
		}
		if (dates.min_date_created !== undefined && o.date_created < dates.min_date_created)
			return false;
		if (dates.max_date_created !== undefined && o.date_created > dates.max_date_created)
			return false;
		if (dates.min_date_modified !== undefined && o.date_modified < dates.min_date_modified)
			return false;
		if (dates.max_date_modified !== undefined && o.date_modified > dates.max_date_modified)
			return false;
		return true;
	});
	if (query.sort !== undefined) {
		const [field, direction = 'asc'] = String(query.sort).split(':');
		const key = SORTS[field];
		if (!key || !['asc', 'desc'].includes(direction.toLowerCase()))
			return {
				error: v2Error(
					400,
					`The sort '${query.sort}' is invalid. Use one of ${Object.keys(SORTS).join(', ')} with an optional :asc or :desc.`,
				),
			};
		const sign = direction.toLowerCase() === 'desc' ? -1 : 1;
		list = [...list].sort((a, b) => {
			const x = key(a);
			const y = key(b);
			return (x < y ? -1 : x > y ? 1 : a.id - b.id) * sign;
		});
	}
	return { orders: list };
}

// ---------------------------------------------------------------- writes

const ADDRESS_FIELDS = [
	'first_name',
	'last_name',
	'company',
	'street_1',
	'street_2',
	'city',
	'state',
	'zip',
	'country',
	'country_iso2',
	'phone',
	'email',
];
function pickAddress(input) {
	const out = {};
	for (const key of ADDRESS_FIELDS)
		out[key] = input[key] === undefined || input[key] === null ? '' : String(input[key]);
	if (!out.country && out.country_iso2 === 'US') out.country = 'United States';
	if (!out.country_iso2 && out.country === 'United States') out.country_iso2 = 'US';
	return out;
}

/** Builds order lines from POST /orders `products`; returns { lines } or { error }. */
function buildLines(sandbox, products, orderId, addressId) {
	if (!Array.isArray(products) || !products.length)
		return {
			error: v2Error(
				400,
				"The field 'products' is required and must contain at least one product.",
			),
		};
	const catalog = orderableProducts(sandbox);
	const lines = [];
	for (const [index, p] of products.entries()) {
		if (!p || typeof p !== 'object')
			return { error: v2Error(400, `products[${index}] must be an object.`) };
		const quantity = p.quantity;
		if (!Number.isInteger(quantity) || quantity < 1)
			return { error: v2Error(400, `products[${index}].quantity must be a positive integer.`) };
		let line;
		if (p.product_id !== undefined) {
			const found = catalog.find((c) => c.product_id === p.product_id);
			if (!found)
				return {
					error: v2Error(400, `products[${index}].product_id ${p.product_id} does not exist.`),
				};
			const price = p.price_ex_tax !== undefined ? Number(p.price_ex_tax) : found.price;
			line = {
				product_id: found.product_id,
				variant_id: p.variant_id || found.variant_id,
				name: p.name || found.name,
				sku: found.sku,
				price_ex_tax: price,
				price_inc_tax:
					p.price_inc_tax !== undefined ? Number(p.price_inc_tax) : money(price * (1 + TAX_RATE)),
				brand: found.brand,
			};
		} else {
			if (!p.name || p.price_ex_tax === undefined || p.price_inc_tax === undefined)
				return {
					error: v2Error(
						400,
						`products[${index}] needs product_id, or name, quantity, price_ex_tax and price_inc_tax for a custom product.`,
					),
				};
			line = {
				product_id: 0,
				variant_id: 0,
				name: String(p.name),
				sku: p.sku ? String(p.sku) : '',
				price_ex_tax: Number(p.price_ex_tax),
				price_inc_tax: Number(p.price_inc_tax),
				brand: '',
			};
		}
		lines.push({
			id: sandbox.nextId('order_products'),
			order_id: orderId,
			order_address_id: addressId,
			type: 'physical',
			quantity,
			quantity_shipped: 0,
			weight: 1,
			...line,
		});
	}
	return { lines };
}

const WRITABLE = [
	'customer_id',
	'staff_notes',
	'customer_message',
	'payment_method',
	'channel_id',
	'external_source',
	'external_id',
	'external_order_id',
	'order_source',
	'discount_amount',
];
const READ_ONLY = [
	'id',
	'date_modified',
	'date_shipped',
	'status',
	'is_deleted',
	'items_shipped',
	'currency_code',
];

function applyWritable(order, body) {
	for (const key of READ_ONLY)
		if (body[key] !== undefined)
			return v2Error(
				400,
				`The field '${key}' cannot be written to. Please remove it from your request before trying again.`,
			);
	if (
		body.status_id !== undefined &&
		!(Number.isInteger(body.status_id) && STATUSES[body.status_id])
	)
		return v2Error(
			400,
			`The field 'status_id' is invalid: ${JSON.stringify(body.status_id)} is not an order status (0-14).`,
		);
	if (
		body.customer_id !== undefined &&
		!(Number.isInteger(body.customer_id) && body.customer_id >= 0)
	)
		return v2Error(400, "The field 'customer_id' must be a non-negative integer.");
	if (body.channel_id !== undefined && !(Number.isInteger(body.channel_id) && body.channel_id >= 1))
		return v2Error(400, "The field 'channel_id' must be a positive integer.");
	for (const key of WRITABLE) {
		if (body[key] === undefined) continue;
		order[key] = key === 'discount_amount' ? Number(body[key]) || 0 : body[key];
	}
	if (body.billing_address && typeof body.billing_address === 'object') {
		order.billing_address = pickAddress({ ...order.billing_address, ...body.billing_address });
		order.email = order.billing_address.email;
	}
	return undefined;
}

function setStatus(sandbox, order, statusId) {
	const previous = order.status_id;
	if (previous === statusId) return false;
	order.status_id = statusId;
	if (statusId === 5)
		order.payment_status = order.payment_status === 'captured' ? 'refunded' : 'void';
	sandbox.emit('store/order/statusUpdated', {
		type: 'order',
		id: order.id,
		status: { previous_status_id: previous, new_status_id: statusId },
	});
	return true;
}

/** After shipments change: Shipped when every unit is shipped, Partially Shipped when some are. */
function recomputeShippingStatus(sandbox, order) {
	const t = orderTotals(order);
	if (t.items_total > 0 && t.items_shipped >= t.items_total) {
		order.date_shipped = sandbox.now();
		return setStatus(sandbox, order, 2);
	}
	if (t.items_shipped > 0) {
		order.date_shipped = null;
		return setStatus(sandbox, order, 3);
	}
	order.date_shipped = null;
	if (order.status_id === 2 || order.status_id === 3) return setStatus(sandbox, order, 9);
	return false;
}

/**
 * An order placed through the API takes its lines out of the catalog's stock (products or
 * variants that track inventory), as BigCommerce does by default; never below 0.
 */
function takeStock(sandbox, order) {
	const catalog = sandbox.catalog;
	if (!catalog || typeof catalog.getProduct !== 'function') return;
	for (const line of order.products) {
		const product = line.product_id ? catalog.getProduct(line.product_id) : undefined;
		if (!product || !product.inventory_tracking || product.inventory_tracking === 'none') continue;
		if (product.inventory_tracking === 'product') {
			product.inventory_level = Math.max(0, (Number(product.inventory_level) || 0) - line.quantity);
			sandbox.emit('store/product/inventory/order/updated', {
				type: 'product',
				id: product.id,
				inventory: { product_id: product.id, method: 'relative', value: -line.quantity },
			});
			continue;
		}
		const variant = (product.variants || []).find((v) => v.id === line.variant_id);
		if (!variant) continue;
		variant.inventory_level = Math.max(0, (Number(variant.inventory_level) || 0) - line.quantity);
		sandbox.emit('store/sku/inventory/order/updated', {
			type: 'sku',
			id: variant.sku_id || variant.id,
			inventory: {
				product_id: product.id,
				method: 'relative',
				value: -line.quantity,
				variant_id: variant.id,
			},
		});
	}
}

const SHIPMENT_FIELDS = [
	'tracking_number',
	'tracking_carrier',
	'tracking_link',
	'shipping_provider',
	'shipping_method',
	'comments',
	'merchant_shipping_cost',
];

function register(sandbox) {
	const scope = SCOPE;
	const state = sandbox.state;
	state.orders = state.orders || [];
	let reconciled = false;
	sandbox.middlewares.push(() => {
		if (!reconciled && state.orders) reconciled = reconcileCustomerNames(sandbox);
		return undefined;
	});
	const touch = (order) => {
		order.date_modified = sandbox.now();
	};

	/** An order as GET /orders(/{id}) answers it, with the consignments the query includes. */
	const withConsignments = (order, query) => {
		const view = orderView(sandbox, order);
		const consignments = consignmentsView(sandbox, order, query);
		return consignments ? { ...view, consignments } : view;
	};

	sandbox.route(
		'GET',
		'v2',
		'/order_statuses',
		(ctx) => v2List(STATUSES.map(statusView), ctx.query),
		{ scope },
	);
	sandbox.route(
		'GET',
		'v2',
		'/order_statuses/:status_id',
		(ctx) => {
			const s = /^\d+$/.test(ctx.params.status_id)
				? STATUSES[Number(ctx.params.status_id)]
				: undefined;
			return s ? v2One(statusView(s)) : notFound();
		},
		{ scope },
	);

	sandbox.route(
		'GET',
		'v2',
		'/orders/count',
		(ctx) => {
			const { orders, error } = filterOrders(sandbox, ctx.query);
			if (error) return error;
			const statuses = STATUSES.map((s) => ({
				...statusView(s),
				count: orders.filter((o) => o.status_id === s.id).length,
				sort_order: STATUS_SORT.indexOf(s.id),
			}));
			return v2One({ count: orders.length, statuses });
		},
		{ scope },
	);

	sandbox.route(
		'GET',
		'v2',
		'/orders',
		(ctx) => {
			const { orders, error } = filterOrders(sandbox, ctx.query);
			if (error) return error;
			return v2List(orders, ctx.query, { map: (o) => withConsignments(o, ctx.query) });
		},
		{ scope },
	);

	sandbox.route(
		'POST',
		'v2',
		'/orders',
		(ctx) => {
			const body = ctx.body;
			if (!body || typeof body !== 'object' || Array.isArray(body))
				return v2Error(400, 'The request body must be a JSON object.');
			if (!body.billing_address || typeof body.billing_address !== 'object')
				return v2Error(400, "The field 'billing_address' is required.");
			const status_id = body.status_id === undefined ? 1 : body.status_id;
			const id = (state.counters.orders ?? 99) + 1;
			const draft = { status_id: 1, billing_address: {}, customer_id: 0, channel_id: 1 };
			const invalid = applyWritable(draft, { ...body, status_id });
			if (invalid) return invalid;
			const billing = pickAddress(body.billing_address);
			const shippingInput =
				Array.isArray(body.shipping_addresses) && body.shipping_addresses.length
					? body.shipping_addresses
					: [billing];
			const shipping_addresses = shippingInput.map((a) => ({
				id: 0,
				...pickAddress(a),
				shipping_method: a.shipping_method || 'Flat Rate',
				shipping_zone_id: 1,
				shipping_zone_name: 'United States',
			}));
			const built = buildLines(sandbox, body.products, id, 0);
			if (built.error) return built.error;
			state.counters.orders = id;
			for (const a of shipping_addresses) a.id = sandbox.nextId('order_shipping_addresses');
			for (const line of built.lines) line.order_address_id = shipping_addresses[0].id;
			const now = sandbox.now();
			const created = body.date_created ? parseDate(body.date_created) : now;
			const order = {
				id,
				customer_id: draft.customer_id || 0,
				email: billing.email,
				channel_id: draft.channel_id || 1,
				cart_id: '',
				status_id,
				date_created: Number.isNaN(created) ? now : created,
				date_modified: now,
				date_shipped: null,
				is_deleted: false,
				payment_method: draft.payment_method || 'Manual',
				payment_status: [2, 3, 8, 9, 10, 11].includes(status_id) ? 'captured' : 'pending',
				currency_code: body.default_currency_code || 'USD',
				staff_notes: draft.staff_notes || '',
				customer_message: draft.customer_message || '',
				order_source: draft.order_source || 'external',
				external_source: draft.external_source ?? null,
				external_id: draft.external_id ?? null,
				external_order_id: draft.external_order_id || '',
				billing_address: billing,
				shipping_cost:
					body.shipping_cost_inc_tax !== undefined ? Number(body.shipping_cost_inc_tax) || 0 : 0,
				discount_amount: draft.discount_amount || 0,
				coupon_discount: 0,
				refunded_amount: 0,
				ip_address: '',
				products: built.lines,
				shipping_addresses,
				shipments: [],
				coupons: [],
				transactions: [],
			};
			state.orders.push(order);
			sandbox.emit('store/order/created', { type: 'order', id });
			takeStock(sandbox, order);
			return v2One(orderView(sandbox, order));
		},
		{ scope },
	);

	sandbox.route(
		'GET',
		'v2',
		'/orders/:order_id',
		(ctx) => {
			const order = findOrder(sandbox, ctx.params.order_id);
			return order ? v2One(withConsignments(order, ctx.query)) : notFound();
		},
		{ scope },
	);

	sandbox.route(
		'PUT',
		'v2',
		'/orders/:order_id',
		(ctx) => {
			const order = findOrder(sandbox, ctx.params.order_id);
			if (!order) return notFound();
			const body = ctx.body;
			if (!body || typeof body !== 'object' || Array.isArray(body))
				return v2Error(400, 'The request body must be a JSON object.');
			const invalid = applyWritable(
				{ ...order, billing_address: { ...order.billing_address } },
				body,
			);
			if (invalid) return invalid;
			applyWritable(order, body);
			if (Array.isArray(body.products)) {
				for (const change of body.products) {
					const line = change && order.products.find((p) => p.id === change.id);
					if (!line) continue;
					if (Number.isInteger(change.quantity))
						line.quantity = Math.max(change.quantity, line.quantity_shipped);
				}
				order.products = order.products.filter((p) => p.quantity > 0);
			}
			if (body.status_id !== undefined) setStatus(sandbox, order, body.status_id);
			touch(order);
			sandbox.emit('store/order/updated', { type: 'order', id: order.id });
			return v2One(orderView(sandbox, order));
		},
		{ scope },
	);

	sandbox.route(
		'DELETE',
		'v2',
		'/orders/:order_id',
		(ctx) => {
			const order = findOrder(sandbox, ctx.params.order_id);
			if (!order || order.is_deleted) return notFound();
			order.is_deleted = true;
			touch(order);
			sandbox.emit('store/order/archived', { type: 'order', id: order.id });
			return noContent();
		},
		{ scope },
	);

	/**
	 * The reads of an order's child records (GET list, and GET one by `idParam` unless null):
	 * 404 when the order or the record does not exist; `view(order, record)` renders a record.
	 */
	function orderChildReads(path, field, idParam, view) {
		sandbox.route(
			'GET',
			'v2',
			`/orders/:order_id/${path}`,
			(ctx) => {
				const order = findOrder(sandbox, ctx.params.order_id);
				if (!order) return notFound();
				return v2List(order[field], ctx.query, { map: (r) => view(order, r) });
			},
			{ scope },
		);
		if (!idParam) return;
		sandbox.route(
			'GET',
			'v2',
			`/orders/:order_id/${path}/:${idParam}`,
			(ctx) => {
				const order = findOrder(sandbox, ctx.params.order_id);
				const r = order && order[field].find((x) => String(x.id) === ctx.params[idParam]);
				return r ? v2One(view(order, r)) : notFound();
			},
			{ scope },
		);
	}

	orderChildReads('products', 'products', 'product_id', productView);
	orderChildReads('shipping_addresses', 'shipping_addresses', 'id', (order, a) =>
		shippingAddressView(sandbox, order, a),
	);
	orderChildReads('coupons', 'coupons', null, (order, c) => couponView(c));

	// shipments
	sandbox.route(
		'GET',
		'v2',
		'/orders/:order_id/shipments/count',
		(ctx) => {
			const order = findOrder(sandbox, ctx.params.order_id);
			return order ? v2One({ count: order.shipments.length }) : notFound();
		},
		{ scope },
	);

	orderChildReads('shipments', 'shipments', 'shipment_id', shipmentView);

	sandbox.route(
		'POST',
		'v2',
		'/orders/:order_id/shipments',
		(ctx) => {
			const order = findOrder(sandbox, ctx.params.order_id);
			if (!order) return notFound();
			const body = ctx.body;
			if (!body || typeof body !== 'object' || Array.isArray(body))
				return v2Error(400, 'The request body must be a JSON object.');
			if (!Number.isInteger(body.order_address_id))
				return v2Error(400, "The field 'order_address_id' is required.");
			if (!order.shipping_addresses.some((a) => a.id === body.order_address_id))
				return v2Error(
					400,
					`The order address ${body.order_address_id} does not belong to order ${order.id}.`,
				);
			if (!Array.isArray(body.items) || !body.items.length)
				return v2Error(400, "The field 'items' is required and must list at least one item.");
			const wanted = new Map();
			for (const [index, item] of body.items.entries()) {
				const line = item && order.products.find((p) => p.id === item.order_product_id);
				if (!line)
					return v2Error(
						400,
						`items[${index}].order_product_id ${item && item.order_product_id} is not a product of order ${order.id}.`,
					);
				if (!Number.isInteger(item.quantity) || item.quantity < 1)
					return v2Error(400, `items[${index}].quantity must be a positive integer.`);
				wanted.set(line.id, (wanted.get(line.id) || 0) + item.quantity);
			}
			for (const [lineId, quantity] of wanted) {
				const line = order.products.find((p) => p.id === lineId);
				if (line.quantity_shipped + quantity > line.quantity)
					return v2Error(
						400,
						`Cannot ship ${quantity} of order product ${lineId}: only ${line.quantity - line.quantity_shipped} left to ship.`,
					);
			}
			for (const [lineId, quantity] of wanted)
				order.products.find((p) => p.id === lineId).quantity_shipped += quantity;
			const shipment = {
				id: sandbox.nextId('shipments'),
				order_id: order.id,
				customer_id: order.customer_id,
				order_address_id: body.order_address_id,
				date_created: sandbox.now(),
				tracking_number: '',
				tracking_carrier: '',
				tracking_link: '',
				shipping_provider: '',
				shipping_method: '',
				merchant_shipping_cost: 0,
				comments: '',
				items: [...wanted].map(([lineId, quantity]) => ({
					order_product_id: lineId,
					product_id: order.products.find((p) => p.id === lineId).product_id,
					quantity,
				})),
			};
			for (const key of SHIPMENT_FIELDS)
				if (body[key] !== undefined && body[key] !== null)
					shipment[key] =
						key === 'merchant_shipping_cost' ? Number(body[key]) || 0 : String(body[key]);
			order.shipments.push(shipment);
			recomputeShippingStatus(sandbox, order);
			touch(order);
			sandbox.emit('store/shipment/created', {
				type: 'shipment',
				id: shipment.id,
				orderId: order.id,
			});
			sandbox.emit('store/order/updated', { type: 'order', id: order.id });
			return v2One(shipmentView(order, shipment), 201);
		},
		{ scope },
	);

	const findShipment = (ctx) => {
		const order = findOrder(sandbox, ctx.params.order_id);
		const shipment = order && order.shipments.find((s) => String(s.id) === ctx.params.shipment_id);
		return { order, shipment };
	};

	sandbox.route(
		'PUT',
		'v2',
		'/orders/:order_id/shipments/:shipment_id',
		(ctx) => {
			const { order, shipment } = findShipment(ctx);
			if (!shipment) return notFound();
			const body = ctx.body;
			if (!body || typeof body !== 'object' || Array.isArray(body))
				return v2Error(400, 'The request body must be a JSON object.');
			if (body.items !== undefined)
				return v2Error(
					400,
					"The field 'items' cannot be written to. Please remove it from your request before trying again.",
				);
			if (body.order_address_id !== undefined) {
				if (!order.shipping_addresses.some((a) => a.id === body.order_address_id))
					return v2Error(
						400,
						`The order address ${body.order_address_id} does not belong to order ${order.id}.`,
					);
				shipment.order_address_id = body.order_address_id;
			}
			for (const key of SHIPMENT_FIELDS)
				if (body[key] !== undefined && body[key] !== null)
					shipment[key] =
						key === 'merchant_shipping_cost' ? Number(body[key]) || 0 : String(body[key]);
			touch(order);
			sandbox.emit('store/shipment/updated', {
				type: 'shipment',
				id: shipment.id,
				orderId: order.id,
			});
			return v2One(shipmentView(order, shipment));
		},
		{ scope },
	);

	sandbox.route(
		'DELETE',
		'v2',
		'/orders/:order_id/shipments/:shipment_id',
		(ctx) => {
			const { order, shipment } = findShipment(ctx);
			if (!shipment) return notFound();
			for (const item of shipment.items) {
				const line = order.products.find((p) => p.id === item.order_product_id);
				if (line) line.quantity_shipped = Math.max(0, line.quantity_shipped - item.quantity);
			}
			order.shipments = order.shipments.filter((s) => s !== shipment);
			recomputeShippingStatus(sandbox, order);
			touch(order);
			sandbox.emit('store/shipment/deleted', {
				type: 'shipment',
				id: shipment.id,
				orderId: order.id,
			});
			sandbox.emit('store/order/updated', { type: 'order', id: order.id });
			return noContent();
		},
		{ scope },
	);

	// V3 transactions
	sandbox.route(
		'GET',
		'v3',
		'/orders/:order_id/transactions',
		(ctx) => {
			const order = findOrder(sandbox, ctx.params.order_id);
			if (!order)
				return {
					status: 404,
					body: {
						status: 404,
						title: 'Order not found',
						type: 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes',
					},
				};
			if (!order.transactions.length) return noContent();
			return v3List(order.transactions, ctx.query);
		},
		{ scope: TX_SCOPE },
	);
}

function seed(sandbox, seedOptions) {
	seedOrders(sandbox, seedOptions);
}

module.exports = { register, seed, orderView, productView, shipmentView, statusName, findOrder };
