/**
 * Items in parallel (actions/router.ts): the router works on several items at once under the
 * store's rate-limit governor. Observed at the sandbox: how many requests it was handling at once
 * (`inFlight`), when it answered each (`answeredAt`); and in the node's output: order, pairedItem,
 * Continue On Fail per item, the first failure stopping every request not yet sent.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { BigCommerce } from '../../nodes/BigCommerce/BigCommerce.node';

import { retrySettings } from '../../nodes/BigCommerce/transport';
import { resetRateLimitState } from '../../nodes/BigCommerce/transport/rateLimit';
import { DEFAULT_ITEMS_IN_PARALLEL } from '../../nodes/BigCommerce/actions/router';
import { acknowledgeViolations, startSandbox, type SandboxHandle } from '../helpers/sandbox';
import { createExecuteContext, sandboxCredentials } from '../helpers/context';
import { locator, runNode, runNodeError } from '../helpers/node';

let sandbox: SandboxHandle;
beforeAll(async () => {
	sandbox = await startSandbox({ seed: { products: 40, customers: 8 } });
});
afterAll(async () => sandbox.close());
beforeEach(() => {
	sandbox.faults.clear();
	sandbox.setRateLimit({ quota: 150, windowMs: 30_000 });
});

const productIds = () => [...(sandbox.state.products as Map<number, unknown>).keys()].map(Number);
const getProduct = (id: number | string, extra: Record<string, unknown> = {}) => ({
	resource: 'product',
	operation: 'get',
	productId: locator(id),
	include: [],
	simplify: false,
	...extra,
});
/** Every answer of a seeded product held back `ms` (so requests overlap at the sandbox). */
const slowProducts = (ms: number, times = Infinity) =>
	sandbox.faults.add({
		method: 'GET',
		path: /^\/catalog\/products\/\d{1,4}$/, // not the 6-digit ids that do not exist
		kind: 'latency',
		latencyMs: ms,
		times,
	});
/** Gets `count` products; every answer was a 200 (no 429 reached the store) and in input order. */
const getWithout429 = async (count: number) => {
	const ids = productIds().slice(0, count);
	const { json, requests } = await runNode(
		sandbox,
		ids.map((id) => getProduct(id)),
	);
	expect(requests.map((request) => request.status)).toEqual(ids.map(() => 200));
	expect(json.map((product) => product.id)).toEqual(ids);
	return requests;
};
/**
 * The governor sends one request alone until an answer tells it the store's quota; one read first
 * lets the items that follow start together.
 */
const learnQuota = () => runNode(sandbox, getProduct(productIds()[0]));
const mostInFlight = (requests: SandboxHandle['requests']) =>
	Math.max(...requests.map((request) => request.inFlight));
const requestFor = (requests: SandboxHandle['requests'], id: number) =>
	requests.filter((request) => request.path === `/catalog/products/${id}`);

