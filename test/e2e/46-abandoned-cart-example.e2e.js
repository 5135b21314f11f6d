'use strict';
/**
 * The abandoned-cart recovery example (examples/abandoned-cart-recovery.json) live in n8n, against
 * its own sandbox store: published, the trigger registers its hooks; a cart abandoned in the store
 * → the trigger hands over the hydrated cart (email, line items, recovery link) → after the wait no
 * order exists for the cart → n8n's Send Email node mails the reminder with the recovery link
 * through the harness's local SMTP sink (e2e/lib/delivery.js), where the test reads it. A second
 * cart is abandoned and then converted to an order before the wait ends → the conversion stops the
 * sequence (no mail) and the converted event takes its own branch. The example's 1-hour wait is
 * shortened to 3 s for the test; everything else is the file as shipped.
 */
const { exampleVariant } = require('./helpers');

const WF = 'e2eCartExample01';
const CRED = { id: 'bcE2eCartStore01', name: 'BigCommerce cart store', type: 'bigCommerceApi' };
const SEND = 'Send reminder email';

function variant(ctx) {
	return exampleVariant(ctx, {
		file: 'abandoned-cart-recovery.json',
		id: WF,
		name: 'e2e: abandoned-cart recovery example',
		credential: CRED,
		edit(node) {
			if (node.type === 'n8n-nodes-base.wait')
				node.parameters = { ...node.parameters, amount: 3, unit: 'seconds' };
		},
	});
}

/** Mail the local SMTP sink received since index `from`, addressed to `email`. */
function mailTo(ctx, email, from = 0) {
	return ctx.delivery.smtp.messages.slice(from).filter((m) => m.to.includes(email));
}

async function executions(ctx) {
	const list = await ctx.n8n.listExecutions({ workflowId: WF, includeData: true });
	return list.map((e) => {
		const runData = e.data?.resultData?.runData || {};
		const trigger = runData['BigCommerce Trigger']?.[0]?.data?.main?.[0]?.[0]?.json || {};
		const out = (name) => runData[name]?.[0]?.data?.main?.[0]?.map((i) => i.json);
		return {
			id: e.id,
			status: e.status,
			finished: e.finished,
			nodes: Object.keys(runData),
			trigger,
			out,
		};
	});
}

async function newCart(ctx, store, customerId) {
	const product = [...store.state.products.values()].find(
		(p) => p.is_visible !== false && p.inventory_tracking === 'none',
	);
	const res = await ctx.request(`${store.apiPath('v3')}/carts`, {
		method: 'POST',
		headers: { 'X-Auth-Token': store.accessToken, Accept: 'application/json' },
		body: { customer_id: customerId, line_items: [{ product_id: product.id, quantity: 2 }] },
	});
	ctx.assert.equal(res.status, 201, `create cart: ${res.status} ${res.text.slice(0, 300)}`);
	return res.json.data.id;
}

