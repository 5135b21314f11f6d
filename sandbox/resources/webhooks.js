'use strict';
/**
 * Webhooks V3 (`/v3/hooks`, default scope: any API account) and the delivery engine.
 *
 * Hooks belong to the API account (client) of the token that created them and are invisible to
 * other clients; at most one hook per client + scope + destination. Store events announced with
 * `sandbox.emit(scope, data)` are wrapped in BigCommerce's callback envelope
 * `{ scope, store_id, data, hash, created_at, producer }` and POSTed to every active hook whose
 * scope matches (wildcards such as `store/order/*`), with the hook's custom headers and, when
 * signing is on, Standard Webhooks headers (`webhook-id`, `webhook-timestamp`,
 * `webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body" keyed with the client secret>`).
 * A failed delivery (non-2xx, timeout, refused connection) is retried on a compressed clock
 * (`retrySchedule`, ms); when the schedule is exhausted the hook is deactivated, as BigCommerce
 * does after ~48 h of failures.
 *
 * Test controls: `sandbox.webhooks` (the engine) and, over HTTP, `/__sandbox/webhooks/*`
 * (see `CONTROL_ROUTES` below).
 */
const crypto = require('node:crypto');
const http = require('node:http');
const https = require('node:https');
const { v3List, v3One, v3Error } = require('../core/respond');

const DEFAULTS = {
	/** Delays before each retry after a failed attempt (BigCommerce: 60 s … 86400 s). */
	retrySchedule: [50, 150, 300],
	/** An attempt that takes longer counts as failed. */
	timeoutMs: 5000,
	/** Add Standard Webhooks signature headers. */
	sign: false,
	/** Refuse destinations BigCommerce refuses (not https, not port 443). */
	requireHttps: false,
};

const sha1 = (text) => crypto.createHash('sha1').update(text).digest('hex');

/** Client ID of a token: the one given with addToken(…, { clientId }), else derived from the token. */
function clientIdOf(sandbox, token) {
	const entry = sandbox.tokens.get(token);
	if (entry && entry.clientId) return entry.clientId;
	return sha1(`client:${token}`).slice(0, 31);
}

/** Client secret used to sign deliveries for a client (tokens may carry their own). */
function clientSecretOf(sandbox, clientId) {
	for (const [, entry] of sandbox.tokens) {
		if (entry.clientId === clientId && entry.clientSecret) return entry.clientSecret;
	}
	return sha1(`secret:${clientId}`);
}

/** `store/order/*` matches every scope below store/order; a `*` inside matches one segment. */
function scopeMatches(pattern, scope) {
	const p = pattern.split('/');
	const s = scope.split('/');
	for (let i = 0; i < p.length; i++) {
		if (p[i] === '*' && i === p.length - 1) return s.length > i;
		if (i >= s.length) return false;
		if (p[i] !== '*' && p[i] !== s[i]) return false;
	}
	return p.length === s.length;
}

function validScope(scope) {
	return typeof scope === 'string' && /^store\/[A-Za-z0-9_*{}]+(\/[A-Za-z0-9_*{}]+)*$/.test(scope);
}

function destinationProblem(destination, requireHttps) {
	let url;
	try {
		url = new URL(destination);
	} catch {
		return 'must be a valid URL';
	}
	if (!/^https?:$/.test(url.protocol)) return 'must be an http(s) URL';
	if (requireHttps && (url.protocol !== 'https:' || (url.port && url.port !== '443'))) {
		return 'must be served over HTTPS on port 443';
	}
	return null;
}

function validHeaders(headers) {
	if (headers === undefined || headers === null) return true;
	if (typeof headers !== 'object' || Array.isArray(headers)) return false;
	return Object.values(headers).every((v) => typeof v === 'string');
}

class WebhookEngine {
	constructor(sandbox, options = {}) {
		this.sandbox = sandbox;
		this.settings = { ...DEFAULTS, ...options };
		/** Every delivery: { id, hookId, scope, destination, payload, body, attempts[], status, copyOf? }. */
		this.deliveries = [];
		this.inFlight = new Set();
		this.agentHttp = new http.Agent({ keepAlive: false });
		this.agentHttps = new https.Agent({ keepAlive: false, rejectUnauthorized: false });
	}

