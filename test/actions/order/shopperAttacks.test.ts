/**
 * The shopper-facing order tools, attacked the way anyone who can chat with a support agent can:
 * guessed (sequential) order numbers, wrong, empty, missing and differently-cased emails, another
 * shopper's email, archived orders. Each attack must reveal nothing (one answer, word for word,
 * naming no order data) and change nothing in the store; the real shopper, typing the number as
 * people do (#124, " 124 "), still gets through.
 */
import { NodeOperationError } from 'n8n-workflow';

import { BigCommerce } from '../../../nodes/BigCommerce/BigCommerce.node';
import { type Json, useSandbox } from '../../helpers/sandbox';
import { ORDER_STATUSES } from '../../../nodes/BigCommerce/shared/orderStatuses';
import { stateOrder } from './fixtures';
import { locator, runNode, runNodeError } from '../../helpers/node';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { readRepoFile } = require('../../helpers/repoFile') as {
	readRepoFile: (path: string) => string;
};

const sandbox = useSandbox();
beforeAll(async () => {
	// one archived order, archived the way a merchant does it (its shopper's email still matches)
	const completed = (sandbox.state.orders as Json[]).find(
		(o) => o.status_id === 10 && !o.is_deleted,
	);
	await runNode(sandbox, {
		resource: 'order',
		operation: 'archive',
		orderId: locator(completed.id),
	});
});

/** The identity-failure answer, exactly (the same for every attack below). */
const FAILURE = 'Item 0: No order matches this "Order Number" and "Email"';

const live = (status: number, skip: number[] = []): Json =>
	(sandbox.state.orders as Json[]).find(
		(o) =>
			o.status_id === status && !o.is_deleted && !skip.includes(o.id) && o.billing_address.email,
	);

/** The status of every order in the store (to prove an attack changed nothing). */
const statuses = () =>
	(sandbox.state.orders as Json[]).map((o) => [o.id, o.status_id, o.is_deleted]);

interface Attack {
	title: string;
	/** The parameters beyond resource/operation; `undefined` leaves the parameter out entirely. */
	args: (victim: Json) => { orderNumber?: unknown; email?: unknown };
}

const attacks: Attack[] = [
	{
		title: "the victim's number with the attacker's email",
		args: (v) => ({ orderNumber: String(v.id), email: 'attacker@evil.example' }),
	},
	{
		title: "the victim's number with another shopper's real email",
		args: (v) => ({ orderNumber: String(v.id), email: otherShopperEmail(v) }),
	},
	{
		title: "the victim's number, email empty",
		args: (v) => ({ orderNumber: String(v.id), email: '' }),
	},
	{
		title: "the victim's number, email only spaces",
		args: (v) => ({ orderNumber: String(v.id), email: '   ' }),
	},
	{ title: "the victim's number, email missing", args: (v) => ({ orderNumber: String(v.id) }) },
	{
		title: "the victim's number, email null",
		args: (v) => ({ orderNumber: String(v.id), email: null }),
	},
	{
		title: "the victim's email, number empty",
		args: (v) => ({ orderNumber: '', email: v.billing_address.email }),
	},
	{
		title: "the victim's email, number missing",
		args: (v) => ({ email: v.billing_address.email }),
	},
	{
		title: "the victim's email, number only '#'",
		args: (v) => ({ orderNumber: '#', email: v.billing_address.email }),
	},
	{ title: 'both missing', args: () => ({}) },
	{
		title: "the victim's email with the next (guessed) order number",
		args: (v) => ({ orderNumber: String(nextOtherOrder(v).id), email: v.billing_address.email }),
	},
	{
		title: 'an order number that does not exist',
		args: (v) => ({ orderNumber: '987654', email: v.billing_address.email }),
	},
	{
		title: "the victim's email with extra text around it",
		args: (v) => ({ orderNumber: String(v.id), email: `x${v.billing_address.email}` }),
	},
	{
		title: "the victim's email with a different domain",
		args: (v) => ({
			orderNumber: String(v.id),
			email: v.billing_address.email.replace(/@.*/, '@example.org'),
		}),
	},
	{
		title: 'an archived order with its own email',
		args: () => ({ orderNumber: String(archived().id), email: archived().billing_address.email }),
	},
];

function otherShopperEmail(victim: Json): string {
	const other = (sandbox.state.orders as Json[]).find(
		(o) =>
			o.billing_address.email &&
			o.billing_address.email.toLowerCase() !== victim.billing_address.email.toLowerCase(),
	);
	return other.billing_address.email;
}
function nextOtherOrder(victim: Json): Json {
	return (sandbox.state.orders as Json[]).find(
		(o) =>
			o.id > victim.id &&
			!o.is_deleted &&
			o.billing_address.email.toLowerCase() !== victim.billing_address.email.toLowerCase(),
	);
}
function archived(): Json {
	const order = (sandbox.state.orders as Json[]).find(
		(o) => o.is_deleted && o.billing_address.email,
	);
	if (!order) throw new Error('no archived order seeded');
	return order;
}

