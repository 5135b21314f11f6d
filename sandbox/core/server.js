'use strict';
/**
 * The local BigCommerce: one stateful HTTP server with BigCommerce's URL layout
 * (`/stores/{hash}/v2/...`, `/stores/{hash}/v3/...`), `X-Auth-Token` auth with per-token scopes,
 * and resource modules that register routes. Dev tooling only: never published.
 */
const http = require('node:http');
const { v2Error, v3Error } = require('./respond');
const { RateLimiter } = require('./ratelimit');
const { Faults } = require('./faults');
const { installControls } = require('./control');
const { installOAuth } = require('./oauth');

/** A token's scopes grant a route when they hold the modify scope, or its read-only variant for GET. */
function scopeAllows(tokenScopes, route, method) {
	if (!route.scope) return true; // webhooks: default scope of every API account
	if (tokenScopes.includes('*')) return true;
	const modify = route.scope;
	const read = route.readScopes || [`${modify}_read_only`];
	if (tokenScopes.includes(modify)) return true;
	return (method === 'GET' || method === 'HEAD') && read.some((s) => tokenScopes.includes(s));
}

function compilePattern(pattern) {
	const names = [];
	const source = pattern
		.split('/')
		.map((part) => {
			if (part.startsWith(':')) {
				names.push(part.slice(1));
				return '([^/]+)';
			}
			return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		})
		.join('/');
	return { regex: new RegExp(`^${source}/?$`), names };
}

class Sandbox {
	constructor(options = {}) {
		this.options = options;
		this.storeHash = options.storeHash || 'abc1d2ef';
		this.storeId = options.storeId || '1001234';
		this.host = options.host || '127.0.0.1';
		this.routes = [];
		/** token -> { scopes: string[], revoked?: boolean, clientId?: string } */
		this.tokens = new Map();
		/** Shared mutable store state; resource modules keep their collections here. */
		this.state = { counters: {} };
		/**
		 * Every request served: { method, version, path, query, body, status, at, inFlight, answeredAt }.
		 * `inFlight`: API requests being handled when this one arrived, itself included (so the
		 * largest value is the most a client had in flight at once); `answeredAt`: when its answer
		 * was sent (sandbox clock; absent while held or when dropped).
		 */
		this.requests = [];
		/** API requests received and not yet answered (or dropped, or closed). */
		this.apiInFlight = 0;
		/** Run before routing; a middleware may return a response to short-circuit. */
		this.middlewares = [];
		/** Run after a response is produced: (exchange) => void. */
		this.observers = [];
		/** Raw request handlers for non-API paths (OAuth, controls): (req, res, url) => boolean. */
		this.rawHandlers = [];
		/** OpenAPI contract violations (filled by sandbox/contract when installed). */
		this.violations = [];
		/** (violation) => void, called for each new violation. */
		this.violationListeners = [];
		/** Listeners for store events: (scope, data) => void (the webhook engine subscribes). */
		this.eventListeners = [];
		const baseNow = options.now || (() => Date.now());
		/** Added to the clock by `advanceClock(ms)` (tests and /__sandbox/clock move time forward). */
		this.clockOffset = 0;
		this.now = () => baseNow() + this.clockOffset;
		/** Rate limit per store: options.rateLimit = { quota, windowMs } | false (default 150 / 30 000 ms). */
		this.rateLimiter = new RateLimiter(() => this.now(), options.rateLimit);
		/** Fault injection: sandbox.faults.add({...}) (see core/faults.js). */
		this.faults = new Faults();
		/** Added to every API response (ms), e.g. 80 for benchmarks. */
		this.latencyMs = Number(options.latencyMs || 0);
		/** Control endpoints under /__sandbox/ ({ method, regex, names, handler }). */
		this.controls = [];
		const defaultToken = options.accessToken || 'sandbox-token-0123456789abcdef';
		this.accessToken = defaultToken;
		this.addToken(defaultToken, options.scopes || ['*']);
		installControls(this);
		installOAuth(this, options);
	}

	/** Registers a token with its scopes (e.g. ['store_v2_products_read_only']). */
	addToken(token, scopes, extra = {}) {
		this.tokens.set(token, { scopes, ...extra });
		return token;
	}

	revokeToken(token) {
		const entry = this.tokens.get(token);
		if (entry) entry.revoked = true;
	}

	/** Changes the rate limit at run time ({ quota, windowMs } | false) and starts a fresh window. */
	setRateLimit(limit) {
		this.rateLimiter.set(limit);
	}

	/** Moves the sandbox clock forward; returns the new now(). */
	advanceClock(ms) {
		this.clockOffset += Number(ms) || 0;
		return this.now();
	}