module.exports = {
	name: 'Example live: abandoned-cart recovery',

	async credentials(ctx) {
		const store = await ctx.startSandbox({ rateLimit: false });
		ctx.shared.cartStore = store;
		return [{ ...CRED, data: ctx.credentialData(store) }];
	},

	workflows: (ctx) => [variant(ctx)],

	tests: [
		{
			name: 'publishing registers one hook per event (abandoned, converted) pointing at n8n',
			async run(ctx) {
				const store = ctx.shared.cartStore;
				await ctx.stopped();
				await ctx.n8n.publish(WF);
				await ctx.started();
				const hooks = await ctx.waitFor(
					() => {
						const list = [
							...(store.state.hooks instanceof Map
								? store.state.hooks.values()
								: store.state.hooks || []),
						];
						const ours = list.filter(
							(h) => h.is_active && String(h.destination).startsWith(ctx.n8n.baseUrl),
						);
						return ours.length >= 2 && ours;
					},
					{ timeoutMs: 60_000, message: 'the trigger to register its hooks' },
				);
				ctx.assert.deepEqual(hooks.map((h) => h.scope).sort(), [
					'store/cart/abandoned',
					'store/cart/converted',
				]);
			},
		},
		{
			name: 'an abandoned cart with a known email gets a reminder mail (Send Email over SMTP) with the recovery link',
			timeoutMs: 120_000,
			async run(ctx) {
				const store = ctx.shared.cartStore;
				const cartId = store.state.cartFixtures.active.id;
				store.abandonCart(cartId);
				const run = await ctx.waitFor(
					async () =>
						(await executions(ctx)).find((e) => e.finished && e.trigger.record?.id === cartId),
					{
						timeoutMs: 90_000,
						intervalMs: 1000,
						message: 'the abandoned-cart execution to finish',
					},
				);
				ctx.assert.equal(run.status, 'success', `nodes: ${run.nodes.join(' > ')}`);
				ctx.assert.equal(run.trigger.scope, 'store/cart/abandoned');
				ctx.assert.match(String(run.trigger.recoveryUrl), /^https?:\/\//);
				const email = store.state.cartFixtures.active.email;
				const [mail] = await ctx.waitFor(() => mailTo(ctx, email).length && mailTo(ctx, email), {
					timeoutMs: 10_000,
					message: `the reminder mail to ${email} in the SMTP sink`,
				});
				ctx.assert.ok(run.nodes.includes(SEND), `sent by "${SEND}": ${run.nodes.join(' > ')}`);
				ctx.assert.equal(mailTo(ctx, email).length, 1, 'one reminder');
				ctx.assert.equal(mail.subject, 'You left something in your cart');
				ctx.assert.ok(
					mail.text.includes(run.trigger.recoveryUrl),
					`the mail carries the recovery link ${run.trigger.recoveryUrl}:\n${mail.text}`,
				);
				const [line] = run.trigger.lineItems;
				ctx.assert.ok(mail.text.includes(line.name), `the mail names "${line.name}"`);
				ctx.log(`mail to ${email} in ${mail.file}`);
			},
		},
		{
			name: 'a cart converted to an order during the wait stops the sequence (no reminder, no mail)',
			timeoutMs: 120_000,
			async run(ctx) {
				const store = ctx.shared.cartStore;
				const cartId = await newCart(ctx, store, 5);
				const mailBefore = ctx.delivery.smtp.messages.length;
				const before = store.requests.length;
				store.abandonCart(cartId);
				// The execution is in its 3 s wait once the trigger has hydrated the cart: read it, then
				// made a fresh recovery link (converting earlier would hide the cart from the trigger).
				await ctx.waitFor(
					() =>
						store.requests
							.slice(before)
							.some(
								(r) =>
									r.method === 'POST' &&
									r.path === `/carts/${cartId}/redirect_urls` &&
									r.status < 300,
							),
					{
						timeoutMs: 30_000,
						intervalMs: 100,
						message: 'the trigger to hydrate the abandoned cart',
					},
				);
				const { orderId } = store.convertCart(cartId);
				const describe = async () =>
					(await executions(ctx))
						.map(
							(e) =>
								`#${e.id} ${e.status} ${e.trigger.scope || '?'} ${e.trigger.record?.id || e.trigger.data?.id || ''}: ${e.nodes.join(' > ')}`,
						)
						.join('\n');
				const done = await ctx
					.waitFor(
						async () => {
							const list = await executions(ctx);
							const abandoned = list.find(
								(e) =>
									e.finished &&
									e.trigger.scope === 'store/cart/abandoned' &&
									(e.trigger.record?.id === cartId || e.trigger.data?.id === cartId),
							);
							const converted = list.find(
								(e) => e.finished && e.trigger.scope === 'store/cart/converted',
							);
							return abandoned && converted && { abandoned, converted };
						},
						{ timeoutMs: 90_000, intervalMs: 1000, message: 'both executions to finish' },
					)
					.catch(async (error) => {
						throw new Error(`${error.message}; executions:\n${await describe()}`);
					});
				ctx.assert.equal(done.abandoned.status, 'success');
				const [order] = done.abandoned.out('Order from this cart?') || [];
				ctx.assert.equal(
					order && order.id,
					orderId,
					'the order placed from the cart was found after the wait',
				);
				ctx.assert.ok(
					!done.abandoned.nodes.includes(SEND),
					`no reminder: ${done.abandoned.nodes.join(' > ')}`,
				);
				ctx.assert.deepEqual(
					ctx.delivery.smtp.messages.slice(mailBefore).map((m) => `${m.to}: ${m.subject}`),
					[],
					'no mail sent for the converted cart',
				);
				ctx.assert.ok(
					done.converted.nodes.includes('Cart converted: sequence stops'),
					done.converted.nodes.join(' > '),
				);
			},
		},
		{
			name: 'unpublishing removes the hooks from the store',
			async run(ctx) {
				const store = ctx.shared.cartStore;
				await ctx.started();
				await ctx.n8n.unpublish(WF);
				await ctx.waitFor(
					() => {
						const list = [
							...(store.state.hooks instanceof Map
								? store.state.hooks.values()
								: store.state.hooks || []),
						];
						return !list.some((h) => String(h.destination).startsWith(ctx.n8n.baseUrl));
					},
					{ timeoutMs: 30_000, message: 'the hooks to be deleted' },
				);
			},
		},
	],
};
