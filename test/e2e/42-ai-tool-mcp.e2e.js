'use strict';
/**
 * The support-agent operations used as AI tools inside a real n8n, without a language model:
 * BigCommerce Tool nodes (the AI-tool variant n8n generates from the node) hang off n8n's own
 * MCP Server Trigger; the test is the "model", calling the tools over MCP (streamable HTTP) with
 * the arguments a model would fill into the `$fromAI()` parameters. Proves that n8n lists the
 * tools with their argument schemas and that each call runs the node against the store.
 */
const fs = require('node:fs');
const path = require('node:path');
const { values } = require('./helpers');

const WF = 'e2eMcpTools00001';
const PATH = 'bigcommerce-e2e-tools';
const TRIGGER = 'MCP Server Trigger';
/** The example agent's own tool nodes (examples/ai-support-agent.json), served over MCP. */
const AGENT_WF = 'e2eMcpAgentTools';
const AGENT_PATH = 'bigcommerce-e2e-agent-tools';
const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'ai-support-agent.json');
/** The identity-failure answer of the shopper order tools (nodes/BigCommerce/actions/order/shopperIdentity.ts). */
const IDENTITY_FAILURE = 'No order matches this "Order Number" and "Email"';

const fromAI = (name, description, type = 'string') =>
	`={{ $fromAI('${name}', \`${description}\`, '${type}') }}`;

function toolNode(ctx, name, description, parameters, index) {
	return {
		id: ctx.wf.stableUuid(`${WF}:${name}`),
		name,
		type: ctx.wf.NODE_TYPES.tool,
		typeVersion: 1,
		position: [200 * index, 300],
		parameters: {
			descriptionType: 'manual',
			toolDescription: description,
			authentication: 'accessToken',
			...parameters,
		},
		credentials: { bigCommerceApi: { id: ctx.creds.api.id, name: ctx.creds.api.name } },
	};
}

function workflow(ctx) {
	const tools = [
		toolNode(
			ctx,
			'order_status',
			'Status of one order for a shopper (order number + email)',
			{
				resource: 'order',
				operation: 'getStatusForShopper',
				lookup: 'order',
				orderNumber: fromAI('orderNumber', 'The order number'),
				email: fromAI('email', 'The email used on the order'),
			},
			0,
		),
		toolNode(
			ctx,
			'cancel_order',
			'Cancel a shopper order that has not shipped (order number + email)',
			{
				resource: 'order',
				operation: 'cancelForShopper',
				orderNumber: fromAI('orderNumber', 'The order number to cancel'),
				email: fromAI('email', 'The email used on the order'),
			},
			1,
		),
		toolNode(
			ctx,
			'gift_card_balance',
			'Balance of a gift certificate',
			{
				resource: 'giftCertificate',
				operation: 'checkBalance',
				code: fromAI('code', 'The gift certificate code'),
			},
			2,
		),
		toolNode(
			ctx,
			'product_info',
			'Shopper-facing product details by SKU',
			{
				resource: 'product',
				operation: 'getInfoForShopper',
				lookUpBy: 'sku',
				value: fromAI('sku', 'The product SKU'),
			},
			3,
		),
		toolNode(
			ctx,
			'coupon_lookup',
			'Is a coupon code valid now',
			{
				resource: 'coupon',
				operation: 'lookUpCode',
				code: fromAI('code', 'The coupon code'),
			},
			4,
		),
		toolNode(
			ctx,
			'active_promotions',
			'Promotions running now',
			{ resource: 'promotion', operation: 'listActive' },
			5,
		),
	];
	const connections = {};
	for (const t of tools)
		connections[t.name] = { ai_tool: [[{ node: TRIGGER, type: 'ai_tool', index: 0 }]] };
	return ctx.wf.workflow({
		id: WF,
		name: 'e2e: BigCommerce tools over MCP',
		nodes: [
			{
				id: ctx.wf.stableUuid(`${WF}:trigger`),
				name: TRIGGER,
				type: '@n8n/n8n-nodes-langchain.mcpTrigger',
				typeVersion: 2,
				position: [0, 0],
				parameters: { path: PATH },
				webhookId: ctx.wf.stableUuid(`${WF}:webhook`),
			},
			...tools,
		],
		connections,
	});
}