	get hooks() {
		return this.sandbox.state.hooks;
	}

	configure(settings = {}) {
		for (const key of Object.keys(DEFAULTS))
			if (settings[key] !== undefined) this.settings[key] = settings[key];
		return { ...this.settings };
	}

	/** Builds the callback envelope BigCommerce sends for a store event. */
	envelope(scope, data, createdAt) {
		return {
			scope,
			store_id: String(this.sandbox.storeId),
			data,
			hash: sha1(JSON.stringify(data)),
			created_at: createdAt ?? Math.floor(this.sandbox.now() / 1000),
			producer: `stores/${this.sandbox.storeHash}`,
		};
	}

	/**
	 * Announces an event: delivers it to every active matching hook. With `channelId`, hooks on the
	 * channel-specific scope (`store/channel/{id}/…`) receive it too, under that scope.
	 * Returns the deliveries started.
	 */
	emit(scope, data, { channelId = this.channelOf(data) } = {}) {
		const started = [];
		const createdAt = Math.floor(this.sandbox.now() / 1000);
		const scopes = [scope];
		if (
			channelId !== undefined &&
			scope.startsWith('store/') &&
			!scope.startsWith('store/channel/')
		) {
			scopes.push(`store/channel/${channelId}/${scope.slice('store/'.length)}`);
		}
		for (const hook of this.hooks) {
			if (!hook.is_active) continue;
			const eventScope = scopes.find((s) => scopeMatches(hook.scope, s));
			if (!eventScope) continue;
			started.push(this.deliver(hook, this.envelope(eventScope, data, createdAt)));
		}
		return started;
	}

	/** The storefront channel of an order or cart event (BigCommerce also sends those per channel). */
	channelOf(data) {
		if (!data || typeof data !== 'object') return undefined;
		const state = this.sandbox.state;
		if (data.type === 'order' && Array.isArray(state.orders)) {
			const order = state.orders.find((o) => o.id === Number(data.id));
			return order ? order.channel_id : undefined;
		}
		const cartId =
			data.type === 'cart' ? data.id : data.type === 'cart_line_item' ? data.cartId : undefined;
		if (cartId !== undefined && state.carts instanceof Map) {
			const cart = state.carts.get(String(cartId).toLowerCase());
			return cart ? cart.channel_id : undefined;
		}
		return undefined;
	}

	/** Starts one delivery (with retries) of a payload to a hook. */
	deliver(hook, payload, extra = {}) {
		const delivery = {
			id: this.sandbox.nextId('webhookDelivery'),
			hookId: hook.id,
			clientId: hook.client_id,
			scope: payload.scope,
			destination: hook.destination,
			payload,
			body: JSON.stringify(payload),
			messageId: extra.messageId || `msg_${crypto.randomBytes(12).toString('hex')}`,
			attempts: [],
			status: 'pending',
			...(extra.copyOf ? { copyOf: extra.copyOf } : {}),
		};
		this.deliveries.push(delivery);
		const done = this.run(hook, delivery).finally(() => this.inFlight.delete(done));
		this.inFlight.add(done);
		delivery.done = done;
		return delivery;
	}

	async run(hook, delivery) {
		const schedule = this.settings.retrySchedule;
		for (let attempt = 0; ; attempt++) {
			const result = await this.attempt(hook, delivery);
			delivery.attempts.push(result);
			if (result.status >= 200 && result.status < 300) {
				delivery.status = 'delivered';
				return;
			}
			if (attempt >= schedule.length) break;
			await new Promise((resolve) => setTimeout(resolve, schedule[attempt]));
			if (this.stopped || !hook.is_active || !this.hooks.includes(hook)) {
				delivery.status = 'abandoned';
				return;
			}
		}
		delivery.status = 'failed';
		if (hook.is_active) {
			hook.is_active = false;
			hook.updated_at = Math.floor(this.sandbox.now() / 1000);
			hook.deactivatedReason = 'delivery retries exhausted';
		}
	}

