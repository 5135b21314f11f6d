/** The sandbox's imitation of BigCommerce's login service (authorize redirect + token exchange). */
import { startSandbox, type Json, useSandbox } from '../helpers/sandbox';

const CALLBACK = 'http://localhost:5678/rest/oauth2-credential/callback';

const sandbox = useSandbox({
	oauthClients: [{ clientId: 'my-app', clientSecret: 'my-secret' }],
});

async function authorize(params: Record<string, string>) {
	const url = new URL(`${sandbox.baseUrl}/oauth2/authorize`);
	for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
	const response = await fetch(url, { redirect: 'manual' });
	return {
		status: response.status,
		location: response.headers.get('location') ?? '',
		body: await response.text(),
	};
}

async function exchange(body: Record<string, string>, as: 'json' | 'form' = 'form') {
	const response = await fetch(`${sandbox.baseUrl}/oauth2/token`, {
		method: 'POST',
		headers: {
			'Content-Type': as === 'json' ? 'application/json' : 'application/x-www-form-urlencoded',
			Accept: 'application/json',
		},
		body: as === 'json' ? JSON.stringify(body) : new URLSearchParams(body).toString(),
	});
	return { status: response.status, body: (await response.json()) as Json };
}

async function codeFor(scope: string, clientId = 'sandbox-client-id') {
	const answer = await authorize({
		client_id: clientId,
		redirect_uri: CALLBACK,
		response_type: 'code',
		scope,
		state: 's-1',
		context: `stores/${sandbox.storeHash}`,
	});
	return new URL(answer.location).searchParams.get('code') ?? '';
}

