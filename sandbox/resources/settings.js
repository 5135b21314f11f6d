'use strict';
/**
 * Store settings: V2 shipping zones and methods, V2 payment methods, V2 tax classes, V3 channels
 * and channel listings.
 *
 * Scopes: shipping and tax classes store_v2_information; payment methods store_payments_methods_read
 * (a read scope with no _read_only variant); channels store_channel_settings; listings
 * store_channel_listings.
 *
 * Seed: 3 shipping zones (US, Canada, rest of the world) with methods; 5 payment methods; 5 tax
 * classes; channels 1 (BigCommerce storefront), 2 (a second storefront), 3 (Amazon marketplace) with
 * listings on channel 3.
 */
const {
	v2Error,
	v2List,
	v2One,
	v3Error,
	v3One,
	v3List,
	noContent,
	csv,
} = require('../core/respond');

const DAY = 24 * 60 * 60 * 1000;
const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

const ZONE_TYPES = ['zip', 'country', 'state', 'global'];
const METHOD_TYPES = [
	'perorder',
	'peritem',
	'weight',
	'total',
	'auspost',
	'canadapost',
	'endicia',
	'usps',
	'fedex',
	'royalmail',
	'upsready',
	'freeshipping',
];
const CHANNEL_STATUSES = [
	'active',
	'prelaunch',
	'inactive',
	'connected',
	'disconnected',
	'archived',
	'deleted',
	'terminated',
];
const CHANNEL_TYPES = ['pos', 'marketplace', 'storefront', 'marketing'];
const LISTING_STATES = [
	'active',
	'disabled',
	'error',
	'pending',
	'pending_disable',
	'pending_delete',
	'partially_rejected',
	'queued',
	'rejected',
	'submitted',
	'deleted',
];
const VARIANT_STATES = LISTING_STATES.filter((s) => s !== 'partially_rejected');

// ---------------------------------------------------------------------------------------------
// Seed

/** Products and variants to list on the marketplace: the catalog's when it is seeded, else fixed. */
function productRefs(sandbox) {
	const products = sandbox.state.products;
	// iterate (do not copy): the catalog may hold 100k products
	const list =
		products instanceof Map ? products.values() : Array.isArray(products) ? products : [];
	const refs = [];
	for (const product of list) {
		if (!product || typeof product.id !== 'number') continue;
		const variants = Array.isArray(product.variants)
			? product.variants.filter((v) => v && typeof v.id === 'number')
			: [];
		refs.push({
			product_id: product.id,
			name: product.name || `Product ${product.id}`,
			variant_ids: variants.length
				? variants.slice(0, 3).map((v) => v.id)
				: [product.base_variant_id || product.id + 1000],
		});
		if (refs.length === 4) break;
	}
	if (refs.length) return refs;
	return [
		{ product_id: 77, name: 'Fog Linen Chambray Towel - Beige Stripe', variant_ids: [1, 2] },
		{ product_id: 80, name: 'Orbit Terrarium - Large', variant_ids: [3] },
		{ product_id: 81, name: 'Orbit Terrarium - Small', variant_ids: [4] },
		{ product_id: 86, name: 'Able Brewing System', variant_ids: [5, 6, 7] },
	];
}