	/** One HTTP POST; resolves with `{ status, at, ms, error?, body? }` (status 0 = no answer). */
	attempt(hook, delivery) {
		const started = Date.now();
		const headers = {
			'Content-Type': 'application/json',
			'User-Agent': 'BigCommerce-Webhooks-Sandbox',
			...(hook.headers || {}),
		};
		if (this.settings.sign) Object.assign(headers, this.signatureHeaders(hook.client_id, delivery));
		delivery.sentHeaders = headers;
		return new Promise((resolve) => {
			let url;
			try {
				url = new URL(hook.destination);
			} catch (error) {
				resolve({ status: 0, at: started, ms: 0, error: `bad destination: ${error.message}` });
				return;
			}
			const transport = url.protocol === 'https:' ? https : http;
			let settled = false;
			const finish = (result) => {
				if (settled) return;
				settled = true;
				resolve({ at: started, ms: Date.now() - started, ...result });
			};
			const req = transport.request(
				url,
				{
					method: 'POST',
					headers: { ...headers, 'Content-Length': Buffer.byteLength(delivery.body) },
					agent: url.protocol === 'https:' ? this.agentHttps : this.agentHttp,
				},
				(res) => {
					const chunks = [];
					res.on('data', (c) => chunks.push(c));
					res.on('end', () =>
						finish({
							status: res.statusCode,
							body: Buffer.concat(chunks).toString('utf8').slice(0, 500),
						}),
					);
					res.on('error', (error) => finish({ status: 0, error: error.message }));
				},
			);
			req.setTimeout(this.settings.timeoutMs, () => {
				req.destroy(new Error(`timed out after ${this.settings.timeoutMs} ms`));
			});
			req.on('error', (error) => finish({ status: 0, error: error.message }));
			req.end(delivery.body);
		});
	}

	/** Standard Webhooks headers for a delivery (stable id across repeats of the same message). */
	signatureHeaders(clientId, delivery) {
		const timestamp = Math.floor(this.sandbox.now() / 1000);
		const secret = clientSecretOf(this.sandbox, clientId);
		const signature = crypto
			.createHmac('sha256', Buffer.from(secret, 'utf8'))
			.update(`${delivery.messageId}.${timestamp}.${delivery.body}`)
			.digest('base64');
		return {
			'webhook-id': delivery.messageId,
			'webhook-timestamp': String(timestamp),
			'webhook-signature': `v1,${signature}`,
		};
	}

	/** The delivery with this id, or the last one. */
	find(deliveryId) {
		if (deliveryId === undefined || deliveryId === null)
			return this.deliveries.filter((d) => !d.copyOf).at(-1);
		return this.deliveries.find((d) => d.id === Number(deliveryId));
	}

	/**
	 * Sends a delivery again with the very same payload (same hash and created_at), `copies`
	 * times at the same instant. Returns the new deliveries.
	 */
	repeat(deliveryId, copies = 1) {
		const original = this.find(deliveryId);
		if (!original) throw new Error(`no delivery ${deliveryId ?? '(none yet)'}`);
		const hook = this.hooks.find((h) => h.id === original.hookId);
		if (!hook) throw new Error(`hook ${original.hookId} no longer exists`);
		const out = [];
		for (let i = 0; i < copies; i++) {
			out.push(
				this.deliver(hook, original.payload, {
					copyOf: original.id,
					messageId: original.messageId,
				}),
			);
		}
		return out;
	}

	/** Stops retrying (the sandbox is closing). */
	stop() {
		this.stopped = true;
	}

	deactivate(hookId) {
		const hook = this.hooks.find((h) => h.id === Number(hookId));
		if (!hook) return undefined;
		hook.is_active = false;
		hook.updated_at = Math.floor(this.sandbox.now() / 1000);
		return hook;
	}

	/** Resolves when no delivery (or retry) is in flight. */
	async settle() {
		while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
	}

	/** Deliveries without the engine's internals, for tests and the control endpoint. */
	list() {
		return this.deliveries.map(({ done, ...rest }) => rest);
	}

	clientIdOf(token) {
		return clientIdOf(this.sandbox, token);
	}