/** The example agent's BigCommerce tool nodes, unchanged but for ids, hung off an MCP Server Trigger. */
function agentWorkflow(ctx) {
	const example = JSON.parse(fs.readFileSync(EXAMPLE, 'utf8'));
	const tools = example.nodes
		.filter((node) => node.type === ctx.wf.NODE_TYPES.tool)
		.map((node, index) => ({
			...node,
			id: ctx.wf.stableUuid(`${AGENT_WF}:${node.name}`),
			position: [200 * index, 300],
			credentials: { bigCommerceApi: { id: ctx.creds.api.id, name: ctx.creds.api.name } },
		}));
	const connections = {};
	for (const t of tools)
		connections[t.name] = { ai_tool: [[{ node: TRIGGER, type: 'ai_tool', index: 0 }]] };
	return ctx.wf.workflow({
		id: AGENT_WF,
		name: "e2e: the example agent's tools over MCP",
		nodes: [
			{
				id: ctx.wf.stableUuid(`${AGENT_WF}:trigger`),
				name: TRIGGER,
				type: '@n8n/n8n-nodes-langchain.mcpTrigger',
				typeVersion: 2,
				position: [0, 0],
				parameters: { path: AGENT_PATH },
				webhookId: ctx.wf.stableUuid(`${AGENT_WF}:webhook`),
			},
			...tools,
		],
		connections,
	});
}

/** One JSON-RPC exchange over MCP's streamable HTTP transport (answers may come as SSE). */
async function mcp(
	ctx,
	method,
	params,
	{ notification = false, path: mcpPath = PATH, allowError = false } = {},
) {
	const sessions = (ctx.shared.mcpSessions = ctx.shared.mcpSessions || {});
	const session = sessions[mcpPath];
	const id = notification ? undefined : (ctx.shared.mcpId = (ctx.shared.mcpId || 0) + 1);
	const res = await ctx.request(`${ctx.n8n.baseUrl}/mcp/${mcpPath}`, {
		method: 'POST',
		headers: {
			Accept: 'application/json, text/event-stream',
			...(session ? { 'mcp-session-id': session } : {}),
		},
		body: { jsonrpc: '2.0', method, ...(params ? { params } : {}), ...(id ? { id } : {}) },
		timeoutMs: 60_000,
	});
	if (notification) return res;
	ctx.assert.ok(res.status < 300, `MCP ${method}: ${res.status} ${res.text.slice(0, 400)}`);
	const sid = res.headers.get('mcp-session-id');
	if (sid) sessions[mcpPath] = sid;
	let message = res.json;
	if (!message) {
		const data = res.text
			.split('\n')
			.filter((l) => l.startsWith('data:'))
			.map((l) => JSON.parse(l.slice(5).trim()))
			.find((m) => m.id === id);
		message = data;
	}
	ctx.assert.ok(message, `MCP ${method}: no answer in ${res.text.slice(0, 400)}`);
	if (allowError && message.error)
		return { content: [{ type: 'text', text: JSON.stringify(message.error) }], isError: true };
	ctx.assert.ok(!message.error, `MCP ${method}: ${JSON.stringify(message.error)}`);
	return message.result;
}

/** Calls a tool; returns its result parsed from the text content (n8n returns JSON text). */
async function callTool(ctx, name, args, options) {
	const result = await mcp(ctx, 'tools/call', { name, arguments: args }, options);
	const text = (result.content || []).map((c) => c.text || '').join('');
	let parsed;
	try {
		parsed = JSON.parse(text);
	} catch {
		parsed = undefined;
	}
	return { result, text, parsed, first: Array.isArray(parsed) ? parsed[0] : parsed };
}

