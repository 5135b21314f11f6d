'use strict';
/**
 * Marketing: V2 coupons, V2 gift certificates and V3 promotions with their coupon codes.
 * Scope: store_v2_marketing (GET also accepts store_v2_marketing_read_only).
 *
 * Seed (dates relative to the sandbox clock at seed time, so "valid now" holds whatever the clock):
 *   coupons     SAVE20 valid, OLD10 expired, OFF5 disabled, LIMIT1 used up (num_uses >= max_uses),
 *               FREESHIP75 valid free shipping, WELCOME5 valid per-item
 *   gift certs  active full balance, partly used, expired, disabled (codes in `SEED_CODES`)
 *   promotions  active automatic, active coupon (SUMMER25), active without end date, scheduled
 *               (BFPREVIEW, future start), ended (past end), disabled (STAFF30), bulk coupon (VIP...)
 *
 * Test helper: `sandbox.redeemGiftCertificate(code, amount)` spends from a certificate's balance.
 */
const {
	v2List,
	v2One,
	v2Error,
	v3List,
	v3One,
	v3Error,
	noContent,
	rfc2822,
	csv,
} = require('../core/respond');
const { createRandom } = require('../seed/random');

const SCOPE = 'store_v2_marketing';
const DAY = 24 * 60 * 60 * 1000;

/** The codes the seed creates, for tests and demos. */
const SEED_CODES = {
	coupons: {
		valid: 'SAVE20',
		expired: 'OLD10',
		disabled: 'OFF5',
		usedUp: 'LIMIT1',
		freeShipping: 'FREESHIP75',
		perItem: 'WELCOME5',
	},
	giftCertificates: {
		active: 'GC7-A4K-92MQ-X4PL',
		partlyUsed: 'GC3-B3N-44TZ-R8MW',
		expired: 'GC9-C9P-17DK-V5EX',
		disabled: 'GC2-D2W-63HJ-N7DS',
	},
	promotions: {
		active: 'SUMMER25',
		scheduled: 'BFPREVIEW',
		disabled: 'STAFF30',
		ended: 'WINTER15',
	},
};

const COUPON_TYPES = [
	'per_item_discount',
	'per_total_discount',
	'shipping_discount',
	'free_shipping',
	'percentage_discount',
	'promotion',
];
const COUPON_WRITABLE = [
	'name',
	'type',
	'amount',
	'min_purchase',
	'expires',
	'enabled',
	'code',
	'applies_to',
	'max_uses',
	'max_uses_per_customer',
	'restricted_to',
	'shipping_methods',
];
const GIFT_STATUSES = ['active', 'pending', 'disabled', 'expired'];
const GIFT_TEMPLATES = [
	'birthday.html',
	'girl.html',
	'boy.html',
	'celebration.html',
	'christmas.html',
	'general.html',
];
const GIFT_WRITABLE = [
	'to_name',
	'to_email',
	'from_name',
	'from_email',
	'amount',
	'balance',
	'purchase_date',
	'expiry_date',
	'customer_id',
	'template',
	'message',
	'code',
	'status',
	'currency_code',
];
const CODE_PATTERN = /^[a-zA-Z0-9_ -]+$/;

/** Money as V2 writes it: "20.0000". */
const money = (value) => Number(value).toFixed(4);
/** ISO 8601 as the promotions API writes it: "2026-01-15T12:00:00+00:00". */
const isoOffset = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');

/** Parses an RFC-2822 or ISO date; undefined when it does not parse. */
function parseDate(value) {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value === 'number') return value > 1e12 ? value : value * 1000;
	const time = Date.parse(String(value));
	return Number.isNaN(time) ? undefined : time;
}

/** Promotions errors: the documented `{errors: [{status, title}]}` plus the usual top-level V3 fields. */
function promoError(status, title) {
	const type = 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes';
	return { status, body: { status, title, type, errors: [{ status, title, type }] } };
}

function isMoney(value) {
	return (
		(typeof value === 'string' || typeof value === 'number') && /^\d+(\.\d+)?$/.test(String(value))
	);
}

// ---------------------------------------------------------------------------------------------
// Seed

