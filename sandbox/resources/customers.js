'use strict';
/**
 * Customers (V3 /customers, /customers/addresses) and customer groups (V2 /customer_groups).
 * Scope: store_v2_customers (GET also store_v2_customers_read_only).
 *
 * State (read by other modules, e.g. orders and the abandoned-cart hydration):
 *   state.customers         Array of customers, by id: V3 fields; dates kept as epoch ms
 *   state.customerAddresses Array of addresses: V3 address fields (customer_id inside)
 *   state.customerGroups    Array of groups: V2 fields; dates kept as epoch ms
 * Helpers on the sandbox: sandbox.findCustomerByEmail(email), sandbox.customerView(customer).
 */
const {
	v3List,
	v3One,
	v3Error,
	v2List,
	v2One,
	v2Error,
	noContent,
	rfc2822,
	csv,
	selectFields,
} = require('../core/respond');
const { buildCustomerSeed, iso } = require('../seed/customers');

const SCOPE = 'store_v2_customers';
const BATCH_LIMIT = 10;
const COUNTRIES = {
	US: 'United States',
	CA: 'Canada',
	GB: 'United Kingdom',
	AU: 'Australia',
	DE: 'Germany',
	FR: 'France',
	NL: 'Netherlands',
	ES: 'Spain',
	IT: 'Italy',
	JP: 'Japan',
	MX: 'Mexico',
	NZ: 'New Zealand',
	IE: 'Ireland',
};
const CUSTOMER_WRITABLE = [
	'email',
	'first_name',
	'last_name',
	'company',
	'phone',
	'notes',
	'tax_exempt_category',
	'customer_group_id',
	'accepts_product_review_abandoned_cart_emails',
	'channel_ids',
	'form_fields',
	'store_credit_amounts',
];
const ADDRESS_FIELDS = [
	'first_name',
	'last_name',
	'company',
	'address1',
	'address2',
	'city',
	'state_or_province',
	'postal_code',
	'country_code',
	'phone',
	'address_type',
];
const ADDRESS_REQUIRED = [
	'first_name',
	'last_name',
	'address1',
	'city',
	'state_or_province',
	'postal_code',
	'country_code',
];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const INCLUDES = [
	'addresses',
	'storecredit',
	'attributes',
	'formfields',
	'shopper_profile_id',
	'segment_ids',
];

/** 413 over the batch limit: documented without content. */
const tooMany = () => ({ status: 413, body: undefined });
const lower = (v) => String(v ?? '').toLowerCase();
const isNonEmptyString = (v) => typeof v === 'string' && v.trim().length > 0;

function parseDate(value) {
	if (value === undefined) return undefined;
	const text = String(value);
	const ms = /^\d+$/.test(text) ? Number(text) * 1000 : Date.parse(text);
	return Number.isNaN(ms) ? NaN : ms;
}

function addressView(address) {
	return {
		id: address.id,
		customer_id: address.customer_id,
		first_name: address.first_name,
		last_name: address.last_name,
		company: address.company ?? '',
		address1: address.address1,
		address2: address.address2 ?? '',
		city: address.city,
		state_or_province: address.state_or_province,
		postal_code: address.postal_code,
		country: address.country ?? COUNTRIES[address.country_code] ?? address.country_code,
		country_code: address.country_code,
		phone: address.phone ?? '',
		address_type: address.address_type ?? 'residential',
	};
}