async function ready(ctx) {
	if (ctx.shared.mcpReady) return;
	await ctx.stopped();
	await ctx.n8n.publish(WF);
	await ctx.n8n.publish(AGENT_WF);
	await ctx.started();
	for (const mcpPath of [PATH, AGENT_PATH]) await initialize(ctx, mcpPath);
	ctx.shared.mcpReady = true;
}

async function initialize(ctx, mcpPath) {
	await ctx.waitFor(
		async () => {
			try {
				await mcp(
					ctx,
					'initialize',
					{
						protocolVersion: '2025-03-26',
						capabilities: {},
						clientInfo: { name: 'n8n-nodes-bigcommerce-e2e', version: '1.0.0' },
					},
					{ path: mcpPath },
				);
				return true;
			} catch {
				if (ctx.shared.mcpSessions) delete ctx.shared.mcpSessions[mcpPath];
				return false;
			}
		},
		{
			timeoutMs: 60_000,
			intervalMs: 1000,
			message: `the MCP Server Trigger at /mcp/${mcpPath} to answer`,
		},
	);
	await mcp(ctx, 'notifications/initialized', undefined, { notification: true, path: mcpPath });
}

/** The example agent's MCP tool name for one of its nodes (n8n turns the node name into the tool name). */
async function agentTools(ctx) {
	if (ctx.shared.agentTools) return ctx.shared.agentTools;
	const { tools } = await mcp(ctx, 'tools/list', {}, { path: AGENT_PATH });
	const byNode = {};
	for (const node of ['Order status', 'Cancel order', 'Gift card balance']) {
		const wanted = node.toLowerCase().replace(/[^a-z0-9]/g, '');
		const tool = tools.find((t) => t.name.toLowerCase().replace(/[^a-z0-9]/g, '') === wanted);
		ctx.assert.ok(
			tool,
			`the example's "${node}" tool is listed; got ${tools.map((t) => t.name).join(', ')}`,
		);
		byNode[node] = tool.name;
	}
	return (ctx.shared.agentTools = byNode);
}