function seed(sandbox, options = {}) {
	const now = sandbox.now();
	const random = createRandom((options.seed ?? 42) + 7);
	const state = sandbox.state;
	state.coupons = [];
	state.giftCertificates = [];
	state.promotions = [];
	state.promotionCodes = [];

	const coupon = (fields) => {
		const record = {
			id: sandbox.nextId('coupon'),
			name: fields.name,
			type: fields.type,
			amount: money(fields.amount),
			min_purchase: money(fields.min_purchase ?? 0),
			expires: fields.expires === undefined ? '' : rfc2822(fields.expires),
			enabled: fields.enabled ?? true,
			code: fields.code,
			applies_to: fields.applies_to ?? { entity: 'categories', ids: [0] },
			num_uses: fields.num_uses ?? 0,
			max_uses: fields.max_uses ?? 0,
			max_uses_per_customer: fields.max_uses_per_customer ?? 0,
			restricted_to: {},
			shipping_methods: [],
			date_created: rfc2822(fields.created ?? now - 120 * DAY),
		};
		state.coupons.push(record);
		return record;
	};
	const c = SEED_CODES.coupons;
	coupon({
		code: c.valid,
		name: '20% off orders over $50',
		type: 'percentage_discount',
		amount: 20,
		min_purchase: 50,
		expires: now + 90 * DAY,
		num_uses: 37,
		max_uses: 500,
		max_uses_per_customer: 1,
	});
	coupon({
		code: c.expired,
		name: 'Summer sale $10 off',
		type: 'per_total_discount',
		amount: 10,
		min_purchase: 40,
		expires: now - 30 * DAY,
		num_uses: 212,
	});
	coupon({
		code: c.disabled,
		name: '$5 off (retired)',
		type: 'per_total_discount',
		amount: 5,
		enabled: false,
		num_uses: 9,
	});
	coupon({
		code: c.usedUp,
		name: 'First 100 customers 15% off',
		type: 'percentage_discount',
		amount: 15,
		num_uses: 100,
		max_uses: 100,
		expires: now + 60 * DAY,
	});
	coupon({
		code: c.freeShipping,
		name: 'Free shipping over $75',
		type: 'free_shipping',
		amount: 0,
		min_purchase: 75,
		num_uses: 58,
	});
	coupon({
		code: c.perItem,
		name: 'Welcome $5 off each item',
		type: 'per_item_discount',
		amount: 5,
		applies_to: { entity: 'products', ids: [77, 80, 81] },
		num_uses: 3,
		max_uses: 1000,
		created: now - 10 * DAY,
	});
	// codes of V3 promotions also show in V2 as `type: promotion` coupons with placeholder values
	coupon({
		code: SEED_CODES.promotions.active,
		name: 'SUMMER25: 25% off',
		type: 'promotion',
		amount: 0,
		created: now - 5 * DAY,
	});

	const gift = (fields) => {
		const record = {
			id: sandbox.nextId('giftCertificate'),
			customer_id: fields.customer_id ?? 0,
			order_id: fields.order_id ?? 0,
			from_name: fields.from_name,
			from_email: fields.from_email,
			to_name: fields.to_name,
			to_email: fields.to_email,
			amount: money(fields.amount),
			balance: money(fields.balance ?? fields.amount),
			purchase_date: rfc2822(fields.purchase),
			expiry_date: fields.expiry === undefined ? '' : rfc2822(fields.expiry),
			template: fields.template ?? 'general.html',
			message: fields.message ?? '',
			code: fields.code,
			status: fields.status ?? 'active',
			currency_code: 'USD',
		};
		state.giftCertificates.push(record);
		return record;
	};
	const g = SEED_CODES.giftCertificates;
	gift({
		code: g.active,
		amount: 100,
		from_name: 'Maria Lopez',
		from_email: 'maria.lopez@example.com',
		to_name: 'Jamie Lopez',
		to_email: 'jamie.lopez@example.com',
		purchase: now - 20 * DAY,
		expiry: now + 345 * DAY,
		template: 'birthday.html',
		message: 'Happy birthday, Jamie!',
		order_id: 118,
	});
	gift({
		code: g.partlyUsed,
		amount: 150,
		balance: 62.5,
		from_name: 'Chris Doe',
		from_email: 'chris.doe@example.com',
		to_name: 'Pat Kim',
		to_email: 'pat.kim@example.com',
		purchase: now - 70 * DAY,
		expiry: now + 295 * DAY,
		template: 'celebration.html',
		customer_id: 12,
	});
	gift({
		code: g.expired,
		amount: 50,
		from_name: 'Ada Park',
		from_email: 'ada.park@example.com',
		to_name: 'Lee Park',
		to_email: 'lee.park@example.com',
		purchase: now - 400 * DAY,
		expiry: now - 35 * DAY,
		status: 'expired',
		template: 'christmas.html',
	});
	gift({
		code: g.disabled,
		amount: 25,
		from_name: 'Sandbox Outfitters',
		from_email: 'orders@sandbox-store.example.com',
		to_name: 'Sam Rivera',
		to_email: 'sam.rivera@example.com',
		purchase: now - 15 * DAY,
		status: 'disabled',
	});

	const promo = (fields) => {
		const record = {
			id: sandbox.nextId('promotion'),
			redemption_type: fields.redemption_type,
			name: fields.name,
			display_name: fields.display_name ?? fields.name,
			created_from: fields.created_from ?? 'react_ui',
			channels: fields.channels ?? [],
			customer: { group_ids: [], minimum_order_count: 0, excluded_group_ids: [] },
			rules: fields.rules,
			current_uses: fields.current_uses ?? 0,
			max_uses: fields.max_uses ?? 0,
			status: fields.status ?? 'ENABLED',
			start_date: isoOffset(fields.start),
			stop: false,
			can_be_used_with_other_promotions: true,
			currency_code: 'USD',
			notifications: fields.notifications ?? [],
		};
		if (fields.end !== undefined) record.end_date = isoOffset(fields.end);
		if (fields.redemption_type === 'COUPON') {
			record.coupon_overrides_other_promotions = false;
			record.coupon_type = fields.coupon_type ?? 'SINGLE';
		}
		state.promotions.push(record);
		for (const code of fields.codes ?? [])
			addCode(sandbox, record.id, {
				code,
				max_uses: 0,
				max_uses_per_customer: 1,
				created: now - 40 * DAY,
			});
		return record;
	};
	// no `condition` in seed rules: the spec's Condition oneOf matches both branches for any value
	const percentOff = (amount) => [
		{
			action: { cart_value: { discount: { percentage_amount: String(amount) } } },
			apply_once: true,
			stop: false,
		},
	];
	const p = SEED_CODES.promotions;
	promo({
		name: 'Spring sale: 10% off everything',
		redemption_type: 'AUTOMATIC',
		rules: percentOff(10),
		start: now - 10 * DAY,
		end: now + 20 * DAY,
		current_uses: 41,
		notifications: [
			{ content: 'Spring sale: 10% off applied!', type: 'APPLIED', locations: ['CART_PAGE'] },
		],
	});
	promo({
		name: 'SUMMER25: 25% off',
		display_name: '25% off with code SUMMER25',
		redemption_type: 'COUPON',
		rules: percentOff(25),
		start: now - 5 * DAY,
		end: now + 30 * DAY,
		codes: [p.active],
		current_uses: 8,
		channels: [{ id: 1 }],
	});
	promo({
		name: 'Free shipping on everything',
		redemption_type: 'AUTOMATIC',
		rules: [{ action: { shipping: { free_shipping: true, zone_ids: '*' } }, apply_once: true }],
		start: now - 2 * DAY,
	});
	promo({
		name: 'Black Friday preview',
		redemption_type: 'COUPON',
		rules: percentOff(30),
		start: now + 30 * DAY,
		end: now + 34 * DAY,
		codes: [p.scheduled],
	});
	promo({
		name: 'Winter clearance 15% off',
		redemption_type: 'COUPON',
		rules: percentOff(15),
		start: now - 120 * DAY,
		end: now - 30 * DAY,
		codes: [p.ended],
		current_uses: 95,
	});
	promo({
		name: 'Staff discount 30%',
		redemption_type: 'COUPON',
		rules: percentOff(30),
		start: now - 200 * DAY,
		status: 'DISABLED',
		codes: [p.disabled],
	});
	const vip = promo({
		name: 'VIP single-use codes $20 off',
		redemption_type: 'COUPON',
		coupon_type: 'BULK',
		rules: [{ action: { cart_value: { discount: { fixed_amount: '20' } } }, apply_once: true }],
		start: now - 15 * DAY,
		end: now + 45 * DAY,
	});
	for (let n = 0; n < 3; n++)
		addCode(sandbox, vip.id, {
			code: randomCode(random, 16, []),
			max_uses: 1,
			max_uses_per_customer: 1,
			created: now - 15 * DAY,
		});
}