function seed(sandbox) {
	const now = sandbox.now();
	const state = sandbox.state;
	state.shippingZones = [];
	state.shippingMethods = [];
	const zone = (fields, methods) => {
		const record = {
			id: sandbox.nextId('shippingZone'),
			name: fields.name,
			type: fields.type,
			locations: (fields.locations || []).map((loc) => ({
				id: sandbox.nextId('shippingLocation'),
				...loc,
			})),
			free_shipping: fields.free_shipping || {
				enabled: false,
				minimum_sub_total: '0.0000',
				exclude_fixed_shipping_products: false,
			},
			handling_fees: fields.handling_fees || {
				fixed_surcharge: '0.0000',
				display_separately: true,
			},
			enabled: fields.enabled ?? true,
		};
		state.shippingZones.push(record);
		for (const method of methods) {
			state.shippingMethods.push({
				id: sandbox.nextId('shippingMethod'),
				zone_id: record.id,
				name: method.name,
				type: method.type,
				settings: method.settings || {},
				enabled: method.enabled ?? true,
				handling_fees: { fixed_surcharge: method.surcharge ?? 0 },
				is_fallback: false,
				channel_ids: method.channel_ids || [1, 2],
			});
		}
	};
	zone(
		{
			name: 'United States',
			type: 'country',
			locations: [{ country_iso2: 'US' }],
			free_shipping: {
				enabled: true,
				minimum_sub_total: '75.0000',
				exclude_fixed_shipping_products: false,
			},
		},
		[
			{ name: 'Flat Rate', type: 'perorder', settings: { rate: 7.95 } },
			{
				name: 'Ship by Weight',
				type: 'weight',
				settings: {
					default_cost: 5,
					default_cost_type: 'fixed_amount',
					range: [{ lower_limit: 0, upper_limit: 10, shipping_cost: 6.5 }],
				},
			},
			{
				name: 'USPS by Endicia',
				type: 'endicia',
				settings: {
					delivery_services: ['PriorityExpress', 'Priority'],
					packaging: ['FlatRateEnvelope'],
				},
			},
		],
	);
	zone(
		{
			name: 'Canada',
			type: 'country',
			locations: [{ country_iso2: 'CA' }],
			handling_fees: { fixed_surcharge: '2.5000', display_separately: false },
		},
		[
			{ name: 'Flat Rate', type: 'perorder', settings: { rate: 14.95 } },
			{ name: 'Per Item', type: 'peritem', settings: { rate: 3.5 }, enabled: false },
		],
	);
	zone({ name: 'Rest of the World', type: 'global' }, [
		{
			name: 'International Flat Rate',
			type: 'perorder',
			settings: { rate: 29.95 },
			channel_ids: [1],
		},
	]);

	state.paymentMethods = [
		{ code: 'braintree', name: 'Braintree', test_mode: false },
		{ code: 'paypalcommerce', name: 'PayPal powered by Braintree', test_mode: false },
		{ code: 'cod', name: 'Cash on Delivery', test_mode: false },
		{ code: 'cheque', name: 'Check', test_mode: false },
		{ code: 'testgateway', name: 'Test Payment Gateway', test_mode: true },
	];

	const created = iso(now - 400 * DAY);
	state.taxClasses = [
		{ id: '0', name: 'Default Tax Class', created_at: created, updated_at: created },
		{ id: '1', name: 'Non-Taxable Products', created_at: created, updated_at: created },
		{ id: '2', name: 'Shipping', created_at: created, updated_at: created },
		{ id: '3', name: 'Gift Wrapping', created_at: created, updated_at: created },
		{ id: '4', name: 'Clothing', created_at: iso(now - 90 * DAY), updated_at: iso(now - 30 * DAY) },
	];

	state.channels = [];
	const channel = (fields) => {
		const id = fields.id ?? sandbox.nextId('channel', 2);
		state.channels.push({
			id,
			external_id: fields.external_id ?? '',
			is_listable_from_ui: fields.is_listable_from_ui ?? true,
			is_enabled: fields.status === 'active' || fields.status === 'connected',
			is_visible: fields.is_visible ?? true,
			status: fields.status,
			name: fields.name,
			type: fields.type,
			platform: fields.platform,
			date_created: iso(fields.created),
			date_modified: iso(fields.modified ?? fields.created),
			icon_url: fields.icon_url,
		});
	};
	sandbox.state.counters.channel = Math.max(sandbox.state.counters.channel ?? 0, 1);
	channel({
		id: 1,
		name: 'Sandbox Outfitters',
		type: 'storefront',
		platform: 'bigcommerce',
		status: 'active',
		created: now - 400 * DAY,
		icon_url:
			'https://storage.googleapis.com/bigcommerce-production-dev-center/images/bigcommerce_icon.svg',
	});
	channel({
		name: 'Sandbox Outfitters EU',
		type: 'storefront',
		platform: 'bigcommerce',
		status: 'prelaunch',
		created: now - 60 * DAY,
		modified: now - 5 * DAY,
		icon_url:
			'https://storage.googleapis.com/bigcommerce-production-dev-center/images/bigcommerce_icon.svg',
	});
	channel({
		name: 'Amazon US',
		type: 'marketplace',
		platform: 'amazon',
		status: 'connected',
		external_id: 'A1F83G8C2ARO7P',
		created: now - 200 * DAY,
		modified: now - 20 * DAY,
		is_listable_from_ui: true,
		icon_url:
			'https://storage.googleapis.com/bigcommerce-production-dev-center/images/amazon_icon.svg',
	});

	// storefront sites (GET /v3/channels/{id}/site): the default storefront on the store's domain,
	// the second storefront on its own; the marketplace channel has none
	state.sites = [
		{ id: 1000, channel_id: 1, url: 'https://sandbox-store.example.com/' },
		{ id: 1001, channel_id: 2, url: 'https://eu.sandbox-store.example.com/' },
	].map((site) => ({
		...site,
		created_at: iso(now - 400 * DAY),
		updated_at: iso(now - 30 * DAY),
		ssl_status: 'shared',
		urls: [
			{
				url: site.url,
				type: 'primary',
				created_at: iso(now - 400 * DAY),
				updated_at: iso(now - 30 * DAY),
			},
			{
				url: site.url,
				type: 'canonical',
				created_at: iso(now - 400 * DAY),
				updated_at: iso(now - 30 * DAY),
			},
		],
		is_checkout_url_customized: false,
	}));

	state.listings = [];
	productRefs(sandbox).forEach((ref, index) => {
		const at = iso(now - (30 - index) * DAY);
		const listingState = index === 3 ? 'pending' : 'active';
		state.listings.push({
			channel_id: 3,
			listing_id: sandbox.nextId('listing'),
			external_id: `AMZ-${String(ref.product_id).padStart(6, '0')}`,
			product_id: ref.product_id,
			state: listingState,
			name: ref.name,
			description: `${ref.name} listed on Amazon`,
			date_created: at,
			date_modified: at,
			variants: ref.variant_ids.map((variantId) => ({
				channel_id: 3,
				product_id: ref.product_id,
				variant_id: variantId,
				external_id: `AMZ-${ref.product_id}-${variantId}`,
				state: listingState,
				name: ref.name,
				description: '',
				date_created: at,
				date_modified: at,
			})),
		});
	});
}

