'use strict';
/** Small HTTP helpers for the harness (Node's fetch, manual redirects and cookies). */

async function request(
	url,
	{ method = 'GET', headers = {}, body, redirect = 'manual', timeoutMs = 30_000 } = {},
) {
	const init = {
		method,
		headers: { ...headers },
		redirect,
		signal: AbortSignal.timeout(timeoutMs),
	};
	if (body !== undefined) {
		if (typeof body === 'string' || Buffer.isBuffer(body)) {
			init.body = body;
		} else {
			init.body = JSON.stringify(body);
			if (!Object.keys(init.headers).some((h) => h.toLowerCase() === 'content-type')) {
				init.headers['Content-Type'] = 'application/json';
			}
		}
	}
	const response = await fetch(url, init);
	const text = await response.text();
	let json;
	try {
		json = text ? JSON.parse(text) : undefined;
	} catch {
		json = undefined;
	}
	return {
		status: response.status,
		headers: response.headers,
		location: response.headers.get('location') || undefined,
		setCookies:
			typeof response.headers.getSetCookie === 'function' ? response.headers.getSetCookie() : [],
		text,
		json,
	};
}

/** A minimal cookie jar: name -> value (one origin). */
class CookieJar {
	constructor() {
		this.cookies = new Map();
	}

	store(setCookies) {
		for (const line of setCookies || []) {
			const [pair] = line.split(';');
			const index = pair.indexOf('=');
			if (index > 0) this.cookies.set(pair.slice(0, index).trim(), pair.slice(index + 1).trim());
		}
	}

	header() {
		return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
	}
}

module.exports = { request, CookieJar };
