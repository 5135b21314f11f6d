'use strict';
/**
 * Carts (V3 /carts, scope store_cart), abandoned carts (V3 /abandoned-carts/{token}, scope
 * store_v2_information) and checkouts (V3 GET /checkouts/{id}, scope store_checkouts, also accepted
 * under the documented spelling store_checkout).
 *
 * State:
 *   state.carts                Map<cartId, cart>  internal cart (see newCart); prices frozen when added
 *   state.abandonedCartTokens  Map<token, cartId> 32-hex tokens, as in the store/cart/abandoned webhook
 *   state.cartFixtures         the seeded carts by role (see seed) for tests, e2e and the demo
 * Helpers on the sandbox:
 *   sandbox.abandonCart(cartId)            -> { id, token }   emits store/cart/abandoned {type, id, token}
 *   sandbox.convertCart(cartId, {orderId}) -> { id, orderId } emits store/cart/converted {type, id, orderId};
 *     without orderId it places a real V2 order for the cart (status 11, cart_id set)
 *   sandbox.cartView(cart, includes)       the V3 cart body
 * Cart events are emitted with `{ channelId }` (the webhook engine also delivers them on
 * store/channel/{id}/cart/...).
 * Control (when the server offers registerControl): POST /__sandbox/carts/:id/abandon, /convert.
 */
const { v3Error, noContent, csv } = require('../core/respond');
const { createRandom, SEED_EPOCH } = require('../seed/random');

const CART_SCOPE = 'store_cart';
const INFO_SCOPE = 'store_v2_information';
const CHECKOUT_READ_SCOPES = [
	'store_checkouts_read_only',
	'store_checkout',
	'store_checkout_read_only',
];
const HOUR = 3600 * 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const round2 = (n) => Math.round(n * 100) / 100;
const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const slug = (text) =>
	String(text)
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');

/** Prices used when the catalog module is not loaded: product id -> { name, price }. */
function fallbackProduct(productId) {
	if (!Number.isInteger(productId) || productId < 1 || productId > 1000) return undefined;
	const price = 5 + ((productId * 37) % 95) + 0.99;
	return {
		id: productId,
		name: `Sandbox Product ${productId}`,
		type: productId % 20 === 13 ? 'digital' : 'physical',
		sku: `SKU-${productId}`,
		price,
		sale_price: 0,
		variants: [
			{
				id: 10000 + productId,
				product_id: productId,
				sku: `SKU-${productId}`,
				price: null,
				sale_price: null,
				option_values: [],
			},
		],
		images: [],
		inventory_tracking: 'none',
	};
}