function register(sandbox) {
	/** Emits store/customer/address/<event> as BigCommerce sends it (the customer ID inside). */
	const emitAddress = (event, address) =>
		sandbox.emit(`store/customer/address/${event}`, {
			type: 'customer',
			id: address.id,
			address: { customer_id: address.customer_id },
		});

	const state = sandbox.state;
	state.customers = state.customers || [];
	state.customerAddresses = state.customerAddresses || [];
	state.customerGroups = state.customerGroups || [];

	const byId = (list, id) => list.find((r) => r.id === id);
	const remove = (list, record) => {
		const index = list.indexOf(record);
		if (index >= 0) list.splice(index, 1);
	};
	const getCustomer = (id) => byId(state.customers, id);
	const addressesOf = (customerId) =>
		state.customerAddresses.filter((a) => a.customer_id === customerId);

	/** The V3 customer as the API shows it; `includes` adds the optional blocks. */
	/** Addresses grouped by customer id, built once per answer (lists stay fast with large seeds). */
	const addressIndex = () => {
		const index = new Map();
		for (const a of state.customerAddresses) {
			if (!index.has(a.customer_id)) index.set(a.customer_id, []);
			index.get(a.customer_id).push(a);
		}
		return index;
	};

	function customerView(customer, includes = [], index) {
		const addresses = index ? index.get(customer.id) || [] : addressesOf(customer.id);
		const out = {
			id: customer.id,
			email: customer.email,
			first_name: customer.first_name,
			last_name: customer.last_name,
			company: customer.company ?? '',
			phone: customer.phone ?? '',
			registration_ip_address: customer.registration_ip_address ?? '',
			notes: customer.notes ?? '',
			tax_exempt_category: customer.tax_exempt_category ?? '',
			customer_group_id: customer.customer_group_id ?? 0,
			date_created: iso(customer.date_created),
			date_modified: iso(customer.date_modified),
			address_count: addresses.length,
			attribute_count: (customer.attributes || []).length,
			authentication: {
				force_password_reset: Boolean(
					customer.authentication && customer.authentication.force_password_reset,
				),
			},
			accepts_product_review_abandoned_cart_emails: Boolean(
				customer.accepts_product_review_abandoned_cart_emails,
			),
			origin_channel_id: customer.origin_channel_id ?? 1,
			channel_ids: customer.channel_ids ?? [1],
		};
		if (includes.includes('addresses')) out.addresses = addresses.map(addressView);
		if (includes.includes('storecredit'))
			out.store_credit_amounts = customer.store_credit_amounts ?? [{ amount: 0 }];
		if (includes.includes('attributes')) out.attributes = customer.attributes ?? [];
		if (includes.includes('formfields'))
			out.form_fields = (customer.form_fields ?? []).map((f) => ({
				...f,
				customer_id: customer.id,
			}));
		if (includes.includes('shopper_profile_id'))
			out.shopper_profile_id = `sp-${String(customer.id).padStart(8, '0')}`;
		if (includes.includes('segment_ids')) out.segment_ids = [];
		return out;
	}
	sandbox.customerView = customerView;
	sandbox.findCustomer = getCustomer;
	sandbox.findCustomerByEmail = (email) =>
		state.customers.find((c) => lower(c.email) === lower(email));

	const emailTaken = (email, exceptId) =>
		state.customers.some((c) => c.id !== exceptId && lower(c.email) === lower(email));
	const groupExists = (id) => id === 0 || Boolean(byId(state.customerGroups, id));

	// ---------------------------------------------------------------- GET /customers
	sandbox.route(
		'GET',
		'v3',
		'/customers',
		(ctx) => {
			const q = ctx.query;
			const ids = csv(q['id:in']).map(Number);
			let list = ids.length
				? state.customers.filter((c) => ids.includes(c.id))
				: [...state.customers];
			const emails = csv(q['email:in']).map(lower);
			if (emails.length) list = list.filter((c) => emails.includes(lower(c.email)));
			const names = csv(q['name:in']).map(lower);
			if (names.length)
				list = list.filter((c) => names.includes(lower(`${c.first_name} ${c.last_name}`)));
			const likes = csv(q['name:like']).map(lower);
			if (likes.length)
				list = list.filter((c) =>
					likes.some((l) => lower(`${c.first_name} ${c.last_name}`).includes(l)),
				);
			const companies = csv(q['company:in']).map(lower);
			if (companies.length) list = list.filter((c) => companies.includes(lower(c.company)));
			const phones = csv(q['phone:in']);
			if (phones.length) list = list.filter((c) => phones.includes(c.phone));
			const ips = csv(q['registration_ip_address:in']);
			if (ips.length) list = list.filter((c) => ips.includes(c.registration_ip_address));
			const groups = csv(q['customer_group_id:in']).map(Number);
			if (groups.length) list = list.filter((c) => groups.includes(c.customer_group_id ?? 0));
			for (const field of ['date_created', 'date_modified']) {
				for (const [suffix, test] of [
					['', (v, d) => Math.floor(v / 1000) === Math.floor(d / 1000)],
					[':min', (v, d) => v >= d],
					[':max', (v, d) => v <= d],
				]) {
					const raw = q[field + suffix];
					if (raw === undefined) continue;
					const d = parseDate(raw);
					if (Number.isNaN(d))
						return v3Error(422, `The filter "${field}${suffix}" is not a valid date.`, {
							[field + suffix]: 'must be an ISO 8601 date',
						});
					list = list.filter((c) => test(c[field], d));
				}
			}
			const sort = q.sort;
			if (sort) {
				const [field, dir] = String(sort).split(':');
				if (
					!['date_created', 'last_name', 'date_modified'].includes(field) ||
					!['asc', 'desc'].includes(dir)
				) {
					return v3Error(422, `The sort "${sort}" is not supported.`, {
						sort: 'must be date_created, last_name or date_modified with :asc or :desc',
					});
				}
				const sign = dir === 'desc' ? -1 : 1;
				list.sort((a, b) =>
					a[field] < b[field] ? -sign : a[field] > b[field] ? sign : a.id - b.id,
				);
			}
			// without sort: by id, the order state.customers is kept in (ids only grow)
			const includes = csv(q.include).filter((v) => INCLUDES.includes(v));
			let index;
			const map = (c) => customerView(c, includes, index || (index = addressIndex()));
			if (q.after !== undefined || q.before !== undefined) return cursorPage(list, q, map);
			const response = v3List(list, q, { map });
			if (response.status === 200 && response.body.data.length) {
				const data = response.body.data;
				response.body.meta.cursor_pagination = {
					count: data.length,
					per_page: response.body.meta.pagination.per_page,
					start_cursor: encodeCursor(data[0].id),
					end_cursor: encodeCursor(data[data.length - 1].id),
					links: { current: `?limit=${response.body.meta.pagination.per_page}` },
				};
			}
			return response;
		},
		{ scope: SCOPE },
	);

	/** POST and PUT /customers take a non-empty array of at most BATCH_LIMIT customers. */
	function refuseBatchBody(body) {
		if (!Array.isArray(body))
			return v3Error(422, 'The request body must be an array of customers.', {
				body: 'must be an array',
			});
		if (body.length > BATCH_LIMIT) return tooMany(); // the spec documents this 413 without a body
		if (!body.length) return v3Error(422, 'No customers were sent.', { body: 'must not be empty' });
		return undefined;
	}

	// ---------------------------------------------------------------- POST /customers
	sandbox.route(
		'POST',
		'v3',
		'/customers',
		(ctx) => {
			const body = ctx.body;
			const refused = refuseBatchBody(body);
			if (refused) return refused;
			const errors = {};
			const seen = new Set();
			body.forEach((entry, index) => {
				if (!entry || typeof entry !== 'object') {
					errors[`[${index}]`] = 'must be an object';
					return;
				}
				for (const field of ['email', 'first_name', 'last_name']) {
					if (!isNonEmptyString(entry[field])) errors[`[${index}].${field}`] = 'error.path.missing';
				}
				if (isNonEmptyString(entry.email)) {
					if (!EMAIL.test(entry.email))
						errors[`[${index}].email`] = `"${entry.email}" is not a valid email address`;
					else if (emailTaken(entry.email) || seen.has(lower(entry.email)))
						errors[`[${index}].email`] = `The email address ${entry.email} is already in use.`;
					seen.add(lower(entry.email));
				}
				if (
					entry.customer_group_id !== undefined &&
					(!Number.isInteger(entry.customer_group_id) || !groupExists(entry.customer_group_id))
				) {
					errors[`[${index}].customer_group_id`] =
						`Customer group ${entry.customer_group_id} does not exist`;
				}
				if (entry.addresses !== undefined) {
					if (!Array.isArray(entry.addresses) || entry.addresses.length > 10)
						errors[`[${index}].addresses`] = 'must be an array of at most 10 addresses';
					else
						entry.addresses.forEach((a, k) => {
							for (const field of ['first_name', 'last_name', 'address1', 'city', 'country_code']) {
								if (!isNonEmptyString(a && a[field]))
									errors[`[${index}].addresses[${k}].${field}`] = 'error.path.missing';
							}
						});
				}
			});
			if (Object.keys(errors).length)
				return v3Error(422, 'The customers could not be created.', errors);
			const now = sandbox.now();
			const created = body.map((entry) => {
				const id = sandbox.nextId('customers', state.customers.length + 1);
				const customer = {
					id,
					email: entry.email.trim(),
					first_name: entry.first_name,
					last_name: entry.last_name,
					company: entry.company ?? '',
					phone: entry.phone ?? '',
					registration_ip_address: '',
					notes: entry.notes ?? '',
					tax_exempt_category: entry.tax_exempt_category ?? '',
					customer_group_id:
						entry.customer_group_id ??
						(state.customerGroups.find((g) => g.is_default) || { id: 0 }).id,
					date_created: now,
					date_modified: now,
					authentication: {
						force_password_reset: Boolean(
							entry.authentication && entry.authentication.force_password_reset,
						),
					},
					accepts_product_review_abandoned_cart_emails: Boolean(
						entry.accepts_product_review_abandoned_cart_emails,
					),
					origin_channel_id: entry.origin_channel_id ?? 1,
					channel_ids: Array.isArray(entry.channel_ids)
						? entry.channel_ids
						: [entry.origin_channel_id ?? 1],
					store_credit_amounts: Array.isArray(entry.store_credit_amounts)
						? entry.store_credit_amounts
						: [{ amount: 0 }],
					attributes: [],
					form_fields: Array.isArray(entry.form_fields) ? entry.form_fields : [],
				};
				state.customers.push(customer);
				sandbox.emit('store/customer/created', { type: 'customer', id });
				for (const a of entry.addresses || []) {
					const address = createAddress({ ...a, customer_id: id });
					emitAddress('created', address);
				}
				return customer;
			});
			return {
				status: 200,
				body: { data: created.map((c) => customerView(c, ['addresses'])), meta: {} },
			};
		},
		{ scope: SCOPE },
	);

	// ---------------------------------------------------------------- PUT /customers
	sandbox.route(
		'PUT',
		'v3',
		'/customers',
		(ctx) => {
			const body = ctx.body;
			const refused = refuseBatchBody(body);
			if (refused) return refused;
			const errors = {};
			body.forEach((entry, index) => {
				if (!entry || typeof entry !== 'object' || !Number.isInteger(entry.id)) {
					errors[`[${index}].id`] = 'error.path.missing';
					return;
				}
				if (!getCustomer(entry.id)) errors[`[${index}].id`] = `Customer ${entry.id} does not exist`;
				for (const field of ['email', 'first_name', 'last_name']) {
					if (entry[field] !== undefined && !isNonEmptyString(entry[field]))
						errors[`[${index}].${field}`] = 'must not be empty';
				}
				if (isNonEmptyString(entry.email)) {
					if (!EMAIL.test(entry.email))
						errors[`[${index}].email`] = `"${entry.email}" is not a valid email address`;
					else if (emailTaken(entry.email, entry.id))
						errors[`[${index}].email`] = `The email address ${entry.email} is already in use.`;
				}
				if (
					entry.customer_group_id !== undefined &&
					(!Number.isInteger(entry.customer_group_id) || !groupExists(entry.customer_group_id))
				) {
					errors[`[${index}].customer_group_id`] =
						`Customer group ${entry.customer_group_id} does not exist`;
				}
			});
			if (Object.keys(errors).length)
				return v3Error(422, 'The customers could not be updated.', errors);
			const now = sandbox.now();
			const updated = body.map((entry) => {
				const customer = getCustomer(entry.id);
				for (const field of CUSTOMER_WRITABLE)
					if (entry[field] !== undefined) customer[field] = entry[field];
				if (entry.authentication && entry.authentication.force_password_reset !== undefined) {
					customer.authentication = {
						force_password_reset: Boolean(entry.authentication.force_password_reset),
					};
				}
				customer.date_modified = now;
				sandbox.emit('store/customer/updated', { type: 'customer', id: customer.id });
				return customer;
			});
			return { status: 200, body: { data: updated.map((c) => customerView(c)), meta: {} } };
		},
		{ scope: SCOPE },
	);

	// ---------------------------------------------------------------- DELETE /customers
	sandbox.route(
		'DELETE',
		'v3',
		'/customers',
		(ctx) => {
			const ids = csv(ctx.query['id:in']).map(Number);
			// BigCommerce: without id:in the answer is 204 and nothing changes
			for (const id of ids) {
				const customer = getCustomer(id);
				if (!customer) continue;
				remove(state.customers, customer);
				for (const address of addressesOf(id)) remove(state.customerAddresses, address);
				sandbox.emit('store/customer/deleted', { type: 'customer', id });
			}
			return noContent();
		},
		{ scope: SCOPE },
	);

	// ---------------------------------------------------------------- addresses
	function createAddress(input) {
		const id = sandbox.nextId('customerAddresses', state.customerAddresses.length + 1);
		const address = { id, customer_id: input.customer_id };
		for (const field of ADDRESS_FIELDS)
			address[field] = input[field] ?? (field === 'address_type' ? 'residential' : '');
		address.country = COUNTRIES[address.country_code] ?? address.country_code;
		state.customerAddresses.push(address);
		const customer = getCustomer(input.customer_id);
		if (customer) customer.date_modified = sandbox.now();
		return address;
	}
	const sameAddress = (a, b) =>
		['customer_id', ...ADDRESS_FIELDS].every(
			(f) => lower(a[f] ?? '') === lower(b[f] ?? (f === 'address_type' ? 'residential' : '')),
		);

	sandbox.route(
		'GET',
		'v3',
		'/customers/addresses',
		(ctx) => {
			const q = ctx.query;
			let list = [...state.customerAddresses];
			const ids = csv(q['id:in']).map(Number);
			if (ids.length) list = list.filter((a) => ids.includes(a.id));
			const customerIds = csv(q['customer_id:in']).map(Number);
			if (customerIds.length) list = list.filter((a) => customerIds.includes(a.customer_id));
			const companies = csv(q['company:in']).map(lower);
			if (companies.length) list = list.filter((a) => companies.includes(lower(a.company)));
			const names = csv(q['name:in']).map(lower);
			if (names.length)
				list = list.filter((a) => names.includes(lower(`${a.first_name} ${a.last_name}`)));
			list.sort((a, b) => a.id - b.id);
			return v3List(list, q, { map: addressView });
		},
		{ scope: SCOPE },
	);

	sandbox.route(
		'POST',
		'v3',
		'/customers/addresses',
		(ctx) => {
			const body = ctx.body;
			if (!Array.isArray(body) || !body.length)
				return v3Error(422, 'The request body must be a non-empty array of addresses.', {
					body: 'must be a non-empty array',
				});
			const errors = {};
			body.forEach((entry, index) => {
				for (const field of [...ADDRESS_REQUIRED, 'customer_id']) {
					if (
						field === 'customer_id'
							? !Number.isInteger(entry && entry.customer_id)
							: !isNonEmptyString(entry && entry[field])
					)
						errors[`[${index}].${field}`] = 'error.path.missing';
				}
				if (entry && Number.isInteger(entry.customer_id) && !getCustomer(entry.customer_id))
					errors[`[${index}].customer_id`] = `Customer ${entry.customer_id} does not exist`;
				if (
					entry &&
					typeof entry.country_code === 'string' &&
					!/^[A-Za-z]{2}$/.test(entry.country_code)
				)
					errors[`[${index}].country_code`] = 'must be a 2-letter ISO country code';
				if (
					entry &&
					entry.address_type !== undefined &&
					!['residential', 'commercial'].includes(entry.address_type)
				)
					errors[`[${index}].address_type`] = 'must be residential or commercial';
			});
			if (Object.keys(errors).length)
				return v3Error(422, 'The addresses could not be created.', errors);
			const created = [];
			for (const entry of body) {
				const input = { ...entry, country_code: entry.country_code.toUpperCase() };
				// an address identical to an existing one: 200, nothing changes, absent from the answer
				if (state.customerAddresses.some((a) => sameAddress(a, input))) continue;
				const address = createAddress(input);
				emitAddress('created', address);
				created.push(address);
			}
			return { status: 200, body: { data: created.map(addressView), meta: {} } };
		},
		{ scope: SCOPE },
	);

	sandbox.route(
		'PUT',
		'v3',
		'/customers/addresses',
		(ctx) => {
			const body = ctx.body;
			if (!Array.isArray(body) || !body.length)
				return v3Error(422, 'The request body must be a non-empty array of addresses.', {
					body: 'must be a non-empty array',
				});
			const errors = {};
			body.forEach((entry, index) => {
				if (!entry || !Number.isInteger(entry.id)) errors[`[${index}].id`] = 'error.path.missing';
				else if (!byId(state.customerAddresses, entry.id))
					errors[`[${index}].id`] = `Address ${entry.id} does not exist`;
				for (const field of ADDRESS_REQUIRED) {
					if (entry && entry[field] !== undefined && !isNonEmptyString(entry[field]))
						errors[`[${index}].${field}`] = 'must not be empty';
				}
				if (
					entry &&
					entry.country_code !== undefined &&
					!/^[A-Za-z]{2}$/.test(String(entry.country_code))
				)
					errors[`[${index}].country_code`] = 'must be a 2-letter ISO country code';
				if (
					entry &&
					entry.address_type !== undefined &&
					!['residential', 'commercial'].includes(entry.address_type)
				)
					errors[`[${index}].address_type`] = 'must be residential or commercial';
			});
			if (Object.keys(errors).length)
				return v3Error(422, 'The addresses could not be updated.', errors);
			const updated = [];
			for (const entry of body) {
				const address = byId(state.customerAddresses, entry.id);
				const next = { ...address };
				for (const field of ADDRESS_FIELDS)
					if (entry[field] !== undefined)
						next[field] =
							field === 'country_code' ? String(entry[field]).toUpperCase() : entry[field];
				// becoming identical to another address of the customer: no change, absent from the answer
				if (state.customerAddresses.some((a) => a.id !== address.id && sameAddress(a, next)))
					continue;
				Object.assign(address, next, {
					country: COUNTRIES[next.country_code] ?? next.country_code,
				});
				const customer = getCustomer(address.customer_id);
				if (customer) customer.date_modified = sandbox.now();
				emitAddress('updated', address);
				updated.push(address);
			}
			return { status: 200, body: { data: updated.map(addressView), meta: {} } };
		},
		{ scope: SCOPE },
	);

	sandbox.route(
		'DELETE',
		'v3',
		'/customers/addresses',
		(ctx) => {
			const ids = csv(ctx.query['id:in']).map(Number);
			if (!ids.length)
				return v3Error(422, 'The query parameter "id:in" is required.', {
					'id:in': 'error.path.missing',
				});
			for (const id of ids) {
				const address = byId(state.customerAddresses, id);
				if (!address) continue;
				remove(state.customerAddresses, address);
				emitAddress('deleted', address);
			}
			return noContent();
		},
		{ scope: SCOPE },
	);

	// ---------------------------------------------------------------- V2 customer groups
	const groupView = (g) => ({
		id: g.id,
		name: g.name,
		is_default: Boolean(g.is_default),
		category_access:
			g.category_access.type === 'specific'
				? { type: 'specific', categories: [...g.category_access.categories] }
				: { type: g.category_access.type },
		// discount_rules is left out: the spec types it as a oneOf of four array schemas that any array matches
		date_created: rfc2822(g.date_created),
		date_modified: rfc2822(g.date_modified),
		is_group_for_guests: Boolean(g.is_group_for_guests),
	});
	const v2GroupError = (status, title) => ({
		status,
		body: {
			errors: [
				{
					status,
					title,
					type: 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes',
				},
			],
		},
	});
	const bool = (v) => (v === undefined ? undefined : v === 'true' || v === '1');

	function filterGroups(q) {
		let list = [...state.customerGroups];
		if (q.name !== undefined) list = list.filter((g) => lower(g.name) === lower(q.name));
		if (q['name:like'] !== undefined)
			list = list.filter((g) => lower(g.name).includes(lower(q['name:like'])));
		if (bool(q.is_default) !== undefined)
			list = list.filter((g) => Boolean(g.is_default) === bool(q.is_default));
		if (bool(q.is_group_for_guests) !== undefined)
			list = list.filter((g) => Boolean(g.is_group_for_guests) === bool(q.is_group_for_guests));
		return list.sort((a, b) => a.id - b.id);
	}

	function validateGroup(body, existing) {
		if (!body || typeof body !== 'object' || Array.isArray(body))
			return 'The request body must be an object.';
		if (!existing || body.name !== undefined) {
			if (!isNonEmptyString(body.name)) return "The field 'name' is required.";
			if (state.customerGroups.some((g) => g !== existing && lower(g.name) === lower(body.name)))
				return `A customer group named "${body.name}" already exists.`;
		}
		const access = body.category_access;
		if (access !== undefined) {
			if (!access || !['all', 'specific', 'none'].includes(access.type))
				return "The field 'category_access.type' must be all, specific or none.";
			if (
				access.type === 'specific' &&
				(!Array.isArray(access.categories) || access.categories.some((c) => !Number.isInteger(c)))
			)
				return "The field 'category_access.categories' must be an array of category ids.";
		}
		return undefined;
	}

	function applyGroup(group, body) {
		if (body.name !== undefined) group.name = body.name;
		if (body.is_default !== undefined) {
			if (body.is_default) for (const g of state.customerGroups) g.is_default = false;
			group.is_default = Boolean(body.is_default);
		}
		if (body.is_group_for_guests !== undefined)
			group.is_group_for_guests = Boolean(body.is_group_for_guests);
		if (body.category_access !== undefined) {
			group.category_access =
				body.category_access.type === 'specific'
					? { type: 'specific', categories: [...body.category_access.categories] }
					: { type: body.category_access.type };
		}
		group.date_modified = sandbox.now();
	}

	sandbox.route(
		'GET',
		'v2',
		'/customer_groups',
		(ctx) => v2List(filterGroups(ctx.query), ctx.query, { map: groupView }),
		{ scope: SCOPE },
	);
	sandbox.route(
		'GET',
		'v2',
		'/customer_groups/count',
		(ctx) => v2One({ count: filterGroups(ctx.query).length }),
		{ scope: SCOPE },
	);
	sandbox.route(
		'POST',
		'v2',
		'/customer_groups',
		(ctx) => {
			const problem = validateGroup(ctx.body);
			if (problem) return v2GroupError(problem.includes('already exists') ? 409 : 400, problem);
			const id = sandbox.nextId('customerGroups', state.customerGroups.length + 1);
			const group = {
				id,
				name: '',
				is_default: false,
				is_group_for_guests: false,
				category_access: { type: 'all' },
				date_created: sandbox.now(),
				date_modified: sandbox.now(),
			};
			applyGroup(group, ctx.body);
			state.customerGroups.push(group);
			// the spec documents 200 (not 201) for this create
			return v2One(groupView(group), 200);
		},
		{ scope: SCOPE },
	);
	const groupRoute = (handler) => (ctx) => {
		const id = Number(ctx.params.customer_group_id);
		const group = Number.isInteger(id) ? byId(state.customerGroups, id) : undefined;
		if (!group)
			return v2GroupError(404, `Customer group ${ctx.params.customer_group_id} was not found.`);
		return handler(ctx, group);
	};
	sandbox.route(
		'GET',
		'v2',
		'/customer_groups/:customer_group_id',
		groupRoute((ctx, group) => v2One(groupView(group))),
		{ scope: SCOPE },
	);
	sandbox.route(
		'PUT',
		'v2',
		'/customer_groups/:customer_group_id',
		groupRoute((ctx, group) => {
			const problem = validateGroup(ctx.body, group);
			if (problem) return v2GroupError(problem.includes('already exists') ? 409 : 400, problem);
			applyGroup(group, ctx.body);
			return v2One(groupView(group));
		}),
		{ scope: SCOPE },
	);
	sandbox.route(
		'DELETE',
		'v2',
		'/customer_groups/:customer_group_id',
		groupRoute((ctx, group) => {
			remove(state.customerGroups, group);
			for (const customer of state.customers)
				if (customer.customer_group_id === group.id) customer.customer_group_id = 0;
			return noContent();
		}),
		{ scope: SCOPE },
	);
}

