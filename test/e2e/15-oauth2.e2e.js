'use strict';
/**
 * The OAuth2 credential (bigCommerceOAuth2Api) end to end in a real n8n, without a browser:
 * n8n's "Connect" (GET /rest/oauth2-credential/auth) → the sandbox's BigCommerce-like authorize
 * endpoint (302 to n8n's callback with code, scope, context) → n8n's callback → token exchange at
 * the sandbox (which, like BigCommerce, requires `context` and `scope` in the body) → a workflow
 * using the credential (the sandbox only accepts the token as X-Auth-Token) → a revoked token gives
 * the clear 401 message without any refresh attempt.
 */
const CLIENT_ID = 'sandbox-client-id';
const CLIENT_SECRET = 'sandbox-client-secret';

function oauthCredential(ctx) {
	return {
		...ctx.creds.oauth,
		data: {
			clientId: CLIENT_ID,
			clientSecret: CLIENT_SECRET,
			// pasted the way a user might: the control-panel URL
			storeHash: `https://store-${ctx.sandbox.storeHash}.mybigcommerce.com/manage/dashboard`,
			loginUrl: ctx.sandbox.baseUrl,
			apiBaseUrl: ctx.sandbox.baseUrl,
		},
	};
}

/** Drives n8n's OAuth2 flow like the editor's popup would. Returns what each hop answered. */
async function connect(ctx) {
	await ctx.started();
	const { n8n, sandbox } = ctx;
	const auth = await n8n.rest(
		'GET',
		`/oauth2-credential/auth?id=${encodeURIComponent(ctx.creds.oauth.id)}`,
	);
	ctx.assert.equal(
		auth.status,
		200,
		`GET /rest/oauth2-credential/auth: ${auth.status} ${auth.text.slice(0, 400)}`,
	);
	const authorizeUrl = auth.json.data;
	ctx.assert.ok(
		authorizeUrl.startsWith(`${sandbox.baseUrl}/oauth2/authorize?`),
		`n8n should send the user to the login service's authorize URL, got ${authorizeUrl}`,
	);
	const authorize = await ctx.request(authorizeUrl);
	ctx.assert.equal(
		authorize.status,
		302,
		`authorize answered ${authorize.status}: ${authorize.text.slice(0, 300)}`,
	);
	const callbackUrl = authorize.location;
	ctx.assert.ok(
		callbackUrl.startsWith(`${n8n.baseUrl}/rest/oauth2-credential/callback?`),
		`redirect to ${callbackUrl}`,
	);
	// The browser comes back with its cookies (n8n binds the flow to the browser that started it).
	const callback = await ctx.request(callbackUrl, {
		headers: { cookie: n8n.jar.header(), 'browser-id': n8n.browserId },
	});
	return { authorizeUrl: new URL(authorizeUrl), callbackUrl: new URL(callbackUrl), callback };
}

