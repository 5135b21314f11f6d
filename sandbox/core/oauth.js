'use strict';
/**
 * BigCommerce's login service, as far as the OAuth2 credential needs it (bigcommerce-api.md §7):
 *
 *   GET  /oauth2/authorize?client_id&redirect_uri&response_type=code&scope&state[&context]
 *        -> 302 redirect_uri?code=…&scope=…&context=stores/{hash}&state=…&account_uuid=…
 *   POST /oauth2/token  (JSON or form) client_id, client_secret, code, grant_type=authorization_code,
 *        redirect_uri (as in the authorize call), context and scope (BigCommerce requires both)
 *        -> 200 { access_token, scope, user, owner, context: 'stores/{hash}', account_uuid }
 *
 * Clients: `sandbox-client-id` / `sandbox-client-secret`, plus options.oauthClients
 * ([{ clientId, clientSecret }]). options.oauth.requireContext (default true) makes a token
 * exchange without `context` or `scope` fail with 400, like BigCommerce. Every exchange is recorded
 * in `sandbox.oauthExchanges` so tests can prove what the client sent. The issued token becomes a
 * sandbox token with the granted scopes (API routes check them; tokens never expire, as on
 * BigCommerce; `sandbox.revokeToken(token)` makes it answer 401).
 */
const crypto = require('node:crypto');

const DEFAULT_CLIENT = { clientId: 'sandbox-client-id', clientSecret: 'sandbox-client-secret' };
const CODE_TTL_MS = 10 * 60 * 1000;

/** Scope names the docs and the spec files spell differently (bigcommerce-api.md §10.1). */
const SCOPE_ALIASES = {
	store_checkout: ['store_checkouts'],
	store_checkouts: ['store_checkout'],
	store_checkout_read_only: ['store_checkouts_read_only'],
	store_checkouts_read_only: ['store_checkout_read_only'],
	store_content_checkout: ['store_checkout_content'],
	store_checkout_content: ['store_content_checkout'],
	store_content_checkout_read_only: ['store_checkout_content_read_only'],
	store_checkout_content_read_only: ['store_content_checkout_read_only'],
};

/** OAuth scope string -> the scope list API routes check (aliases added). */
function grantedScopes(scope) {
	const names = String(scope || '')
		.split(/[\s,]+/)
		.filter(Boolean);
	return [...new Set(names.flatMap((name) => [name, ...(SCOPE_ALIASES[name] || [])]))];
}

function parseForm(contentType, raw) {
	const text = raw.toString('utf8');
	if (!text) return {};
	if (/json/i.test(contentType)) return JSON.parse(text);
	return Object.fromEntries(new URLSearchParams(text));
}

const json = (status, body) => ({ status, body });

function sendJson(res, status, body) {
	res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
	res.end(JSON.stringify(body));
	return true;
}