describe('items in parallel', () => {
	it(`works on up to ${DEFAULT_ITEMS_IN_PARALLEL} items at once: the sandbox sees that many requests in flight`, async () => {
		await learnQuota();
		slowProducts(500); // long enough for all of them to arrive on a busy machine
		const ids = productIds().slice(0, DEFAULT_ITEMS_IN_PARALLEL + 4);
		const { json, paired, requests } = await runNode(
			sandbox,
			ids.map((id) => getProduct(id)),
		);
		expect(requests).toHaveLength(ids.length);
		expect(mostInFlight(requests)).toBe(DEFAULT_ITEMS_IN_PARALLEL);
		expect(json.map((product) => product.id)).toEqual(ids);
		expect(paired).toEqual(ids.map((_, item) => ({ item })));
	});

	it('"Items in Parallel" sets the bound; 1 runs the items strictly one after another, in order', async () => {
		slowProducts(60);
		const ids = productIds().slice(0, 9);
		const three = await runNode(
			sandbox,
			ids.map((id) => getProduct(id, { itemsInParallel: 3 })),
		);
		expect(mostInFlight(three.requests)).toBe(3);

		const one = await runNode(
			sandbox,
			ids.map((id) => getProduct(id, { itemsInParallel: 1 })),
		);
		expect(mostInFlight(one.requests)).toBe(1);
		expect(one.requests.map((request) => request.path)).toEqual(
			ids.map((id) => `/catalog/products/${id}`),
		);
		expect(one.json.map((product) => product.id)).toEqual(ids);
	});

	it('keeps input order and pairedItem when the sandbox answers out of order', async () => {
		await learnQuota();
		const ids = productIds().slice(0, 6);
		// the first item's answer comes last
		sandbox.faults.add({
			method: 'GET',
			path: new RegExp(`^/catalog/products/${ids[0]}$`),
			kind: 'latency',
			latencyMs: 300,
		});
		const { json, paired, requests } = await runNode(
			sandbox,
			ids.map((id) => getProduct(id)),
		);
		const first = requestFor(requests, ids[0])[0];
		const last = requestFor(requests, ids[5])[0];
		expect(first.answeredAt).toBeGreaterThan(last.answeredAt!);
		expect(json.map((product) => product.id)).toEqual(ids);
		expect(paired).toEqual(ids.map((_, item) => ({ item })));
	});

	it('Continue On Fail: failing items become error items in their place while the others run alongside', async () => {
		slowProducts(80);
		const ids = productIds().slice(0, 8);
		const params = ids.map((id, i) => getProduct(i % 3 === 1 ? 999_000 + i : id));
		params[5] = getProduct('not-a-number');
		const { json, paired, requests } = await runNode(sandbox, params, { continueOnFail: true });
		acknowledgeViolations(); // the provoked 404s
		expect(mostInFlight(requests)).toBeGreaterThan(1);
		expect(paired).toEqual(ids.map((_, item) => ({ item })));
		json.forEach((item, i) => {
			if (i === 5)
				expect(item.error).toMatch(/^Item 5: "Product" must be a positive whole-number product ID/);
			else if (i % 3 === 1) expect(item).toMatchObject({ httpCode: '404' });
			else expect(item.id).toBe(ids[i]);
		});
		// the bad input sent nothing
		expect(requests.map((request) => request.path)).not.toContain('/catalog/products/not-a-number');
	});

	it("without Continue On Fail, the first failure stops the node: siblings on the wire finish, nothing new is sent, the lowest failing item's error is thrown", async () => {
		await learnQuota();
		// item 3's 404 comes at once, its siblings' answers 500 ms later
		slowProducts(500);
		const ids = productIds().slice(0, DEFAULT_ITEMS_IN_PARALLEL + 4);
		const params = ids.map((id) => getProduct(id));
		params[3] = getProduct(999_003);
		const { error, requests } = await runNodeError(sandbox, params);
		acknowledgeViolations();
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).httpCode).toBe('404');
		expect((error as NodeApiError).context.itemIndex).toBe(3);
		// the first DEFAULT_ITEMS_IN_PARALLEL items were in flight together (item 3 among them); none started after it failed
		expect(requests.map((request) => request.path).sort()).toEqual(
			params
				.slice(0, DEFAULT_ITEMS_IN_PARALLEL)
				.map((p) => `/catalog/products/${p.productId.value}`)
				.sort(),
		);
		// the siblings already sent were answered
		expect(requests.every((request) => request.answeredAt !== undefined)).toBe(true);
	});

	it('a sibling waiting to retry is not sent again after another item failed', async () => {
		const saved = { ...retrySettings };
		Object.assign(retrySettings, { baseBackoffMs: 400, maxBackoffMs: 400 });
		try {
			const [a, b] = productIds();
			sandbox.faults.add({
				method: 'GET',
				path: `/v3/catalog/products/${b}`,
				kind: 'status',
				status: 503,
			});
			sandbox.faults.add({
				method: 'GET',
				path: '/v3/catalog/products/999004',
				kind: 'latency',
				latencyMs: 50,
			});
			const { error, requests } = await runNodeError(sandbox, [
				getProduct(a),
				getProduct(b), // 503, then a back-off of 200-400 ms before its retry
				getProduct(999_004), // 404 after 50 ms
			]);
			acknowledgeViolations();
			expect((error as NodeApiError).context.itemIndex).toBe(2);
			expect(requestFor(requests, b).map((request) => request.status)).toEqual([503]);
		} finally {
			Object.assign(retrySettings, saved);
		}
	});

	it('a small quota paces the items: no 429 reaches the store or the workflow', async () => {
		sandbox.setRateLimit({ quota: 4, windowMs: 400 });
		slowProducts(50);
		const most = mostInFlight(await getWithout429(12));
		expect(most).toBeGreaterThan(1);
		expect(most).toBeLessThanOrEqual(4);
	});

	it("a slow first answer does not make the rest of its window look older: the store's quota is spent once per window, no 429", async () => {
		resetRateLimitState(); // the governor knows nothing: the first request goes alone
		sandbox.setRateLimit({ quota: 5, windowMs: 1000 });
		// the first answer takes 700 ms; the store counted its reset (1000 ms) when it arrived, so
		// that answer says "1000 ms from now" when only 300 are left: the quick answers that follow
		// say 300, which once read as a window that ended before this one (and were ignored)
		slowProducts(700, 1);
		await getWithout429(12);
	});

	it("reads the node's credential once per run, not once per request (each read is a database query in n8n)", async () => {
		const ids = productIds().slice(0, 10);
		const { ctx } = createExecuteContext({
			params: ids.map((id) => ({ authentication: 'accessToken', ...getProduct(id) })),
			credentials: sandboxCredentials(sandbox),
			items: ids.map(() => ({})),
		});
		const reads = jest.spyOn(ctx, 'getCredentials');
		const sent = sandbox.requests.length;
		const [out] = (await new BigCommerce().execute.call(
			ctx as unknown as IExecuteFunctions,
		)) as INodeExecutionData[][];
		expect(out.map((item) => item.json.id)).toEqual(ids);
		expect(sandbox.requests.length - sent).toBe(10);
		// n8n's authenticated request helper reads it for each of the 10 requests; the node once
		expect(reads).toHaveBeenCalledTimes(10 + 1);
	});

	it('an "Items in Parallel" outside 1-32 is refused before any request, naming the setting', async () => {
		const before = sandbox.requests.length;
		const { error } = await runNodeError(sandbox, [
			getProduct(productIds()[0], { itemsInParallel: 0 }),
		]);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(
			/"Items in Parallel" must be a whole number from 1 to 32; got "0"/,
		);
		expect(sandbox.requests.length).toBe(before);
	});
});