function randomCode(random, length, exclude) {
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'
		.split('')
		.filter((ch) => !exclude.includes(ch));
	let out = '';
	for (let n = 0; n < length; n++) out += alphabet[Math.floor(random.next() * alphabet.length)];
	return out;
}

function addCode(
	sandbox,
	promotionId,
	{ code, max_uses = 0, max_uses_per_customer = 0, created, current_uses = 0 },
) {
	const record = {
		id: sandbox.nextId('promotionCode'),
		promotion_id: promotionId,
		code,
		current_uses,
		max_uses,
		max_uses_per_customer,
		created: isoOffset(created ?? sandbox.now()),
	};
	sandbox.state.promotionCodes.push(record);
	return record;
}

const publicCode = ({ promotion_id, ...code }) => code;

/** A promotion as the API shows it: coupon promotions carry their code (or the multiple-codes flag). */
function promotionView(sandbox, promotion) {
	if (promotion.redemption_type !== 'COUPON') return promotion;
	const codes = sandbox.state.promotionCodes.filter((code) => code.promotion_id === promotion.id);
	const view = { ...promotion, multiple_codes: { has_multiple_codes: codes.length > 1 } };
	if (codes.length === 1) view.codes = publicCode(codes[0]);
	return view;
}

// ---------------------------------------------------------------------------------------------
// Coupons (V2)

function validateCoupon(sandbox, body, existing) {
	const errors = [];
	const merged = { ...(existing || {}), ...body };
	for (const field of ['name', 'code', 'type', 'amount', 'applies_to']) {
		if (!existing && (body[field] === undefined || body[field] === ''))
			errors.push(`The required field '${field}' was not supplied.`);
	}
	for (const field of ['id', 'num_uses', 'date_created']) {
		if (body[field] !== undefined)
			errors.push(
				`The field '${field}' cannot be written to. Please remove it from your request before trying again.`,
			);
	}
	if (body.type !== undefined && !COUPON_TYPES.includes(body.type))
		errors.push(`The field 'type' must be one of ${COUPON_TYPES.join(', ')}.`);
	if (body.amount !== undefined && !isMoney(body.amount))
		errors.push("The field 'amount' must be a number.");
	if (body.min_purchase !== undefined && body.min_purchase !== '' && !isMoney(body.min_purchase))
		errors.push("The field 'min_purchase' must be a number.");
	if (
		body.code !== undefined &&
		(typeof body.code !== 'string' || !CODE_PATTERN.test(body.code) || body.code.length > 50)
	) {
		errors.push(
			"The field 'code' may contain only letters, numbers, spaces, underscores and hyphens (at most 50).",
		);
	}
	if (body.name !== undefined && (typeof body.name !== 'string' || body.name.length > 100))
		errors.push("The field 'name' must be text of at most 100 characters.");
	if (body.expires !== undefined && body.expires !== '' && parseDate(body.expires) === undefined)
		errors.push("The field 'expires' must be an RFC 2822 date.");
	if (
		body.applies_to !== undefined &&
		(typeof body.applies_to !== 'object' ||
			body.applies_to === null ||
			!Array.isArray(body.applies_to.ids))
	) {
		errors.push("The field 'applies_to' must be an object with 'entity' and 'ids'.");
	}
	if (errors.length) return v2Error(400, errors.join(' '));
	const lower = (s) => String(s).toLowerCase();
	const clash = sandbox.state.coupons.find(
		(c) =>
			c !== existing &&
			(lower(c.code) === lower(merged.code) || lower(c.name) === lower(merged.name)),
	);
	if (clash)
		return v2Error(
			409,
			`A coupon with the ${lower(clash.code) === lower(merged.code) ? `code '${merged.code}'` : `name '${merged.name}'`} already exists.`,
		);
	return undefined;
}

function writeCoupon(target, body) {
	for (const key of COUPON_WRITABLE) {
		if (body[key] === undefined) continue;
		let value = body[key];
		if (key === 'amount' || key === 'min_purchase') value = money(value === '' ? 0 : value);
		if (key === 'expires') value = value === '' ? '' : rfc2822(parseDate(value));
		target[key] = value;
	}
}