function installOAuth(sandbox, options = {}) {
	const clients = new Map([[DEFAULT_CLIENT.clientId, DEFAULT_CLIENT.clientSecret]]);
	for (const c of options.oauthClients || [])
		clients.set(String(c.clientId), String(c.clientSecret));
	const settings = { requireContext: true, ...(options.oauth || {}) };
	const codes = new Map();
	const context = `stores/${sandbox.storeHash}`;
	const accountUuid = options.accountUuid || '5e5c8a1b-0d2f-4c41-9a55-1c2b3d4e5f60';
	sandbox.oauthClients = clients;
	sandbox.oauthSettings = settings;
	sandbox.oauthAuthorizations = [];
	sandbox.oauthExchanges = [];

	const oauthError = (res, status, error, description) =>
		sendJson(res, status, { error, error_description: description });

	function authorize(req, res, url) {
		const q = Object.fromEntries(url.searchParams);
		sandbox.oauthAuthorizations.push({ at: sandbox.now(), query: q });
		if (!q.client_id || !clients.has(q.client_id))
			return oauthError(res, 400, 'invalid_client', `Unknown client_id "${q.client_id || ''}".`);
		if (!q.redirect_uri)
			return oauthError(res, 400, 'invalid_request', 'redirect_uri is required.');
		let redirect;
		try {
			redirect = new URL(q.redirect_uri);
		} catch {
			return oauthError(res, 400, 'invalid_request', 'redirect_uri is not a URL.');
		}
		const back = (params) => {
			for (const [key, value] of Object.entries(params))
				if (value !== undefined) redirect.searchParams.set(key, value);
			res.writeHead(302, { Location: redirect.toString() });
			res.end();
			return true;
		};
		if (q.response_type !== 'code')
			return back({ error: 'unsupported_response_type', state: q.state });
		if (q.context && q.context !== context)
			return back({
				error: 'access_denied',
				error_description: `Unknown store context "${q.context}".`,
				state: q.state,
			});
		const code = crypto.randomBytes(16).toString('hex');
		const scope = grantedScopes(q.scope)
			.filter((s) =>
				String(q.scope || '')
					.split(/[\s,]+/)
					.includes(s),
			)
			.join(' ');
		codes.set(code, {
			clientId: q.client_id,
			redirectUri: q.redirect_uri,
			scope,
			at: sandbox.now(),
			used: false,
		});
		return back({ code, scope, context, state: q.state, account_uuid: accountUuid });
	}

	async function token(req, res, url, rawBody) {
		const contentType = String(req.headers['content-type'] || '');
		let body;
		try {
			body = parseForm(contentType, rawBody);
		} catch {
			return oauthError(res, 400, 'invalid_request', 'The body is neither JSON nor form data.');
		}
		const basic = /^Basic\s+(.+)$/i.exec(String(req.headers.authorization || ''));
		if (basic) {
			const [id, secret] = Buffer.from(basic[1], 'base64').toString('utf8').split(':');
			body = {
				client_id: decodeURIComponent(id || ''),
				client_secret: decodeURIComponent(secret || ''),
				...body,
			};
		}
		const record = {
			at: sandbox.now(),
			contentType,
			body: { ...body },
			headers: { ...req.headers },
		};
		sandbox.oauthExchanges.push(record);
		const fail = (status, error, description) => {
			record.status = status;
			record.error = description;
			return oauthError(res, status, error, description);
		};
		if (body.grant_type !== 'authorization_code')
			return fail(
				400,
				'unsupported_grant_type',
				'grant_type must be authorization_code (BigCommerce issues no refresh tokens).',
			);
		if (
			!body.client_id ||
			clients.get(String(body.client_id)) !== String(body.client_secret || '\u0000')
		)
			return fail(401, 'invalid_client', 'Invalid client_id or client_secret.');
		const grant = codes.get(String(body.code || ''));
		if (!grant || grant.clientId !== String(body.client_id))
			return fail(400, 'invalid_grant', 'The authorization code is invalid.');
		if (grant.used) return fail(400, 'invalid_grant', 'The authorization code was already used.');
		if (sandbox.now() - grant.at > CODE_TTL_MS)
			return fail(400, 'invalid_grant', 'The authorization code has expired.');
		if (String(body.redirect_uri || '') !== grant.redirectUri)
			return fail(400, 'invalid_grant', 'redirect_uri does not match the authorization request.');
		if (settings.requireContext) {
			if (!body.context)
				return fail(
					400,
					'invalid_request',
					'The context parameter is required: "stores/{store_hash}" from the auth callback.',
				);
			if (!body.scope)
				return fail(
					400,
					'invalid_request',
					'The scope parameter is required: the space-separated scopes from the auth callback.',
				);
		}
		if (body.context && body.context !== context)
			return fail(
				400,
				'invalid_request',
				`The context "${body.context}" does not match the authorized store.`,
			);
		grant.used = true;
		const accessToken = `sandbox-oauth-${crypto.randomBytes(16).toString('hex')}`;
		sandbox.addToken(accessToken, grantedScopes(grant.scope), {
			clientId: grant.clientId,
			oauth: true,
		});
		record.status = 200;
		record.accessToken = accessToken;
		return sendJson(res, 200, {
			access_token: accessToken,
			scope: grant.scope,
			user: {
				id: 24654,
				username: 'owner@sandbox-store.example.com',
				email: 'owner@sandbox-store.example.com',
			},
			owner: {
				id: 24654,
				username: 'owner@sandbox-store.example.com',
				email: 'owner@sandbox-store.example.com',
			},
			context,
			account_uuid: accountUuid,
		});
	}

	sandbox.registerControl('GET', '/oauth/exchanges', () =>
		json(200, { authorizations: sandbox.oauthAuthorizations, exchanges: sandbox.oauthExchanges }),
	);

	sandbox.rawHandlers.push((req, res, url, rawBody) => {
		if (url.pathname === '/oauth2/authorize' && req.method === 'GET')
			return authorize(req, res, url);
		if (url.pathname === '/oauth2/token') {
			if (req.method !== 'POST') return oauthError(res, 405, 'invalid_request', 'Use POST.');
			return token(req, res, url, rawBody);
		}
		return false;
	});
}

module.exports = { installOAuth, grantedScopes, DEFAULT_CLIENT };
