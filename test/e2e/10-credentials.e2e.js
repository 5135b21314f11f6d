'use strict';
/**
 * The store-hash credential (bigCommerceApi) inside a real n8n: the credential test n8n runs when
 * a user clicks "Save"/"Retry" (good token, bad token → the 401 message, pasted control-panel
 * URL → works), and workflows using it (control-panel URL form, revoked token).
 */
const BAD_TOKEN = 'not-a-real-token-000000000000';
const URL_CRED = {
	id: 'bcE2eApiCredUrl1',
	name: 'BigCommerce (control-panel URL)',
	type: 'bigCommerceApi',
};
const REVOKED_CRED = {
	id: 'bcE2eApiCredRev1',
	name: 'BigCommerce (revoked token)',
	type: 'bigCommerceApi',
};
const REVOKED_TOKEN = 'e2e-revoked-token-0123456789';

/**
 * Runs n8n's own credential test for plaintext credential data, as the editor does when a user
 * edits a saved credential: POST /rest/credentials/test with the stored credential's id and the
 * form's data (n8n merges it over the stored data).
 */
async function credentialTest(ctx, type, data) {
	await ctx.started();
	const res = await ctx.n8n.rest('POST', '/credentials/test', {
		credentials: { id: ctx.creds.api.id, name: ctx.creds.api.name, type, data },
	});
	ctx.assert.equal(
		res.status,
		200,
		`POST /rest/credentials/test answered ${res.status}: ${res.text.slice(0, 300)}`,
	);
	return res.json.data; // { status: 'OK' | 'Error', message }
}