describe('operations that declare a lower bound', () => {
	it('Brand → Update (reads, then writes the brand) runs one item at a time', async () => {
		sandbox.faults.add({
			path: '/v3/catalog/brands/',
			kind: 'latency',
			latencyMs: 60,
			times: Infinity,
		});
		const brands = [...(sandbox.state.brands as Map<number, unknown>).keys()].slice(0, 4);
		const { json, requests } = await runNode(
			sandbox,
			brands.map((id, i) => ({
				resource: 'brand',
				operation: 'update',
				brandId: locator(id),
				updateFields: { name: `Parallel Brand ${i}` },
			})),
		);
		expect(mostInFlight(requests)).toBe(1);
		expect(json.map((brand) => brand.name)).toEqual(brands.map((_, i) => `Parallel Brand ${i}`));
	});

	it("Customer → Update keeps to BigCommerce's 3 concurrent PUT /v3/customers", async () => {
		sandbox.faults.add({ path: '/v3/customers', kind: 'latency', latencyMs: 100, times: Infinity });
		const customers = [1, 2, 3, 4, 5, 6];
		const { json, requests } = await runNode(
			sandbox,
			customers.map((id) => ({
				resource: 'customer',
				operation: 'update',
				customerId: locator(id),
				updateFields: { notes: `parallel ${id}` },
			})),
		);
		expect(mostInFlight(requests)).toBe(3);
		expect(json.map((customer) => customer.notes)).toEqual(customers.map((id) => `parallel ${id}`));
	});
});