function registerCoupons(sandbox) {
	const state = sandbox.state;
	const opts = { scope: SCOPE };
	const filtered = (query) => {
		let list = state.coupons;
		if (query.id !== undefined) list = list.filter((c) => String(c.id) === String(query.id));
		if (query.code !== undefined)
			list = list.filter((c) => c.code.toLowerCase() === String(query.code).toLowerCase());
		if (query.name !== undefined)
			list = list.filter((c) => c.name.toLowerCase() === String(query.name).toLowerCase());
		if (query.type !== undefined) list = list.filter((c) => c.type === query.type);
		if (query.exclude_type !== undefined) list = list.filter((c) => c.type !== query.exclude_type);
		if (query.min_id !== undefined) list = list.filter((c) => c.id >= Number(query.min_id));
		if (query.max_id !== undefined) list = list.filter((c) => c.id <= Number(query.max_id));
		return list;
	};
	const bad = (query) => {
		for (const key of ['min_id', 'max_id'])
			if (query[key] !== undefined && !/^\d+$/.test(query[key]))
				return v2Error(400, `The field '${key}' must be a whole number.`);
		for (const key of ['type', 'exclude_type'])
			if (query[key] !== undefined && !COUPON_TYPES.includes(query[key]))
				return v2Error(400, `The field '${key}' is invalid.`);
		return undefined;
	};
	sandbox.route(
		'GET',
		'v2',
		'/coupons/count',
		(ctx) => bad(ctx.query) || v2One({ count: filtered(ctx.query).length }),
		opts,
	);
	sandbox.route(
		'GET',
		'v2',
		'/coupons',
		(ctx) => bad(ctx.query) || v2List(filtered(ctx.query), ctx.query),
		opts,
	);
	sandbox.route(
		'POST',
		'v2',
		'/coupons',
		(ctx) => {
			const body = ctx.body;
			if (!body || typeof body !== 'object' || Array.isArray(body))
				return v2Error(400, 'The request body must be a coupon object.');
			const invalid = validateCoupon(sandbox, body);
			if (invalid) return invalid;
			const record = {
				id: sandbox.nextId('coupon'),
				name: '',
				type: 'per_total_discount',
				amount: '0.0000',
				min_purchase: '0.0000',
				expires: '',
				enabled: true,
				code: '',
				applies_to: { entity: 'categories', ids: [0] },
				num_uses: 0,
				max_uses: 0,
				max_uses_per_customer: 0,
				restricted_to: {},
				shipping_methods: [],
				date_created: rfc2822(sandbox.now()),
			};
			writeCoupon(record, body);
			state.coupons.push(record);
			return v2One(record, 201);
		},
		opts,
	);
	sandbox.route(
		'DELETE',
		'v2',
		'/coupons',
		(ctx) => {
			const ids = csv(ctx.query['id:in']);
			if (!ids.length)
				return v2Error(
					400,
					"The sandbox refuses to delete every coupon: pass 'id:in' with the IDs to delete.",
				);
			if (ids.some((id) => !/^\d+$/.test(id)))
				return v2Error(400, "The field 'id:in' must be a list of whole numbers.");
			state.coupons = state.coupons.filter((c) => !ids.includes(String(c.id)));
			return noContent();
		},
		opts,
	);
	const findCoupon = (ctx) => state.coupons.find((c) => String(c.id) === ctx.params.id);
	sandbox.route(
		'PUT',
		'v2',
		'/coupons/:id',
		(ctx) => {
			const coupon = findCoupon(ctx);
			if (!coupon) return v2Error(404, 'The requested resource was not found.');
			const body = ctx.body;
			if (!body || typeof body !== 'object' || Array.isArray(body))
				return v2Error(400, 'The request body must be a coupon object.');
			const invalid = validateCoupon(sandbox, body, coupon);
			if (invalid) return invalid;
			writeCoupon(coupon, body);
			return v2One(coupon);
		},
		opts,
	);
	sandbox.route(
		'DELETE',
		'v2',
		'/coupons/:id',
		(ctx) => {
			const coupon = findCoupon(ctx);
			if (!coupon) return v2Error(404, 'The requested resource was not found.');
			state.coupons = state.coupons.filter((c) => c !== coupon);
			return noContent();
		},
		opts,
	);
}

// ---------------------------------------------------------------------------------------------
// Gift certificates (V2)

function validateGift(sandbox, body, existing) {
	const errors = [];
	if (!existing) {
		for (const field of ['to_name', 'to_email', 'from_name', 'from_email', 'amount']) {
			if (body[field] === undefined || body[field] === '')
				errors.push(`The required field '${field}' was not supplied.`);
		}
	}
	for (const field of ['id', 'order_id']) {
		if (
			body[field] !== undefined &&
			!(existing && String(body[field]) === String(existing[field]))
		) {
			errors.push(
				`The field '${field}' cannot be written to. Please remove it from your request before trying again.`,
			);
		}
	}
	for (const field of ['to_email', 'from_email']) {
		if (body[field] !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(String(body[field])))
			errors.push(`The field '${field}' must be an email address.`);
	}
	for (const field of ['amount', 'balance']) {
		if (body[field] !== undefined && !isMoney(body[field]))
			errors.push(`The field '${field}' must be a number.`);
	}
	if (body.status !== undefined && !GIFT_STATUSES.includes(body.status))
		errors.push(`The field 'status' must be one of ${GIFT_STATUSES.join(', ')}.`);
	if (body.template !== undefined && !GIFT_TEMPLATES.includes(body.template))
		errors.push(`The field 'template' must be one of ${GIFT_TEMPLATES.join(', ')}.`);
	for (const field of ['expiry_date', 'purchase_date']) {
		if (body[field] !== undefined && body[field] !== '' && parseDate(body[field]) === undefined)
			errors.push(`The field '${field}' must be an RFC 2822 date.`);
	}
	if (
		body.code !== undefined &&
		(typeof body.code !== 'string' || !body.code.trim() || body.code.length > 255)
	)
		errors.push("The field 'code' must be text of at most 255 characters.");
	if (errors.length) return v2Error(400, errors.join(' '));
	if (body.code !== undefined) {
		const clash = sandbox.state.giftCertificates.find(
			(g) => g !== existing && g.code.toLowerCase() === String(body.code).toLowerCase(),
		);
		if (clash)
			return v2Error(409, `A gift certificate with the code '${body.code}' already exists.`);
	}
	return undefined;
}

function writeGift(target, body) {
	for (const key of GIFT_WRITABLE) {
		if (body[key] === undefined) continue;
		let value = body[key];
		if (key === 'amount' || key === 'balance') value = money(value);
		if (key === 'expiry_date' || key === 'purchase_date')
			value = value === '' ? '' : rfc2822(parseDate(value));
		target[key] = value;
	}
}

function giftCode(random) {
	const part = (n) => randomCode(random, n, ['0', 'O', '1', 'I']);
	return `${part(3)}-${part(3)}-${part(4)}-${part(4)}`;
}