describe('OAuth (login service)', () => {
	it('authorize → token exchange → API call with the issued token as X-Auth-Token', async () => {
		const answer = await authorize({
			client_id: 'my-app',
			redirect_uri: CALLBACK,
			response_type: 'code',
			scope: 'store_v2_information_read_only store_v2_orders',
			state: 'xyz',
		});
		expect(answer.status).toBe(302);
		const location = new URL(answer.location);
		expect(`${location.origin}${location.pathname}`).toBe(CALLBACK);
		expect(Object.fromEntries(location.searchParams)).toEqual({
			code: expect.stringMatching(/^[0-9a-f]{32}$/),
			scope: 'store_v2_information_read_only store_v2_orders',
			context: `stores/${sandbox.storeHash}`,
			state: 'xyz',
			account_uuid: expect.any(String),
		});

		const token = await exchange({
			client_id: 'my-app',
			client_secret: 'my-secret',
			code: location.searchParams.get('code') ?? '',
			grant_type: 'authorization_code',
			redirect_uri: CALLBACK,
			context: `stores/${sandbox.storeHash}`,
			scope: 'store_v2_information_read_only store_v2_orders',
		});
		expect(token.status).toBe(200);
		expect(token.body).toEqual({
			access_token: expect.any(String),
			scope: 'store_v2_information_read_only store_v2_orders',
			user: { id: expect.any(Number), username: expect.any(String), email: expect.any(String) },
			owner: { id: expect.any(Number), username: expect.any(String), email: expect.any(String) },
			context: `stores/${sandbox.storeHash}`,
			account_uuid: expect.any(String),
		});
		expect(token.body.expires_in).toBeUndefined();
		expect(token.body.refresh_token).toBeUndefined();
		expect(sandbox.oauthExchanges.at(-1)).toMatchObject({
			contentType: 'application/x-www-form-urlencoded',
			body: {
				context: `stores/${sandbox.storeHash}`,
				scope: 'store_v2_information_read_only store_v2_orders',
				grant_type: 'authorization_code',
			},
			status: 200,
		});

		const time = await fetch(`${sandbox.apiPath('v2')}/time`, {
			headers: { 'X-Auth-Token': token.body.access_token },
		});
		expect(time.status).toBe(200);

		const recorded: Json = await (
			await fetch(`${sandbox.baseUrl}/__sandbox/oauth/exchanges`)
		).json();
		expect(recorded.exchanges.at(-1)).toMatchObject({
			status: 200,
			accessToken: token.body.access_token,
			body: { code: location.searchParams.get('code') },
		});
		expect(recorded.authorizations.at(-1).query).toMatchObject({
			client_id: 'my-app',
			state: 'xyz',
		});
	});

	it('accepts a JSON body, as in BigCommerce’s documentation', async () => {
		const code = await codeFor('store_v2_information');
		const token = await exchange(
			{
				client_id: 'sandbox-client-id',
				client_secret: 'sandbox-client-secret',
				code,
				grant_type: 'authorization_code',
				redirect_uri: CALLBACK,
				context: `stores/${sandbox.storeHash}`,
				scope: 'store_v2_information',
			},
			'json',
		);
		expect(token.status).toBe(200);
		expect(sandbox.oauthExchanges.at(-1)?.contentType).toBe('application/json');
	});

	it('answers 400 with a clear error when context or scope is missing, and records what was sent', async () => {
		const base = {
			client_id: 'sandbox-client-id',
			client_secret: 'sandbox-client-secret',
			grant_type: 'authorization_code',
			redirect_uri: CALLBACK,
		};
		const noContext = await exchange({
			...base,
			code: await codeFor('store_v2_information'),
			scope: 'store_v2_information',
		});
		expect(noContext).toEqual({
			status: 400,
			body: {
				error: 'invalid_request',
				error_description: expect.stringMatching(/context parameter is required/),
			},
		});
		expect(sandbox.oauthExchanges.at(-1)?.body).not.toHaveProperty('context');
		const noScope = await exchange({
			...base,
			code: await codeFor('store_v2_information'),
			context: `stores/${sandbox.storeHash}`,
		});
		expect(noScope.body.error_description).toMatch(/scope parameter is required/);
	});

	it('rejects a wrong secret, a wrong redirect_uri, a reused code and another grant type', async () => {
		const good = {
			client_id: 'sandbox-client-id',
			client_secret: 'sandbox-client-secret',
			grant_type: 'authorization_code',
			redirect_uri: CALLBACK,
			context: `stores/${sandbox.storeHash}`,
			scope: 'store_v2_information',
		};
		expect(
			(
				await exchange({
					...good,
					code: await codeFor('store_v2_information'),
					client_secret: 'nope',
				})
			).status,
		).toBe(401);
		expect(
			(
				await exchange({
					...good,
					code: await codeFor('store_v2_information'),
					redirect_uri: 'http://elsewhere/cb',
				})
			).body.error_description,
		).toMatch(/redirect_uri/);
		const code = await codeFor('store_v2_information');
		expect((await exchange({ ...good, code })).status).toBe(200);
		expect((await exchange({ ...good, code })).body.error_description).toMatch(/already used/);
		expect(
			(
				await exchange({
					...good,
					code: await codeFor('store_v2_information'),
					grant_type: 'refresh_token',
				})
			).body.error,
		).toBe('unsupported_grant_type');
		const unknown = await authorize({
			client_id: 'who',
			redirect_uri: CALLBACK,
			response_type: 'code',
			scope: 'x',
		});
		expect(unknown.status).toBe(400);
	});

	it('a revoked OAuth token gets 401 (no refresh)', async () => {
		const code = await codeFor('store_v2_information_read_only');
		const token = await exchange({
			client_id: 'sandbox-client-id',
			client_secret: 'sandbox-client-secret',
			code,
			grant_type: 'authorization_code',
			redirect_uri: CALLBACK,
			context: `stores/${sandbox.storeHash}`,
			scope: 'store_v2_information_read_only',
		});
		const call = () =>
			fetch(`${sandbox.apiPath('v2')}/time`, {
				headers: { 'X-Auth-Token': token.body.access_token },
			});
		expect((await call()).status).toBe(200);
		sandbox.revokeToken(token.body.access_token);
		const revoked = await call();
		expect(revoked.status).toBe(401);
		expect(await revoked.json()).toEqual([{ status: 401, message: expect.any(String) }]);
	});

	it('grants only the scopes authorized: another area answers 403 naming the scope', async () => {
		const code = await codeFor('store_v2_orders');
		const token = await exchange({
			client_id: 'sandbox-client-id',
			client_secret: 'sandbox-client-secret',
			code,
			grant_type: 'authorization_code',
			redirect_uri: CALLBACK,
			context: `stores/${sandbox.storeHash}`,
			scope: 'store_v2_orders',
		});
		const response = await fetch(`${sandbox.apiPath('v2')}/time`, {
			headers: { 'X-Auth-Token': token.body.access_token },
		});
		expect(response.status).toBe(403);
		expect(JSON.stringify(await response.json())).toContain('store_v2_information');
	});

	it('option oauth.requireContext=false accepts an exchange without context and scope', async () => {
		const lenient = await startSandbox({ oauth: { requireContext: false } });
		try {
			const answer = await fetch(
				`${lenient.baseUrl}/oauth2/authorize?client_id=sandbox-client-id&redirect_uri=${encodeURIComponent(CALLBACK)}&response_type=code&scope=store_v2_information`,
				{ redirect: 'manual' },
			);
			const code = new URL(answer.headers.get('location') ?? '').searchParams.get('code') ?? '';
			const response = await fetch(`${lenient.baseUrl}/oauth2/token`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams({
					client_id: 'sandbox-client-id',
					client_secret: 'sandbox-client-secret',
					code,
					grant_type: 'authorization_code',
					redirect_uri: CALLBACK,
				}).toString(),
			});
			expect(response.status).toBe(200);
		} finally {
			await lenient.close();
		}
	});
});