	clientSecretOf(clientId) {
		return clientSecretOf(this.sandbox, clientId);
	}
}

const publicHook = ({ deactivatedReason, ...hook }) => hook;

/**
 * BigCommerce's example callbacks (webhook-callbacks/data/*.json of the official files), parsed:
 * [{ file, example }]. Empty or broken files are skipped. For tests that compare our envelopes.
 */
function officialExamples() {
	const fs = require('node:fs');
	const path = require('node:path');
	const { defaultSpecDir } = require('../contract/specs');
	const dir = path.join(defaultSpecDir(), 'webhook-callbacks', 'data');
	const out = [];
	for (const file of fs
		.readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()) {
		try {
			const example = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
			if (example && typeof example === 'object' && example.scope) out.push({ file, example });
		} catch {
			// an empty upstream example (e.g. store_app_uninstalled.json)
		}
	}
	return out;
}

function register(sandbox) {
	sandbox.state.hooks = sandbox.state.hooks || [];
	sandbox.state.hookAdminEmails = sandbox.state.hookAdminEmails || [];
	const engine = new WebhookEngine(sandbox, (sandbox.options && sandbox.options.webhooks) || {});
	sandbox.webhooks = engine;
	const close = sandbox.close.bind(sandbox);
	sandbox.close = async () => {
		engine.stop();
		await close();
	};
	sandbox.eventListeners.push((scope, data, options) => engine.emit(scope, data, options));
	const now = () => Math.floor(sandbox.now() / 1000);
	const mine = (ctx) => {
		const clientId = clientIdOf(sandbox, ctx.token);
		return sandbox.state.hooks.filter((h) => h.client_id === clientId);
	};
	const findMine = (ctx) => {
		const id = Number(ctx.params.webhook_id);
		return Number.isInteger(id) ? mine(ctx).find((h) => h.id === id) : undefined;
	};
	const notFound = () => v3Error(404, 'The requested webhook was not found.');

	// /hooks/admin first: '/hooks/:webhook_id' would match it too
	sandbox.route('GET', 'v3', '/hooks/admin', (ctx) => {
		let hooks = mine(ctx);
		if (ctx.query.is_active !== undefined)
			hooks = hooks.filter((h) => String(h.is_active) === String(ctx.query.is_active));
		return v3One({
			emails: sandbox.state.hookAdminEmails,
			hooks_list: hooks.map((h) => ({
				...publicHook(h),
				status: h.is_active ? 'active' : 'deactivated',
			})),
			blocked_domains: [],
		});
	});
	sandbox.route('PUT', 'v3', '/hooks/admin', (ctx) => {
		const emails = ctx.body && ctx.body.emails;
		if (
			!Array.isArray(emails) ||
			emails.some((e) => typeof e !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(e))
		) {
			return v3Error(422, 'JSON data is missing or invalid', {
				emails: 'must be a list of email addresses',
			});
		}
		sandbox.state.hookAdminEmails = [...emails];
		return { status: 204, body: undefined };
	});

	sandbox.route('GET', 'v3', '/hooks', (ctx) => {
		let hooks = mine(ctx);
		const q = ctx.query;
		if (q.is_active !== undefined)
			hooks = hooks.filter((h) => String(h.is_active) === String(q.is_active));
		if (q.scope !== undefined) hooks = hooks.filter((h) => h.scope === q.scope);
		if (q.destination !== undefined) hooks = hooks.filter((h) => h.destination === q.destination);
		return v3List(hooks, q, { map: publicHook });
	});

	sandbox.route('POST', 'v3', '/hooks', (ctx) => {
		const body = ctx.body;
		if (!body || typeof body !== 'object' || Array.isArray(body))
			return v3Error(400, 'Input is invalid.');
		const errors = {};
		if (!validScope(body.scope)) errors.scope = 'error.path.missing or invalid scope';
		if (typeof body.destination !== 'string' || !body.destination)
			errors.destination = 'error.path.missing.';
		else {
			const problem = destinationProblem(body.destination, engine.settings.requireHttps);
			if (problem) errors.destination = problem;
		}
		if (body.is_active !== undefined && typeof body.is_active !== 'boolean')
			errors.is_active = 'must be a boolean';
		if (!validHeaders(body.headers)) errors.headers = 'must be an object of string values';
		if (Object.keys(errors).length) return v3Error(422, 'JSON data is missing or invalid', errors);
		const clientId = clientIdOf(sandbox, ctx.token);
		const clash = sandbox.state.hooks.find(
			(h) =>
				h.client_id === clientId && h.scope === body.scope && h.destination === body.destination,
		);
		if (clash) {
			return v3Error(
				422,
				'A webhook with this scope and destination already exists for this client.',
				{
					destination: `hook ${clash.id} already delivers ${body.scope} to this destination`,
				},
			);
		}
		const at = now();
		const hook = {
			id: sandbox.nextId('hook', 22561593),
			client_id: clientId,
			store_hash: sandbox.storeHash,
			scope: body.scope,
			destination: body.destination,
			headers: body.headers ?? null,
			is_active: body.is_active ?? true,
			created_at: at,
			updated_at: at,
		};
		sandbox.state.hooks.push(hook);
		return v3One(publicHook(hook));
	});

	sandbox.route('GET', 'v3', '/hooks/:webhook_id', (ctx) => {
		const hook = findMine(ctx);
		return hook ? v3One(publicHook(hook)) : notFound();
	});

	sandbox.route('PUT', 'v3', '/hooks/:webhook_id', (ctx) => {
		const hook = findMine(ctx);
		if (!hook) return notFound();
		const body = ctx.body;
		const fields = ['scope', 'destination', 'is_active', 'headers'];
		if (!body || typeof body !== 'object' || !fields.some((f) => body[f] !== undefined)) {
			return v3Error(422, 'JSON data is missing or invalid', {
				body: 'at least one field is required',
			});
		}
		const errors = {};
		if (body.scope !== undefined && !validScope(body.scope)) errors.scope = 'invalid scope';
		if (body.destination !== undefined) {
			const problem = destinationProblem(body.destination, engine.settings.requireHttps);
			if (problem) errors.destination = problem;
		}
		if (body.is_active !== undefined && typeof body.is_active !== 'boolean')
			errors.is_active = 'must be a boolean';
		if (!validHeaders(body.headers)) errors.headers = 'must be an object of string values';
		if (Object.keys(errors).length) return v3Error(422, 'JSON data is missing or invalid', errors);
		const scope = body.scope ?? hook.scope;
		const destination = body.destination ?? hook.destination;
		const clash = sandbox.state.hooks.find(
			(h) =>
				h !== hook &&
				h.client_id === hook.client_id &&
				h.scope === scope &&
				h.destination === destination,
		);
		if (clash)
			return v3Error(
				422,
				'A webhook with this scope and destination already exists for this client.',
			);
		for (const f of fields) if (body[f] !== undefined) hook[f] = body[f];
		if (body.is_active === true) delete hook.deactivatedReason;
		hook.updated_at = now();
		return v3One(publicHook(hook));
	});

	sandbox.route('DELETE', 'v3', '/hooks/:webhook_id', (ctx) => {
		const hook = findMine(ctx);
		if (!hook) return notFound();
		sandbox.state.hooks.splice(sandbox.state.hooks.indexOf(hook), 1);
		return v3One(publicHook(hook));
	});

	registerControls(sandbox, engine);
}