// ---------------------------------------------------------------------------------------------
// Shipping (V2)

const publicMethod = ({ zone_id, ...method }) => method;

function validateZone(body, partial) {
	const errors = [];
	if (!partial && (typeof body.name !== 'string' || !body.name.trim()))
		errors.push("The required field 'name' was not supplied.");
	if (!partial && body.type === undefined)
		errors.push("The required field 'type' was not supplied.");
	if (body.type !== undefined && !ZONE_TYPES.includes(body.type))
		errors.push(`The field 'type' must be one of ${ZONE_TYPES.join(', ')}.`);
	if (body.locations !== undefined && !Array.isArray(body.locations))
		errors.push("The field 'locations' must be a list.");
	return errors.length ? v2Error(400, errors.join(' ')) : undefined;
}

function validateMethod(body, partial) {
	const errors = [];
	if (!partial && (typeof body.name !== 'string' || !body.name.trim()))
		errors.push("The required field 'name' was not supplied.");
	if ((!partial || body.type !== undefined) && !METHOD_TYPES.includes(body.type))
		errors.push(`The field 'type' must be one of ${METHOD_TYPES.join(', ')}.`);
	if (body.settings !== undefined && (typeof body.settings !== 'object' || body.settings === null))
		errors.push("The field 'settings' must be an object.");
	return errors.length ? v2Error(400, errors.join(' ')) : undefined;
}

