'use strict';
/**
 * Fault injection that tests control:
 *
 *   const fault = sandbox.faults.add({ method: 'GET', path: '/v3/catalog/products', times: 2, kind: 'status', status: 503 });
 *   fault.hits; fault.remaining; fault.remove();
 *   sandbox.faults.clear();
 *
 * kind: 'status'        answer `status` (default 500) with `body` (default: the version's error body)
 *       'drop'          destroy the socket without answering (`process: true` handles the request
 *                       first, so the write happens but the client never hears of it)
 *       'latency'       delay the real answer by `latencyMs`
 *       'hang'          accept the request and never answer it (a hung API); the connection is
 *                       held until the fault is removed or cleared (or the sandbox closes), then
 *                       closed unanswered, so a client without a timeout is released too
 *       'rateLimit'     429 with the X-Rate-Limit-* headers (Requests-Left 0) and X-Retry-After
 *       'rateLimitBare' 429 without any rate-limit header (platform under load)
 * method: optional, case-insensitive. path: optional; a string prefix or a RegExp, tested against
 * the path with its version ('/v3/catalog/products/12') and without it ('/catalog/products/12').
 * times: how many matching requests it affects (default 1; Infinity or a value < 0 = unlimited).
 * after: let that many matching requests through first (default 0).
 */
const KINDS = ['status', 'drop', 'latency', 'hang', 'rateLimit', 'rateLimitBare'];

class Faults {
	constructor() {
		this.items = [];
		this.seq = 0;
	}

	add(spec) {
		if (!spec || !KINDS.includes(spec.kind))
			throw new Error(`fault kind must be one of ${KINDS.join(', ')}`);
		const times = spec.times === undefined || spec.times === null ? 1 : Number(spec.times);
		const fault = {
			id: ++this.seq,
			kind: spec.kind,
			method: spec.method ? String(spec.method).toUpperCase() : undefined,
			path: spec.path,
			status: spec.status === undefined ? undefined : Number(spec.status),
			latencyMs: spec.latencyMs === undefined ? undefined : Number(spec.latencyMs),
			body: spec.body,
			headers: spec.headers,
			process: Boolean(spec.process),
			remaining: times < 0 || !Number.isFinite(times) ? Infinity : times,
			skip: Number(spec.after || 0),
			hits: 0,
			/** 'hang': the sockets of the requests held unanswered. */
			held: new Set(),
		};
		if (fault.kind === 'latency' && !(fault.latencyMs >= 0))
			throw new Error('a latency fault needs latencyMs');
		this.items.push(fault);
		const faults = this;
		return {
			id: fault.id,
			get hits() {
				return fault.hits;
			},
			get remaining() {
				return fault.remaining;
			},
			remove() {
				faults.remove(fault.id);
			},
		};
	}

	remove(id) {
		const gone = this.items.filter((f) => f.id === Number(id));
		this.items = this.items.filter((f) => f.id !== Number(id));
		for (const fault of gone) release(fault);
		return gone.length > 0;
	}

	clear() {
		const gone = this.items;
		this.items = [];
		for (const fault of gone) release(fault);
	}

	/** 'hang': keeps the request's socket open without answering, until the fault goes away. */
	hold(fault, socket) {
		if (!this.items.includes(fault)) {
			socket.destroy(); // removed while the request was on its way in
			return;
		}
		fault.held.add(socket);
		socket.once('close', () => fault.held.delete(socket));
	}

	list() {
		return this.items.map(({ held, ...f }) => ({
			...f,
			path: f.path instanceof RegExp ? String(f.path) : f.path,
			remaining: Number.isFinite(f.remaining) ? f.remaining : -1,
			held: held.size,
		}));
	}

	/** The first active fault matching this request (consumed), or undefined. */
	take(method, version, path) {
		const withVersion = `/${version}${path === '/' ? '' : path}`;
		for (const fault of this.items) {
			if (fault.remaining <= 0) continue;
			if (fault.method && fault.method !== method) continue;
			if (fault.path !== undefined && !pathMatches(fault.path, withVersion, path)) continue;
			if (fault.skip > 0) {
				fault.skip -= 1;
				continue;
			}
			fault.remaining -= 1;
			fault.hits += 1;
			return fault;
		}
		return undefined;
	}
}

/** Closes the connections a 'hang' fault held: their clients see the connection reset. */
function release(fault) {
	for (const socket of fault.held) socket.destroy();
	fault.held.clear();
}

function pathMatches(pattern, withVersion, bare) {
	if (pattern instanceof RegExp) return pattern.test(withVersion) || pattern.test(bare);
	const prefix = String(pattern);
	return withVersion.startsWith(prefix) || bare.startsWith(prefix);
}

module.exports = { Faults, FAULT_KINDS: KINDS };
