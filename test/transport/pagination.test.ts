import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { bigCommerceApiRequestAllItems } from '../../nodes/BigCommerce/transport';
import { respond, startServer, transportContext, useFastRetries, type TestServer } from './harness';

let server: TestServer;
/** The lists the routes serve; each test sets them. */
let v3Items: IDataObject[] = [];
let v2Items: IDataObject[] = [];
/** Called after each page is produced (to change the list between pages). */
let afterPage: ((page: number) => void) | undefined;

const range = (from: number, to: number) =>
	Array.from({ length: to - from + 1 }, (_, i) => ({ id: from + i, name: `Item ${from + i}` }));

useFastRetries();
beforeAll(async () => {
	server = await startServer();
	server.route('GET', 'v3', '/catalog/products', (ctx) => {
		const answer = respond.v3List(v3Items, ctx.query);
		afterPage?.(Number(ctx.query.page ?? 1));
		return answer;
	});
	server.route('GET', 'v2', '/orders', (ctx) => {
		const answer = respond.v2List(v2Items, ctx.query, {
			map: (order: IDataObject) => ({ ...order, date_created: 'Tue, 20 Nov 2012 00:00:00 +0000' }),
		});
		afterPage?.(Number(ctx.query.page ?? 1));
		return answer;
	});
});
beforeEach(() => {
	afterPage = undefined;
});
afterAll(async () => server.close());

/** Reads the list and returns the items and the requests it took. */
async function readAll(
	version: 'v2' | 'v3',
	pagination: { returnAll: boolean; limit?: number; pageSize?: number },
	qs: IDataObject = {},
) {
	const before = server.requests.length;
	const { ctx } = transportContext(server);
	const items = await bigCommerceApiRequestAllItems.call(
		ctx,
		{ method: 'GET', version, path: version === 'v3' ? '/catalog/products' : '/orders', qs },
		pagination,
	);
	const requests = server.requests.slice(before);
	return { items, requests, pages: requests.map((r) => `${r.query.page}/${r.query.limit}`) };
}

const ids = (items: IDataObject[]) => items.map((item) => item.id);

describe('V3 (meta.pagination)', () => {
	it('zero items: one request, empty result', async () => {
		v3Items = [];
		const { items, pages } = await readAll('v3', { returnAll: true });
		expect(items).toEqual([]);
		expect(pages).toEqual(['1/250']);
	});

	it('an exact multiple of 250 (500): two requests, no third', async () => {
		v3Items = range(1, 500);
		const { items, pages } = await readAll('v3', { returnAll: true });
		expect(ids(items)).toEqual(ids(range(1, 500)));
		expect(pages).toEqual(['1/250', '2/250']);
	});

	it('one more than a multiple (501): three requests', async () => {
		v3Items = range(1, 501);
		const { items, pages } = await readAll('v3', { returnAll: true });
		expect(items).toHaveLength(501);
		expect(pages).toEqual(['1/250', '2/250', '3/250']);
	});

	it('a limit smaller than a page: one request asking for just that many', async () => {
		v3Items = range(1, 500);
		const { items, pages } = await readAll('v3', { returnAll: false, limit: 30 });
		expect(ids(items)).toEqual(ids(range(1, 30)));
		expect(pages).toEqual(['1/30']);
	});

	it('limit 300: two requests, exactly 300 items', async () => {
		v3Items = range(1, 1000);
		const { items, pages } = await readAll('v3', { returnAll: false, limit: 300 });
		expect(ids(items)).toEqual(ids(range(1, 300)));
		expect(pages).toEqual(['1/250', '2/250']);
	});

	it('limit 250 with 1000 items: one request', async () => {
		v3Items = range(1, 1000);
		const { items, pages } = await readAll('v3', { returnAll: false, limit: 250 });
		expect(items).toHaveLength(250);
		expect(pages).toEqual(['1/250']);
	});

	it('a limit above the total: stops at the last page', async () => {
		v3Items = range(1, 40);
		const { items, pages } = await readAll('v3', { returnAll: false, limit: 100 });
		expect(items).toHaveLength(40);
		expect(pages).toEqual(['1/100']);
	});

	it('keeps the caller’s filters on every page and overrides page/limit', async () => {
		v3Items = range(1, 300);
		const { requests } = await readAll(
			'v3',
			{ returnAll: true },
			{ 'id:in': [1, 2], page: 9, limit: 5 },
		);
		expect(requests.map((r) => r.query)).toEqual([
			{ 'id:in': '1,2', page: '1', limit: '250' },
			{ 'id:in': '1,2', page: '2', limit: '250' },
		]);
	});

	it('items inserted before the current page between requests are not returned twice', async () => {
		// newest first: an insertion pushes everything one place down
		v3Items = range(1, 600).reverse();
		afterPage = (page) => {
			if (page === 1) v3Items.unshift({ id: 601, name: 'new' }, { id: 602, name: 'new' });
		};
		const { items, pages } = await readAll('v3', { returnAll: true });
		const got = ids(items);
		expect(new Set(got).size).toBe(got.length);
		expect(got).toEqual(ids(range(1, 600).reverse()));
		expect(pages).toEqual(['1/250', '2/250', '3/250']);
	});

	it('items deleted before the current page between requests do not hide others', async () => {
		v3Items = range(1, 600);
		afterPage = (page) => {
			if (page === 1) v3Items = v3Items.filter((item) => ![3, 4, 5].includes(item.id as number));
		};
		const { items } = await readAll('v3', { returnAll: true });
		const got = ids(items);
		expect(new Set(got).size).toBe(got.length);
		// everything still in the store was returned (251-253 moved back onto page 1)
		for (const item of v3Items) expect(got).toContain(item.id);
	});

	it('a custom page size is honoured (endpoints with a lower maximum)', async () => {
		v3Items = range(1, 120);
		const { items, pages } = await readAll('v3', { returnAll: true, pageSize: 50 });
		expect(items).toHaveLength(120);
		expect(pages).toEqual(['1/50', '2/50', '3/50']);
	});

	it('never asks for more than 250 per page', async () => {
		v3Items = range(1, 10);
		const { pages } = await readAll('v3', { returnAll: true, pageSize: 1000 });
		expect(pages).toEqual(['1/250']);
	});
});