function registerGiftCertificates(sandbox) {
	const state = sandbox.state;
	const opts = { scope: SCOPE };
	const random = createRandom(977);
	sandbox.route(
		'GET',
		'v2',
		'/gift_certificates',
		(ctx) => {
			const q = ctx.query;
			for (const key of ['min_id', 'max_id', 'order_id'])
				if (q[key] !== undefined && !/^\d+$/.test(q[key]))
					return v2Error(400, `The field '${key}' must be a whole number.`);
			if (q.direction !== undefined && !['asc', 'desc'].includes(q.direction))
				return v2Error(400, "The field 'direction' must be asc or desc.");
			let list = state.giftCertificates;
			const same = (a, b) => String(a).toLowerCase() === String(b).toLowerCase();
			if (q.code !== undefined) list = list.filter((g) => same(g.code, q.code));
			for (const key of ['to_name', 'to_email', 'from_name', 'from_email'])
				if (q[key] !== undefined) list = list.filter((g) => same(g[key], q[key]));
			if (q.order_id !== undefined) list = list.filter((g) => g.order_id === Number(q.order_id));
			if (q.min_id !== undefined) list = list.filter((g) => g.id >= Number(q.min_id));
			if (q.max_id !== undefined) list = list.filter((g) => g.id <= Number(q.max_id));
			list = [...list].sort((a, b) => (q.direction === 'desc' ? b.id - a.id : a.id - b.id));
			return v2List(list, q);
		},
		opts,
	);
	sandbox.route(
		'POST',
		'v2',
		'/gift_certificates',
		(ctx) => {
			const body = ctx.body;
			if (!body || typeof body !== 'object' || Array.isArray(body))
				return v2Error(400, 'The request body must be a gift certificate object.');
			const invalid = validateGift(sandbox, body);
			if (invalid) return invalid;
			const record = {
				id: sandbox.nextId('giftCertificate'),
				customer_id: 0,
				order_id: 0,
				from_name: '',
				from_email: '',
				to_name: '',
				to_email: '',
				amount: '0.0000',
				balance: money(body.balance ?? body.amount),
				purchase_date: rfc2822(sandbox.now()),
				expiry_date: '',
				template: 'general.html',
				message: '',
				code: body.code ?? giftCode(random),
				status: 'active',
				currency_code: 'USD',
			};
			writeGift(record, body);
			state.giftCertificates.push(record);
			return v2One(record, 201);
		},
		opts,
	);
	sandbox.route(
		'DELETE',
		'v2',
		'/gift_certificates',
		() =>
			v2Error(
				400,
				'The sandbox refuses to delete every gift certificate: delete them one at a time.',
			),
		opts,
	);
	const find = (ctx) => state.giftCertificates.find((g) => String(g.id) === ctx.params.id);
	sandbox.route(
		'GET',
		'v2',
		'/gift_certificates/:id',
		(ctx) => {
			const gift = find(ctx);
			return gift ? v2One(gift) : v2Error(404, 'The requested resource was not found.');
		},
		opts,
	);
	sandbox.route(
		'PUT',
		'v2',
		'/gift_certificates/:id',
		(ctx) => {
			const gift = find(ctx);
			if (!gift) return v2Error(404, 'The requested resource was not found.');
			const body = ctx.body;
			if (!body || typeof body !== 'object' || Array.isArray(body))
				return v2Error(400, 'The request body must be a gift certificate object.');
			const invalid = validateGift(sandbox, body, gift);
			if (invalid) return invalid;
			writeGift(gift, body);
			return v2One(gift);
		},
		opts,
	);
	sandbox.route(
		'DELETE',
		'v2',
		'/gift_certificates/:id',
		(ctx) => {
			const gift = find(ctx);
			if (!gift) return v2Error(404, 'The requested resource was not found.');
			state.giftCertificates = state.giftCertificates.filter((g) => g !== gift);
			return noContent();
		},
		opts,
	);

	/** Spends `amount` from the certificate with `code` (as a checkout would); returns the record. */
	sandbox.redeemGiftCertificate = (code, amount) => {
		const gift = state.giftCertificates.find(
			(g) => g.code.toLowerCase() === String(code).toLowerCase(),
		);
		if (!gift) throw new Error(`No gift certificate with code ${code}`);
		if (gift.status !== 'active') throw new Error(`Gift certificate ${code} is ${gift.status}`);
		const expiry = parseDate(gift.expiry_date);
		if (expiry !== undefined && expiry < sandbox.now())
			throw new Error(`Gift certificate ${code} has expired`);
		const balance = Number(gift.balance);
		if (!(amount > 0) || amount > balance + 1e-9)
			throw new Error(`Cannot redeem ${amount} from a balance of ${balance}`);
		gift.balance = money(Math.round((balance - amount) * 10000) / 10000);
		return gift;
	};
}

// ---------------------------------------------------------------------------------------------
// Promotions (V3)

const PROMO_STATUSES = ['ENABLED', 'DISABLED', 'INVALID'];
const PROMO_WRITABLE = [
	'name',
	'display_name',
	'channels',
	'customer',
	'rules',
	'max_uses',
	'status',
	'start_date',
	'end_date',
	'stop',
	'can_be_used_with_other_promotions',
	'currency_code',
	'notifications',
	'shipping_address',
	'schedule',
	'coupon_overrides_other_promotions',
	'coupon_overrides_automatic_when_offering_higher_discounts',
];