/**
 * HTTP controls for tests in another process (the e2e harness):
 *   POST /__sandbox/webhooks/emit        { scope, data, channelId? }      → { deliveries }
 *   POST /__sandbox/webhooks/repeat      { deliveryId?, copies? }          → { deliveries }
 *   POST /__sandbox/webhooks/hooks/:id/deactivate                          → { hook }
 *   GET  /__sandbox/webhooks/hooks       every client's hooks              → { hooks }
 *   GET  /__sandbox/webhooks/deliveries  ?settle=1 waits for in-flight     → { deliveries }
 *   POST /__sandbox/webhooks/settings    { sign?, retrySchedule?, timeoutMs?, requireHttps? }
 *   GET  /__sandbox/webhooks/secret?client_id=…   the signing secret       → { client_id, secret }
 */
const CONTROL_ROUTES = [
	[
		'POST',
		'/__sandbox/webhooks/emit',
		(engine, { body }) => {
			if (!body || typeof body.scope !== 'string')
				return { status: 400, body: { error: 'scope is required' } };
			const list = engine.emit(body.scope, body.data ?? {}, { channelId: body.channelId });
			return { status: 200, body: { deliveries: list.map(summary) } };
		},
	],
	[
		'POST',
		'/__sandbox/webhooks/repeat',
		(engine, { body }) => {
			try {
				const list = engine.repeat(body && body.deliveryId, Number((body && body.copies) || 1));
				return { status: 200, body: { deliveries: list.map(summary) } };
			} catch (error) {
				return { status: 404, body: { error: error.message } };
			}
		},
	],
	[
		'POST',
		'/__sandbox/webhooks/hooks/:id/deactivate',
		(engine, { params }) => {
			const hook = engine.deactivate(params.id);
			return hook
				? { status: 200, body: { hook: publicHook(hook) } }
				: { status: 404, body: { error: 'no such hook' } };
		},
	],
	[
		'GET',
		'/__sandbox/webhooks/hooks',
		(engine) => ({ status: 200, body: { hooks: engine.hooks.map(publicHook) } }),
	],
	[
		'GET',
		'/__sandbox/webhooks/deliveries',
		async (engine, { query }) => {
			if (query.settle) await engine.settle();
			return { status: 200, body: { deliveries: engine.list().map(summary) } };
		},
	],
	[
		'POST',
		'/__sandbox/webhooks/settings',
		(engine, { body }) => ({ status: 200, body: engine.configure(body || {}) }),
	],
	[
		'GET',
		'/__sandbox/webhooks/secret',
		(engine, { query }) => ({
			status: 200,
			body: { client_id: query.client_id, secret: engine.clientSecretOf(query.client_id) },
		}),
	],
];

