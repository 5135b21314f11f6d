'use strict';
/**
 * The support-agent operations used as AI tools inside a real n8n, without a language model:
 * BigCommerce Tool nodes (the AI-tool variant n8n generates from the node) hang off n8n's own
 * MCP Server Trigger; the test is the "model", calling the tools over MCP (streamable HTTP) with
 * the arguments a model would fill into the `$fromAI()` parameters. Proves that n8n lists the
 * tools with their argument schemas and that each call runs the node against the store.
 */
const { values } = require('./helpers');

const WF = 'e2eMcpTools00001';
const PATH = 'bigcommerce-e2e-tools';
const TRIGGER = 'MCP Server Trigger';

const fromAI = (name, description, type = 'string') => `={{ $fromAI('${name}', \`${description}\`, '${type}') }}`;
const rl = (value) => ({ __rl: true, mode: 'id', value });

function toolNode(ctx, name, description, parameters, index) {
	return {
		id: ctx.wf.stableUuid(`${WF}:${name}`),
		name,
		type: ctx.wf.NODE_TYPES.tool,
		typeVersion: 1,
		position: [200 * index, 300],
		parameters: { descriptionType: 'manual', toolDescription: description, authentication: 'accessToken', ...parameters },
		credentials: { bigCommerceApi: { id: ctx.creds.api.id, name: ctx.creds.api.name } },
	};
}