	/**
	 * Registers an out-of-process control endpoint under /__sandbox/ (no auth, loopback only).
	 * `path` like '/webhooks/emit' or '/state/:collection' (relative to /__sandbox);
	 * `handler({ sandbox, method, params, query, body, req })` returns `{ status, body?, headers? }`,
	 * or undefined for 204.
	 */
	registerControl(method, path, handler) {
		const relative = path.replace(/^\/?__sandbox(?=\/)/, '');
		const { regex, names } = compilePattern(relative.startsWith('/') ? relative : `/${relative}`);
		this.controls.push({ method: method.toUpperCase(), path: relative, regex, names, handler });
	}

	/** Next integer ID for a collection. */
	nextId(name, start = 1) {
		const current = this.state.counters[name] ?? start - 1;
		this.state.counters[name] = current + 1;
		return current + 1;
	}

	/**
	 * Registers an API route. `version` 'v2' | 'v3'; `pattern` like '/catalog/products/:product_id';
	 * `scope` the modify scope (GET also accepts `${scope}_read_only`, or `readScopes`);
	 * `handler(ctx)` returns `{ status, body, headers? }`.
	 */
	route(method, version, pattern, handler, { scope, readScopes } = {}) {
		const { regex, names } = compilePattern(pattern);
		this.routes.push({ method, version, pattern, regex, names, handler, scope, readScopes });
	}

	/** Announces a store event (the webhook engine delivers it to matching hooks). */
	emit(scope, data, options) {
		for (const listener of this.eventListeners) listener(scope, data, options);
	}

	async handle(req, res) {
		const url = new URL(req.url, `http://${req.headers.host || 'localhost'}`);
		const rawBody = await readBody(req);
		for (const raw of this.rawHandlers) {
			if (await raw(req, res, url, rawBody)) return;
		}
		const match = /^\/stores\/([^/]+)\/(v2|v3)(\/.*)?$/.exec(url.pathname);
		if (!match) return send(res, { status: 404, body: { status: 404, title: 'Not found' } });
		const [, hash, version, rest = '/'] = match;
		const inFlight = ++this.apiInFlight;
		res.once('close', () => this.apiInFlight--);
		const query = {};
		for (const [key, value] of url.searchParams) query[key] = value;
		let body;
		if (rawBody.length) {
			try {
				body = JSON.parse(rawBody.toString('utf8'));
			} catch {
				body = undefined;
			}
		}
		const ctx = {
			method: req.method,
			version,
			path: rest.replace(/\/+$/, '') || '/',
			rawPath: rest.replace(/\/+$/, '') || '/',
			query,
			body,
			rawBody,
			headers: req.headers,
			params: {},
			state: this.state,
			sandbox: this,
			url,
		};
		let response;
		let route;
		const err = version === 'v2' ? v2Error : v3Error;
		const fault = this.faults.take(req.method, version, ctx.path);
		let rateHeaders = true;
		let delayMs = this.latencyMs;
		if (fault) {
			ctx.fault = fault.kind;
			if (fault.kind === 'latency') delayMs += fault.latencyMs;
			else if (fault.kind === 'drop' && !fault.process) response = { status: 0, drop: true };
			else if (fault.kind === 'hang') response = { status: 0, hang: true };
			else if (fault.kind === 'rateLimitBare') {
				rateHeaders = false;
				response = withHeaders(
					faultBody(
						fault,
						version,
						429,
						'Too many requests. The platform is under load; try again later.',
					),
					fault.headers,
				);
			} else if (fault.kind === 'rateLimit') {
				this.rateLimiter.take();
				response = withHeaders(
					faultBody(fault, version, 429, 'You have exceeded your request rate limit.'),
					{ ...this.rateLimiter.headers({ exhausted: true }), ...(fault.headers || {}) },
				);
				rateHeaders = false;
			} else if (fault.kind === 'status') {
				this.rateLimiter.take();
				response = withHeaders(
					faultBody(
						fault,
						version,
						fault.status || 500,
						`${http.STATUS_CODES[fault.status || 500] || 'Error'} (injected fault).`,
					),
					fault.headers,
				);
			}
		}
		if (!response && !this.rateLimiter.take()) {
			response = withHeaders(
				err(429, 'You have exceeded your request rate limit.'),
				this.rateLimiter.headers({ exhausted: true }),
			);
			rateHeaders = false;
		}
		if (!response) {
			for (const middleware of this.middlewares) {
				response = await middleware(ctx);
				if (response) break;
			}
		}
		if (!response) {
			const token = req.headers['x-auth-token'];
			const entry = token ? this.tokens.get(String(token)) : undefined;
			if (hash !== this.storeHash) {
				response = err(404, 'The requested store was not found.');
			} else if (!entry || entry.revoked) {
				response =
					version === 'v2'
						? v2Error(401, 'You are not authorized to access this resource.')
						: v3Error(
								401,
								'You are not authorized to access this resource. The access token is invalid or has been revoked.',
							);
			} else if (rawBody.length && body === undefined) {
				response =
					version === 'v2'
						? v2Error(400, 'The request body is not valid JSON.')
						: v3Error(400, 'Input is invalid', { body: 'The request body is not valid JSON.' });
			} else {
				const candidates = this.routes.filter(
					(r) => r.version === version && r.regex.test(ctx.path),
				);
				route = candidates.find((r) => r.method === req.method);
				if (!route) {
					response = candidates.length
						? err(405, 'Method not allowed.')
						: err(404, 'The requested resource was not found.');
				} else if (!scopeAllows(entry.scopes, route, req.method)) {
					const needed =
						req.method === 'GET'
							? `${route.scope} or ${(route.readScopes || [`${route.scope}_read_only`]).join(' or ')}`
							: route.scope;
					response = err(
						403,
						`You don't have a required scope to access the endpoint. Required scope: ${needed}.`,
					);
				} else {
					const m = route.regex.exec(ctx.path);
					route.names.forEach(
						(name, index) => (ctx.params[name] = decodeURIComponent(m[index + 1])),
					);
					ctx.token = String(token);
					ctx.tokenInfo = entry;
					try {
						response = await route.handler(ctx);
					} catch (error) {
						response = err(500, `Sandbox handler failed: ${error.message}`);
					}
				}
			}
			if (fault && fault.kind === 'drop') response = { ...response, drop: true };
		}
		const unanswered = Boolean(response.drop || response.hang);
		// headers a route or middleware set itself win over the limiter's
		if (rateHeaders && !unanswered)
			response = {
				...response,
				headers: { ...this.rateLimiter.headers(), ...(response.headers || {}) },
			};
		if (delayMs > 0 && !unanswered)
			response = { ...response, delayMs: (response.delayMs || 0) + delayMs };
		const requestIndex = this.requests.length;
		const exchange = { ctx, route, response, requestIndex };
		const entry = {
			index: requestIndex,
			method: ctx.method,
			version,
			path: ctx.path,
			query,
			body,
			headers: req.headers,
			status: unanswered ? null : response.status,
			fault: ctx.fault,
			at: this.now(),
			inFlight,
		};
		this.requests.push(entry);
		for (const observer of this.observers) observer(exchange);
		if (response.drop) {
			req.socket.destroy();
			return;
		}
		if (response.hang) {
			this.faults.hold(fault, req.socket);
			return;
		}
		if (response.delayMs) await new Promise((r) => setTimeout(r, response.delayMs));
		entry.answeredAt = this.now();
		send(res, response);
	}