module.exports = {
	name: 'AI tools over MCP (support-agent operations)',

	workflows: (ctx) => [workflow(ctx), agentWorkflow(ctx)],

	tests: [
		{
			name: 'n8n lists the six BigCommerce tools with the $fromAI arguments as their input schema',
			async run(ctx) {
				await ready(ctx);
				const { tools } = await mcp(ctx, 'tools/list', {});
				const byName = Object.fromEntries(tools.map((t) => [t.name, t]));
				for (const name of [
					'order_status',
					'cancel_order',
					'gift_card_balance',
					'product_info',
					'coupon_lookup',
					'active_promotions',
				]) {
					ctx.assert.ok(byName[name], `tool ${name} listed; got ${Object.keys(byName).join(', ')}`);
				}
				const props = byName.order_status.inputSchema.properties || {};
				ctx.assert.ok(
					props.orderNumber && props.email,
					`order_status arguments: ${JSON.stringify(byName.order_status.inputSchema)}`,
				);
			},
		},
		{
			name: 'order status, gift card balance, product info, coupon lookup and active promotions answer from the store',
			async run(ctx) {
				await ready(ctx);
				const order = values(ctx.sandbox.state.orders).find(
					(o) => !o.is_deleted && Number(o.status_id) === 10,
				);
				const status = await callTool(ctx, 'order_status', {
					orderNumber: String(order.id),
					email: order.email,
				});
				ctx.assert.equal(status.first.order_number, order.id, status.text.slice(0, 300));
				const gift = values(ctx.sandbox.state.giftCertificates).find((g) => g.status === 'active');
				const balance = await callTool(ctx, 'gift_card_balance', { code: gift.code });
				ctx.assert.equal(balance.first.found, true, balance.text.slice(0, 300));
				ctx.assert.equal(balance.first.balance, Number(gift.balance));
				const product = values(ctx.sandbox.state.products).find(
					(p) => p.is_visible !== false && p.sku,
				);
				const info = await callTool(ctx, 'product_info', { sku: product.sku });
				ctx.assert.equal(info.first.name, product.name, info.text.slice(0, 300));
				const coupon = await callTool(ctx, 'coupon_lookup', { code: 'SAVE20' });
				ctx.assert.equal(coupon.first.valid, true, coupon.text.slice(0, 300));
				const promos = await callTool(ctx, 'active_promotions', {});
				ctx.assert.match(promos.text, /Spring sale/);
			},
		},
		{
			name: 'cancel order through the tool changes the store; a shipped order is refused',
			async run(ctx) {
				await ready(ctx);
				const orders = values(ctx.sandbox.state.orders).filter((o) => !o.is_deleted);
				const open =
					orders.find((o) => Number(o.status_id) === 7 || Number(o.status_id) === 1) ||
					orders.find((o) => Number(o.status_id) === 11 && !(o.shipments || []).length);
				const cancelled = await callTool(ctx, 'cancel_order', {
					orderNumber: String(open.id),
					email: open.billing_address.email,
				});
				ctx.assert.equal(Number(cancelled.first?.status_id), 5, cancelled.text.slice(0, 400));
				ctx.assert.equal(Number(orders.find((o) => o.id === open.id).status_id), 5);
				const shipped = orders.find((o) => Number(o.status_id) === 2);
				const refused = await callTool(ctx, 'cancel_order', {
					orderNumber: String(shipped.id),
					email: shipped.billing_address.email,
				});
				ctx.assert.match(refused.text, /cannot be cancelled/i, refused.text.slice(0, 400));
				ctx.assert.equal(
					Number(orders.find((o) => o.id === shipped.id).status_id),
					2,
					'the shipped order is unchanged',
				);
			},
		},
		{
			name: "the example agent's order tools, called with attacker arguments, reveal nothing and change nothing",
			async run(ctx) {
				await ready(ctx);
				const tools = await agentTools(ctx);
				const orders = values(ctx.sandbox.state.orders);
				const live = orders.filter(
					(o) => !o.is_deleted && o.billing_address && o.billing_address.email,
				);
				const victim = live.find(
					(o) => [1, 7, 11].includes(Number(o.status_id)) && !(o.shipments || []).length,
				);
				ctx.assert.ok(victim, 'a cancellable order to attack');
				const email = victim.billing_address.email;
				const other = live.find(
					(o) => o.billing_address.email.toLowerCase() !== email.toLowerCase(),
				);
				const guessed = live.find(
					(o) => o.id > victim.id && o.billing_address.email.toLowerCase() !== email.toLowerCase(),
				);
				const secrets = [
					victim.billing_address.first_name,
					victim.billing_address.last_name,
					victim.billing_address.street_1,
					...(victim.products || []).map((p) => p.name),
				].filter((x) => typeof x === 'string' && x.length > 3);
				const attacks = [
					[
						"the victim's number, the attacker's email",
						{ orderNumber: String(victim.id), email: 'attacker@evil.example' },
					],
					[
						"the victim's number, another shopper's email",
						{ orderNumber: String(victim.id), email: other.billing_address.email },
					],
					["the victim's number, an empty email", { orderNumber: String(victim.id), email: '' }],
					["the victim's email, an empty number", { orderNumber: '', email }],
					["the victim's email, a guessed number", { orderNumber: String(guessed.id), email }],
					["the victim's email, an unknown number", { orderNumber: '987654', email }],
					["the victim's email, the number missing", { email }],
					["the victim's number, the email missing", { orderNumber: String(victim.id) }],
					// what the example's Cancel order tool took before: the number alone
					["the victim's number alone, as orderId", { orderId: String(victim.id) }],
				];
				const snapshot = () => JSON.stringify(orders.map((o) => [o.id, o.status_id, o.is_deleted]));
				const before = snapshot();
				const mark = ctx.sandbox.requests.length;
				const answers = new Set();
				for (const tool of [tools['Order status'], tools['Cancel order']]) {
					for (const [title, args] of attacks) {
						const answer = await callTool(ctx, tool, args, { path: AGENT_PATH, allowError: true });
						const where = `${tool} with ${title}: ${answer.text.slice(0, 300)}`;
						for (const secret of secrets)
							ctx.assert.ok(!answer.text.includes(secret), `${where} reveals "${secret}"`);
						ctx.assert.ok(
							!/order_number|"status"|total/.test(answer.text),
							`${where} reveals order data`,
						);
						// both values were given (even if empty): the tool ran and gave the one identity answer
						if ('orderNumber' in args && 'email' in args) {
							ctx.assert.ok(
								answer.text.includes(IDENTITY_FAILURE),
								`${where} is not the identity answer`,
							);
							answers.add(`${tool}: ${answer.text}`);
						}
					}
				}
				// one answer per tool, word for word, whichever part was wrong
				ctx.assert.equal(
					answers.size,
					2,
					`one answer per tool, word for word:\n${[...answers].join('\n')}`,
				);
				ctx.assert.equal(snapshot(), before, 'no order changed');
				const sent = ctx.sandbox.requests.slice(mark);
				const writesOrLists = sent.filter(
					(r) => r.method !== 'GET' || !/\/orders\/\d+$/.test(r.path),
				);
				ctx.assert.deepEqual(
					writesOrLists.map((r) => `${r.method} ${r.path}`),
					[],
					'only single-order reads were sent',
				);

				// the real shopper, typing as people do, still gets through (and the order is cancelled)
				const mine = await callTool(
					ctx,
					tools['Cancel order'],
					{ orderNumber: `#${victim.id}`, email: ` ${email.toUpperCase()} ` },
					{ path: AGENT_PATH },
				);
				ctx.assert.equal(mine.first && mine.first.order_number, victim.id, mine.text.slice(0, 300));
				ctx.assert.equal(
					Number(orders.find((o) => o.id === victim.id).status_id),
					5,
					'the real shopper cancelled their order',
				);
			},
		},
		{
			name: "the example agent's gift card tool finds nothing for a near-miss code",
			async run(ctx) {
				await ready(ctx);
				const tools = await agentTools(ctx);
				const gift = values(ctx.sandbox.state.giftCertificates).find((g) => g.status === 'active');
				for (const code of [gift.code.slice(0, -1), `${gift.code}X`, '%']) {
					const answer = await callTool(
						ctx,
						tools['Gift card balance'],
						{ code },
						{ path: AGENT_PATH },
					);
					ctx.assert.equal(
						answer.first && answer.first.found,
						false,
						`${code}: ${answer.text.slice(0, 300)}`,
					);
					for (const secret of [gift.to_name, gift.from_name, gift.to_email, gift.from_email]) {
						ctx.assert.ok(!answer.text.includes(secret), `${code} reveals "${secret}"`);
					}
				}
			},
		},
		{
			name: 'unpublishing the tools workflow closes the MCP endpoint',
			async run(ctx) {
				await ctx.started();
				await ctx.n8n.unpublish(WF);
				await ctx.n8n.unpublish(AGENT_WF);
				ctx.shared.mcpReady = false;
				ctx.shared.mcpSessions = {};
				ctx.shared.agentTools = undefined;
				const probe = () =>
					ctx.request(`${ctx.n8n.baseUrl}/mcp/${PATH}`, {
						method: 'POST',
						headers: { Accept: 'application/json, text/event-stream' },
						body: {
							jsonrpc: '2.0',
							id: 1,
							method: 'initialize',
							params: {
								protocolVersion: '2025-03-26',
								capabilities: {},
								clientInfo: { name: 'e2e', version: '1.0.0' },
							},
						},
					});
				let last;
				await ctx
					.waitFor(async () => (last = await probe()).status === 404, {
						timeoutMs: 20_000,
						intervalMs: 500,
						message: 'the MCP endpoint to disappear',
					})
					.catch(() =>
						ctx.assert.fail(`after unpublish: ${last.status} ${last.text.slice(0, 200)}`),
					);
			},
		},
	],
};