/** Customers cursor: an opaque base64 of the customer id. */
function encodeCursor(id) {
	return Buffer.from(`id:${id}`).toString('base64');
}
function decodeCursor(cursor) {
	const text = Buffer.from(String(cursor), 'base64').toString('utf8');
	const m = /^id:(\d+)$/.exec(text);
	return m ? Number(m[1]) : undefined;
}

function cursorPage(list, q, map) {
	const limit = q.limit === undefined ? 50 : Number(q.limit);
	if (!Number.isInteger(limit) || limit < 1)
		return v3Error(422, 'The field "limit" is invalid.', { limit: 'must be a positive integer' });
	if (limit > 250) return v3Error(413, 'The maximum limit is 250.');
	let slice;
	if (q.after !== undefined) {
		const id = decodeCursor(q.after);
		const index = list.findIndex((c) => c.id === id);
		if (id === undefined || index < 0)
			return v3Error(422, 'The cursor "after" is invalid.', { after: 'unknown cursor' });
		slice = list.slice(index + 1, index + 1 + limit);
	} else {
		const id = decodeCursor(q.before);
		const index = list.findIndex((c) => c.id === id);
		if (id === undefined || index < 0)
			return v3Error(422, 'The cursor "before" is invalid.', { before: 'unknown cursor' });
		slice = list.slice(Math.max(0, index - limit), index);
	}
	const data = slice.map((c) => selectFields(map(c), q));
	const cursor = { count: data.length, per_page: limit, links: { current: `?limit=${limit}` } };
	if (data.length) {
		cursor.start_cursor = encodeCursor(data[0].id);
		cursor.end_cursor = encodeCursor(data[data.length - 1].id);
		const last = list.indexOf(slice[slice.length - 1]);
		if (last < list.length - 1) cursor.links.next = `?after=${cursor.end_cursor}&limit=${limit}`;
		if (list.indexOf(slice[0]) > 0)
			cursor.links.previous = `?before=${cursor.start_cursor}&limit=${limit}`;
	}
	return { status: 200, body: { data, meta: { cursor_pagination: cursor } } };
}

function seed(sandbox, seedOptions = {}) {
	const { customers, addresses, groups } = buildCustomerSeed(seedOptions, sandbox);
	const state = sandbox.state;
	state.customers = customers;
	state.customerAddresses = addresses;
	state.customerGroups = groups;
	state.counters.customers = customers.length;
	state.counters.customerAddresses = addresses.length;
	state.counters.customerGroups = groups.length;
}

module.exports = { register, seed, addressView, COUNTRIES };
