'use strict';
/**
 * Deterministic seed data for V2 orders (with products, shipping addresses, shipments, coupons),
 * V3 order transactions, and inventory locations.
 *
 * Shapes (internal state; the routes in sandbox/resources/orders.js serialise them):
 *   sandbox.state.orders: Order[] (ascending id, starting at 100)
 *     Order = { id, customer_id, email, channel_id, cart_id, status_id, date_created, date_modified,
 *       date_shipped (ms | null; all dates are epoch ms), is_deleted, payment_method, payment_status,
 *       currency_code, staff_notes, customer_message, order_source, external_source, external_id,
 *       external_order_id, billing_address, shipping_cost, discount_amount, coupon_discount,
 *       refunded_amount, products: OrderProduct[], shipping_addresses: ShippingAddress[],
 *       shipments: Shipment[], coupons: OrderCoupon[], transactions: Transaction[] }
 *     OrderProduct = { id, order_id, product_id, variant_id, order_address_id, name, sku, type,
 *       price_ex_tax, price_inc_tax, quantity, quantity_shipped, weight, brand }
 *     Shipment = { id, order_id, customer_id, order_address_id, date_created, tracking_number,
 *       tracking_carrier, tracking_link, shipping_provider, shipping_method, merchant_shipping_cost,
 *       comments, items: [{ order_product_id, product_id, quantity }] }
 */
const { createRandom, SEED_EPOCH } = require('./random');

const STATUSES = [
	[
		'Incomplete',
		'An incomplete order happens when a shopper reached the payment page, but did not complete the transaction.',
	],
	['Pending', 'Customer started the checkout process, but did not complete it.'],
	[
		'Shipped',
		'Order has been shipped, but receipt has not been confirmed; seller has used the Ship Items action.',
	],
	[
		'Partially Shipped',
		'Only some items in the order have been shipped, due to some products being pre-order only or other reasons.',
	],
	['Refunded', 'Seller has used the Refund action.'],
	['Cancelled', 'Seller has cancelled an order, due to a stock inconsistency or other reasons.'],
	[
		'Declined',
		'Seller has marked the order as declined for lack of manual payment, or other reasons.',
	],
	[
		'Awaiting Payment',
		'Customer has completed checkout process, but payment has yet to be confirmed.',
	],
	[
		'Awaiting Pickup',
		'Order has been pulled, and is awaiting customer pickup from a seller-specified location.',
	],
	[
		'Awaiting Shipment',
		'Order has been pulled and packaged, and is awaiting collection from a shipping provider.',
	],
	[
		'Completed',
		'Client has paid for their digital product and their file(s) are available for download.',
	],
	[
		'Awaiting Fulfillment',
		'Customer has completed the checkout process and payment has been confirmed.',
	],
	[
		'Manual Verification Required',
		'Order is on hold while some aspect needs to be manually confirmed.',
	],
	[
		'Disputed',
		'Customer has initiated a dispute resolution process for the PayPal transaction that paid for the order.',
	],
	['Partially Refunded', 'Seller has partially refunded the order.'],
].map(([name, description], id) => ({ id, name, description }));

/** Sort order BigCommerce shows the statuses in (from the spec example). */
const STATUS_SORT = [0, 1, 8, 6, 11, 10, 12, 3, 4, 2, 9, 5, 7, 13, 14];

const FIRST = [
	'Avery',
	'Blake',
	'Casey',
	'Devon',
	'Emerson',
	'Finley',
	'Harper',
	'Jordan',
	'Kendall',
	'Logan',
	'Morgan',
	'Parker',
	'Quinn',
	'Riley',
	'Sawyer',
	'Taylor',
];
const LAST = [
	'Adams',
	'Brooks',
	'Carter',
	'Diaz',
	'Ellis',
	'Foster',
	'Garcia',
	'Hughes',
	'Ito',
	'Jensen',
	'Khan',
	'Lopez',
	'Murphy',
	'Nguyen',
	'Ortiz',
	'Patel',
];
const CITIES = [
	['Austin', 'Texas', '78701'],
	['Denver', 'Colorado', '80202'],
	['Portland', 'Oregon', '97205'],
	['Chicago', 'Illinois', '60601'],
	['Boston', 'Massachusetts', '02108'],
	['Seattle', 'Washington', '98101'],
];