describe('V2 (page/limit until a short page or 204)', () => {
	it('zero items: the 204 ends it after one request', async () => {
		v2Items = [];
		const { items, requests } = await readAll('v2', { returnAll: true });
		expect(items).toEqual([]);
		expect(requests.map((r) => r.status)).toEqual([204]);
	});

	it('a short page ends it', async () => {
		v2Items = range(1, 300);
		const { items, pages } = await readAll('v2', { returnAll: true });
		expect(ids(items)).toEqual(ids(range(1, 300)));
		expect(pages).toEqual(['1/250', '2/250']);
	});

	it('an exact multiple of 250: the next page’s 204 ends it', async () => {
		v2Items = range(1, 500);
		const { items, requests } = await readAll('v2', { returnAll: true });
		expect(items).toHaveLength(500);
		expect(requests.map((r) => `${r.query.page}:${r.status}`)).toEqual(['1:200', '2:200', '3:204']);
	});

	it('limit 300: two requests; limit 20: one request for 20', async () => {
		v2Items = range(1, 1000);
		const first = await readAll('v2', { returnAll: false, limit: 300 });
		expect(first.items).toHaveLength(300);
		expect(first.pages).toEqual(['1/250', '2/250']);
		const second = await readAll('v2', { returnAll: false, limit: 20 });
		expect(ids(second.items)).toEqual(ids(range(1, 20)));
		expect(second.pages).toEqual(['1/20']);
	});

	it('converts the RFC-2822 dates of every page', async () => {
		v2Items = range(1, 260);
		const { items } = await readAll('v2', { returnAll: true });
		expect(items.every((item) => item.date_created === '2012-11-20T00:00:00.000Z')).toBe(true);
	});

	it('items inserted at the front between pages are not returned twice', async () => {
		v2Items = range(1, 400).reverse();
		afterPage = (page) => {
			if (page === 1) v2Items.unshift({ id: 401 });
		};
		const { items } = await readAll('v2', { returnAll: true });
		const got = ids(items);
		expect(new Set(got).size).toBe(got.length);
		expect(got).toEqual(ids(range(1, 400).reverse()));
	});
});