	/** Starts listening; resolves with the base URL. */
	async listen(port = 0) {
		this.server = http.createServer((req, res) => {
			this.handle(req, res).catch((error) => {
				if (!res.headersSent)
					send(res, { status: 500, body: { status: 500, title: String(error && error.message) } });
			});
		});
		this.server.keepAliveTimeout = 1000;
		await new Promise((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(port, this.host, resolve);
		});
		this.port = this.server.address().port;
		this.baseUrl = `http://${this.host}:${this.port}`;
		this.controlUrl = `${this.baseUrl}/__sandbox`;
		return this.baseUrl;
	}

	/** Lets the process exit even if this sandbox is still listening. */
	unref() {
		if (this.server) this.server.unref();
	}

	async close() {
		if (!this.server) return;
		this.server.closeAllConnections?.();
		await new Promise((resolve) => this.server.close(() => resolve()));
		this.server = undefined;
	}

	/** The API path for a version, as BigCommerce shows it: `${baseUrl}/stores/{hash}/v3`. */
	apiPath(version = 'v3') {
		return `${this.baseUrl}/stores/${this.storeHash}/${version}`;
	}
}

function withHeaders(response, headers) {
	if (!headers || !Object.keys(headers).length) return response;
	return { ...response, headers: { ...(response.headers || {}), ...headers } };
}

/** The response of a 'status'/'rateLimit' fault: the given body, or the version's error body. */
function faultBody(fault, version, status, message) {
	if (fault.body !== undefined) return { status, body: fault.body };
	return version === 'v2' ? v2Error(status, message) : v3Error(status, message);
}

function readBody(req) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

function send(res, response) {
	const headers = { ...(response.headers || {}) };
	if (response.status === 204 || response.body === undefined) {
		res.writeHead(response.status, headers);
		res.end();
		return;
	}
	const text = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
	if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
		headers['Content-Type'] =
			response.status >= 400 && response.problem ? 'application/problem+json' : 'application/json';
	}
	res.writeHead(response.status, headers);
	res.end(text);
}

module.exports = { Sandbox, scopeAllows, send, readBody };