function registerShipping(sandbox) {
	const state = sandbox.state;
	const opts = { scope: 'store_v2_information' };
	const findZone = (id) => state.shippingZones.find((z) => String(z.id) === String(id));
	const isObject = (body) => body && typeof body === 'object' && !Array.isArray(body);
	const list = (items) => (items.length ? { status: 200, body: items } : noContent());

	sandbox.route('GET', 'v2', '/shipping/zones', () => list(state.shippingZones), opts);
	sandbox.route(
		'POST',
		'v2',
		'/shipping/zones',
		(ctx) => {
			if (!isObject(ctx.body))
				return v2Error(400, 'The request body must be a shipping zone object.');
			const invalid = validateZone(ctx.body, false);
			if (invalid) return invalid;
			const { name, type, locations = [], free_shipping, handling_fees, enabled } = ctx.body;
			const record = {
				id: sandbox.nextId('shippingZone'),
				name,
				type,
				locations: locations.map((loc) => ({ id: sandbox.nextId('shippingLocation'), ...loc })),
				free_shipping: free_shipping || {
					enabled: false,
					minimum_sub_total: '0.0000',
					exclude_fixed_shipping_products: false,
				},
				handling_fees: handling_fees || { fixed_surcharge: '0.0000', display_separately: true },
				enabled: enabled ?? true,
			};
			state.shippingZones.push(record);
			return v2One(record, 201);
		},
		opts,
	);
	sandbox.route(
		'GET',
		'v2',
		'/shipping/zones/:id',
		(ctx) => {
			const zone = findZone(ctx.params.id);
			return zone ? v2One(zone) : v2Error(404, 'The requested shipping zone was not found.');
		},
		opts,
	);
	sandbox.route(
		'PUT',
		'v2',
		'/shipping/zones/:id',
		(ctx) => {
			const zone = findZone(ctx.params.id);
			if (!zone) return v2Error(404, 'The requested shipping zone was not found.');
			if (!isObject(ctx.body))
				return v2Error(400, 'The request body must be a shipping zone object.');
			const invalid = validateZone(ctx.body, true);
			if (invalid) return invalid;
			for (const key of ['name', 'type', 'free_shipping', 'handling_fees', 'enabled'])
				if (ctx.body[key] !== undefined) zone[key] = ctx.body[key];
			if (ctx.body.locations)
				zone.locations = ctx.body.locations.map((loc) => ({
					id: loc.id ?? sandbox.nextId('shippingLocation'),
					...loc,
				}));
			return v2One(zone);
		},
		opts,
	);
	sandbox.route(
		'DELETE',
		'v2',
		'/shipping/zones/:id',
		(ctx) => {
			const zone = findZone(ctx.params.id);
			if (!zone) return v2Error(404, 'The requested shipping zone was not found.');
			state.shippingZones = state.shippingZones.filter((z) => z !== zone);
			state.shippingMethods = state.shippingMethods.filter((m) => m.zone_id !== zone.id);
			return noContent();
		},
		opts,
	);

	sandbox.route(
		'GET',
		'v2',
		'/shipping/zones/:zone_id/methods',
		(ctx) => {
			const zone = findZone(ctx.params.zone_id);
			if (!zone) return v2Error(404, 'The requested shipping zone was not found.');
			return list(state.shippingMethods.filter((m) => m.zone_id === zone.id).map(publicMethod));
		},
		opts,
	);
	sandbox.route(
		'POST',
		'v2',
		'/shipping/zones/:zone_id/methods',
		(ctx) => {
			const zone = findZone(ctx.params.zone_id);
			if (!zone) return v2Error(404, 'The requested shipping zone was not found.');
			if (!isObject(ctx.body))
				return v2Error(400, 'The request body must be a shipping method object.');
			const invalid = validateMethod(ctx.body, false);
			if (invalid) return invalid;
			const b = ctx.body;
			const record = {
				id: sandbox.nextId('shippingMethod'),
				zone_id: zone.id,
				name: b.name,
				type: b.type,
				settings: b.settings || {},
				enabled: b.enabled ?? true,
				handling_fees: b.handling_fees || { fixed_surcharge: 0 },
				is_fallback: b.is_fallback ?? false,
				channel_ids: b.channel_ids || [1],
			};
			state.shippingMethods.push(record);
			return v2One(publicMethod(record));
		},
		opts,
	);
	const findMethod = (ctx) =>
		state.shippingMethods.find(
			(m) => String(m.zone_id) === ctx.params.zone_id && String(m.id) === ctx.params.method_id,
		);
	sandbox.route(
		'GET',
		'v2',
		'/shipping/zones/:zone_id/methods/:method_id',
		(ctx) => {
			const method = findMethod(ctx);
			return method
				? v2One(publicMethod(method))
				: v2Error(404, 'The requested shipping method was not found.');
		},
		opts,
	);
	sandbox.route(
		'PUT',
		'v2',
		'/shipping/zones/:zone_id/methods/:method_id',
		(ctx) => {
			const method = findMethod(ctx);
			if (!method) return v2Error(404, 'The requested shipping method was not found.');
			if (!isObject(ctx.body))
				return v2Error(400, 'The request body must be a shipping method object.');
			const invalid = validateMethod(ctx.body, true);
			if (invalid) return invalid;
			for (const key of [
				'name',
				'type',
				'settings',
				'enabled',
				'handling_fees',
				'is_fallback',
				'channel_ids',
			])
				if (ctx.body[key] !== undefined) method[key] = ctx.body[key];
			return v2One(publicMethod(method));
		},
		opts,
	);
	sandbox.route(
		'DELETE',
		'v2',
		'/shipping/zones/:zone_id/methods/:method_id',
		(ctx) => {
			const method = findMethod(ctx);
			if (!method) return v2Error(404, 'The requested shipping method was not found.');
			state.shippingMethods = state.shippingMethods.filter((m) => m !== method);
			return noContent();
		},
		opts,
	);
}