function register(sandbox) {
	const state = sandbox.state;
	state.carts = state.carts || new Map();
	state.abandonedCartTokens = state.abandonedCartTokens || new Map();
	const random = () => {
		if (!state.cartRandom) state.cartRandom = createRandom(9042);
		return state.cartRandom;
	};
	const uuid = () => random().uuid();
	const hex32 = () =>
		Array.from({ length: 32 }, () => Math.floor(random().next() * 16).toString(16)).join('');
	const storeUrl = () =>
		(state.storeInfo && state.storeInfo.secure_url) || 'https://sandbox-store.example.com';

	/** The product (and variant) a line item refers to, from the catalog when it is loaded. */
	function findProduct(productId) {
		const products = state.catalog && state.catalog.products;
		if (products && typeof products.get === 'function') return products.get(productId);
		return fallbackProduct(productId);
	}

	/**
	 * Resolves a requested line item to a priced item, or returns an error message.
	 * @returns {{ item?: object, error?: string }}
	 */
	function priceItem(input, { checkStock = true } = {}) {
		const product = findProduct(input.product_id);
		if (!product) return { error: `Product ${input.product_id} does not exist.`, status: 404 };
		const variants = product.variants || [];
		let variant;
		if (input.variant_id !== undefined) {
			variant = variants.find((v) => v.id === input.variant_id);
			if (!variant)
				return {
					error: `Variant ${input.variant_id} does not belong to product ${input.product_id}.`,
					status: 404,
				};
		} else if (variants.length > 1) {
			return {
				error: `Product ${input.product_id} has options: send variant_id (or option_selections) for the line item.`,
			};
		} else {
			variant = variants[0];
		}
		if (product.availability === 'disabled')
			return { error: `Product ${input.product_id} is not available for purchase.` };
		if (checkStock) {
			const tracking = product.inventory_tracking;
			const stock =
				tracking === 'product'
					? product.inventory_level
					: tracking === 'variant' && variant
						? variant.inventory_level
						: Infinity;
			if (stock < input.quantity) return { error: `Only ${stock} of "${product.name}" in stock.` };
		}
		const price = variant && typeof variant.price === 'number' ? variant.price : product.price;
		const sale =
			variant && typeof variant.sale_price === 'number' && variant.sale_price > 0
				? variant.sale_price
				: product.sale_price > 0
					? product.sale_price
					: price;
		const image = product.images && product.images[0];
		const listPrice = typeof input.list_price === 'number' ? input.list_price : price;
		return {
			item: {
				id: uuid(),
				product_id: product.id,
				variant_id: variant ? variant.id : product.id,
				sku: (variant && variant.sku) || product.sku || '',
				name: input.name || product.name,
				url: `${storeUrl()}${(product.custom_url && product.custom_url.url) || `/${slug(product.name)}/`}`,
				image_url: image
					? image.url_standard || image.image_url
					: `${storeUrl()}/images/placeholder.png`,
				quantity: input.quantity,
				original_price: round2(price),
				list_price: round2(listPrice),
				sale_price: round2(typeof input.list_price === 'number' ? input.list_price : sale),
				is_digital: product.type === 'digital',
				options: (variant && variant.option_values ? variant.option_values : []).map((v) => ({
					name: v.option_display_name,
					nameId: v.option_id,
					value: v.label,
					valueId: v.id,
				})),
				option_selections: input.option_selections || [],
			},
		};
	}

	function itemView(item, includeOptions) {
		const out = {
			id: item.id,
			variant_id: item.variant_id,
			product_id: item.product_id,
			sku: item.sku,
			name: item.name,
			url: item.url,
			quantity: item.quantity,
			taxable: true,
			image_url: item.image_url,
			discounts: [],
			coupons: [],
			discount_amount: 0,
			coupon_amount: 0,
			original_price: item.original_price,
			list_price: item.list_price,
			sale_price: item.sale_price,
			extended_list_price: round2(item.list_price * item.quantity),
			extended_sale_price: round2(item.sale_price * item.quantity),
			is_require_shipping: !item.is_digital,
			is_mutable: true,
			added_by_promotion: false,
		};
		if (includeOptions) out.options = item.options;
		return out;
	}

	const allItems = (cart) => cart.line_items;
	const totals = (cart) => {
		const base = round2(
			allItems(cart).reduce((sum, item) => sum + item.sale_price * item.quantity, 0),
		);
		return { base_amount: base, discount_amount: 0, cart_amount: base };
	};

	function redirectUrls(cart, queryParams) {
		const token = hex32() + hex32();
		const extra =
			queryParams && typeof queryParams === 'object'
				? Object.entries(queryParams)
						.map(([k, v]) => `&${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
						.join('')
				: '';
		const base = `${storeUrl()}/cart.php`;
		cart.redirect_tokens = [...(cart.redirect_tokens || []), token];
		return {
			cart_url: `${base}?action=load&id=${cart.id}&token=${token}${extra}`,
			checkout_url: `${base}?action=loadInCheckout&id=${cart.id}&token=${token}${extra}`,
			embedded_checkout_url: `${base}?embedded=1&action=loadInCheckout&id=${cart.id}&token=${token}${extra}`,
		};
	}

	/** The V3 cart body (Cart_Full). */
	function cartView(cart, includes = []) {
		const physicalOptions = includes.includes('line_items.physical_items.options');
		const digitalOptions = includes.includes('line_items.digital_items.options');
		const out = {
			id: cart.id,
			customer_id: cart.customer_id,
			channel_id: cart.channel_id,
			email: cart.email,
			currency: { code: cart.currency },
			tax_included: false,
			...totals(cart),
			manual_discount_amount: 0,
			coupons: [],
			discounts: [],
			line_items: {
				physical_items: cart.line_items
					.filter((i) => !i.is_digital)
					.map((i) => itemView(i, physicalOptions)),
				digital_items: cart.line_items
					.filter((i) => i.is_digital)
					.map((i) => itemView(i, digitalOptions)),
				gift_certificates: [],
				custom_items: [],
			},
			created_time: iso(cart.created_time),
			updated_time: iso(cart.updated_time),
			locale: cart.locale,
			version: cart.version,
		};
		if (includes.includes('redirect_urls')) out.redirect_urls = redirectUrls(cart);
		return out;
	}
	sandbox.cartView = cartView;

	/** A live cart (not deleted, not converted into an order). */
	const liveCart = (id) => {
		const cart = state.carts.get(String(id).toLowerCase());
		return cart && cart.status !== 'converted' ? cart : undefined;
	};
	const notFound = (id) => v3Error(404, `Cart ${id} was not found.`);
	const cartResponse = (cart, q, status = 200) => ({
		status,
		body: { data: cartView(cart, csv(q.include)), meta: {} },
	});
	/** Emits store/cart/<event> for the cart, on the cart's channel (webhooks filter by channel). */
	const emitCart = (cart, event, extra = {}) =>
		sandbox.emit(
			`store/cart/${event}`,
			{ type: 'cart', id: cart.id, ...extra },
			{ channelId: cart.channel_id },
		);
	/** Emits store/cart/lineItem/<event> for one line item of the cart. */
	const emitLineItem = (cart, item, event) =>
		sandbox.emit(
			`store/cart/lineItem/${event}`,
			{ type: 'cart_line_item', id: item.id, cartId: cart.id },
			{ channelId: cart.channel_id },
		);
	const touch = (cart) => {
		cart.updated_time = sandbox.now();
		cart.version += 1;
		// a cart that changes is no longer abandoned; a later abandonment gets a new event
		if (cart.status === 'abandoned') cart.status = 'active';
	};
	const versionConflict = (cart, body) =>
		body && body.version !== undefined && body.version !== cart.version
			? v3Error(
					409,
					'The request cannot be processed due to a possible conflict. Please review the changes and try again.',
				)
			: undefined;

	/** Validates requested line items; returns { items } or { error }. */
	function readLineItems(list, { required }) {
		if (list === undefined)
			return required
				? {
						error: v3Error(422, 'A cart needs at least one line item.', {
							line_items: 'error.path.missing',
						}),
					}
				: { items: [] };
		if (!Array.isArray(list))
			return {
				error: v3Error(422, 'line_items must be an array.', { line_items: 'must be an array' }),
			};
		if (required && !list.length)
			return {
				error: v3Error(422, 'A cart needs at least one line item.', {
					line_items: 'must not be empty',
				}),
			};
		const errors = {};
		const items = [];
		let missing;
		list.forEach((input, index) => {
			if (!input || typeof input !== 'object') {
				errors[`line_items[${index}]`] = 'must be an object';
				return;
			}
			if (!Number.isInteger(input.product_id) || input.product_id < 1)
				errors[`line_items[${index}].product_id`] = 'must be a positive integer';
			if (!Number.isInteger(input.quantity) || input.quantity < 1)
				errors[`line_items[${index}].quantity`] = 'must be a positive integer';
			if (input.variant_id !== undefined && !Number.isInteger(input.variant_id))
				errors[`line_items[${index}].variant_id`] = 'must be an integer';
			if (
				input.list_price !== undefined &&
				(typeof input.list_price !== 'number' || input.list_price < 0)
			)
				errors[`line_items[${index}].list_price`] = 'must be a number of 0 or more';
			if (Object.keys(errors).length) return;
			const priced = priceItem(input);
			if (priced.error) {
				errors[`line_items[${index}]`] = priced.error;
				if (priced.status === 404) missing = priced.error;
			} else items.push(priced.item);
		});
		// an unknown product or variant is a 404 (a status every endpoint may answer); other problems 422
		if (missing) return { error: v3Error(404, missing, errors) };
		if (Object.keys(errors).length)
			return { error: v3Error(422, 'The line items could not be added.', errors) };
		return { items };
	}

	const unsupported = (body) =>
		(body.custom_items && body.custom_items.length) ||
		(body.gift_certificates && body.gift_certificates.length)
			? v3Error(422, 'The sandbox does not support custom items or gift certificates in carts.', {
					custom_items: 'not supported',
					gift_certificates: 'not supported',
				})
			: undefined;

	/** Adds items, merging a product/variant already in the cart (BigCommerce adds to its quantity). */
	function addItems(cart, items) {
		for (const item of items) {
			const same = cart.line_items.find(
				(i) =>
					i.product_id === item.product_id &&
					i.variant_id === item.variant_id &&
					i.list_price === item.list_price &&
					!item.option_selections.length,
			);
			if (same) {
				same.quantity += item.quantity;
				emitLineItem(cart, same, 'updated');
			} else {
				cart.line_items.push(item);
				emitLineItem(cart, item, 'created');
			}
		}
	}

	function customerEmail(customerId) {
		const customers = state.customers;
		const customer = Array.isArray(customers)
			? customers.find((c) => c.id === customerId)
			: undefined;
		return customer ? customer.email : undefined;
	}

	function newCart(fields) {
		const now = sandbox.now();
		return {
			id: uuid(),
			customer_id: 0,
			channel_id: 1,
			email: '',
			currency: 'USD',
			locale: 'en',
			line_items: [],
			created_time: now,
			updated_time: now,
			version: 1,
			/** 'active' | 'abandoned' | 'converted' */
			status: 'active',
			abandoned_token: undefined,
			order_id: undefined,
			/** checkout billing address (with the guest's email), or undefined */
			billing_address: undefined,
			...fields,
		};
	}

	// ---------------------------------------------------------------- carts
	sandbox.route(
		'POST',
		'v3',
		'/carts',
		(ctx) => {
			const body = ctx.body;
			if (!body || typeof body !== 'object' || Array.isArray(body))
				return v3Error(422, 'The request body must be an object.', { body: 'must be an object' });
			const bad = unsupported(body);
			if (bad) return bad;
			const customerId = body.customer_id ?? 0;
			if (!Number.isInteger(customerId) || customerId < 0)
				return v3Error(422, 'customer_id must be an integer.', {
					customer_id: 'must be an integer',
				});
			const email = customerId ? customerEmail(customerId) : '';
			if (customerId && email === undefined && Array.isArray(state.customers))
				return v3Error(422, `Customer ${customerId} does not exist.`, {
					customer_id: 'unknown customer',
				});
			const channelId = body.channel_id ?? 1;
			if (!Number.isInteger(channelId) || channelId < 1)
				return v3Error(422, 'channel_id must be a positive integer.', {
					channel_id: 'must be a positive integer',
				});
			const read = readLineItems(body.line_items, { required: true });
			if (read.error) return read.error;
			const cart = newCart({
				customer_id: customerId,
				channel_id: channelId,
				email: email || '',
				currency: (body.currency && body.currency.code) || 'USD',
				locale: body.locale || 'en',
			});
			state.carts.set(cart.id, cart);
			emitCart(cart, 'created');
			addItems(cart, read.items);
			return cartResponse(cart, ctx.query, 201);
		},
		{ scope: CART_SCOPE },
	);

	sandbox.route(
		'GET',
		'v3',
		'/carts/:cartId',
		(ctx) => {
			const cart = liveCart(ctx.params.cartId);
			// the spec documents this 404 without content
			return cart ? cartResponse(cart, ctx.query) : { status: 404, body: undefined };
		},
		{ scope: CART_SCOPE },
	);

	sandbox.route(
		'PUT',
		'v3',
		'/carts/:cartId',
		(ctx) => {
			const cart = liveCart(ctx.params.cartId);
			if (!cart) return notFound(ctx.params.cartId);
			const body = ctx.body || {};
			const conflict = versionConflict(cart, body);
			if (conflict) return conflict;
			if (!Number.isInteger(body.customer_id) || body.customer_id < 0)
				return v3Error(422, 'customer_id must be an integer.', {
					customer_id: 'error.path.missing',
				});
			const email = body.customer_id ? customerEmail(body.customer_id) : '';
			if (body.customer_id && email === undefined && Array.isArray(state.customers))
				return v3Error(422, `Customer ${body.customer_id} does not exist.`, {
					customer_id: 'unknown customer',
				});
			cart.customer_id = body.customer_id;
			if (email) cart.email = email;
			touch(cart);
			emitCart(cart, 'updated');
			// the spec documents 201 for this update
			return cartResponse(cart, ctx.query, 201);
		},
		{ scope: CART_SCOPE },
	);

	sandbox.route(
		'DELETE',
		'v3',
		'/carts/:cartId',
		(ctx) => {
			const cart = liveCart(ctx.params.cartId);
			if (!cart) return notFound(ctx.params.cartId);
			state.carts.delete(cart.id);
			emitCart(cart, 'deleted');
			return noContent();
		},
		{ scope: CART_SCOPE },
	);

	sandbox.route(
		'POST',
		'v3',
		'/carts/:cartId/items',
		(ctx) => {
			const cart = liveCart(ctx.params.cartId);
			if (!cart) return notFound(ctx.params.cartId);
			const body = ctx.body;
			if (!body || typeof body !== 'object' || Array.isArray(body))
				return v3Error(422, 'The request body must be an object.', { body: 'must be an object' });
			const conflict = versionConflict(cart, body);
			if (conflict) return conflict;
			const bad = unsupported(body);
			if (bad) return bad;
			const read = readLineItems(body.line_items, { required: true });
			if (read.error) return read.error;
			addItems(cart, read.items);
			touch(cart);
			emitCart(cart, 'updated');
			return cartResponse(cart, ctx.query, 201);
		},
		{ scope: CART_SCOPE },
	);

	sandbox.route(
		'PUT',
		'v3',
		'/carts/:cartId/items/:itemId',
		(ctx) => {
			const cart = liveCart(ctx.params.cartId);
			if (!cart) return notFound(ctx.params.cartId);
			const item = cart.line_items.find((i) => i.id === ctx.params.itemId);
			if (!item) return v3Error(404, `Line item ${ctx.params.itemId} is not in cart ${cart.id}.`);
			const body = ctx.body || {};
			const conflict = versionConflict(cart, body);
			if (conflict) return conflict;
			const input = body.line_item;
			if (!input || typeof input !== 'object')
				return v3Error(422, 'line_item is required.', { line_item: 'error.path.missing' });
			if (!Number.isInteger(input.product_id))
				return v3Error(422, 'line_item.product_id is required.', {
					'line_item.product_id': 'error.path.missing',
				});
			if (!Number.isInteger(input.quantity) || input.quantity < 1)
				return v3Error(422, 'line_item.quantity must be a positive integer.', {
					'line_item.quantity': 'must be a positive integer',
				});
			if (input.product_id !== item.product_id)
				return v3Error(
					422,
					`Line item ${item.id} holds product ${item.product_id}, not ${input.product_id}.`,
					{ 'line_item.product_id': 'does not match the line item' },
				);
			const priced = priceItem({
				...input,
				variant_id: input.variant_id ?? item.variant_id,
				list_price:
					input.list_price ??
					(item.list_price !== item.original_price ? item.list_price : undefined),
			});
			if (priced.error)
				return v3Error(priced.status || 422, priced.error, { line_item: priced.error });
			Object.assign(item, { ...priced.item, id: item.id, name: item.name });
			touch(cart);
			emitLineItem(cart, item, 'updated');
			emitCart(cart, 'updated');
			return cartResponse(cart, ctx.query, 200);
		},
		{ scope: CART_SCOPE },
	);

	sandbox.route(
		'DELETE',
		'v3',
		'/carts/:cartId/items/:itemId',
		(ctx) => {
			const cart = liveCart(ctx.params.cartId);
			if (!cart) return notFound(ctx.params.cartId);
			const index = cart.line_items.findIndex((i) => i.id === ctx.params.itemId);
			if (index < 0)
				return v3Error(404, `Line item ${ctx.params.itemId} is not in cart ${cart.id}.`);
			const conflict = versionConflict(cart, ctx.body);
			if (conflict) return conflict;
			const [item] = cart.line_items.splice(index, 1);
			emitLineItem(cart, item, 'deleted');
			if (!cart.line_items.length) {
				// removing the last item deletes the cart: 204 with no body
				state.carts.delete(cart.id);
				emitCart(cart, 'deleted');
				return noContent();
			}
			touch(cart);
			emitCart(cart, 'updated');
			return cartResponse(cart, ctx.query, 200);
		},
		{ scope: CART_SCOPE },
	);

	sandbox.route(
		'POST',
		'v3',
		'/carts/:cartId/redirect_urls',
		(ctx) => {
			const cart = liveCart(ctx.params.cartId);
			if (!cart) return notFound(ctx.params.cartId);
			const params = ctx.body && ctx.body.query_params;
			if (
				params !== undefined &&
				(params === null || typeof params !== 'object' || Array.isArray(params))
			) {
				return v3Error(422, 'query_params must be an object.', {
					query_params: 'must be an object',
				});
			}
			return { status: 201, body: { data: redirectUrls(cart, params), meta: {} } };
		},
		{ scope: CART_SCOPE },
	);

	// ---------------------------------------------------------------- abandoned carts
	sandbox.route(
		'GET',
		'v3',
		'/abandoned-carts/:token',
		(ctx) => {
			const token = String(ctx.params.token).toLowerCase();
			if (!/^[0-9a-f]{32}$/.test(token) && !UUID.test(token))
				return v3Error(400, `The token "${ctx.params.token}" is not a valid abandoned cart token.`);
			const cartId = state.abandonedCartTokens.get(token.replace(/-/g, ''));
			if (!cartId) return v3Error(404, `No abandoned cart has the token ${ctx.params.token}.`);
			return { status: 200, body: { data: { cart_id: cartId }, meta: {} } };
		},
		{ scope: INFO_SCOPE },
	);

	// ---------------------------------------------------------------- checkouts
	function checkoutItem(item, includeOptions) {
		const view = itemView(item, false);
		const out = {
			quantity: view.quantity,
			id: view.id,
			variant_id: view.variant_id,
			product_id: view.product_id,
			sku: view.sku,
			name: view.name,
			url: view.url,
			is_taxable: true,
			image_url: view.image_url,
			discounts: [],
			discount_amount: 0,
			coupon_amount: 0,
			original_price: view.original_price,
			list_price: view.list_price,
			sale_price: view.sale_price,
			extended_list_price: view.extended_list_price,
			extended_sale_price: view.extended_sale_price,
			comparison_price: view.list_price,
			extended_comparison_price: view.extended_list_price,
			is_require_shipping: view.is_require_shipping,
			is_mutable: true,
			added_by_promotion: false,
			parent_id: null,
		};
		if (includeOptions) out.options = item.options;
		return out;
	}

	function checkoutView(cart, includes = []) {
		const physicalOptions = includes.includes('cart.line_items.physical_items.options');
		const digitalOptions = includes.includes('cart.line_items.digital_items.options');
		const { base_amount } = totals(cart);
		const out = {
			id: cart.id,
			cart: {
				id: cart.id,
				customer_id: cart.customer_id,
				email: cart.email,
				currency: { code: cart.currency },
				tax_included: false,
				base_amount,
				channel_id: cart.channel_id,
				discount_amount: 0,
				cart_amount_inc_tax: base_amount,
				cart_amount_ex_tax: base_amount,
				coupons: [],
				discounts: [],
				line_items: {
					physical_items: cart.line_items
						.filter((i) => !i.is_digital)
						.map((i) => checkoutItem(i, physicalOptions)),
					digital_items: cart.line_items
						.filter((i) => i.is_digital)
						.map((i) => {
							// digital items carry no gift wrapping
							const { gift_wrapping, ...rest } = checkoutItem(i, digitalOptions);
							void gift_wrapping;
							return rest;
						}),
					gift_certificates: [],
					custom_items: [],
				},
				created_time: iso(cart.created_time),
				updated_time: iso(cart.updated_time),
			},
			consignments: [],
			taxes: [{ name: 'Tax', amount: 0 }],
			coupons: [],
			fees: [],
			order_id: cart.order_id === undefined ? null : String(cart.order_id),
			shipping_cost_total_inc_tax: 0,
			shipping_cost_total_ex_tax: 0,
			handling_cost_total_inc_tax: 0,
			handling_cost_total_ex_tax: 0,
			tax_total: 0,
			subtotal_inc_tax: base_amount,
			subtotal_ex_tax: base_amount,
			grand_total: base_amount,
			created_time: iso(cart.created_time),
			updated_time: iso(cart.updated_time),
			customer_message: '',
			promotions: [],
			version: cart.version,
		};
		if (cart.billing_address) out.billing_address = { ...cart.billing_address, custom_fields: [] };
		return out;
	}

	sandbox.route(
		'GET',
		'v3',
		'/checkouts/:checkoutId',
		(ctx) => {
			// checkouts of converted carts stay readable and carry the order id
			const cart = state.carts.get(String(ctx.params.checkoutId).toLowerCase());
			if (!cart) {
				return {
					status: 404,
					body: {
						errors: [
							{
								status: 404,
								title: `Checkout ${ctx.params.checkoutId} was not found.`,
								type: 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes',
								detail: 'The checkout id is the id of its cart.',
							},
						],
					},
				};
			}
			return { status: 200, body: { data: checkoutView(cart, csv(ctx.query.include)), meta: {} } };
		},
		{ scope: 'store_checkouts', readScopes: CHECKOUT_READ_SCOPES },
	);

	// ---------------------------------------------------------------- events and controls
	/** Marks a cart abandoned, gives it an abandoned-cart token and emits store/cart/abandoned. */
	sandbox.abandonCart = (cartId) => {
		const cart = liveCart(cartId);
		if (!cart) throw new Error(`Cart ${cartId} does not exist (or was converted)`);
		cart.status = 'abandoned';
		if (!cart.abandoned_token) {
			cart.abandoned_token = hex32();
			state.abandonedCartTokens.set(cart.abandoned_token, cart.id);
		}
		emitCart(cart, 'abandoned', { token: cart.abandoned_token });
		return { id: cart.id, token: cart.abandoned_token };
	};

	/**
	 * Places a V2 order for a cart through the orders module's own POST /v2/orders (status Awaiting
	 * Fulfillment, the cart's items at the cart's prices, `cart_id` set). Undefined without that module.
	 */
	function placeOrder(cart) {
		const route = sandbox.routes.find(
			(r) => r.method === 'POST' && r.version === 'v2' && r.pattern === '/orders',
		);
		if (!route || !Array.isArray(state.orders) || !cart.line_items.length) return undefined;
		const customers = Array.isArray(state.customers) ? state.customers : [];
		const customer = customers.find((c) => c.id === cart.customer_id);
		const saved =
			customer && Array.isArray(state.customerAddresses)
				? state.customerAddresses.find((a) => a.customer_id === customer.id)
				: undefined;
		const from = cart.billing_address || saved;
		const billing = {
			first_name: (from && from.first_name) || (customer && customer.first_name) || 'Guest',
			last_name: (from && from.last_name) || (customer && customer.last_name) || 'Shopper',
			street_1: (from && from.address1) || '1 Loopback Way',
			city: (from && from.city) || 'Austin',
			state: (from && from.state_or_province) || 'Texas',
			zip: (from && from.postal_code) || '78701',
			country_iso2: (from && from.country_code) || 'US',
			email:
				cart.email || (from && from.email) || (customer && customer.email) || 'guest@example.com',
			phone: (from && from.phone) || '',
		};
		const response = route.handler({
			method: 'POST',
			version: 'v2',
			path: '/orders',
			query: {},
			params: {},
			headers: {},
			state,
			sandbox,
			body: {
				customer_id: cart.customer_id,
				channel_id: cart.channel_id,
				status_id: 11,
				order_source: 'www',
				billing_address: billing,
				products: cart.line_items.map((item) => ({
					product_id: item.product_id,
					variant_id: item.variant_id,
					quantity: item.quantity,
					price_ex_tax: item.sale_price,
				})),
			},
		});
		if (!response || response.status >= 300 || !response.body) return undefined;
		const order = state.orders.find((o) => o.id === response.body.id);
		if (order) order.cart_id = cart.id;
		return response.body.id;
	}

	/**
	 * Turns a cart into an order (the cart is gone from /carts) and emits store/cart/converted.
	 * The order: `options.orderId` if given, else `sandbox.createOrderFromCart(cart)` if a module
	 * offers it, else a real V2 order placed through POST /v2/orders, else a made-up id (90001...).
	 */
	sandbox.convertCart = (cartId, options = {}) => {
		const cart = liveCart(cartId);
		if (!cart) throw new Error(`Cart ${cartId} does not exist (or was converted)`);
		let orderId = options.orderId;
		if (orderId === undefined && typeof sandbox.createOrderFromCart === 'function')
			orderId = sandbox.createOrderFromCart(cart);
		if (orderId === undefined) orderId = placeOrder(cart);
		if (orderId === undefined) orderId = 90000 + sandbox.nextId('convertedCartOrders');
		cart.status = 'converted';
		cart.order_id = orderId;
		cart.updated_time = sandbox.now();
		emitCart(cart, 'converted', { orderId });
		return { id: cart.id, orderId };
	};

	if (typeof sandbox.registerControl === 'function') {
		const control = (fn) => (ctx) => {
			try {
				return { status: 200, body: fn(ctx) };
			} catch (error) {
				return { status: 404, body: { error: error.message } };
			}
		};
		sandbox.registerControl(
			'POST',
			'/carts/:id/abandon',
			control((ctx) => sandbox.abandonCart(ctx.params.id)),
		);
		sandbox.registerControl(
			'POST',
			'/carts/:id/convert',
			control((ctx) => sandbox.convertCart(ctx.params.id, ctx.body || {})),
		);
	}

	sandbox.__cartInternals = { newCart, priceItem, addItems };
}

/**
 * Seeded carts, by role (state.cartFixtures):
 *   abandonedCustomer      customer 2's cart, abandoned; email known from the customer
 *   abandonedCustomer2     customer 5's cart, abandoned
 *   abandonedGuestEmail    guest cart whose checkout billing address has an email, abandoned
 *   abandonedGuestNoEmail  guest cart, no email anywhere, abandoned
 *   active                 customer 3's cart, recently changed, not abandoned
 *   activeGuest            guest cart, not abandoned
 *   converted              customer 4's cart: abandoned, recovered, then converted into an order
 */
function seed(sandbox, seedOptions = {}) {
	const state = sandbox.state;
	state.cartRandom = createRandom((seedOptions.seed ?? 42) + 9000);
	state.carts = new Map();
	state.abandonedCartTokens = new Map();
	const { newCart, priceItem } = sandbox.__cartInternals;
	const customers = Array.isArray(state.customers) ? state.customers : [];
	const customer = (n) => customers[(n - 1) % Math.max(1, customers.length)];
	const random = state.cartRandom;

	// products that can be bought: single-variant and in stock
	const products = [];
	const catalogProducts = state.catalog && state.catalog.products;
	if (catalogProducts && typeof catalogProducts.values === 'function') {
		for (const p of catalogProducts.values()) {
			if (products.length >= 12) break;
			if (p.availability === 'disabled' || !p.is_visible) continue;
			const priced = priceItem({
				product_id: p.id,
				variant_id: (p.variants || [])[0] && p.variants[0].id,
				quantity: 1,
			});
			if (priced.item) products.push(p.id);
		}
	}
	if (!products.length) for (let id = 1; id <= 12; id++) products.push(id);

	const make = (
		role,
		{ customerN, hoursAgo, items, billingEmail, status, orderId, cartId, override },
	) => {
		const c = customerN ? customer(customerN) : undefined;
		const at = SEED_EPOCH - hoursAgo * HOUR;
		const cart = newCart({
			id: cartId || random.uuid(),
			customer_id: c ? c.id : 0,
			email: c ? c.email : billingEmail || '',
			created_time: at - 2 * HOUR,
			updated_time: at,
			version: 1 + items.length,
		});
		for (const [k, quantity] of items) {
			const productId = products[k % products.length];
			const product =
				catalogProducts && catalogProducts.get ? catalogProducts.get(productId) : undefined;
			const variantId =
				product && product.variants && product.variants[0] ? product.variants[0].id : undefined;
			const priced = priceItem(
				{ product_id: productId, variant_id: variantId, quantity },
				{ checkStock: false },
			);
			if (priced.item) cart.line_items.push(priced.item);
		}
		if (billingEmail) {
			cart.billing_address = {
				id: String(random.int(10, 99)),
				first_name: 'Robin',
				last_name: 'Guest',
				email: billingEmail,
				company: '',
				address1: '77 Harbor Road',
				address2: '',
				city: 'Portland',
				state_or_province: 'Oregon',
				state_or_province_code: 'OR',
				country_code: 'US',
				postal_code: '97205',
				phone: '5035550142',
			};
		}
		if (override) Object.assign(cart, override);
		state.carts.set(cart.id, cart);
		const fixture = { id: cart.id, email: cart.email || undefined, customerId: cart.customer_id };
		if (status === 'abandoned' || status === 'converted') {
			cart.status = 'abandoned';
			cart.abandoned_token = Array.from({ length: 32 }, () =>
				Math.floor(random.next() * 16).toString(16),
			).join('');
			state.abandonedCartTokens.set(cart.abandoned_token, cart.id);
			fixture.token = cart.abandoned_token;
		}
		if (status === 'converted') {
			cart.status = 'converted';
			cart.order_id = orderId;
			fixture.orderId = orderId;
		}
		return [role, fixture];
	};

	const hasCustomers = customers.length > 0;
	// the converted cart is an order's cart when the orders seed is loaded (same cart id, same order id)
	const orders = Array.isArray(state.orders) ? state.orders : [];
	const convertedCustomer = hasCustomers ? customer(4) : undefined;
	const order =
		orders.find(
			(o) =>
				convertedCustomer &&
				o.customer_id === convertedCustomer.id &&
				typeof o.cart_id === 'string' &&
				/^[0-9a-f-]{36}$/i.test(o.cart_id),
		) || orders.find((o) => typeof o.cart_id === 'string' && /^[0-9a-f-]{36}$/i.test(o.cart_id));
	const fixtures = [
		make('abandonedCustomer', {
			customerN: hasCustomers ? 2 : 0,
			hoursAgo: 5,
			items: [
				[0, 1],
				[1, 2],
			],
			status: 'abandoned',
			billingEmail: hasCustomers ? undefined : 'shopper2@example.com',
		}),
		make('abandonedCustomer2', {
			customerN: hasCustomers ? 5 : 0,
			hoursAgo: 30,
			items: [[2, 1]],
			status: 'abandoned',
			billingEmail: hasCustomers ? undefined : 'shopper5@example.com',
		}),
		make('abandonedGuestEmail', {
			hoursAgo: 3,
			items: [
				[3, 1],
				[4, 1],
			],
			status: 'abandoned',
			billingEmail: 'guest.buyer@example.net',
		}),
		make('abandonedGuestNoEmail', { hoursAgo: 8, items: [[5, 3]], status: 'abandoned' }),
		make('active', {
			customerN: hasCustomers ? 3 : 0,
			hoursAgo: 0.2,
			items: [[6, 1]],
			status: 'active',
		}),
		make('activeGuest', { hoursAgo: 0.5, items: [[7, 2]], status: 'active' }),
		make('converted', {
			customerN: hasCustomers ? 4 : 0,
			hoursAgo: 48,
			items: [[8, 1]],
			status: 'converted',
			orderId: order ? order.id : 100,
			cartId: order ? order.cart_id.toLowerCase() : undefined,
			override: order
				? { customer_id: order.customer_id || 0, email: order.email || '' }
				: undefined,
		}),
	];
	state.cartFixtures = Object.fromEntries(fixtures);
}

module.exports = { register, seed };