/** Fallback catalog for order lines when no catalog module is loaded (ids match a 1-based catalog). */
const STUB_PRODUCTS = [
	['Everyday Tee', 'TEE-EVD', 24.0],
	['Trail Hoodie', 'HOOD-TRL', 58.0],
	['Canvas Tote', 'TOTE-CNV', 19.5],
	['Wool Beanie', 'BEAN-WL', 22.0],
	['Rain Shell Jacket', 'JKT-RAIN', 129.0],
	['Merino Socks', 'SOCK-MER', 16.0],
	['Leather Belt', 'BELT-LTH', 45.0],
	['Packable Daypack', 'PACK-DAY', 74.0],
	['Sun Cap', 'CAP-SUN', 28.0],
	['Fleece Gloves', 'GLV-FLC', 26.0],
].map(([name, sku, price], index) => ({
	product_id: index + 1,
	variant_id: index + 1,
	name,
	sku,
	price,
	brand: 'Sandbox Outfitters',
}));

const CARRIERS = [
	{
		carrier: 'ups',
		display: 'UPS',
		number: (r) => `1Z${String(r.int(100000, 999999))}${String(r.int(1000000000, 9999999999))}`,
		link: (n) => `https://www.ups.com/track?tracknum=${n}`,
	},
	{
		carrier: 'usps',
		display: 'USPS',
		number: (r) =>
			`9400${String(r.int(100000000, 999999999))}${String(r.int(100000000, 999999999))}`,
		link: (n) => `https://tools.usps.com/go/TrackConfirmAction?tLabels=${n}`,
	},
	{
		carrier: 'fedex',
		display: 'FedEx',
		number: (r) => String(r.int(100000000000, 999999999999)),
		link: (n) => `https://www.fedex.com/fedextrack/?trknbr=${n}`,
	},
];

const COUPONS = [
	{ coupon_id: 1, code: 'SAVE10', type: 1, percent: 10 },
	{ coupon_id: 2, code: 'WELCOME5', type: 0, amount: 5 },
	{ coupon_id: 3, code: 'FREESHIP', type: 4, amount: 8 },
];

const TAX_RATE = 0.08;
const money = (n) => Math.round(n * 100) / 100;

/** Products available for order lines: the catalog's when loaded, else the stub list. */
function orderableProducts(sandbox) {
	const products = sandbox.state.products;
	const list = Array.isArray(products)
		? products
		: products instanceof Map
			? [...products.values()]
			: [];
	const usable = [];
	for (const p of list.slice(0, 30)) {
		if (!p || typeof p.id !== 'number' || !p.name) continue;
		const variants = Array.isArray(p.variants) ? p.variants : [];
		const variant = variants[0];
		usable.push({
			product_id: p.id,
			variant_id:
				variant && typeof variant.id === 'number' ? variant.id : p.base_variant_id || p.id,
			name: p.name,
			sku: (variant && variant.sku) || p.sku || '',
			price: Number(p.sale_price || p.price || 10) || 10,
			brand: '',
		});
	}
	return usable.length >= 3 ? usable : STUB_PRODUCTS;
}

function customerList(sandbox) {
	const customers = sandbox.state.customers;
	if (customers instanceof Map) return [...customers.values()];
	return Array.isArray(customers) ? customers : [];
}

function customerCount(sandbox, seedOptions) {
	const list = customerList(sandbox);
	if (list.length) return Math.min(list.length, 12);
	const wanted = seedOptions.customers === undefined ? 12 : Number(seedOptions.customers) || 0;
	return Math.max(1, Math.min(wanted, 12));
}

function customerName(sandbox, id) {
	const found = customerList(sandbox).find((c) => c && c.id === id);
	if (found && found.first_name)
		return {
			first: found.first_name,
			last: found.last_name || '',
			email: found.email || `shopper${id}@example.com`,
		};
	return {
		first: FIRST[(id - 1) % FIRST.length],
		last: LAST[(id * 7) % LAST.length],
		email: `shopper${id}@example.com`,
	};
}

/**
 * Seeds may run before the customers module's: once both exist, copy the customers' names onto
 * their orders' billing addresses (emails already agree: shopperN@example.com).
 */
