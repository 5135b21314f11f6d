'use strict';
/**
 * The transport when the store has a bad day, inside a real n8n (issue 10 §3):
 * - a POST answered 502 or 504 is sent once and fails with the "may have been processed, check
 *   before retrying" hint (a gateway may have passed it on);
 * - a 429 asking to wait 999999999 ms (11.6 days) is waited out for 35 s at most, with a warning
 *   in n8n's log, and the request then succeeds;
 * - Customer › Delete by email whose look-up answer has no `id` fails clearly and sends no DELETE
 *   (never `DELETE /v3/customers` without `id:in`);
 * - stopping an execution (n8n's stop button: REST /executions/:id/stop) while its request waits
 *   for the store's rate-limit window: the request is never sent afterwards. (A guard: this also
 *   held before the transport listened to the cancel signal, because n8n 2.40.7 aborts a request
 *   made with a stopped execution's helpers; what the signal adds — the wait itself ending at once
 *   instead of after the reset — is proven in test/transport/rateLimit.test.ts.)
 */
const { requestLines } = require('./helpers');

const POST_WF = 'e2eTrustPost5021';
const CLAMP_WF = 'e2eTrustClamp429';
const DELETE_WF = 'e2eTrustCustDel1';
const STOP_WF = 'e2eTrustStopWait';
const STOP_PATH = 'e2e-trust-stop';
const EMAIL = 'shopper2@example.com';
/** MAX_RATE_LIMIT_WAIT_MS in nodes/BigCommerce/transport/rateLimit.ts */
const MAX_WAIT_MS = 35_000;