function validatePromotion(body, existing) {
	const errors = [];
	if (!existing) {
		if (typeof body.name !== 'string' || !body.name.trim()) errors.push('name: is required');
		if (!['AUTOMATIC', 'COUPON'].includes(body.redemption_type))
			errors.push('redemption_type: must be AUTOMATIC or COUPON');
		if (!Array.isArray(body.rules) || !body.rules.length)
			errors.push('rules: at least one rule is required');
	} else {
		if (body.redemption_type !== undefined && body.redemption_type !== existing.redemption_type)
			errors.push('redemption_type: cannot be changed');
		if (body.coupon_type !== undefined && body.coupon_type !== existing.coupon_type)
			errors.push('coupon_type: changing the coupon type is not supported');
		if (body.name !== undefined && (typeof body.name !== 'string' || !body.name.trim()))
			errors.push('name: must not be empty');
		if (body.rules !== undefined && (!Array.isArray(body.rules) || !body.rules.length))
			errors.push('rules: at least one rule is required');
	}
	if (
		Array.isArray(body.rules) &&
		body.rules.some(
			(rule) =>
				!rule || typeof rule !== 'object' || !rule.action || typeof rule.action !== 'object',
		)
	)
		errors.push('rules: every rule needs an action');
	if (body.status !== undefined && !['ENABLED', 'DISABLED'].includes(body.status))
		errors.push('status: must be ENABLED or DISABLED');
	if (body.coupon_type !== undefined && !['SINGLE', 'BULK'].includes(body.coupon_type))
		errors.push('coupon_type: must be SINGLE or BULK');
	for (const key of ['start_date', 'end_date'])
		if (body[key] !== undefined && body[key] !== null && parseDate(body[key]) === undefined)
			errors.push(`${key}: must be an ISO 8601 date`);
	const start = parseDate(body.start_date ?? existing?.start_date);
	const end = parseDate(body.end_date === null ? undefined : (body.end_date ?? existing?.end_date));
	if (start !== undefined && end !== undefined && end <= start)
		errors.push('end_date: must be after start_date');
	if (
		body.channels !== undefined &&
		(!Array.isArray(body.channels) || body.channels.some((ch) => !ch || !Number.isInteger(ch.id)))
	)
		errors.push('channels: must be a list of {"id": <channel id>}');
	if (
		body.codes !== undefined &&
		(typeof body.codes !== 'object' ||
			body.codes === null ||
			typeof body.codes.code !== 'string' ||
			!CODE_PATTERN.test(body.codes.code))
	)
		errors.push('codes.code: letters, numbers, spaces, underscores and hyphens only');
	return errors;
}

function writePromotion(target, body) {
	for (const key of PROMO_WRITABLE) {
		if (body[key] === undefined) continue;
		if ((key === 'start_date' || key === 'end_date') && body[key] !== null)
			target[key] = isoOffset(parseDate(body[key]));
		else if (key === 'end_date' && body[key] === null) delete target.end_date;
		else target[key] = body[key];
	}
}

function codeClash(sandbox, code) {
	const lower = String(code).toLowerCase();
	return (
		sandbox.state.promotionCodes.some((c) => c.code.toLowerCase() === lower) ||
		sandbox.state.coupons.some((c) => c.code.toLowerCase() === lower)
	);
}

function encodeCursor(id) {
	return Buffer.from(JSON.stringify({ id: String(id) })).toString('base64');
}
function decodeCursor(cursor) {
	try {
		const parsed = JSON.parse(Buffer.from(String(cursor), 'base64').toString('utf8'));
		return /^\d+$/.test(String(parsed.id)) ? Number(parsed.id) : undefined;
	} catch {
		return undefined;
	}
}