function reconcileCustomerNames(sandbox) {
	const list = customerList(sandbox);
	if (!list.length) return false;
	const byId = new Map(list.map((c) => [c.id, c]));
	for (const order of sandbox.state.orders || []) {
		const customer = order.customer_id ? byId.get(order.customer_id) : undefined;
		if (!customer || !order.seeded) continue;
		for (const target of [order.billing_address, ...order.shipping_addresses]) {
			if (customer.first_name) target.first_name = customer.first_name;
			if (customer.last_name !== undefined) target.last_name = customer.last_name;
		}
	}
	return true;
}

function address(r, first, last, email) {
	const [city, state, zip] = r.pick(CITIES);
	return {
		first_name: first,
		last_name: last,
		company: '',
		street_1: `${r.int(10, 9999)} ${r.pick(['Oak', 'Maple', 'Cedar', 'Pine', 'Elm'])} ${r.pick(['Street', 'Avenue', 'Road'])}`,
		street_2: '',
		city,
		state,
		zip,
		country: 'United States',
		country_iso2: 'US',
		phone: `512555${String(r.int(1000, 9999))}`,
		email,
	};
}

/** Status IDs for `count` orders: all 15 first, then a realistic mix. */
function statusFor(index, r) {
	if (index < 15) return [11, 2, 3, 10, 0, 1, 4, 5, 6, 7, 8, 9, 12, 13, 14][index];
	return r.pick([10, 10, 10, 2, 2, 11, 11, 9, 3, 7, 5, 14]);
}

const PAYMENT_STATUS = {
	0: '',
	1: 'pending',
	2: 'captured',
	3: 'captured',
	4: 'refunded',
	5: 'void',
	6: 'declined',
	7: 'pending',
	8: 'captured',
	9: 'captured',
	10: 'captured',
	11: 'captured',
	12: 'held for review',
	13: 'captured',
	14: 'partially refunded',
};

function seedLocations(sandbox) {
	const hours = (open) => ({
		open,
		opening: open ? '09:00' : '00:00',
		closing: open ? '17:00' : '00:00',
	});
	const operating_hours = {
		sunday: hours(false),
		monday: hours(true),
		tuesday: hours(true),
		wednesday: hours(true),
		thursday: hours(true),
		friday: hours(true),
		saturday: hours(false),
	};
	const at = new Date(SEED_EPOCH - 400 * 86400000).toISOString().replace(/\.\d{3}Z$/, 'Z');
	sandbox.state.locations = [
		{
			id: 1,
			code: 'BC-LOCATION-1',
			label: 'Default location',
			managed_by_external_source: false,
			type_id: 'PHYSICAL',
			enabled: true,
			operating_hours,
			time_zone: 'America/Chicago',
			created_at: at,
			updated_at: at,
			address: {
				address1: '1 Loopback Way',
				address2: '',
				city: 'Austin',
				state: 'Texas',
				zip: '78701',
				email: 'store@sandbox-store.example.com',
				phone: '512-555-0100',
				geo_coordinates: { latitude: 30.2672, longitude: -97.7431 },
				country_code: 'US',
			},
			storefront_visibility: true,
			special_hours: [],
			is_default: true,
		},
		{
			id: 2,
			code: 'WAREHOUSE-1',
			label: 'Warehouse',
			managed_by_external_source: false,
			type_id: 'PHYSICAL',
			enabled: true,
			operating_hours,
			time_zone: 'America/Chicago',
			created_at: at,
			updated_at: at,
			address: {
				address1: '400 Depot Road',
				address2: 'Dock 3',
				city: 'Round Rock',
				state: 'Texas',
				zip: '78664',
				email: 'warehouse@sandbox-store.example.com',
				phone: '512-555-0177',
				geo_coordinates: { latitude: 30.5083, longitude: -97.6789 },
				country_code: 'US',
			},
			storefront_visibility: false,
			special_hours: [],
			is_default: false,
		},
	];
	sandbox.state.counters.locations = 2;
}

