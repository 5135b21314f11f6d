'use strict';
/**
 * Out-of-process control of a running sandbox, over HTTP under /__sandbox/ (no auth; loopback
 * clients only). Used by the e2e harness, the benchmarks and the demo, which run the sandbox in
 * another process. Other modules add endpoints with `sandbox.registerControl(method, path, handler)`.
 * Every endpoint is documented in sandbox/README.md.
 */

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function json(status, body, headers) {
	return { status, body, headers };
}

function parseJson(rawBody) {
	if (!rawBody || !rawBody.length) return {};
	return JSON.parse(rawBody.toString('utf8'));
}

/** Makes a state collection JSON-friendly (Maps and Sets become arrays/objects), paged. */
function exportCollection(value, query) {
	let out = value;
	if (value instanceof Map) out = [...value.values()];
	else if (value instanceof Set) out = [...value];
	if (Array.isArray(out)) {
		const offset = Number(query.offset || 0);
		const limit = query.limit === undefined ? out.length : Number(query.limit);
		return { total: out.length, offset, items: out.slice(offset, offset + limit) };
	}
	return out;
}

function faultFromBody(body) {
	const spec = { ...body };
	if (typeof body.pathRegex === 'string') spec.path = new RegExp(body.pathRegex);
	delete spec.pathRegex;
	if (spec.times === -1 || spec.times === 'infinite' || spec.times === 'Infinity')
		spec.times = Infinity;
	return spec;
}

function registerBuiltins(sandbox) {
	const c = (method, path, handler) => sandbox.registerControl(method, path, handler);

	c('GET', '/info', () =>
		json(200, {
			baseUrl: sandbox.baseUrl,
			storeHash: sandbox.storeHash,
			accessToken: sandbox.accessToken,
			storeId: sandbox.storeId,
			apiPath: sandbox.apiPath('v3'),
			controlUrl: `${sandbox.baseUrl}/__sandbox`,
			now: sandbox.now(),
			rateLimit: sandbox.rateLimiter.enabled
				? { quota: sandbox.rateLimiter.quota, windowMs: sandbox.rateLimiter.windowMs }
				: false,
			latencyMs: sandbox.latencyMs,
			contract: Boolean(sandbox.contract),
			controls: sandbox.controls.map((x) => `${x.method} /__sandbox${x.path}`),
		}),
	);

	c('GET', '/requests', ({ query }) => {
		const since = Number(query.since || 0);
		const end = query.limit === undefined ? undefined : since + Number(query.limit);
		return json(200, {
			total: sandbox.requests.length,
			since,
			requests: sandbox.requests.slice(since, end),
		});
	});

	c('GET', '/faults', () => json(200, { faults: sandbox.faults.list() }));
	c('POST', '/faults', ({ body }) => {
		try {
			const handle = sandbox.faults.add(faultFromBody(body));
			return json(201, { id: handle.id });
		} catch (error) {
			return json(400, { error: error.message });
		}
	});
	c('DELETE', '/faults', () => {
		sandbox.faults.clear();
		return undefined;
	});
	c('DELETE', '/faults/:id', ({ params }) =>
		sandbox.faults.remove(params.id) ? undefined : json(404, { error: `no fault ${params.id}` }),
	);

	c('GET', '/rate-limit', () =>
		json(200, sandbox.rateLimiter.enabled ? sandbox.rateLimiter.status() : { enabled: false }),
	);
	c('POST', '/rate-limit', ({ body }) => {
		sandbox.setRateLimit(
			body.enabled === false ? false : { quota: body.quota, windowMs: body.windowMs },
		);
		return json(
			200,
			sandbox.rateLimiter.enabled ? sandbox.rateLimiter.status() : { enabled: false },
		);
	});

	c('POST', '/tokens', ({ body }) => {
		const scopes = Array.isArray(body.scopes) ? body.scopes.map(String) : ['*'];
		const token = body.token
			? String(body.token)
			: `sandbox-token-${Math.random().toString(16).slice(2)}${Date.now().toString(16)}`;
		sandbox.addToken(token, scopes);
		return json(201, { token, scopes });
	});
	c('POST', '/tokens/revoke', ({ body }) => {
		if (!body.token || !sandbox.tokens.has(String(body.token)))
			return json(404, { error: 'unknown token' });
		sandbox.revokeToken(String(body.token));
		return json(200, { token: String(body.token), revoked: true });
	});

	c('GET', '/violations', ({ query }) => {
		const since = Number(query.since || 0);
		return json(200, {
			total: sandbox.violations.length,
			since,
			violations: sandbox.violations.slice(since),
		});
	});

	c('POST', '/reset-counters', () => {
		// the request log and the rate-limit window; violations are kept (they are the contract's record)
		sandbox.requests.length = 0;
		sandbox.rateLimiter.reset();
		for (const fault of sandbox.faults.items) fault.hits = 0;
		return json(200, { requests: 0 });
	});

	c('POST', '/clock', ({ body }) =>
		json(200, { now: sandbox.advanceClock(Number(body.advanceMs || 0)) }),
	);

	c('GET', '/state/:collection', ({ params, query }) => {
		if (!Object.prototype.hasOwnProperty.call(sandbox.state, params.collection)) {
			return json(404, {
				error: `no state collection "${params.collection}"`,
				collections: Object.keys(sandbox.state),
			});
		}
		return json(200, exportCollection(sandbox.state[params.collection], query));
	});
}

/** The raw handler serving /__sandbox/*. */
function controlHandler(sandbox) {
	return async (req, res, url, rawBody) => {
		if (!url.pathname.startsWith('/__sandbox/') && url.pathname !== '/__sandbox') return false;
		const reply = (status, body) => {
			const text = body === undefined ? '' : JSON.stringify(body);
			res.writeHead(status, body === undefined ? {} : { 'Content-Type': 'application/json' });
			res.end(text);
			return true;
		};
		if (!LOOPBACK.has(req.socket.remoteAddress))
			return reply(403, { error: 'sandbox controls answer loopback clients only' });
		const sub = url.pathname.slice('/__sandbox'.length).replace(/\/+$/, '') || '/';
		const candidates = sandbox.controls.filter((x) => x.regex.test(sub));
		const control = candidates.find((x) => x.method === req.method);
		if (!control)
			return reply(candidates.length ? 405 : 404, {
				error: `no control ${req.method} /__sandbox${sub}`,
			});
		let body;
		try {
			body = parseJson(rawBody);
		} catch {
			return reply(400, { error: 'the body is not valid JSON' });
		}
		const m = control.regex.exec(sub);
		const params = {};
		control.names.forEach((name, i) => (params[name] = decodeURIComponent(m[i + 1])));
		const query = Object.fromEntries(url.searchParams);
		try {
			const result = await control.handler({
				sandbox,
				method: req.method,
				params,
				query,
				body,
				req,
			});
			if (!result) return reply(204);
			if (result.headers) for (const [k, v] of Object.entries(result.headers)) res.setHeader(k, v);
			return reply(result.status || 200, result.body);
		} catch (error) {
			return reply(500, { error: error.message });
		}
	};
}

function installControls(sandbox) {
	registerBuiltins(sandbox);
	sandbox.rawHandlers.push(controlHandler(sandbox));
}

module.exports = { installControls };