/** Everything about the victim an answer must not contain. */
function secretsOf(victim: Json): string[] {
	const b = victim.billing_address;
	return [
		b.email,
		b.first_name,
		b.last_name,
		b.street_1,
		b.phone,
		...(victim.products ?? []).map((p: Json) => p.name),
	].filter((s) => typeof s === 'string' && s.length > 3);
}

const TOOLS = [
	{ operation: 'getStatusForShopper', extra: { lookup: 'order' }, victimStatus: 3 },
	{ operation: 'cancelForShopper', extra: {}, victimStatus: 11 },
] as const;

describe.each(TOOLS)('Order › $operation under attack', ({ operation, extra, victimStatus }) => {
	const answers: Array<{ title: string; message: string; description: unknown }> = [];

	it.each(attacks.map((a) => [a.title, a] as const))(
		'%s: reveals nothing, changes nothing',
		async (_title, attack) => {
			const victim = live(victimStatus);
			const before = statuses();
			const mark = sandbox.requests.length;
			const args = attack.args(victim);
			const params: Record<string, unknown> = { resource: 'order', operation, ...extra };
			for (const [key, value] of Object.entries(args)) if (value !== undefined) params[key] = value;

			const error = (await runNodeError(sandbox, params)).error;

			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toBe(FAILURE);
			const description = String((error as NodeOperationError).description ?? '');
			answers.push({ title: attack.title, message: error.message, description });
			for (const secret of secretsOf(victim)) {
				expect(`${error.message} ${description}`).not.toContain(secret);
			}
			// nothing changed, and nothing but (at most) the one order read was sent
			expect(statuses()).toEqual(before);
			const sent = sandbox.requests.slice(mark);
			expect(
				sent.every(
					(r) => r.method === 'GET' && /^\/orders\/\d+$/.test(r.path.replace(/^.*\/v2/, '')),
				),
			).toBe(true);
			expect(sent.length).toBeLessThanOrEqual(1);
		},
	);

	it('answers every attack with the same words (message and hint)', () => {
		expect(answers).toHaveLength(attacks.length);
		expect(new Set(answers.map((a) => a.message)).size).toBe(1);
		expect(new Set(answers.map((a) => a.description)).size).toBe(1);
	});

	it.each([
		['#N', (v: Json) => `#${v.id}`, (v: Json) => v.billing_address.email],
		['" N " with spaces', (v: Json) => ` ${v.id} `, (v: Json) => v.billing_address.email],
		['"# N"', (v: Json) => `# ${v.id}`, (v: Json) => v.billing_address.email],
		['a number (not a string)', (v: Json) => v.id, (v: Json) => v.billing_address.email],
		[
			'the email upper-cased with spaces',
			(v: Json) => String(v.id),
			(v: Json) => `  ${v.billing_address.email.toUpperCase()} `,
		],
	])('lets the real shopper in: number as %s', async (_title, number, email) => {
		const victim = live(
			victimStatus,
			(sandbox.state.orders as Json[]).filter((o) => o.status_id === 5).map((o) => o.id),
		);
		const out = (
			await runNode(sandbox, {
				resource: 'order',
				operation,
				...extra,
				orderNumber: number(victim),
				email: email(victim),
			})
		).out;
		expect(out[0].json.order_number).toBe(victim.id);
	});
});

describe('Order › Get Status for Shopper: email alone is never enough in "order number and email" mode', () => {
	it("an empty order number is the identity failure, not a list of the shopper's orders", async () => {
		const mark = sandbox.requests.length;
		const error = (
			await runNodeError(sandbox, {
				resource: 'order',
				operation: 'getStatusForShopper',
				lookup: 'order',
				orderNumber: '',
				email: 'shopper1@example.com',
			})
		).error;
		expect(error.message).toBe(FAILURE);
		expect(sandbox.requests.slice(mark)).toHaveLength(0);
	});

	it('a missing Look Up means "order number and email" (the safe mode), never the email-only list', async () => {
		const mark = sandbox.requests.length;
		const error = (
			await runNodeError(sandbox, {
				resource: 'order',
				operation: 'getStatusForShopper',
				email: 'shopper1@example.com',
			})
		).error;
		expect(error.message).toBe(FAILURE);
		expect(sandbox.requests.slice(mark)).toHaveLength(0);
	});

	it('the email-only mode is an explicit choice, with a notice that an email is not proof of identity', () => {
		const properties = new BigCommerce().description.properties.filter(
			(p) =>
				p.displayOptions?.show?.resource?.includes('order') &&
				p.displayOptions?.show?.operation?.includes('getStatusForShopper'),
		);
		const lookup = properties.find((p) => p.name === 'lookup')!;
		expect(lookup.default).toBe('order');
		const notice = properties.find(
			(p) => p.type === 'notice' && p.displayOptions?.show?.lookup?.includes('recent'),
		);
		expect(notice?.displayName).toMatch(/not proof of identity/i);
		expect(notice?.displayOptions?.show?.lookup).toEqual(['recent']);
	});
});