function registerPromotions(sandbox) {
	const state = sandbox.state;
	const opts = { scope: SCOPE };
	const view = (promotion) => promotionView(sandbox, promotion);
	const findPromotion = (id) => state.promotions.find((p) => String(p.id) === String(id));

	// before /promotions/:id so that "codes" is not read as an ID
	sandbox.route(
		'GET',
		'v3',
		'/promotions/codes',
		(ctx) => {
			if (!ctx.query.code) return promoError(422, 'The query parameter code is required.');
			const lower = String(ctx.query.code).toLowerCase();
			const list = state.promotionCodes
				.filter((c) => c.code.toLowerCase() === lower)
				.map(publicCode);
			return {
				status: 200,
				body: {
					data: list,
					meta: { cursor_pagination: { count: list.length, per_page: 50, links: {} } },
				},
			};
		},
		opts,
	);

	sandbox.route(
		'GET',
		'v3',
		'/promotions',
		(ctx) => {
			const q = ctx.query;
			if (q.id !== undefined && !/^\d+$/.test(q.id))
				return promoError(422, 'The query parameter id must be an integer.');
			if (
				q.redemption_type !== undefined &&
				!['automatic', 'coupon'].includes(String(q.redemption_type).toLowerCase())
			)
				return promoError(422, 'The query parameter redemption_type must be automatic or coupon.');
			if (q.sort !== undefined && !['id', 'name', 'priority', 'start_date'].includes(q.sort))
				return promoError(422, 'The query parameter sort is invalid.');
			if (q.direction !== undefined && !['asc', 'desc'].includes(q.direction))
				return promoError(422, 'The query parameter direction is invalid.');
			const channelIds = csv(q.channels);
			if (channelIds.some((id) => !/^\d+$/.test(id)))
				return promoError(422, 'The query parameter channels must be a list of channel IDs.');
			let list = state.promotions;
			const lower = (s) => String(s).toLowerCase();
			if (q.id !== undefined) list = list.filter((p) => p.id === Number(q.id));
			if (q.name !== undefined) list = list.filter((p) => lower(p.name) === lower(q.name));
			if (q.query !== undefined) list = list.filter((p) => lower(p.name).includes(lower(q.query)));
			if (q.code !== undefined) {
				const ids = new Set(
					state.promotionCodes
						.filter((c) => lower(c.code) === lower(q.code))
						.map((c) => c.promotion_id),
				);
				list = list.filter((p) => ids.has(p.id));
			}
			if (q.currency_code !== undefined)
				list = list.filter((p) => p.currency_code === q.currency_code || p.currency_code === '*');
			if (q.redemption_type !== undefined)
				list = list.filter((p) => lower(p.redemption_type) === lower(q.redemption_type));
			if (q.status !== undefined) list = list.filter((p) => lower(p.status) === lower(q.status));
			if (channelIds.length)
				list = list.filter(
					(p) => !p.channels.length || p.channels.some((ch) => channelIds.includes(String(ch.id))),
				);
			const sort = q.sort || 'id';
			const key = (p) =>
				sort === 'start_date' ? Date.parse(p.start_date) : sort === 'name' ? lower(p.name) : p.id;
			list = [...list].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id - b.id));
			if (q.direction === 'desc') list.reverse();
			return v3List(list, q, { map: view });
		},
		opts,
	);

	sandbox.route(
		'POST',
		'v3',
		'/promotions',
		(ctx) => {
			const body = ctx.body;
			if (!body || typeof body !== 'object' || Array.isArray(body))
				return promoError(400, 'The request payload must be a promotion object.');
			const errors = validatePromotion(body);
			if (body.codes && codeClash(sandbox, body.codes.code))
				errors.push(`codes.code: the code ${body.codes.code} is already in use`);
			if (errors.length) return promoError(422, errors.join('; '));
			const now = sandbox.now();
			const record = {
				id: sandbox.nextId('promotion'),
				redemption_type: body.redemption_type,
				name: body.name,
				display_name: body.display_name ?? body.name,
				created_from: 'api',
				channels: [],
				customer: { group_ids: [], minimum_order_count: 0, excluded_group_ids: [] },
				rules: [],
				current_uses: 0,
				max_uses: 0,
				status: 'ENABLED',
				start_date: isoOffset(now),
				stop: false,
				can_be_used_with_other_promotions: true,
				currency_code: 'USD',
				notifications: [],
			};
			if (body.redemption_type === 'COUPON') {
				record.coupon_overrides_other_promotions = false;
				record.coupon_type = body.coupon_type ?? 'SINGLE';
			}
			writePromotion(record, body);
			state.promotions.push(record);
			if (body.codes && body.redemption_type === 'COUPON') {
				addCode(sandbox, record.id, {
					code: body.codes.code,
					max_uses: body.codes.max_uses ?? 0,
					max_uses_per_customer: body.codes.max_uses_per_customer ?? 0,
				});
			}
			return v3One(view(record), 201);
		},
		opts,
	);

	sandbox.route(
		'DELETE',
		'v3',
		'/promotions',
		(ctx) => {
			const raw = ctx.query['id:in'];
			const ids = csv(raw);
			const bulkError = (title, meta = { total: 0, success: 0, failed: 0 }, errors) => ({
				status: 422,
				body: {
					errors: [
						{
							status: 422,
							title,
							type: 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes',
							...(errors ? { errors } : {}),
						},
					],
					meta,
				},
			});
			if (!ids.length || ids.some((id) => !/^\d+$/.test(id)))
				return bulkError('Parameter id:in is required');
			if (ids.length > 50) return bulkError('Batches are limited to 50 promotions.');
			const failures = {};
			let success = 0;
			ids.forEach((id, index) => {
				const promotion = findPromotion(id);
				if (promotion && state.promotionCodes.some((c) => c.promotion_id === promotion.id)) {
					failures[`${index}.code`] =
						`Failed for id=${id}. Error: some relating codes are still present.`;
					return;
				}
				state.promotions = state.promotions.filter((p) => p !== promotion);
				success++;
			});
			const failed = Object.keys(failures).length;
			if (failed)
				return bulkError(
					'Errors occurred in bulk delete action.',
					{ total: ids.length, success, failed },
					failures,
				);
			return noContent();
		},
		opts,
	);

	sandbox.route(
		'GET',
		'v3',
		'/promotions/:id',
		(ctx) => {
			const promotion = findPromotion(ctx.params.id);
			return promotion ? v3One(view(promotion)) : promoError(404, 'The promotion was not found.');
		},
		opts,
	);
	sandbox.route(
		'PUT',
		'v3',
		'/promotions/:id',
		(ctx) => {
			const promotion = findPromotion(ctx.params.id);
			if (!promotion) return promoError(404, 'The promotion was not found.');
			const body = ctx.body;
			if (!body || typeof body !== 'object' || Array.isArray(body))
				return promoError(400, 'The request payload must be a promotion object.');
			const errors = validatePromotion(body, promotion);
			if (errors.length) return promoError(422, errors.join('; '));
			writePromotion(promotion, body);
			return v3One(view(promotion));
		},
		opts,
	);
	sandbox.route(
		'DELETE',
		'v3',
		'/promotions/:id',
		(ctx) => {
			const promotion = findPromotion(ctx.params.id);
			if (promotion) {
				state.promotions = state.promotions.filter((p) => p !== promotion);
				state.promotionCodes = state.promotionCodes.filter((c) => c.promotion_id !== promotion.id);
			}
			return noContent();
		},
		opts,
	);

	sandbox.route(
		'GET',
		'v3',
		'/promotions/:promotion_id/codes',
		(ctx) => {
			const promotion = findPromotion(ctx.params.promotion_id);
			if (!promotion) return promoError(404, 'The promotion was not found.');
			const q = ctx.query;
			const limit = q.limit === undefined ? 50 : Number(q.limit);
			if (!Number.isInteger(limit) || limit < 1 || limit > 250)
				return promoError(422, 'The query parameter limit must be between 1 and 250.');
			let list = state.promotionCodes.filter((c) => c.promotion_id === promotion.id);
			if (q.code !== undefined)
				list = list.filter((c) => c.code.toLowerCase() === String(q.code).toLowerCase());
			const cursorMode = q.before !== undefined || q.after !== undefined;
			if (cursorMode) {
				const afterId = q.after !== undefined ? decodeCursor(q.after) : undefined;
				const beforeId = q.before !== undefined ? decodeCursor(q.before) : undefined;
				if (
					(q.after !== undefined && afterId === undefined) ||
					(q.before !== undefined && beforeId === undefined)
				)
					return promoError(422, 'The cursor is invalid.');
				let page;
				if (afterId !== undefined) page = list.filter((c) => c.id > afterId).slice(0, limit);
				else {
					const earlier = list.filter((c) => c.id < beforeId);
					page = earlier.slice(Math.max(0, earlier.length - limit));
				}
				return {
					status: 200,
					body: {
						data: page.map(publicCode),
						meta: { cursor_pagination: cursorMeta(page, list, limit) },
					},
				};
			}
			const pageNo = q.page === undefined ? 1 : Number(q.page);
			if (!Number.isInteger(pageNo) || pageNo < 1)
				return promoError(422, 'The query parameter page must be 1 or more.');
			const page = list.slice((pageNo - 1) * limit, pageNo * limit);
			const totalPages = Math.max(1, Math.ceil(list.length / limit));
			const links = { current: `?page=${pageNo}&limit=${limit}` };
			if (pageNo > 1) links.previous = `?page=${pageNo - 1}&limit=${limit}`;
			if (pageNo < totalPages) links.next = `?page=${pageNo + 1}&limit=${limit}`;
			const meta = {
				pagination: {
					total: list.length,
					count: page.length,
					per_page: limit,
					current_page: pageNo,
					total_pages: totalPages,
					links,
				},
			};
			if (q.page === undefined) meta.cursor_pagination = cursorMeta(page, list, limit);
			return { status: 200, body: { data: page.map(publicCode), meta } };
		},
		opts,
	);

	sandbox.route(
		'POST',
		'v3',
		'/promotions/:promotion_id/codes',
		(ctx) => {
			const promotion = findPromotion(ctx.params.promotion_id);
			if (!promotion) return promoError(404, 'The promotion was not found.');
			const body = ctx.body || {};
			if (promotion.redemption_type !== 'COUPON')
				return promoError(422, 'Codes can only be added to coupon promotions.');
			if (
				typeof body.code !== 'string' ||
				!body.code.trim() ||
				!CODE_PATTERN.test(body.code) ||
				body.code.length > 50
			) {
				return promoError(
					422,
					'code: letters, numbers, spaces, underscores and hyphens only (at most 50).',
				);
			}
			for (const key of ['max_uses', 'max_uses_per_customer']) {
				if (body[key] !== undefined && (!Number.isInteger(body[key]) || body[key] < 0))
					return promoError(422, `${key}: must be a whole number of 0 or more.`);
			}
			if (codeClash(sandbox, body.code))
				return promoError(409, `The code ${body.code} is already in use.`);
			const record = addCode(sandbox, promotion.id, {
				code: body.code,
				max_uses: body.max_uses ?? 0,
				max_uses_per_customer: body.max_uses_per_customer ?? 0,
			});
			return v3One(publicCode(record), 201);
		},
		opts,
	);

	sandbox.route(
		'POST',
		'v3',
		'/promotions/:promotion_id/codegen',
		(ctx) => {
			const promotion = findPromotion(ctx.params.promotion_id);
			if (!promotion) return promoError(404, 'The promotion was not found.');
			const body = ctx.body || {};
			if (promotion.redemption_type !== 'COUPON' || promotion.coupon_type !== 'BULK') {
				return {
					status: 405,
					body: {
						status: '405',
						title: 'Method Not Allowed',
						error:
							"Bulk code generation is only supported for promotions with redemption_type of 'COUPON' and coupon_type of 'BULK'.",
					},
				};
			}
			const errors = [];
			if (!Number.isInteger(body.batch_size) || body.batch_size < 1 || body.batch_size > 250)
				errors.push('batch_size: must be a whole number from 1 to 250');
			for (const key of ['max_uses', 'max_uses_per_customer']) {
				if (
					body[key] !== undefined &&
					(!Number.isInteger(body[key]) || body[key] < 0 || body[key] > 100000)
				)
					errors.push(`${key}: must be a whole number from 0 to 100000`);
			}
			const codeLength = body.code_length ?? 16;
			if (!Number.isInteger(codeLength) || codeLength < 6 || codeLength > 16)
				errors.push('code_length: must be from 6 to 16');
			for (const key of ['prefix', 'suffix'])
				if (body[key] !== undefined && !/^[A-Z0-9_-]{0,20}$/.test(body[key]))
					errors.push(
						`${key}: capital letters, numbers, underscores and hyphens only (at most 20)`,
					);
			if (body.delimiter !== undefined && !/^[_-]?$/.test(body.delimiter))
				errors.push('delimiter: must be _ or -');
			const exclude = body.exclude_characters ?? [];
			if (!Array.isArray(exclude) || exclude.some((ch) => !/^[A-Z0-9]$/.test(ch)))
				errors.push('exclude_characters: single capital letters or digits');
			if (errors.length) return promoError(422, errors.join('; '));
			const random = createRandom(promotion.id * 7919 + state.promotionCodes.length);
			const delimiter = body.delimiter ?? '';
			const codes = [];
			while (codes.length < body.batch_size) {
				let code = randomCode(random, codeLength, exclude);
				if (body.prefix) code = `${body.prefix}${delimiter}${code}`;
				if (body.suffix) code = `${code}${delimiter}${body.suffix}`;
				if (codeClash(sandbox, code)) continue;
				addCode(sandbox, promotion.id, {
					code,
					max_uses: body.max_uses ?? 1,
					max_uses_per_customer: body.max_uses_per_customer ?? 1,
				});
				codes.push({ code });
			}
			return {
				status: 201,
				body: {
					data: {
						created: isoOffset(sandbox.now()),
						max_uses: body.max_uses ?? 1,
						max_uses_per_customer: body.max_uses_per_customer ?? 1,
						batch_size: body.batch_size,
						codes,
					},
					meta: {},
				},
			};
		},
		opts,
	);

	sandbox.route(
		'DELETE',
		'v3',
		'/promotions/:promotion_id/codes/:code_id',
		(ctx) => {
			state.promotionCodes = state.promotionCodes.filter(
				(c) =>
					!(
						String(c.promotion_id) === ctx.params.promotion_id &&
						String(c.id) === ctx.params.code_id
					),
			);
			return noContent();
		},
		opts,
	);
}

function cursorMeta(page, list, limit) {
	const meta = { count: page.length, per_page: limit, links: {} };
	if (!page.length) return meta;
	const first = page[0];
	const last = page[page.length - 1];
	meta.start_cursor = encodeCursor(first.id);
	meta.end_cursor = encodeCursor(last.id);
	if (list.some((c) => c.id < first.id))
		meta.links.previous = `?limit=${limit}&before=${meta.start_cursor}`;
	if (list.some((c) => c.id > last.id))
		meta.links.next = `?limit=${limit}&after=${meta.end_cursor}`;
	return meta;
}

function register(sandbox) {
	sandbox.state.coupons = sandbox.state.coupons || [];
	sandbox.state.giftCertificates = sandbox.state.giftCertificates || [];
	sandbox.state.promotions = sandbox.state.promotions || [];
	sandbox.state.promotionCodes = sandbox.state.promotionCodes || [];
	registerCoupons(sandbox);
	registerGiftCertificates(sandbox);
	registerPromotions(sandbox);
}

module.exports = { register, seed, SEED_CODES };