describe('concurrent V3 pages (concurrency option)', () => {
	/** Items the slow route serves, requests in flight now and at most, pages in arrival order. */
	let slowItems: IDataObject[] = [];
	let inFlight = 0;
	let maxInFlight = 0;
	let onSlowPage: ((page: number) => void) | undefined;

	beforeAll(() => {
		const slow = async (ctx: { query: Record<string, string> }) => {
			inFlight++;
			maxInFlight = Math.max(maxInFlight, inFlight);
			await sleep(60);
			const answer = respond.v3List(slowItems, ctx.query);
			onSlowPage?.(Number(ctx.query.page ?? 1));
			inFlight--;
			return answer;
		};
		server.route('GET', 'v3', '/catalog/brands', slow);
		server.route('GET', 'v2', '/customers', async (ctx) => {
			inFlight++;
			maxInFlight = Math.max(maxInFlight, inFlight);
			await sleep(10);
			inFlight--;
			return respond.v2List(slowItems, ctx.query);
		});
	});
	beforeEach(() => {
		inFlight = 0;
		maxInFlight = 0;
		onSlowPage = undefined;
	});

	async function readConcurrently(
		pagination: { returnAll: boolean; limit?: number; concurrency: number },
		version: 'v2' | 'v3' = 'v3',
	) {
		const before = server.requests.length;
		const { ctx } = transportContext(server);
		const items = await bigCommerceApiRequestAllItems.call(
			ctx,
			{ method: 'GET', version, path: version === 'v3' ? '/catalog/brands' : '/customers' },
			pagination,
		);
		const requests = server.requests.slice(before);
		return { items, pages: requests.map((r) => Number(r.query.page)) };
	}

	it('reads page 1, then the rest with at most `concurrency` requests in flight, in page order', async () => {
		slowItems = range(1, 2250); // 9 pages
		const { items, pages } = await readConcurrently({ returnAll: true, concurrency: 3 });
		expect(ids(items)).toEqual(ids(range(1, 2250)));
		expect(pages[0]).toBe(1);
		expect([...pages].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
		expect(maxInFlight).toBe(3);
	});

	it('without the option (or 1) pages go one after the other', async () => {
		slowItems = range(1, 1000);
		const { items, pages } = await readConcurrently({ returnAll: true, concurrency: 1 });
		expect(items).toHaveLength(1000);
		expect(pages).toEqual([1, 2, 3, 4]);
		expect(maxInFlight).toBe(1);
	});

	it('with a Limit, never fetches a page it does not need', async () => {
		slowItems = range(1, 2500);
		const { items, pages } = await readConcurrently({
			returnAll: false,
			limit: 600,
			concurrency: 4,
		});
		expect(ids(items)).toEqual(ids(range(1, 600)));
		expect([...pages].sort((a, b) => a - b)).toEqual([1, 2, 3]);
	});

	it('one page only: one request', async () => {
		slowItems = range(1, 40);
		const { items, pages } = await readConcurrently({ returnAll: true, concurrency: 4 });
		expect(items).toHaveLength(40);
		expect(pages).toEqual([1]);
	});

	it('items deleted during the read: every remaining item once, none missing', async () => {
		slowItems = range(1, 1250);
		onSlowPage = (page) => {
			if (page === 2)
				slowItems = slowItems.filter((item) => ![3, 4, 5, 600].includes(item.id as number));
		};
		const { items } = await readConcurrently({ returnAll: true, concurrency: 4 });
		const got = ids(items);
		expect(new Set(got).size).toBe(got.length);
		for (const item of slowItems) expect(got).toContain(item.id);
	});

	it('a failing page fails the read with the API error', async () => {
		slowItems = range(1, 1500);
		const fault = server.faults.add({
			method: 'GET',
			path: '/v3/catalog/brands',
			after: 2,
			times: 1,
			kind: 'status',
			status: 404,
		});
		const before = server.requests.length;
		await expect(readConcurrently({ returnAll: true, concurrency: 3 })).rejects.toThrow(
			/404|not found/i,
		);
		fault.remove();
		// no page is asked for after the failure, and nothing is still in flight when it throws
		expect(inFlight).toBe(0);
		const pages = server.requests.slice(before).map((r) => Number(r.query.page));
		expect(pages.length).toBeLessThan(6);
		await sleep(60);
		expect(server.requests.length - before).toBe(pages.length);
	});

	it('onItems receives the pages in page order, de-duplicated, and nothing is collected', async () => {
		slowItems = range(1, 1750);
		const received: number[][] = [];
		const { ctx } = transportContext(server);
		const items = await bigCommerceApiRequestAllItems.call(
			ctx,
			{ method: 'GET', version: 'v3', path: '/catalog/brands' },
			{ returnAll: true, concurrency: 4, onItems: (page) => received.push(ids(page) as number[]) },
		);
		expect(items).toEqual([]);
		expect(received.map((page) => page.length)).toEqual([250, 250, 250, 250, 250, 250, 250]);
		expect(received.flat()).toEqual(ids(range(1, 1750)));
		expect(maxInFlight).toBe(4);
	});

	it('V2 lists ignore it (no page count to plan with)', async () => {
		slowItems = range(1, 600);
		const { items, pages } = await readConcurrently({ returnAll: true, concurrency: 4 }, 'v2');
		expect(items).toHaveLength(600);
		expect(pages).toEqual([1, 2, 3]);
		expect(maxInFlight).toBe(1);
	});
});