function workflow(ctx) {
	const tools = [
		toolNode(ctx, 'order_status', 'Status of one order for a shopper (order number + email)', {
			resource: 'order',
			operation: 'getStatusForShopper',
			lookup: 'order',
			orderNumber: fromAI('orderNumber', 'The order number'),
			email: fromAI('email', 'The email used on the order'),
		}, 0),
		toolNode(ctx, 'cancel_order', 'Cancel an order that has not shipped', {
			resource: 'order',
			operation: 'cancel',
			orderId: rl(fromAI('orderId', 'The order number to cancel')),
		}, 1),
		toolNode(ctx, 'gift_card_balance', 'Balance of a gift certificate', {
			resource: 'giftCertificate',
			operation: 'checkBalance',
			code: fromAI('code', 'The gift certificate code'),
		}, 2),
		toolNode(ctx, 'product_info', 'Shopper-facing product details by SKU', {
			resource: 'product',
			operation: 'getInfoForShopper',
			lookUpBy: 'sku',
			value: fromAI('sku', 'The product SKU'),
		}, 3),
		toolNode(ctx, 'coupon_lookup', 'Is a coupon code valid now', {
			resource: 'coupon',
			operation: 'lookUpCode',
			code: fromAI('code', 'The coupon code'),
		}, 4),
		toolNode(ctx, 'active_promotions', 'Promotions running now', { resource: 'promotion', operation: 'listActive' }, 5),
	];
	const connections = {};
	for (const t of tools) connections[t.name] = { ai_tool: [[{ node: TRIGGER, type: 'ai_tool', index: 0 }]] };
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

/** One JSON-RPC exchange over MCP's streamable HTTP transport (answers may come as SSE). */
async function mcp(ctx, method, params, { notification = false } = {}) {
	const session = ctx.shared.mcpSession;
	const id = notification ? undefined : (ctx.shared.mcpId = (ctx.shared.mcpId || 0) + 1);
	const res = await ctx.request(`${ctx.n8n.baseUrl}/mcp/${PATH}`, {
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
	if (sid) ctx.shared.mcpSession = sid;
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
	ctx.assert.ok(!message.error, `MCP ${method}: ${JSON.stringify(message.error)}`);
	return message.result;
}

/** Calls a tool; returns its result parsed from the text content (n8n returns JSON text). */
async function callTool(ctx, name, args) {
	const result = await mcp(ctx, 'tools/call', { name, arguments: args });
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
	await ctx.started();
	await ctx.waitFor(
		async () => {
			try {
				await mcp(ctx, 'initialize', {
					protocolVersion: '2025-03-26',
					capabilities: {},
					clientInfo: { name: 'n8n-nodes-bigcommerce-e2e', version: '1.0.0' },
				});
				return true;
			} catch {
				ctx.shared.mcpSession = undefined;
				return false;
			}
		},
		{ timeoutMs: 60_000, intervalMs: 1000, message: 'the MCP Server Trigger to answer' },
	);
	await mcp(ctx, 'notifications/initialized', undefined, { notification: true });
	ctx.shared.mcpReady = true;
}

module.exports = {
	name: 'AI tools over MCP (support-agent operations)',

	workflows: (ctx) => [workflow(ctx)],

	tests: [
		{
			name: 'n8n lists the six BigCommerce tools with the $fromAI arguments as their input schema',
			async run(ctx) {
				await ready(ctx);
				const { tools } = await mcp(ctx, 'tools/list', {});
				const byName = Object.fromEntries(tools.map((t) => [t.name, t]));
				for (const name of ['order_status', 'cancel_order', 'gift_card_balance', 'product_info', 'coupon_lookup', 'active_promotions']) {
					ctx.assert.ok(byName[name], `tool ${name} listed; got ${Object.keys(byName).join(', ')}`);
				}
				const props = byName.order_status.inputSchema.properties || {};
				ctx.assert.ok(props.orderNumber && props.email, `order_status arguments: ${JSON.stringify(byName.order_status.inputSchema)}`);
			},
		},
		{
			name: 'order status, gift card balance, product info, coupon lookup and active promotions answer from the store',
			async run(ctx) {
				await ready(ctx);
				const order = values(ctx.sandbox.state.orders).find((o) => !o.is_deleted && Number(o.status_id) === 10);
				const status = await callTool(ctx, 'order_status', { orderNumber: String(order.id), email: order.email });
				ctx.assert.equal(status.first.order_number, order.id, status.text.slice(0, 300));
				const gift = values(ctx.sandbox.state.giftCertificates).find((g) => g.status === 'active');
				const balance = await callTool(ctx, 'gift_card_balance', { code: gift.code });
				ctx.assert.equal(balance.first.found, true, balance.text.slice(0, 300));
				ctx.assert.equal(balance.first.balance, Number(gift.balance));
				const product = values(ctx.sandbox.state.products).find((p) => p.is_visible !== false && p.sku);
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
				const open = orders.find((o) => Number(o.status_id) === 7 || Number(o.status_id) === 1) || orders.find((o) => Number(o.status_id) === 11 && !(o.shipments || []).length);
				const cancelled = await callTool(ctx, 'cancel_order', { orderId: String(open.id) });
				ctx.assert.equal(Number(cancelled.first?.status_id), 5, cancelled.text.slice(0, 400));
				ctx.assert.equal(Number(orders.find((o) => o.id === open.id).status_id), 5);
				const shipped = orders.find((o) => Number(o.status_id) === 2);
				const refused = await callTool(ctx, 'cancel_order', { orderId: String(shipped.id) });
				ctx.assert.match(refused.text, /cannot be cancelled/i, refused.text.slice(0, 400));
				ctx.assert.equal(Number(orders.find((o) => o.id === shipped.id).status_id), 2, 'the shipped order is unchanged');
			},
		},
		{
			name: 'unpublishing the tools workflow closes the MCP endpoint',
			async run(ctx) {
				await ctx.started();
				await ctx.n8n.unpublish(WF);
				ctx.shared.mcpReady = false;
				ctx.shared.mcpSession = undefined;
				const probe = () => ctx.request(`${ctx.n8n.baseUrl}/mcp/${PATH}`, {
					method: 'POST',
					headers: { Accept: 'application/json, text/event-stream' },
					body: {
						jsonrpc: '2.0',
						id: 1,
						method: 'initialize',
						params: { protocolVersion: '2025-03-26', capabilities: {}, clientInfo: { name: 'e2e', version: '1.0.0' } },
					},
				});
				let last;
				await ctx.waitFor(async () => (last = await probe()).status === 404, {
					timeoutMs: 20_000,
					intervalMs: 500,
					message: 'the MCP endpoint to disappear',
				}).catch(() => ctx.assert.fail(`after unpublish: ${last.status} ${last.text.slice(0, 200)}`));
			},
		},
	],
};