describe('Order › Cancel for Shopper', () => {
	/** Statuses in which a shopper may cancel: nothing is on its way yet. */
	const CANCELLABLE = [1, 7, 8, 9, 11];

	it.each(Array.from({ length: 15 }, (_, id) => id))(
		'status %i: cancels only unshipped, open orders',
		async (statusId) => {
			const order =
				(sandbox.state.orders as Json[]).find(
					(o) =>
						o.status_id === statusId &&
						!o.is_deleted &&
						o.billing_address.email &&
						!(o.shipments ?? []).length,
				) ??
				(sandbox.state.orders as Json[]).find(
					(o) => o.status_id === statusId && !o.is_deleted && o.billing_address.email,
				);
			if (!order) return; // (the seed has no live order in this status)
			const mark = sandbox.requests.length;
			const params = {
				resource: 'order',
				operation: 'cancelForShopper',
				orderNumber: `#${order.id}`,
				email: order.billing_address.email,
			};
			if (CANCELLABLE.includes(statusId) && !order.items_shipped) {
				const out = (await runNode(sandbox, params)).out;
				expect(stateOrder(sandbox, order.id).status_id).toBe(5);
				const puts = sandbox.requests.slice(mark).filter((r) => r.method === 'PUT');
				expect(puts).toHaveLength(1);
				expect(puts[0].body).toEqual({ status_id: 5 });
				// a safe summary, not the whole order
				expect(Object.keys(out[0].json).sort()).toEqual(
					[
						'cancelled',
						'currency',
						'message',
						'order_number',
						'previous_status',
						'status',
						'status_id',
						'total',
					].sort(),
				);
				expect(out[0].json).toMatchObject({
					order_number: order.id,
					cancelled: true,
					status: 'Cancelled',
					status_id: 5,
				});
				expect(JSON.stringify(out[0].json)).not.toContain(order.billing_address.street_1);
			} else {
				const error = (await runNodeError(sandbox, params)).error;
				expect(error).toBeInstanceOf(NodeOperationError);
				expect(error.message).toMatch(
					new RegExp(`^Item 0: Order #${order.id} cannot be cancelled`),
				);
				expect(error.message).toContain(
					statusId === 5 ? 'already cancelled' : `its status is "${ORDER_STATUSES[statusId]}"`,
				);
				expect(stateOrder(sandbox, order.id).status_id).toBe(statusId);
				expect(sandbox.requests.slice(mark).filter((r) => r.method !== 'GET')).toHaveLength(0);
			}
		},
	);

	it('refuses an order set back to Awaiting Fulfillment after part of it shipped', async () => {
		const order = live(3); // Partially Shipped, with a shipment
		await runNode(sandbox, {
			resource: 'order',
			operation: 'update',
			orderId: locator(order.id),
			updateFields: { statusId: '11' },
		});
		expect(stateOrder(sandbox, order.id).status_id).toBe(11);
		const mark = sandbox.requests.length;
		const error = (
			await runNodeError(sandbox, {
				resource: 'order',
				operation: 'cancelForShopper',
				orderNumber: String(order.id),
				email: order.billing_address.email,
			})
		).error;
		expect(error.message).toBe(
			`Item 0: Order #${order.id} cannot be cancelled: part of it has already shipped`,
		);
		expect(stateOrder(sandbox, order.id).status_id).toBe(11);
		expect(sandbox.requests.slice(mark).filter((r) => r.method !== 'GET')).toHaveLength(0);
	});

	it('is registered as its own operation, labelled destructive, next to the admin Cancel', () => {
		const properties = new BigCommerce().description.properties;
		const selector = properties.find(
			(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes('order'),
		)!;
		const options = selector.options as Array<{ name: string; value: string; description: string }>;
		const shopper = options.find((o) => o.value === 'cancelForShopper');
		expect(shopper).toMatchObject({ name: 'Cancel for Shopper' });
		expect(shopper!.description).toMatch(/destructive/i);
		expect(shopper!.description).toMatch(/order number and .*email/i);
		const admin = options.find((o) => o.value === 'cancel')!;
		expect(admin.description).toMatch(/not .*shoppers|never .*shoppers/i);
		const adminNotice = properties.find(
			(p) =>
				p.type === 'notice' &&
				p.displayOptions?.show?.operation?.includes('cancel') &&
				p.displayOptions?.show?.resource?.includes('order'),
		);
		expect(adminNotice?.displayName).toMatch(/Cancel for Shopper/);
	});
});

describe('examples/ai-support-agent.json', () => {
	const example = JSON.parse(readRepoFile('examples/ai-support-agent.json'));
	const tools = (example.nodes as Json[]).filter(
		(n) => n.type === 'n8n-nodes-bigcommerce.bigCommerceTool',
	);

	it('gives the agent only identity-checked order tools', () => {
		const orderTools = tools.filter((n) => n.parameters.resource === 'order');
		expect(orderTools.map((n) => n.parameters.operation).sort()).toEqual([
			'cancelForShopper',
			'getStatusForShopper',
		]);
		for (const node of orderTools) {
			expect({ node: node.name, lookup: node.parameters.lookup ?? 'order' }).toEqual({
				node: node.name,
				lookup: 'order',
			});
			expect(node.parameters.orderNumber).toMatch(/\$fromAI\('orderNumber'/);
			expect(node.parameters.email).toMatch(/\$fromAI\('email'/);
		}
		// and nothing else the agent holds reads or changes one shopper's order
		const shopperSafe = new Set([
			'giftCertificate.checkBalance',
			'product.getInfoForShopper',
			'coupon.lookUpCode',
			'promotion.listActive',
			'shipping.getMethods',
			'order.getStatusForShopper',
			'order.cancelForShopper',
		]);
		const others = tools
			.map((n) => `${n.parameters.resource}.${n.parameters.operation}`)
			.filter((op) => !shopperSafe.has(op));
		expect(others).toEqual([]);
	});
});

describe('Gift Certificate › Check Balance and Coupon › Look Up Code stay exact-match', () => {
	const nearMisses = (code: string) => [
		code.slice(0, -1),
		`${code}X`,
		`X${code}`,
		code.slice(1),
		'%',
		'*',
		`${code.slice(0, 3)}%`,
	];

	it.each(['GC7-A4K-92MQ-X4PL'])(
		'a code close to gift certificate %s finds nothing and names no one',
		async (real) => {
			const gift = (sandbox.state.giftCertificates as Json[]).find((g) => g.code === real);
			for (const code of nearMisses(real)) {
				const out = (
					await runNode(sandbox, { resource: 'giftCertificate', operation: 'checkBalance', code })
				).out;
				expect({ code, answer: out[0].json }).toEqual({
					code,
					answer: { code, found: false, message: 'No gift certificate has this code.' },
				});
				for (const secret of [gift.to_name, gift.from_name, gift.to_email, gift.from_email, real]) {
					// (the answer echoes what was typed; nothing beyond it)
					expect(JSON.stringify(out[0].json).split(code).join('')).not.toContain(secret);
				}
			}
		},
	);

	it.each(['SAVE20', 'SUMMER25'])('a code close to %s is "not found"', async (real) => {
		for (const code of nearMisses(real)) {
			if (/[%*]/.test(code)) {
				// wildcards are not code characters: refused before any request
				const mark = sandbox.requests.length;
				const error = (
					await runNodeError(sandbox, { resource: 'coupon', operation: 'lookUpCode', code })
				).error;
				expect(error.message).toMatch(/"Code" may contain only/);
				expect(sandbox.requests.slice(mark)).toHaveLength(0);
				continue;
			}
			const out = (await runNode(sandbox, { resource: 'coupon', operation: 'lookUpCode', code }))
				.out;
			expect({ code, found: out[0].json.found, reason: out[0].json.reason }).toEqual({
				code,
				found: false,
				reason: 'not found',
			});
			expect(JSON.stringify(out[0].json).split(code).join('')).not.toContain(real);
		}
	});

	it('a promotion the API hands back for a code it does not carry is not taken as a match', async () => {
		// the exact match must not rest on how BigCommerce filters ?code= (documented only as
		// "Filter items by code"): answer a near-miss with SUMMER25's promotion and see it refused
		const url = `${sandbox.apiPath('v3')}/promotions?code=SUMMER25`;
		const real = (await (
			await fetch(url, {
				headers: { 'X-Auth-Token': sandbox.accessToken, Accept: 'application/json' },
			})
		).json()) as Json;
		expect(real.data).toHaveLength(1);
		const fault = sandbox.faults.add({
			method: 'GET',
			path: /^\/v3\/promotions$/,
			kind: 'status',
			status: 200,
			body: real,
		});
		const out = (
			await runNode(sandbox, { resource: 'coupon', operation: 'lookUpCode', code: 'SUMMER2' })
		).out;
		expect(fault.hits).toBe(1);
		expect(out[0].json).toMatchObject({ code: 'SUMMER2', found: false, reason: 'not found' });
		expect(JSON.stringify(out[0].json)).not.toMatch(/25%|SUMMER25/);
	});
});
