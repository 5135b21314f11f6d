'use strict';
/**
 * Response helpers that reproduce BigCommerce's V2 and V3 conventions. Resource handlers return
 * what these build: `{ status, body, headers? }`.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const pad = (n) => String(n).padStart(2, '0');

/** ISO/epoch/Date -> RFC-2822 as V2 writes it: "Tue, 20 Nov 2012 00:00:00 +0000". */
function rfc2822(value) {
	const d = value instanceof Date ? value : new Date(value);
	return `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

/** Parses V3 `limit`/`page` (limit 1..250, default 50). Returns an error response when out of range. */
function pageParams(query, { maxLimit = 250, defaultLimit = 50 } = {}) {
	const limit = query.limit === undefined ? defaultLimit : Number(query.limit);
	const page = query.page === undefined ? 1 : Number(query.page);
	if (!Number.isInteger(limit) || limit < 1)
		return {
			error: v3Error(422, 'The field "limit" is invalid.', { limit: 'must be a positive integer' }),
		};
	if (limit > maxLimit) return { error: v3Error(413, `The maximum limit is ${maxLimit}.`) };
	if (!Number.isInteger(page) || page < 1)
		return {
			error: v3Error(422, 'The field "page" is invalid.', { page: 'must be a positive integer' }),
		};
	return { limit, page };
}

function csv(value) {
	if (value === undefined || value === null || value === '') return [];
	return String(value)
		.split(',')
		.map((v) => v.trim())
		.filter(Boolean);
}

/** Applies include_fields / exclude_fields (id is always kept, as BigCommerce does). */
function selectFields(record, query) {
	const include = csv(query.include_fields);
	const exclude = csv(query.exclude_fields);
	if (!include.length && !exclude.length) return record;
	const out = {};
	for (const [key, value] of Object.entries(record)) {
		if (include.length && key !== 'id' && !include.includes(key)) continue;
		if (exclude.includes(key) && key !== 'id') continue;
		out[key] = value;
	}
	return out;
}

/** V3 collection: `{ data, meta: { pagination } }` for one page of `items`. */
function v3List(items, query, options = {}) {
	const p = pageParams(query, options);
	if (p.error) return p.error;
	const total = items.length;
	const totalPages = Math.max(1, Math.ceil(total / p.limit));
	const slice = items.slice((p.page - 1) * p.limit, p.page * p.limit);
	const data = slice.map((r) => selectFields(options.map ? options.map(r) : r, query));
	const links = { current: `?page=${p.page}&limit=${p.limit}` };
	if (p.page > 1) links.previous = `?page=${p.page - 1}&limit=${p.limit}`;
	if (p.page < totalPages) links.next = `?page=${p.page + 1}&limit=${p.limit}`;
	return {
		status: 200,
		body: {
			data,
			meta: {
				pagination: {
					total,
					count: data.length,
					per_page: p.limit,
					current_page: p.page,
					total_pages: totalPages,
					links,
				},
			},
		},
	};
}

/** V3 single object: `{ data, meta: {} }`. */
function v3One(record, status = 200, query = {}) {
	return { status, body: { data: selectFields(record, query), meta: {} } };
}

/** V2 collection: a bare array, or 204 with no body when the page is empty. */
function v2List(items, query, { maxLimit = 250, map } = {}) {
	const limit = query.limit === undefined ? 50 : Number(query.limit);
	const page = query.page === undefined ? 1 : Number(query.page);
	if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit)
		return v2Error(400, `The field 'limit' must be between 1 and ${maxLimit}.`);
	if (!Number.isInteger(page) || page < 1)
		return v2Error(400, "The field 'page' must be a positive integer.");
	const slice = items.slice((page - 1) * limit, page * limit);
	if (!slice.length) return { status: 204, body: undefined };
	return { status: 200, body: map ? slice.map(map) : slice };
}

function v2One(record, status = 200) {
	return { status, body: record };
}

/** V3 error body: `{ status, title, type, errors? }`. */
function v3Error(status, title, errors, extra) {
	const body = {
		status,
		title,
		type: 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes',
	};
	if (errors) body.errors = errors;
	return { status, body: { ...body, ...(extra || {}) } };
}

/** V2 error body: a bare array `[{ status, message }]`. */
function v2Error(status, message, details) {
	const entry = { status, message };
	if (details) entry.details = details;
	return { status, body: [entry] };
}

function noContent() {
	return { status: 204, body: undefined };
}

module.exports = {
	rfc2822,
	pageParams,
	csv,
	selectFields,
	v3List,
	v3One,
	v2List,
	v2One,
	v3Error,
	v2Error,
	noContent,
};