module.exports = {
	name: 'Credential: BigCommerce API (store hash + access token)',

	credentials: (ctx) => {
		ctx.sandbox.addToken(REVOKED_TOKEN, ['*']);
		return [
			{
				...URL_CRED,
				data: {
					storeHash: `https://store-${ctx.sandbox.storeHash}.mybigcommerce.com/manage/dashboard`,
					accessToken: ctx.sandbox.accessToken,
					apiBaseUrl: ctx.sandbox.baseUrl,
				},
			},
			{
				...REVOKED_CRED,
				data: {
					storeHash: ctx.sandbox.storeHash,
					accessToken: REVOKED_TOKEN,
					apiBaseUrl: ctx.sandbox.baseUrl,
				},
			},
		];
	},

	workflows: (ctx) => [
		ctx.wf.actionWorkflow({
			id: 'e2eCredUrlStore1',
			name: 'e2e: store info with a control-panel URL as store hash',
			steps: [
				{
					name: 'Get store',
					credential: URL_CRED,
					parameters: { resource: 'store', operation: 'get' },
				},
			],
		}),
		ctx.wf.actionWorkflow({
			id: 'e2eCredRevoked01',
			name: 'e2e: store info with a revoked token',
			steps: [
				{
					name: 'Get store',
					credential: REVOKED_CRED,
					parameters: { resource: 'store', operation: 'get' },
				},
			],
		}),
	],

	tests: [
		{
			name: 'credential test: a good token passes',
			core: true,
			async run(ctx) {
				const before = ctx.sandbox.requests.length;
				const result = await credentialTest(ctx, 'bigCommerceApi', {
					storeHash: ctx.sandbox.storeHash,
					accessToken: ctx.sandbox.accessToken,
					apiBaseUrl: ctx.sandbox.baseUrl,
				});
				ctx.assert.equal(result.status, 'OK', JSON.stringify(result));
				const sent = ctx.sandbox.requests.slice(before);
				ctx.assert.ok(
					sent.some(
						(r) =>
							r.method === 'GET' && r.version === 'v2' && r.path === '/store' && r.status === 200,
					),
					`the test should read GET /v2/store; the sandbox saw ${JSON.stringify(sent)}`,
				);
			},
		},
		{
			name: 'credential test: a bad token fails with the 401 explanation',
			core: true,
			knownFailureOn: {
				// measured: n8n 1.123.81's credential tester answers its generic "Authorization failed -
				// please check your credentials" instead of the credential's 401 rule message (1.82.3
				// and 2.40.7 show ours); workflows still get the 401 explanation
				'1.123.81': "n8n 1.123.81's credential tester ignoring responseCode rule messages",
			},
			async run(ctx) {
				const result = await credentialTest(ctx, 'bigCommerceApi', {
					storeHash: ctx.sandbox.storeHash,
					accessToken: BAD_TOKEN,
					apiBaseUrl: ctx.sandbox.baseUrl,
				});
				ctx.assert.equal(result.status, 'Error', JSON.stringify(result));
				ctx.assert.match(result.message, /invalid or has been revoked/i);
				ctx.assert.match(result.message, /store-level API account/i);
				ctx.assert.ok(
					!result.message.includes(BAD_TOKEN),
					'the token must not appear in the message',
				);
			},
		},
		{
			name: 'credential test: a pasted control-panel URL works as the store hash',
			async run(ctx) {
				const before = ctx.sandbox.requests.length;
				const result = await credentialTest(ctx, 'bigCommerceApi', {
					storeHash: `https://store-${ctx.sandbox.storeHash}.mybigcommerce.com/manage/dashboard`,
					accessToken: ctx.sandbox.accessToken,
					apiBaseUrl: ctx.sandbox.baseUrl,
				});
				ctx.assert.equal(result.status, 'OK', JSON.stringify(result));
				ctx.assert.ok(
					ctx.sandbox.requests.slice(before).some((r) => r.path === '/store' && r.status === 200),
				);
			},
		},
		{
			name: 'credential test: an unknown store hash names the accepted forms',
			async run(ctx) {
				const result = await credentialTest(ctx, 'bigCommerceApi', {
					storeHash: 'zz9999zz',
					accessToken: ctx.sandbox.accessToken,
					apiBaseUrl: ctx.sandbox.baseUrl,
				});
				ctx.assert.equal(result.status, 'Error', JSON.stringify(result));
				ctx.assert.match(result.message, /control-panel URL/i);
			},
		},
		{
			name: 'Public API: stored credentials tested by id (URL-form store hash passes)',
			async run(ctx) {
				await ctx.started();
				for (const id of [ctx.creds.api.id, URL_CRED.id]) {
					const res = await ctx.n8n.api('POST', `/credentials/${id}/test`);
					ctx.assert.equal(
						res.status,
						200,
						`POST /api/v1/credentials/${id}/test: ${res.status} ${res.text.slice(0, 300)}`,
					);
					ctx.assert.equal(res.json.status, 'OK', `${id}: ${JSON.stringify(res.json)}`);
				}
			},
		},
		{
			name: 'workflow: a credential holding the control-panel URL reads the store',
			async run(ctx) {
				const run = await ctx.executeOk('e2eCredUrlStore1');
				const [store] = run.output('Get store');
				ctx.assert.equal(store.name, 'Sandbox Outfitters');
				ctx.assert.equal(store.id, ctx.sandbox.storeHash);
			},
		},
		{
			name: 'workflow: a revoked token fails with the clear 401 message',
			async run(ctx) {
				ctx.sandbox.revokeToken(REVOKED_TOKEN);
				const before = ctx.sandbox.requests.length;
				const error = ctx.expectFailure(await ctx.execute('e2eCredRevoked01'));
				const text = `${error.message} ${error.description || ''}`;
				ctx.assert.match(text, /invalid or (has been )?revoked/i, text);
				ctx.assert.ok(!text.includes(REVOKED_TOKEN), 'the token must not appear in the error');
				const sent = ctx.sandbox.requests.slice(before).filter((r) => r.path === '/store');
				ctx.assert.equal(
					sent.length,
					1,
					`a 401 must not be retried; the sandbox saw ${sent.length} requests`,
				);
			},
		},
	],
};
