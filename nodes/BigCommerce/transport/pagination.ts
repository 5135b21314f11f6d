import type { IDataObject } from 'n8n-workflow';

import type { BigCommerceContext, BigCommerceRequest } from './types';
import { bigCommerceApiRequestFull, unwrapResponse } from './request';

export const MAX_PAGE_SIZE = 250;

export interface PaginationOptions {
	returnAll: boolean;
	/** Ignored when returnAll is true. */
	limit?: number;
	/** Page size to ask for (defaults to 250, or less when fewer items are wanted). */
	pageSize?: number;
	/** Called with each page as it arrives (counting calls, streaming). */
	onPage?: (items: IDataObject[], page: number) => void;
	/**
	 * V3 lists only: once page 1 has told how many pages there are, read the pages still needed
	 * with up to this many requests in flight (default 1: one page after the other). Every request
	 * still goes through the store's rate-limit governor; the output keeps page order.
	 */
	concurrency?: number;
	/**
	 * Receives each page's new (de-duplicated) items in page order instead of collecting them:
	 * the call then returns an empty list and never holds more than a few pages (streaming).
	 */
	onItems?: (items: IDataObject[]) => void;
}

/**
 * Reads a list across pages. V3 follows `meta.pagination` (stops at `total_pages`); V2 asks page
 * after page until a short page or a 204. With Limit it stops as soon as it has enough and never
 * fetches a page it does not need (a limit below the page size asks for just that many).
 *
 * When the list changes between pages: items pushed onto the next page by an insertion are
 * returned once (de-duplicated by `id`/`uuid`); when V3's `meta.pagination.total` shrinks
 * (items deleted before the current page, which pulls unseen items back), the pages they may
 * have moved to are read again. V2 gives no total, so a V2 deletion between pages can still
 * hide an item; a V2 page that brings nothing new ends the loop (a server ignoring `page`).
 */
export async function bigCommerceApiRequestAllItems(
	this: BigCommerceContext,
	request: BigCommerceRequest,
	pagination: PaginationOptions,
): Promise<IDataObject[]> {
	const max = pagination.returnAll ? Infinity : Math.max(0, Math.floor(pagination.limit ?? 50));
	if (max === 0) return [];
	const pageSize = Math.max(
		1,
		Math.min(
			pagination.pageSize ?? MAX_PAGE_SIZE,
			MAX_PAGE_SIZE,
			Number.isFinite(max) ? max : MAX_PAGE_SIZE,
		),
	);
	const results: IDataObject[] = [];
	const seen = new Set<unknown>();

	const fetchPage = async (page: number) => {
		const response = await bigCommerceApiRequestFull.call(this, {
			...request,
			method: 'GET',
			qs: { ...(request.qs ?? {}), page, limit: pageSize },
		});
		const data = unwrapResponse(request.version, 'GET', response);
		const items = (Array.isArray(data) ? data : []) as IDataObject[];
		pagination.onPage?.(items, page);
		const meta = (response.body as IDataObject | undefined)?.meta as IDataObject | undefined;
		const info =
			request.version === 'v3' ? (meta?.pagination as IDataObject | undefined) : undefined;
		return { items, info };
	};
	/** Adds the unseen items (or hands them to onItems); returns how many were new. */
	let count = 0;
	const add = (items: IDataObject[]): number => {
		const fresh: IDataObject[] = [];
		for (const item of items) {
			if (count >= max) break;
			const id = item && typeof item === 'object' ? (item.id ?? item.uuid) : undefined;
			if (id !== undefined && id !== null) {
				if (seen.has(id)) continue;
				seen.add(id);
			}
			fresh.push(item);
			count++;
		}
		if (pagination.onItems) pagination.onItems(fresh);
		else for (const item of fresh) results.push(item);
		return fresh.length;
	};

	const concurrency = Math.max(1, Math.floor(Number(pagination.concurrency ?? 1) || 1));
	/**
	 * Reads pages 2.. concurrently after page 1 (V3): only the pages a Limit needs, added in page
	 * order. When a later page reports another total than page 1 (the list changed during the
	 * read), the pages from just before the first such page on are read again one after the other.
	 * Returns the page the sequential loop continues with (with its total), or undefined when done.
	 */
	const readRestConcurrently = async (
		totalPages: number,
		firstTotal: number,
	): Promise<{ page: number; total: number } | undefined> => {
		const last = Number.isFinite(max)
			? Math.min(totalPages, Math.ceil(max / pageSize))
			: totalPages;
		type Page = Awaited<ReturnType<typeof fetchPage>>;
		const arrived = new Map<number, Page>();
		let next = 2;
		let nextToAdd = 2;
		let done = false;
		let resume: { page: number; total: number } | undefined;
		let failure: { error: unknown } | undefined;
		/** Adds the pages that arrived, in page order, as soon as the ones before them are in. */
		const drain = () => {
			for (let page = arrived.get(nextToAdd); !done && page; page = arrived.get(nextToAdd)) {
				arrived.delete(nextToAdd);
				const total = Number(page.info?.total);
				if (Number.isFinite(total) && Number.isFinite(firstTotal) && total !== firstTotal) {
					const back = Math.ceil(Math.abs(firstTotal - total) / pageSize);
					resume = { page: Math.max(1, nextToAdd - back), total };
					done = true;
					return;
				}
				add(page.items);
				if (count >= max || !page.items.length) done = true;
				nextToAdd++;
			}
		};
		const worker = async () => {
			while (!failure && !done && next <= last) {
				const page = next++;
				await fetchPage(page).then(
					(answer) => {
						arrived.set(page, answer);
						drain();
					},
					(error: unknown) => (failure = failure ?? { error }),
				);
			}
		};
		// on a failure no further page is asked for; the requests in flight finish, then it throws
		await Promise.all(
			Array.from({ length: Math.min(concurrency, last - 1) }, async () => await worker()),
		);
		if (failure) throw failure.error;
		if (resume) return resume;
		if (done) return undefined;
		return last < totalPages ? { page: last + 1, total: firstTotal } : undefined;
	};

	let previousTotal: number | undefined;
	let concurrentRead = concurrency > 1;
	for (let page = 1; ; page++) {
		const { items, info } = await fetchPage(page);
		const added = add(items);
		if (count >= max) break;
		if (info && Number.isFinite(Number(info.total_pages))) {
			const total = Number(info.total);
			if (concurrentRead && page === 1 && items.length && Number(info.total_pages) > 1) {
				concurrentRead = false;
				const resume = await readRestConcurrently(Number(info.total_pages), total);
				if (!resume) break;
				previousTotal = resume.total;
				page = resume.page - 1;
				continue;
			}
			if (previousTotal !== undefined && Number.isFinite(total) && total < previousTotal) {
				// items were deleted: unseen ones may have moved back onto pages already read
				const back = Math.ceil((previousTotal - total) / pageSize);
				for (let again = Math.max(1, page - back); again < page; again++) {
					add((await fetchPage(again)).items);
					if (count >= max) return results;
				}
			}
			if (Number.isFinite(total)) previousTotal = total;
			if (!items.length || page >= Number(info.total_pages)) break;
			continue;
		}
		if (!items.length || !added || items.length < pageSize) break;
	}
	return results;
}
