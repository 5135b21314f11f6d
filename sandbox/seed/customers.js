'use strict';
/**
 * Deterministic customers, addresses and customer groups for the sandbox store.
 *
 *   buildCustomerSeed({ seed, customers }) -> { customers, addresses, groups }
 *
 * Customers have ids 1..N and emails shopper1@example.com ... shopperN@example.com. Groups:
 * 1 "Retail" (category access: every category except the catalog's restricted one), 2 "Wholesale"
 * (all categories), 3 "VIP" (all categories, default group for new customers: no).
 */
const { createRandom, SEED_EPOCH } = require('./random');

function catalogSeed() {
	try {
		return require('./catalog');
	} catch {
		return undefined; // the catalog seed is not there: use the agreed fixed ids
	}
}

/** The catalog's category that only some groups may see (seed/catalog's RESTRICTED_CATEGORY_ID). */
function restrictedCategoryId() {
	const catalog = catalogSeed();
	return catalog && Number.isInteger(catalog.RESTRICTED_CATEGORY_ID)
		? catalog.RESTRICTED_CATEGORY_ID
		: 30;
}

/** Every category id of the store: the seeded catalog's, else the catalog seed's fixed list. */
function catalogCategoryIds(sandbox) {
	const categories =
		sandbox && sandbox.state && sandbox.state.catalog && sandbox.state.catalog.categories;
	if (categories && typeof categories.keys === 'function') return [...categories.keys()];
	const catalog = catalogSeed();
	if (catalog && Array.isArray(catalog.CATEGORIES)) return catalog.CATEGORIES.map((c) => c[0]);
	return [];
}

const FIRST_NAMES = [
	'Ava',
	'Liam',
	'Mia',
	'Noah',
	'Zoe',
	'Ethan',
	'Isla',
	'Lucas',
	'Chloe',
	'Mateo',
	'Nora',
	'Omar',
	'Priya',
	'Kenji',
	'Sofia',
	'Diego',
	'Hana',
	'Yusuf',
	'Elena',
	'Tariq',
];
const LAST_NAMES = [
	'Garcia',
	'Smith',
	'Nguyen',
	'Okafor',
	'Kowalski',
	'Rossi',
	'Tanaka',
	'Dubois',
	'Patel',
	'Jensen',
	'Silva',
	'Murphy',
	'Haddad',
	'Kim',
	'Novak',
	'Schmidt',
];
const COMPANIES = [
	'',
	'',
	'',
	'Acme Outfitters',
	'Northwind Traders',
	'Blue Ridge Supply',
	'Harbor & Co',
];
const PLACES = [
	{ city: 'Austin', state: 'Texas', postal: '78701', country: 'United States', code: 'US' },
	{ city: 'Portland', state: 'Oregon', postal: '97205', country: 'United States', code: 'US' },
	{ city: 'Chicago', state: 'Illinois', postal: '60601', country: 'United States', code: 'US' },
	{ city: 'Toronto', state: 'Ontario', postal: 'M5H 2N2', country: 'Canada', code: 'CA' },
	{
		city: 'Manchester',
		state: 'Greater Manchester',
		postal: 'M1 1AE',
		country: 'United Kingdom',
		code: 'GB',
	},
	{ city: 'Sydney', state: 'New South Wales', postal: '2000', country: 'Australia', code: 'AU' },
];
const STREETS = [
	'Oak Street',
	'Maple Avenue',
	'Market Street',
	'Harbor Road',
	'Elm Lane',
	'Cedar Court',
	'River Drive',
];

/** ISO 8601 without milliseconds, as V3 writes dates. */
function iso(ms) {
	return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function buildGroups(sandbox) {
	const restricted = restrictedCategoryId();
	const known = catalogCategoryIds(sandbox);
	const retailCategories = (
		known.length ? known : Array.from({ length: 30 }, (_, k) => k + 1)
	).filter((id) => id !== restricted);
	const created = SEED_EPOCH - 400 * 86400000;
	return [
		{
			id: 1,
			name: 'Retail',
			is_default: true,
			category_access: { type: 'specific', categories: retailCategories },
			is_group_for_guests: false,
			date_created: created,
			date_modified: created,
		},
		{
			id: 2,
			name: 'Wholesale',
			is_default: false,
			category_access: { type: 'all' },
			is_group_for_guests: false,
			date_created: created,
			date_modified: created,
		},
		{
			id: 3,
			name: 'VIP',
			is_default: false,
			category_access: { type: 'all' },
			is_group_for_guests: false,
			date_created: created,
			date_modified: created,
		},
	];
}

/**
 * @param {{ seed?: number, customers?: number }} options
 * @param {object} [sandbox] used to read the catalog's categories when it is seeded first
 */
function buildCustomerSeed(options = {}, sandbox) {
	const count = options.customers === undefined ? 25 : Math.max(0, Number(options.customers) || 0);
	const random = createRandom((options.seed === undefined ? 42 : options.seed) + 7001);
	const groups = buildGroups(sandbox);
	const customers = [];
	const addresses = [];
	let addressId = 0;
	for (let id = 1; id <= count; id++) {
		const first = FIRST_NAMES[(id - 1) % FIRST_NAMES.length];
		const last = LAST_NAMES[(id * 7) % LAST_NAMES.length];
		const created = SEED_EPOCH - (count - id + 30) * 86400000 + random.int(0, 86399) * 1000;
		const modified = Math.min(SEED_EPOCH, created + random.int(0, 60) * 86400000);
		// groups: most shoppers retail, some wholesale, a few VIP, some without a group
		const groupRoll = id % 10;
		const groupId = groupRoll === 0 ? 0 : groupRoll <= 6 ? 1 : groupRoll <= 8 ? 2 : 3;
		const customer = {
			id,
			email: `shopper${id}@example.com`,
			first_name: first,
			last_name: last,
			company: COMPANIES[id % COMPANIES.length],
			phone: `512555${String(1000 + id).slice(-4)}`,
			registration_ip_address: `192.0.2.${(id % 250) + 1}`,
			notes: id % 5 === 0 ? 'Prefers email contact.' : '',
			tax_exempt_category: groupId === 2 ? 'W' : '',
			customer_group_id: groupId,
			date_created: created,
			date_modified: modified,
			authentication: { force_password_reset: false },
			accepts_product_review_abandoned_cart_emails: id % 3 !== 0,
			origin_channel_id: 1,
			channel_ids: [1],
			store_credit_amounts: [{ amount: id % 4 === 0 ? 10 : 0 }],
			attributes: [],
			form_fields: [],
		};
		customers.push(customer);
		const addressCount = id % 7 === 0 ? 0 : id % 3 === 0 ? 2 : 1;
		for (let k = 0; k < addressCount; k++) {
			const place = random.pick(PLACES);
			addresses.push({
				id: ++addressId,
				customer_id: id,
				first_name: first,
				last_name: last,
				company: customer.company,
				address1: `${random.int(1, 999)} ${random.pick(STREETS)}`,
				address2: k === 1 ? `Suite ${random.int(100, 999)}` : '',
				city: place.city,
				state_or_province: place.state,
				postal_code: place.postal,
				country: place.country,
				country_code: place.code,
				phone: customer.phone,
				address_type: k === 1 || customer.company ? 'commercial' : 'residential',
			});
		}
	}
	return { customers, addresses, groups };
}

module.exports = { buildCustomerSeed, restrictedCategoryId, iso, PLACES };