function seedOrders(sandbox, seedOptions = {}) {
	const r = createRandom((Number(seedOptions.seed) || 42) + 7001);
	const count =
		seedOptions.orders === undefined ? 40 : Math.max(0, Number(seedOptions.orders) || 0);
	const products = orderableProducts(sandbox);
	const customers = customerCount(sandbox, seedOptions);
	const orders = [];
	sandbox.state.orders = orders;
	const span = 120 * 86400000; // four months of history
	for (let index = 0; index < count; index++) {
		const id = sandbox.nextId('orders', 100);
		const status_id = statusFor(index, r);
		const guest = index % 6 === 4;
		const customer_id = guest ? 0 : (index % customers) + 1;
		const person = guest
			? { first: r.pick(FIRST), last: r.pick(LAST), email: `guest${index + 1}@example.net` }
			: customerName(sandbox, customer_id);
		const created =
			SEED_EPOCH - Math.round(span * (1 - index / Math.max(1, count))) - r.int(0, 3600) * 1000;
		const billing_address = address(r, person.first, person.last, person.email);
		const order = {
			id,
			customer_id,
			email: person.email,
			channel_id: index % 5 === 3 ? 2 : 1,
			cart_id: r.uuid(),
			status_id,
			date_created: created,
			date_modified: created + r.int(1, 72) * 3600000,
			date_shipped: null,
			is_deleted: false,
			seeded: true,
			payment_method:
				status_id === 0
					? ''
					: r.pick(['Credit Card', 'Credit Card', 'PayPal', 'Test Payment Gateway']),
			payment_status: PAYMENT_STATUS[status_id],
			currency_code: 'USD',
			staff_notes: index % 7 === 0 ? 'Gift wrap requested' : '',
			customer_message: index % 9 === 0 ? 'Please leave at the side door.' : '',
			order_source: index % 5 === 3 ? 'external' : 'www',
			external_source: null,
			external_id: null,
			external_order_id: '',
			billing_address,
			shipping_cost: 8,
			discount_amount: 0,
			coupon_discount: 0,
			refunded_amount: 0,
			ip_address: `203.0.113.${(index % 250) + 1}`,
			products: [],
			shipping_addresses: [],
			shipments: [],
			coupons: [],
			transactions: [],
		};
		if (order.date_modified > SEED_EPOCH) order.date_modified = SEED_EPOCH;
		const shippingAddressId = sandbox.nextId('order_shipping_addresses');
		order.shipping_addresses.push({
			id: shippingAddressId,
			...billing_address,
			shipping_method: 'Flat Rate',
			shipping_zone_id: 1,
			shipping_zone_name: 'United States',
		});
		// partially shipped orders need more than one unit
		const lines = status_id === 3 ? 2 : r.int(1, 3);
		const used = new Set();
		for (let l = 0; l < lines; l++) {
			let product = r.pick(products);
			for (let guard = 0; used.has(product.product_id) && guard < 10; guard++)
				product = r.pick(products);
			used.add(product.product_id);
			order.products.push({
				id: sandbox.nextId('order_products'),
				order_id: id,
				product_id: product.product_id,
				variant_id: product.variant_id,
				order_address_id: shippingAddressId,
				name: product.name,
				sku: product.sku,
				type: 'physical',
				price_ex_tax: product.price,
				price_inc_tax: money(product.price * (1 + TAX_RATE)),
				quantity: r.int(1, 3),
				quantity_shipped: 0,
				weight: 1,
				brand: product.brand,
			});
		}
		if (index % 4 === 1 && status_id !== 0) {
			const coupon = COUPONS[index % COUPONS.length];
			const subtotal = order.products.reduce((sum, p) => sum + p.price_ex_tax * p.quantity, 0);
			const discount = coupon.percent ? money((subtotal * coupon.percent) / 100) : coupon.amount;
			order.coupon_discount = discount;
			order.discount_amount = discount;
			order.coupons.push({
				id: sandbox.nextId('order_coupons'),
				coupon_id: coupon.coupon_id,
				order_id: id,
				code: coupon.code,
				amount: coupon.percent || coupon.amount,
				type: coupon.type,
				discount,
			});
		}
		if ([2, 3, 10].includes(status_id) || (status_id === 4 && index % 2 === 0)) {
			const full = status_id !== 3;
			const carrier = CARRIERS[index % CARRIERS.length];
			const tracking = carrier.number(r);
			const items = [];
			order.products.forEach((p, n) => {
				const quantity = full ? p.quantity : n === 0 ? p.quantity : 0;
				if (quantity > 0) {
					items.push({ order_product_id: p.id, product_id: p.product_id, quantity });
					p.quantity_shipped = quantity;
				}
			});
			const shippedAt = order.date_created + r.int(20, 60) * 3600000;
			order.shipments.push({
				id: sandbox.nextId('shipments'),
				order_id: id,
				customer_id,
				order_address_id: shippingAddressId,
				date_created: shippedAt,
				tracking_number: tracking,
				tracking_carrier: carrier.carrier,
				tracking_link: carrier.link(tracking),
				shipping_provider: '',
				shipping_method: 'Flat Rate',
				merchant_shipping_cost: 0,
				comments: '',
				items,
			});
			if (full) order.date_shipped = shippedAt;
			if (order.date_modified < shippedAt) order.date_modified = Math.min(shippedAt, SEED_EPOCH);
		}
		const totals = orderTotals(order);
		if (
			['captured', 'refunded', 'partially refunded', 'held for review'].includes(
				order.payment_status,
			)
		) {
			order.transactions.push(transaction(sandbox, r, order, 'purchase', totals.total_inc_tax));
			if (status_id === 4) {
				order.refunded_amount = totals.total_inc_tax;
				order.transactions.push(transaction(sandbox, r, order, 'refund', totals.total_inc_tax));
			}
			if (status_id === 14) {
				order.refunded_amount = money(totals.total_inc_tax / 2);
				order.transactions.push(transaction(sandbox, r, order, 'refund', order.refunded_amount));
			}
		}
		orders.push(order);
	}
	return orders;
}