// ---------------------------------------------------------------------------------------------
// Payment methods (V2) and tax classes (V2)

function registerPaymentsAndTax(sandbox) {
	const state = sandbox.state;
	sandbox.route(
		'GET',
		'v2',
		'/payments/methods',
		(ctx) => v2List(state.paymentMethods, ctx.query),
		{
			scope: 'store_payments_methods_read',
			readScopes: ['store_payments_methods_read'],
		},
	);
	const taxOpts = { scope: 'store_v2_information' };
	sandbox.route(
		'GET',
		'v2',
		'/tax_classes',
		(ctx) => {
			if (ctx.query.page !== undefined && Number(ctx.query.page) > 50)
				return v2Error(400, "The field 'page' must be 50 or less.");
			return v2List(state.taxClasses, ctx.query);
		},
		taxOpts,
	);
	sandbox.route(
		'GET',
		'v2',
		'/tax_classes/:id',
		(ctx) => {
			const taxClass = state.taxClasses.find((t) => t.id === ctx.params.id);
			return taxClass ? v2One(taxClass) : v2Error(404, 'The requested tax class was not found.');
		},
		taxOpts,
	);
}

// ---------------------------------------------------------------------------------------------
// Channels and listings (V3)

function channelView(channel, query) {
	if (query.include !== 'currencies') return channel;
	return {
		...channel,
		currencies: { channel_id: channel.id, enabled_currencies: ['USD'], default_currency: 'USD' },
	};
}

/**
 * The date_created / date_modified filters (exact, :min, :max) of channels and channel listings:
 * `{ list }` filtered, or `{ error }`, the 422 for a value that is not a date.
 */
function filterByDates(list, q) {
	let out = list;
	for (const field of ['date_created', 'date_modified']) {
		for (const [suffix, test] of [
			['', (a, b) => a === b],
			[':min', (a, b) => a >= b],
			[':max', (a, b) => a <= b],
		]) {
			const raw = q[field + suffix];
			if (raw === undefined) continue;
			const at = Date.parse(raw);
			if (Number.isNaN(at))
				return { error: v3Error(422, 'Input is invalid', { [field + suffix]: 'must be a date' }) };
			out = out.filter((record) => test(Date.parse(record[field]), at));
		}
	}
	return { list: out };
}