module.exports = {
	name: 'Credential: BigCommerce OAuth2 API',

	credentials: (ctx) => [oauthCredential(ctx)],

	workflows: (ctx) => [
		ctx.wf.actionWorkflow({
			id: 'e2eOAuthStore001',
			name: 'e2e: store information through the OAuth2 credential',
			steps: [
				{
					name: 'Get store',
					credential: 'oauth',
					parameters: { resource: 'store', operation: 'get' },
				},
			],
		}),
	],

	tests: [
		{
			name: 'Connect: authorize redirect → callback → token exchange with context and scope',
			async run(ctx) {
				const { sandbox } = ctx;
				const exchangesBefore = sandbox.oauthExchanges.length;
				const { authorizeUrl, callbackUrl, callback } = await connect(ctx);
				const q = Object.fromEntries(authorizeUrl.searchParams);
				ctx.assert.equal(q.client_id, CLIENT_ID);
				ctx.assert.equal(q.response_type, 'code');
				ctx.assert.equal(
					q.context,
					`stores/${sandbox.storeHash}`,
					'authorize URL carries the store context',
				);
				ctx.assert.match(q.scope, /store_v2_orders/);
				ctx.assert.equal(q.redirect_uri, `${ctx.n8n.baseUrl}/rest/oauth2-credential/callback`);
				ctx.assert.equal(callbackUrl.searchParams.get('context'), `stores/${sandbox.storeHash}`);
				ctx.assert.equal(
					callback.status,
					200,
					`callback answered ${callback.status}: ${callback.text.slice(0, 400)}`,
				);
				ctx.assert.ok(
					!/error/i.test(callback.text.replace(/<script[\s\S]*?<\/script>/g, '')) ||
						/success|connected/i.test(callback.text),
					`callback page: ${callback.text.slice(0, 600)}`,
				);
				const exchanges = sandbox.oauthExchanges.slice(exchangesBefore);
				ctx.assert.equal(exchanges.length, 1, 'exactly one token exchange');
				const [exchange] = exchanges;
				ctx.assert.equal(
					exchange.status,
					200,
					`token exchange failed: ${exchange.error}; n8n sent ${JSON.stringify({ ...exchange.body, client_secret: '***' })}`,
				);
				// what n8n 2.40.7 sends: a form body (client credentials in the body: authentication 'body')
				ctx.assert.match(exchange.contentType, /application\/x-www-form-urlencoded/);
				ctx.assert.equal(exchange.headers.authorization, undefined, 'no Basic client auth header');
				ctx.assert.equal(exchange.body.grant_type, 'authorization_code');
				ctx.assert.equal(exchange.body.client_id, CLIENT_ID);
				ctx.assert.equal(exchange.body.client_secret, CLIENT_SECRET);
				ctx.assert.equal(exchange.body.context, `stores/${sandbox.storeHash}`);
				ctx.assert.match(exchange.body.scope, /store_v2_orders/);
				ctx.assert.equal(exchange.body.redirect_uri, q.redirect_uri);
				ctx.shared.oauthToken = exchange.accessToken;
				ctx.shared.oauthExchange = {
					contentType: exchange.contentType,
					keys: Object.keys(exchange.body).sort(),
				};
			},
		},
		{
			name: 'a workflow with the connected credential reads the store (token sent as X-Auth-Token)',
			async run(ctx) {
				ctx.assert.ok(ctx.shared.oauthToken, 'needs the previous test');
				const before = ctx.sandbox.requests.length;
				const run = await ctx.executeOk('e2eOAuthStore001');
				const [store] = run.output('Get store');
				ctx.assert.equal(store.name, 'Sandbox Outfitters');
				const sent = ctx.sandbox.requests.slice(before);
				ctx.assert.deepEqual(
					sent.map((r) => `${r.method} ${r.version}${r.path} ${r.status}`),
					['GET v2/store 200'],
				);
			},
		},
		{
			name: 'a revoked OAuth token fails with the clear 401 message and no refresh attempt',
			async run(ctx) {
				ctx.assert.ok(ctx.shared.oauthToken, 'needs the first test');
				ctx.sandbox.revokeToken(ctx.shared.oauthToken);
				const before = ctx.sandbox.requests.length;
				const exchangesBefore = ctx.sandbox.oauthExchanges.length;
				const error = ctx.expectFailure(await ctx.execute('e2eOAuthStore001'));
				const text = `${error.message} ${error.description || ''}`;
				ctx.assert.match(text, /invalid or (has been )?revoked/i, text);
				ctx.assert.ok(
					!text.includes(ctx.shared.oauthToken),
					'the token must not appear in the error',
				);
				ctx.assert.equal(
					ctx.sandbox.oauthExchanges.length,
					exchangesBefore,
					'no token refresh was attempted',
				);
				const sent = ctx.sandbox.requests.slice(before).filter((r) => r.path === '/store');
				ctx.assert.equal(
					sent.length,
					1,
					`one request, no retry loop; the sandbox saw ${sent.length}`,
				);
			},
		},
	],
};