function transaction(sandbox, r, order, event, amount) {
	const card = order.payment_method !== 'PayPal';
	const tx = {
		id: sandbox.nextId('transactions'),
		order_id: String(order.id),
		event,
		method: card ? 'credit_card' : 'electronic_wallet',
		amount,
		currency: order.currency_code,
		gateway: card ? 'stripe' : 'paypalexpress',
		gateway_transaction_id: `${card ? 'ch' : 'PAY'}_${r.int(100000000, 999999999)}`,
		date_created: new Date(order.date_created + (event === 'refund' ? 5 * 86400000 : 60000))
			.toISOString()
			.replace(/\.\d{3}Z$/, 'Z'),
		test: false,
		status: 'ok',
		fraud_review: false,
		payment_instrument_token: null,
		provider_instrument_token: null,
		provider_customer_id: null,
		payment_method_id: card ? 'stripe.card' : 'paypalexpress.paypal',
	};
	if (card) {
		tx.avs_result = {
			code: 'Y',
			message: 'Street address and postal code match',
			street_match: 'Y',
			postal_match: 'Y',
		};
		tx.cvv_result = { code: 'M', message: 'CVV matches' };
		tx.credit_card = {
			card_type: 'visa',
			card_iin: '424242',
			card_last4: '4242',
			card_expiry_month: 12,
			card_expiry_year: 2029,
		};
	}
	return tx;
}

/** Money totals of an order, computed from its lines (numbers). */
function orderTotals(order) {
	let subtotal_ex_tax = 0;
	let subtotal_inc_tax = 0;
	let items_total = 0;
	let items_shipped = 0;
	for (const p of order.products) {
		subtotal_ex_tax += p.price_ex_tax * p.quantity;
		subtotal_inc_tax += p.price_inc_tax * p.quantity;
		items_total += p.quantity;
		items_shipped += p.quantity_shipped || 0;
	}
	subtotal_ex_tax = money(subtotal_ex_tax);
	subtotal_inc_tax = money(subtotal_inc_tax);
	const subtotal_tax = money(subtotal_inc_tax - subtotal_ex_tax);
	const shipping = order.products.length ? order.shipping_cost : 0;
	const discount = order.discount_amount || 0;
	const total_ex_tax = money(Math.max(0, subtotal_ex_tax + shipping - discount));
	const total_inc_tax = money(Math.max(0, subtotal_inc_tax + shipping - discount));
	return {
		subtotal_ex_tax,
		subtotal_inc_tax,
		subtotal_tax,
		shipping,
		total_ex_tax,
		total_inc_tax,
		total_tax: money(total_inc_tax - total_ex_tax),
		items_total,
		items_shipped,
	};
}

module.exports = {
	reconcileCustomerNames,
	STATUSES,
	STATUS_SORT,
	STUB_PRODUCTS,
	CARRIERS,
	TAX_RATE,
	money,
	orderTotals,
	orderableProducts,
	seedOrders,
	seedLocations,
	transaction,
};