function registerChannels(sandbox) {
	const state = sandbox.state;
	const opts = { scope: 'store_channel_settings' };
	const findChannel = (id) => state.channels.find((c) => String(c.id) === String(id));

	sandbox.route(
		'GET',
		'v3',
		'/channels',
		(ctx) => {
			const q = ctx.query;
			if (q.include !== undefined && q.include !== 'currencies')
				return v3Error(422, 'Input is invalid', { include: 'must be currencies' });
			const statuses = csv(q['status:in']);
			const types = csv(q['type:in']);
			const platforms = csv(q['platform:in']);
			if (statuses.some((s) => !CHANNEL_STATUSES.includes(s)))
				return v3Error(422, 'Input is invalid', {
					'status:in': `must be among ${CHANNEL_STATUSES.join(', ')}`,
				});
			if (types.some((t) => !CHANNEL_TYPES.includes(t)))
				return v3Error(422, 'Input is invalid', {
					'type:in': `must be among ${CHANNEL_TYPES.join(', ')}`,
				});
			let list = state.channels;
			if (statuses.length) list = list.filter((c) => statuses.includes(c.status));
			if (types.length) list = list.filter((c) => types.includes(c.type));
			if (platforms.length) list = list.filter((c) => platforms.includes(c.platform));
			if (q.available !== undefined) {
				const available = q.available === 'true';
				list = list.filter(
					(c) => !['deleted', 'terminated', 'archived'].includes(c.status) === available,
				);
			}
			const dated = filterByDates(list, q);
			if (dated.error) return dated.error;
			list = dated.list;
			return v3List(list, q, { map: (c) => channelView(c, q) });
		},
		opts,
	);

	sandbox.route(
		'POST',
		'v3',
		'/channels',
		(ctx) => {
			const body = ctx.body;
			if (!body || typeof body !== 'object' || Array.isArray(body))
				return v3Error(422, 'JSON data is missing or invalid', {
					body: 'must be a channel object',
				});
			const errors = {};
			if (typeof body.name !== 'string' || !body.name.trim()) errors.name = 'is required';
			if (!CHANNEL_TYPES.includes(body.type))
				errors.type = `must be one of ${CHANNEL_TYPES.join(', ')}`;
			if (typeof body.platform !== 'string' || !body.platform.trim())
				errors.platform = 'is required';
			if (body.status !== undefined && !CHANNEL_STATUSES.includes(body.status))
				errors.status = `must be one of ${CHANNEL_STATUSES.join(', ')}`;
			if (Object.keys(errors).length)
				return v3Error(422, 'JSON data is missing or invalid', errors);
			if (
				state.channels.some(
					(c) => c.name.toLowerCase() === body.name.toLowerCase() && c.platform === body.platform,
				)
			) {
				return v3Error(409, 'A channel with this name already exists on this platform.', {
					name: 'must be unique',
				});
			}
			const now = new Date(sandbox.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
			const status =
				body.status ??
				(body.type === 'storefront' ? 'prelaunch' : body.type === 'pos' ? 'active' : 'connected');
			const record = {
				id: sandbox.nextId('channel', 2),
				external_id: body.external_id ?? '',
				is_listable_from_ui: body.is_listable_from_ui ?? true,
				is_enabled: status === 'active' || status === 'connected',
				is_visible: body.is_visible ?? true,
				status,
				name: body.name,
				type: body.type,
				platform: body.platform,
				date_created: now,
				date_modified: now,
			};
			state.channels.push(record);
			sandbox.emit('store/channel/created', { type: 'channel', id: record.id });
			return v3One(record);
		},
		opts,
	);

	sandbox.route(
		'GET',
		'v3',
		'/channels/:channel_id',
		(ctx) => {
			const channel = findChannel(ctx.params.channel_id);
			return channel
				? v3One(channelView(channel, ctx.query))
				: v3Error(404, 'The requested channel was not found.');
		},
		opts,
	);

	// a channel's storefront site (scope: Sites & Routes); 404 for an unknown channel or one without a site
	sandbox.route(
		'GET',
		'v3',
		'/channels/:channel_id/site',
		(ctx) => {
			if (!findChannel(ctx.params.channel_id))
				return v3Error(404, 'The requested channel was not found.');
			const site = (state.sites || []).find(
				(s) => String(s.channel_id) === String(ctx.params.channel_id),
			);
			return site ? v3One(site) : v3Error(404, 'The channel has no site.');
		},
		{ scope: 'store_sites' },
	);

	sandbox.route(
		'PUT',
		'v3',
		'/channels/:channel_id',
		(ctx) => {
			const channel = findChannel(ctx.params.channel_id);
			if (!channel) return v3Error(404, 'The requested channel was not found.');
			const body = ctx.body;
			if (!body || typeof body !== 'object' || Array.isArray(body))
				return v3Error(422, 'JSON data is missing or invalid', {
					body: 'must be a channel object',
				});
			const errors = {};
			if (body.name !== undefined && (typeof body.name !== 'string' || !body.name.trim()))
				errors.name = 'must not be empty';
			if (body.status !== undefined && !CHANNEL_STATUSES.includes(body.status))
				errors.status = `must be one of ${CHANNEL_STATUSES.join(', ')}`;
			for (const key of ['type', 'platform'])
				if (body[key] !== undefined && body[key] !== channel[key])
					errors[key] = 'cannot be changed';
			if (
				channel.id === 1 &&
				body.status !== undefined &&
				['archived', 'deleted', 'terminated'].includes(body.status)
			)
				errors.status = 'the default storefront cannot be archived';
			if (Object.keys(errors).length)
				return v3Error(422, 'JSON data is missing or invalid', errors);
			for (const key of ['external_id', 'is_listable_from_ui', 'is_visible', 'name', 'status'])
				if (body[key] !== undefined) channel[key] = body[key];
			channel.is_enabled = channel.status === 'active' || channel.status === 'connected';
			channel.date_modified = new Date(sandbox.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
			sandbox.emit('store/channel/updated', { type: 'channel', id: channel.id });
			return v3One(channel);
		},
		opts,
	);
}

function listingMeta(page, total, limit, query) {
	const links = { current: `?limit=${limit}${query.after ? `&after=${query.after}` : ''}` };
	if (page.length && total > page.length)
		links.next = `?limit=${limit}&after=${page[page.length - 1].listing_id}`;
	return {
		pagination: {
			count: page.length,
			total,
			links,
			total_pages: Math.max(1, Math.ceil(total / limit)),
		},
	};
}

function validateListing(body, index, forUpdate) {
	const errors = {};
	const at = (field) => `${index}.${field}`;
	if (!body || typeof body !== 'object' || Array.isArray(body))
		return { [String(index)]: 'must be a listing object' };
	if (forUpdate && !(Number.isInteger(body.listing_id) && body.listing_id > 0))
		errors[at('listing_id')] = 'is required';
	if (!(Number.isInteger(body.product_id) && body.product_id > 0))
		errors[at('product_id')] = 'is required';
	if (!LISTING_STATES.includes(body.state))
		errors[at('state')] = `must be one of ${LISTING_STATES.join(', ')}`;
	if (!Array.isArray(body.variants)) errors[at('variants')] = 'is required (a list)';
	else {
		body.variants.forEach((variant, v) => {
			if (!variant || typeof variant !== 'object')
				errors[at(`variants.${v}`)] = 'must be an object';
			else {
				if (!Number.isInteger(variant.variant_id))
					errors[at(`variants.${v}.variant_id`)] = 'is required';
				if (!Number.isInteger(variant.product_id))
					errors[at(`variants.${v}.product_id`)] = 'is required';
				else if (variant.product_id !== body.product_id)
					errors[at(`variants.${v}.product_id`)] = 'must match the listing product_id';
				if (!VARIANT_STATES.includes(variant.state))
					errors[at(`variants.${v}.state`)] = 'is invalid';
			}
		});
	}
	return errors;
}

function registerListings(sandbox) {
	const state = sandbox.state;
	const opts = { scope: 'store_channel_listings' };
	const stamp = () => new Date(sandbox.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
	const channelExists = (id) => state.channels.some((c) => String(c.id) === String(id));

	sandbox.route(
		'GET',
		'v3',
		'/channels/:channel_id/listings',
		(ctx) => {
			const q = ctx.query;
			const limit = q.limit === undefined ? 50 : Number(q.limit);
			if (!Number.isInteger(limit) || limit < 1)
				return v3Error(422, 'Input is invalid', { limit: 'must be a positive integer' });
			if (limit > 250) return v3Error(413, 'The maximum limit is 250.');
			if (q.after !== undefined && !/^\d+$/.test(q.after))
				return v3Error(422, 'Input is invalid', { after: 'must be a listing ID' });
			const productIds = csv(q['product_id:in']);
			if (productIds.some((id) => !/^\d+$/.test(id)))
				return v3Error(422, 'Input is invalid', { 'product_id:in': 'must be product IDs' });
			let list = state.listings.filter((l) => String(l.channel_id) === ctx.params.channel_id);
			if (productIds.length) list = list.filter((l) => productIds.includes(String(l.product_id)));
			const dated = filterByDates(list, q);
			if (dated.error) return dated.error;
			list = dated.list;
			if (q.after !== undefined) list = list.filter((l) => l.listing_id > Number(q.after));
			const page = list.slice(0, limit);
			return { status: 200, body: { data: page, meta: listingMeta(page, list.length, limit, q) } };
		},
		opts,
	);

	const write = (ctx, forUpdate) => {
		if (!channelExists(ctx.params.channel_id))
			return v3Error(404, 'The requested channel was not found.');
		const body = ctx.body;
		if (!Array.isArray(body) || !body.length)
			return v3Error(422, 'JSON data is missing or invalid', {
				body: 'must be a non-empty list of listings',
			});
		let errors = {};
		body.forEach(
			(listing, index) => (errors = { ...errors, ...validateListing(listing, index, forUpdate) }),
		);
		const channelId = Number(ctx.params.channel_id);
		if (forUpdate) {
			body.forEach((listing, index) => {
				if (
					listing &&
					Number.isInteger(listing.listing_id) &&
					!state.listings.some(
						(l) => l.listing_id === listing.listing_id && l.channel_id === channelId,
					)
				) {
					errors[`${index}.listing_id`] =
						`listing ${listing.listing_id} does not exist on channel ${channelId}`;
				}
			});
		}
		if (Object.keys(errors).length) return v3Error(422, 'JSON data is missing or invalid', errors);
		const at = stamp();
		const saved = body.map((input) => {
			let listing = forUpdate
				? state.listings.find(
						(l) => l.listing_id === input.listing_id && l.channel_id === channelId,
					)
				: undefined;
			if (!listing) {
				listing = {
					channel_id: channelId,
					listing_id: sandbox.nextId('listing'),
					external_id: '',
					product_id: input.product_id,
					state: input.state,
					name: '',
					description: '',
					date_created: at,
					date_modified: at,
					variants: [],
				};
				state.listings.push(listing);
			}
			for (const key of ['external_id', 'product_id', 'state', 'name', 'description'])
				if (input[key] !== undefined) listing[key] = input[key];
			listing.date_modified = at;
			for (const variantInput of input.variants) {
				let variant = listing.variants.find((v) => v.variant_id === variantInput.variant_id);
				if (!variant) {
					variant = {
						channel_id: channelId,
						product_id: listing.product_id,
						variant_id: variantInput.variant_id,
						external_id: '',
						state: variantInput.state,
						name: '',
						description: '',
						date_created: at,
						date_modified: at,
					};
					listing.variants.push(variant);
				}
				for (const key of ['external_id', 'state', 'name', 'description'])
					if (variantInput[key] !== undefined) variant[key] = variantInput[key];
				variant.date_modified = at;
			}
			return listing;
		});
		return {
			status: 200,
			body: {
				data: saved,
				meta: {
					pagination: { count: saved.length, total: saved.length, links: {}, total_pages: 1 },
				},
			},
		};
	};
	sandbox.route('POST', 'v3', '/channels/:channel_id/listings', (ctx) => write(ctx, false), opts);
	sandbox.route('PUT', 'v3', '/channels/:channel_id/listings', (ctx) => write(ctx, true), opts);
	sandbox.route(
		'GET',
		'v3',
		'/channels/:channel_id/listings/:listing_id',
		(ctx) => {
			const listing = state.listings.find(
				(l) =>
					String(l.channel_id) === ctx.params.channel_id &&
					String(l.listing_id) === ctx.params.listing_id,
			);
			return listing ? v3One(listing) : v3Error(404, 'The requested listing was not found.');
		},
		opts,
	);
}

function register(sandbox) {
	for (const key of [
		'shippingZones',
		'shippingMethods',
		'paymentMethods',
		'taxClasses',
		'channels',
		'listings',
	])
		sandbox.state[key] = sandbox.state[key] || [];
	registerShipping(sandbox);
	registerPaymentsAndTax(sandbox);
	registerChannels(sandbox);
	registerListings(sandbox);
}

module.exports = { register, seed };