function summary(d) {
	return {
		id: d.id,
		hookId: d.hookId,
		scope: d.scope,
		destination: d.destination,
		status: d.status,
		copyOf: d.copyOf,
		hash: d.payload.hash,
		created_at: d.payload.created_at,
		payload: d.payload,
		attempts: d.attempts.map((a) => ({ status: a.status, error: a.error, ms: a.ms })),
	};
}

function registerControls(sandbox, engine) {
	const wrap = (handler) => async (ctx) => handler(engine, ctx);
	if (typeof sandbox.registerControl === 'function') {
		for (const [method, path, handler] of CONTROL_ROUTES)
			sandbox.registerControl(method, path, wrap(handler));
		return;
	}
	// Fallback while the sandbox has no shared control registry: a raw handler of our own.
	const { send } = require('../core/server');
	const compiled = CONTROL_ROUTES.map(([method, path, handler]) => {
		const names = [];
		const regex = new RegExp(
			`^${path.replace(/:([a-z_]+)/g, (_, n) => (names.push(n), '([^/]+)'))}/?$`,
		);
		return { method, regex, names, handler };
	});
	sandbox.rawHandlers.push(async (req, res, url, rawBody) => {
		if (!url.pathname.startsWith('/__sandbox/webhooks/')) return false;
		const route = compiled.find((r) => r.method === req.method && r.regex.test(url.pathname));
		if (!route) {
			send(res, { status: 404, body: { error: 'unknown control' } });
			return true;
		}
		const m = route.regex.exec(url.pathname);
		const params = {};
		route.names.forEach((n, i) => (params[n] = decodeURIComponent(m[i + 1])));
		let body;
		try {
			body = rawBody && rawBody.length ? JSON.parse(rawBody.toString('utf8')) : undefined;
		} catch {
			send(res, { status: 400, body: { error: 'invalid JSON' } });
			return true;
		}
		const query = Object.fromEntries(url.searchParams);
		send(res, await route.handler(engine, { body, params, query }));
		return true;
	});
}

module.exports = {
	register,
	WebhookEngine,
	scopeMatches,
	clientIdOf,
	clientSecretOf,
	officialExamples,
	CONTROL_ROUTES,
};