module.exports = {
	name: 'Transport: bad days',

	workflows: (ctx) => [
		ctx.wf.actionWorkflow({
			id: POST_WF,
			name: 'e2e: create a product (POST)',
			steps: [
				{
					name: 'Create product',
					parameters: {
						resource: 'product',
						operation: 'create',
						name: 'E2E Gateway Mug',
						productType: 'physical',
						price: 9,
						weight: 1,
					},
				},
			],
		}),
		ctx.wf.actionWorkflow({
			id: CLAMP_WF,
			name: 'e2e: store info behind a bad rate-limit header',
			steps: [{ name: 'Get store', parameters: { resource: 'store', operation: 'get' } }],
		}),
		ctx.wf.actionWorkflow({
			id: DELETE_WF,
			name: 'e2e: delete a customer by email',
			steps: [
				{
					name: 'Delete customer',
					parameters: {
						resource: 'customer',
						operation: 'delete',
						customerId: { __rl: true, mode: 'email', value: EMAIL },
					},
				},
			],
		}),
		// started by a production webhook, so the execution runs inside `n8n start` and can be stopped
		ctx.wf.workflow({
			id: STOP_WF,
			name: 'e2e: a request waiting for the rate limit, stopped',
			nodes: [
				{
					id: ctx.wf.stableUuid(`${STOP_WF}:hook`),
					name: 'Webhook',
					type: 'n8n-nodes-base.webhook',
					typeVersion: 2,
					position: [0, 0],
					webhookId: ctx.wf.stableUuid(`${STOP_WF}:hook:webhook`),
					parameters: {
						httpMethod: 'GET',
						path: STOP_PATH,
						responseMode: 'onReceived',
						options: {},
					},
				},
				ctx.wf.bigCommerceNode(STOP_WF, {
					name: 'Get store',
					parameters: { resource: 'store', operation: 'get' },
					position: [260, 0],
				}),
			],
		}),
	],

	tests: [
		{
			name: 'a POST answered 502, then one answered 504: each sent once, with the "check the store before retrying" hint',
			timeoutMs: 300_000,
			async run(ctx) {
				for (const status of [502, 504]) {
					ctx.sandbox.faults.clear();
					ctx.sandbox.faults.add({
						method: 'POST',
						path: '/v3/catalog/products',
						kind: 'status',
						status,
						times: 1,
					});
					const before = ctx.sandbox.requests.length;
					const error = ctx.expectFailure(await ctx.execute(POST_WF), POST_WF);
					const text = `${error.message} ${error.description || ''}`;
					ctx.assert.match(text, new RegExp(`BigCommerce error ${status}`), text);
					ctx.assert.match(text, /may or may not have processed it/, text);
					ctx.assert.match(text, /check the store before retrying/, text);
					ctx.assert.doesNotMatch(text, /Try again later/, text);
					const posts = ctx.sandbox.requests.slice(before).filter((r) => r.method === 'POST');
					ctx.assert.deepEqual(
						posts.map((r) => r.status),
						[status],
						requestLines(ctx.sandbox, before).join('\n'),
					);
				}
				ctx.sandbox.faults.clear();
			},
		},
		{
			name: 'a 429 asking to wait 999999999 ms is waited out for 35 s at most (warning logged), then the request succeeds',
			timeoutMs: 300_000,
			async run(ctx) {
				ctx.sandbox.faults.clear();
				ctx.sandbox.faults.add({
					method: 'GET',
					path: '/v2/store',
					kind: 'rateLimit',
					times: 1,
					headers: { 'X-Rate-Limit-Time-Reset-Ms': '999999999', 'X-Retry-After': '999999' },
				});
				const before = ctx.sandbox.requests.length;
				const run = ctx.expectSuccess(
					await ctx.execute(CLAMP_WF, { timeoutMs: 240_000 }),
					CLAMP_WF,
				);
				ctx.assert.equal(run.output('Get store')[0].id, ctx.sandbox.storeHash);
				const sent = ctx.sandbox.requests.slice(before).filter((r) => r.path === '/store');
				ctx.assert.deepEqual(
					sent.map((r) => r.status),
					[429, 200],
					requestLines(ctx.sandbox, before).join('\n'),
				);
				const waited = sent[1].at - sent[0].at;
				// the clamp, not the header: 35 s (not 11.6 days); the upper bound only says "not the header"
				ctx.assert.ok(waited >= MAX_WAIT_MS - 1000, `waited ${waited} ms, expected the 35 s clamp`);
				ctx.assert.ok(waited < 10 * MAX_WAIT_MS, `waited ${waited} ms`);
				ctx.assert.match(
					run.raw,
					/asked to wait 999999999 ms for its rate limit; waiting at most 35000 ms/,
					"the warning is in n8n's log",
				);
				ctx.assert.ok(!run.raw.includes(ctx.sandbox.accessToken), 'the token is not in the log');
				ctx.sandbox.faults.clear();
			},
		},
		{
			name: 'Customer › Delete by email: a look-up answer without `id` fails clearly and sends no DELETE',
			timeoutMs: 300_000,
			async run(ctx) {
				const customer = ctx.sandbox.state.customers.find((c) => c.email === EMAIL);
				ctx.assert.ok(customer, `the seed has ${EMAIL}`);
				const record = { ...customer };
				delete record.id;
				ctx.sandbox.faults.clear();
				ctx.sandbox.faults.add({
					method: 'GET',
					path: /^\/v3\/customers$/,
					kind: 'status',
					status: 200,
					times: 1,
					body: {
						data: [record],
						meta: {
							pagination: { total: 1, count: 1, per_page: 50, current_page: 1, total_pages: 1 },
						},
					},
				});
				const count = ctx.sandbox.state.customers.length;
				const before = ctx.sandbox.requests.length;
				const error = ctx.expectFailure(await ctx.execute(DELETE_WF), DELETE_WF);
				const text = `${error.message} ${error.description || ''}`;
				ctx.assert.match(text, /without a valid customer ID \(got none\)/, text);
				ctx.assert.deepEqual(requestLines(ctx.sandbox, before), ['GET v3/customers 200']);
				ctx.assert.equal(ctx.sandbox.state.customers.length, count);
				ctx.sandbox.faults.clear();
			},
		},
		{
			name: 'stopping the execution while its request waits for the rate-limit window: the request is never sent',
			timeoutMs: 300_000,
			async run(ctx) {
				// a plausible 20 s reset (under the 35 s clamp): without the stop the request goes after it
				const RESET_MS = 20_000;
				ctx.sandbox.faults.clear();
				ctx.sandbox.faults.add({
					method: 'GET',
					path: '/v2/store',
					kind: 'rateLimit',
					times: 1,
					headers: {
						'X-Rate-Limit-Time-Reset-Ms': String(RESET_MS),
						'X-Retry-After': String(RESET_MS / 1000),
					},
				});
				await ctx.stopped();
				await ctx.n8n.publish(STOP_WF);
				await ctx.started();
				const before = ctx.sandbox.requests.length;
				const storeCalls = () =>
					ctx.sandbox.requests.slice(before).filter((r) => r.path === '/store');
				// the production webhook answers once n8n has registered it (activation runs after /healthz)
				const url = `${ctx.n8n.baseUrl}/webhook/${STOP_PATH}`;
				await ctx.waitFor(async () => (await ctx.request(url, { method: 'GET' })).status === 200, {
					timeoutMs: 60_000,
					message: 'the webhook to be live',
				});
				await ctx.waitFor(() => storeCalls().length === 1, {
					timeoutMs: 60_000,
					message: 'the 429',
				});
				ctx.assert.deepEqual(
					storeCalls().map((r) => r.status),
					[429],
				);
				const [running] = await ctx.n8n.listExecutions({ workflowId: STOP_WF, status: 'running' });
				ctx.assert.ok(running, 'the execution is running (waiting for the rate-limit window)');
				const stop = await ctx.n8n.rest('POST', `/executions/${running.id}/stop`);
				ctx.assert.ok(stop.status < 300, `stop: ${stop.status} ${stop.text.slice(0, 300)}`);
				// well past the announced reset: a wait that did not end would send the request now
				await ctx.delay(RESET_MS + 5_000);
				ctx.assert.deepEqual(
					storeCalls().map((r) => r.status),
					[429],
					`no request after the stop; the sandbox saw ${JSON.stringify(storeCalls().map((r) => r.status))}`,
				);
				const [after] = (await ctx.n8n.listExecutions({ workflowId: STOP_WF })).filter(
					(e) => String(e.id) === String(running.id),
				);
				ctx.assert.ok(
					after && after.status !== 'running',
					`the execution ended: ${JSON.stringify(after)}`,
				);
				await ctx.n8n.unpublish(STOP_WF);
				ctx.sandbox.faults.clear();
			},
		},
	],
};
