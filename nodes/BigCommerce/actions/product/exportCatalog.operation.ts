import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequestAllItems, bigCommerceApiRequestFull } from '../../transport';
import { FULL_INCLUDE } from './helpers';
import { CATALOG_READ, CUSTOMERS_READ } from '../../shared/scopes';
import { isHttpError, rethrow } from '../../shared/errors';
import { isInStock, simplifyProduct } from '../../shared/simplify';
import { booleanValue, idListValue, fail } from '../../shared/validate';
import { toItems } from '../../shared/items';
import { FEED_FORMATS, readStoreFacts, type FeedFormat } from './feeds';
import type { StoreFacts } from './feeds/offers';

/** Products modified this long before the previous run's start are read again (clock skew). */
export const INCREMENTAL_OVERLAP_MS = 10 * 60 * 1000;
const STATIC_KEY = 'productExportCatalog';
/** The page count of the previous whole-catalog read (lets the next run ask its first pages at once). */
const PAGES_KEY = 'productExportCatalogPages';
const PAGE_SIZE = 250;

export const option: OperationOption = {
	name: 'Export Catalog',
	value: 'exportCatalog',
	action: 'Export the product catalog',
	description:
		'Every product with variants, images, custom fields and videos in the fewest API calls; optional visible/in-stock and customer-group filters, incremental mode and a CSV or JSON Lines file',
};

export const properties: INodeProperties[] = [
	{
		displayName:
			'Reads every product with its variants, images, custom fields and videos, 250 products per API call, and outputs one item per product. With Simplify on, each item has the product ID, name, SKU, type, URL path, plain-text description, price, sale price, calculated price, retail price, availability, visibility, in-stock flag, inventory tracking and level, brand ID, category IDs, creation and modification dates, and lists of variants (ID, SKU, options such as "Size: M", price, stock, purchasing disabled), images (ID, URL, thumbnail URL, main-image flag, description), custom fields (name, value) and videos (YouTube ID, title, URL).',
		name: 'exportNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description:
			'Whether to return the compact export shape above instead of the full BigCommerce product records',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Add Byte Order Mark (BOM)',
				name: 'addBom',
				type: 'boolean',
				default: true,
				description:
					'Whether to start the CSV file with a UTF-8 byte order mark, so Excel opens accented names (é, ü, ñ) correctly. Turn it off for tools that do not expect one.',
				displayOptions: { show: { fileFormat: ['csv'] } },
			},
			{
				displayName: 'Also Output File',
				name: 'fileFormat',
				type: 'options',
				options: [
					{ name: 'CSV', value: 'csv', description: 'One row per product' },
					{ name: 'JSON Lines', value: 'jsonl', description: 'One simplified product per line' },
					{ name: 'None', value: 'none' },
					// the feed formats (feeds/): Google Merchant Center, Meta catalog, AI knowledge
					...Object.values(FEED_FORMATS).map((format) => format.option),
				].sort((a, b) => a.name.localeCompare(b.name)),
				default: 'none',
				description:
					'Whether to add a summary item at the end carrying the whole export as a file: our own CSV or JSON Lines, or a feed for Google Merchant Center, a Meta catalog or an AI knowledge base (feeds leave out hidden, not purchasable, out-of-stock and customer-group-restricted products unless the options below say otherwise)',
			},
			{
				displayName: 'Binary Property',
				name: 'binaryProperty',
				type: 'string',
				default: 'data',
				description: 'Name of the binary property that holds the file',
				displayOptions: { hide: { fileFormat: ['none'] } },
			},
			{
				displayName: 'Channel IDs',
				name: 'channelIds',
				type: 'string',
				default: '',
				placeholder: 'e.g. 1',
				description: 'Only products assigned to at least one of these channels (comma-separated)',
			},
			{
				displayName: 'Exclude Products Restricted to Customer Groups',
				name: 'excludeRestricted',
				type: 'boolean',
				default: false,
				description:
					'Whether to leave out products some shoppers cannot see (feed formats: on unless set here). A product is restricted when at least one customer group has category access "specific" and none of the product\'s categories is in that group\'s list (products in no category are never restricted). Reads the customer groups once (needs the Customers read scope); without that scope the export still runs and every item carries a "notice" saying the filter was not applied.',
			},
			{
				displayName: 'File Only',
				name: 'fileOnly',
				type: 'boolean',
				default: false,
				description:
					'Whether to output only the summary item with the file, without one item per product. For large catalogs: n8n then holds and saves one item instead of one per product, far less memory and time.',
				displayOptions: { hide: { fileFormat: ['none'] } },
			},
			{
				displayName: 'Google Product Category Custom Field',
				name: 'googleCategoryField',
				type: 'string',
				default: '',
				placeholder: 'e.g. google_product_category',
				description:
					"Name of the products' custom field whose value is passed through as google_product_category (Google's category ID or path); empty: not sent",
				displayOptions: { show: { fileFormat: ['googleTsv', 'googleXml', 'metaCsv'] } },
			},
			{
				displayName: 'Incremental (Only Changed Since Last Run)',
				name: 'incremental',
				type: 'boolean',
				default: false,
				description:
					"Whether to return only products modified since the previous successful run of this node (the first run returns everything). The cursor is kept in the workflow's static data, which n8n saves after production (trigger or schedule) executions; products already returned for the same modification time are not repeated. Deleted products are not reported (use the product deleted event of the BigCommerce Trigger).",
			},
			{
				displayName: 'Visible and In Stock Only',
				name: 'visibleInStockOnly',
				type: 'boolean',
				default: false,
				description:
					'Whether to leave out hidden products and products with nothing in stock (feed formats: on unless set here; off lists them as out of stock): tracked by product with inventory 0, or tracked by variant with every variant at 0. Untracked products always count as in stock.',
			},
		],
	},
];

interface Cursor {
	/** ISO time the previous run started. */
	startedAt: string;
	/** id -> date_modified of products returned whose date falls in the next run's overlap. */
	recent: Record<string, string>;
}

/** category IDs each "specific" customer group may see, or undefined when the scope is missing. */
async function readGroupAccess(
	ctx: IExecuteFunctions,
	i: number,
	onPage?: () => void,
): Promise<Array<Set<number>> | undefined> {
	try {
		const groups = await bigCommerceApiRequestAllItems.call(
			ctx,
			{
				method: 'GET',
				version: 'v2',
				path: '/customer_groups',
				scope: CUSTOMERS_READ,
				itemIndex: i,
			},
			{ returnAll: true, onPage },
		);
		const sets: Array<Set<number>> = [];
		for (const group of groups) {
			const access = group.category_access as IDataObject | undefined;
			if (access?.type === 'specific') {
				sets.push(new Set(((access.categories as unknown[]) ?? []).map((c) => Number(c))));
			}
		}
		return sets;
	} catch (error) {
		if (isHttpError(error, 403)) return undefined;
		return rethrow(ctx, i, error);
	}
}

export function isRestricted(product: IDataObject, groups: Array<Set<number>>): boolean {
	const categories = ((product.categories as unknown[]) ?? []).map((c) => Number(c));
	if (!categories.length) return false;
	return groups.some((allowed) => !categories.some((c) => allowed.has(c)));
}

/**
 * Text a spreadsheet would run as a formula when the file is opened ("CSV injection", OWASP):
 * starting with = + - @ (also after leading spaces, and their full-width forms, which some
 * spreadsheets read the same way), or with a tab or carriage return. Product names, SKUs and
 * descriptions come from whoever can edit the catalog (or import a feed), not from the person
 * opening the file.
 */
export function startsLikeFormula(text: string): boolean {
	return /^[\t\r]/.test(text) || /^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/.test(text);
}

/**
 * One CSV cell. Numbers, booleans and lists of numbers (category IDs) are written as they are
 * (a price of -5 stays -5); text that starts like a formula gets a leading single quote (OWASP's
 * recommendation), which spreadsheets show as text instead of running it.
 */
export function csvCell(value: unknown): string {
	let text: string;
	if (value === undefined || value === null) text = '';
	else if (typeof value === 'number' || typeof value === 'boolean') text = String(value);
	else if (Array.isArray(value) && value.every((entry) => typeof entry === 'number'))
		text = value.join(';');
	else {
		const raw = Array.isArray(value) ? value.join(';') : String(value);
		// one physical line per product: line breaks inside a value become spaces
		text = raw.replace(/\s*[\r\n]+\s*/g, ' ');
		if (startsLikeFormula(raw)) text = `'${text}`;
	}
	return /[",]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The UTF-8 byte order mark: without it Excel reads a CSV as the local code page (é → Ã©). */
const UTF8_BOM = '\uFEFF';

export const CSV_COLUMNS = [
	'id',
	'name',
	'sku',
	'type',
	'price',
	'sale_price',
	'calculated_price',
	'availability',
	'is_visible',
	'in_stock',
	'inventory_level',
	'brand_id',
	'categories',
	'url',
	'image_url',
	'variant_count',
	'variant_skus',
	'date_modified',
	'description',
];

/** The main image: the one marked as thumbnail, else the first. */
function mainImageUrl(p: IDataObject): unknown {
	const images = (p.images as IDataObject[] | undefined) ?? [];
	return (images.find((img) => img.is_thumbnail) ?? images[0])?.url;
}

/** CSV columns that are not fields of the simplified product. */
const CSV_DERIVED: Record<string, (p: IDataObject) => unknown> = {
	image_url: mainImageUrl,
	variant_count: (p) => ((p.variants as IDataObject[] | undefined) ?? []).length,
	variant_skus: (p) =>
		((p.variants as IDataObject[] | undefined) ?? []).map((v) => v.sku).filter(Boolean),
};

/** One CSV line, read column by column from the simplified product (no copy of the product). */
function csvRow(p: IDataObject): string {
	let line = '';
	for (let c = 0; c < CSV_COLUMNS.length; c++) {
		const column = CSV_COLUMNS[c];
		const derived = CSV_DERIVED[column];
		line += (c ? ',' : '') + csvCell(derived ? derived(p) : p[column]);
	}
	return line;
}

/**
 * A file the export can write: `head`, then one `row` per exported product (in product ID order;
 * a row is complete text with its line breaks, and a feed may give several lines per product), then
 * `tail`. Our own CSV and JSON Lines take the simplified product, the feeds (feeds/) the product as
 * BigCommerce sent it. The export builds the file in per-page chunks of UTF-8 bytes, never as one
 * string.
 */
export interface ExportFileFormat {
	extension: string;
	mimeType: string;
	/** Which shape of the product `row` takes. */
	input: 'simplified' | 'raw';
	/** Text before the first row (a byte order mark, a header line), '' when none. */
	head: string;
	row: (product: IDataObject) => string;
	/** Text after the last row, '' when none. */
	tail: string;
}

function fileFormatOf(
	fileFormat: string,
	settings: {
		addBom: boolean;
		notice?: string;
		feed?: { format: FeedFormat; facts: StoreFacts; onRows: (count: number) => void };
	},
): ExportFileFormat | undefined {
	const feed = settings.feed;
	if (feed)
		return {
			extension: feed.format.extension,
			mimeType: feed.format.mimeType,
			input: 'raw',
			head: feed.format.head(feed.facts),
			row: (p) => {
				const rows = feed.format.rows(p, feed.facts);
				feed.onRows(rows.length);
				return rows.join('');
			},
			tail: feed.format.tail(feed.facts),
		};
	if (fileFormat === 'csv')
		return {
			extension: 'csv',
			mimeType: 'text/csv',
			input: 'simplified',
			head: `${settings.addBom ? UTF8_BOM : ''}${CSV_COLUMNS.join(',')}\n`,
			row: (p) => `${csvRow(p)}\n`,
			tail: '',
		};
	if (fileFormat === 'jsonl') {
		const notice = settings.notice;
		return {
			extension: 'jsonl',
			mimeType: 'application/x-ndjson',
			input: 'simplified',
			head: '',
			row: (p) => `${JSON.stringify(notice ? { ...p, notice } : p)}\n`,
			tail: '',
		};
	}
	return undefined;
}

/**
 * What one page of the catalog contributed, in the page's (id) order: the product IDs, their
 * output records (unless only the file is wanted) and their file rows, encoded once as UTF-8
 * (compact and outside the JS heap, so a 100,000-product file is never one huge string).
 */
interface Chunk {
	ids: number[];
	items: IDataObject[];
	file?: Buffer;
	/** Where each row ends in `file`: needed only when pages overlap (see inIdOrder). */
	rowEnds: number[];
}

function isAscending(ids: number[]): boolean {
	for (let k = 1; k < ids.length; k++) if (ids[k - 1] >= ids[k]) return false;
	return true;
}

/**
 * The chunks' records and file rows in product ID order. Pages arrive out of order but each
 * covers its own ascending id range, so putting whole chunks in order is enough; only when ranges
 * overlap (the catalog changed during the export and the rest was read by keyset) are the
 * products sorted one by one.
 */
export function inIdOrder(chunks: Chunk[]): { items: IDataObject[]; rows: Buffer[] } {
	const sorted = chunks.filter((c) => c.ids.length).sort((a, b) => a.ids[0] - b.ids[0]);
	const disjoint = sorted.every(
		(chunk, k) =>
			isAscending(chunk.ids) &&
			(k === 0 || sorted[k - 1].ids[sorted[k - 1].ids.length - 1] < chunk.ids[0]),
	);
	if (disjoint) {
		const items: IDataObject[] = [];
		for (const chunk of sorted) for (const item of chunk.items) items.push(item);
		return { items, rows: sorted.flatMap((chunk) => (chunk.file ? [chunk.file] : [])) };
	}
	const products: Array<{ id: number; item?: IDataObject; row?: Buffer }> = [];
	for (const chunk of sorted) {
		chunk.ids.forEach((id, k) =>
			products.push({
				id,
				item: chunk.items[k],
				row: chunk.file?.subarray(k ? chunk.rowEnds[k - 1] : 0, chunk.rowEnds[k]),
			}),
		);
	}
	products.sort((a, b) => a.id - b.id);
	return {
		items: products.flatMap((p) => (p.item ? [p.item] : [])),
		rows: products.flatMap((p) => (p.row ? [p.row] : [])),
	};
}

/** Pages of the whole catalog in flight at once after page 1 (every request still passes the rate-limit governor). */
export const EXPORT_CONCURRENCY = 4;

type PageAnswer = {
	data: IDataObject[];
	total: number;
	totalPages: number;
	headers: Record<string, unknown>;
};

function headerValue(headers: Record<string, unknown>, name: string): string | undefined {
	for (const [key, value] of Object.entries(headers ?? {})) {
		if (key.toLowerCase() === name) return Array.isArray(value) ? String(value[0]) : String(value);
	}
	return undefined;
}

/**
 * Reads the unfiltered catalog (sorted by id) by page number: page 1, then the other pages with
 * up to EXPORT_CONCURRENCY requests in flight, in exactly ceil(N / 250) calls when the catalog
 * does not change. `expectedPages` (the page count of this node's previous run) lets the first
 * pages go out together with page 1 instead of after it: one round trip less, and still
 * ceil(N / 250) calls while the catalog keeps its size (a page past a shrunken catalog's end is
 * the only call it can waste). Why no product that existed when the export began is skipped
 * (none is duplicated: products are kept once by id):
 * - page 1 reports the number of products at that moment, T; every product read since either
 *   existed then or was created later;
 * - if the pages together brought exactly T distinct products and none of them was created since
 *   the export began, they are exactly the T products that existed when page 1 was read;
 * - otherwise (or when a page reports another total) the rest after page 1's last id is read by
 *   keyset (`id:greater`, one page after the other), which cannot skip a product; page 1 holds
 *   every product up to its last id. Extra calls happen only then.
 * Returns the number of pages page 1 reported (0 when it reported none).
 */
async function readConcurrently(
	readPage: (extra: IDataObject) => Promise<PageAnswer>,
	consume: (data: IDataObject[]) => void,
	readKeyset: (afterId: number) => Promise<void>,
	startedAt: Date,
	expectedPages: number,
): Promise<number> {
	type Settled = { answer: PageAnswer } | { error: unknown };
	const settle = async (page: number): Promise<Settled> =>
		await readPage({ page }).then(
			(answer) => ({ answer }),
			(error: unknown) => ({ error }),
		);
	// sent now, taken in only once page 1 has arrived (its total is what they are checked against)
	const early = Array.from(
		{ length: Math.max(0, Math.min(expectedPages, EXPORT_CONCURRENCY) - 1) },
		async (_, k) => await settle(k + 2),
	);
	const firstSettled = await settle(1);
	if ('error' in firstSettled) {
		await Promise.all(early); // none left running behind the error (they never reject)
		throw firstSettled.error;
	}
	const first = firstSettled.answer;
	const lastPage = first.totalPages;
	const afterFirst = first.data.reduce((last, p) => Math.max(last, Number(p.id) || 0), 0);
	const reported = Number.isFinite(lastPage) ? lastPage : 0;
	if (!first.data.length && !early.length) return reported;
	if (!Number.isFinite(lastPage) || !Number.isFinite(first.total)) {
		// no pagination meta to plan with: the rest by keyset
		consume(first.data);
		if (first.data.length >= PAGE_SIZE) await readKeyset(afterFirst);
		return reported;
	}
	if (lastPage <= 1 && !early.length) {
		consume(first.data);
		return reported;
	}
	// "created since the export began": the store's clock (Date header of page 1's answer, with a
	// minute's margin), or the local one with the incremental overlap as margin when there is none
	const serverNow = Date.parse(headerValue(first.headers, 'date') ?? '');
	const createdSince = Number.isFinite(serverNow)
		? serverNow - 60_000
		: startedAt.getTime() - INCREMENTAL_OVERLAP_MS;
	const ids = new Set<number>();
	let changed = false;
	const count = (data: IDataObject[]) => {
		for (const product of data) {
			ids.add(Number(product.id));
			if (Date.parse(String(product.date_created ?? '')) >= createdSince) changed = true;
		}
	};
	count(first.data);
	// page 1 is taken in when the next answer arrives: meanwhile the next pages are on their way
	let firstTaken = false;
	const takeFirst = () => {
		if (!firstTaken) consume(first.data);
		firstTaken = true;
	};
	const take = (answer: PageAnswer) => {
		takeFirst();
		if (answer.total !== first.total || answer.totalPages !== lastPage) changed = true;
		count(answer.data);
		// taken in as they arrive (the output is put in id order at the end)
		consume(answer.data);
	};
	let failure: { error: unknown } | undefined;
	const fail = (error: unknown) => (failure = failure ?? { error });
	let next = early.length + 2;
	const worker = async (head?: Promise<Settled>) => {
		if (head) {
			const settled = await head;
			if ('error' in settled) fail(settled.error);
			else take(settled.answer);
		}
		while (!failure && !changed && next <= lastPage) {
			const page = next++;
			await readPage({ page }).then(take, fail);
		}
	};
	const workers = Math.max(early.length, Math.min(EXPORT_CONCURRENCY, lastPage - 1));
	await Promise.all(Array.from({ length: workers }, async (_, k) => await worker(early[k])));
	takeFirst();
	if (failure) throw failure.error;
	if (changed || ids.size !== first.total) await readKeyset(afterFirst);
	return reported;
}

/** Items at once (see OperationModule.itemsInParallel). Reads the whole catalog itself (its pages already run several at once): one export at a time. */
export const itemsInParallel = 1;

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const simplify = this.getNodeParameter('simplify', i, true) as boolean;
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const incremental = options.incremental === true;
	const fileFormat = (options.fileFormat as string | undefined) ?? 'none';
	const feed = Object.prototype.hasOwnProperty.call(FEED_FORMATS, fileFormat)
		? FEED_FORMATS[fileFormat]
		: undefined;
	if (!['none', 'csv', 'jsonl'].includes(fileFormat) && !feed)
		fail(
			this,
			i,
			`"Also Output File" must be one of ${['none', 'csv', 'jsonl', ...Object.keys(FEED_FORMATS)].join(', ')}; got "${fileFormat}"`,
		);
	// a feed lists what shoppers can see and buy unless these options are set explicitly
	const visibleInStockOnly = (options.visibleInStockOnly ?? feed !== undefined) === true;
	const excludeRestricted = (options.excludeRestricted ?? feed !== undefined) === true;
	const addBom = booleanValue(this, i, options.addBom, 'Add Byte Order Mark (BOM)', true);
	const fileOnly = booleanValue(this, i, options.fileOnly, 'File Only', false);
	const binaryProperty = String(options.binaryProperty ?? 'data').trim();
	if (fileFormat !== 'none' && !/^[A-Za-z0-9_]+$/.test(binaryProperty)) {
		fail(
			this,
			i,
			`"Binary Property" must be a name of letters, digits and underscores such as data; got "${binaryProperty}"`,
		);
	}
	const channels =
		options.channelIds !== undefined && String(options.channelIds).trim() !== ''
			? idListValue(this, i, options.channelIds, 'Channel IDs', { allowEmpty: true })
			: [];
	if (feed && channels.length > 1)
		fail(
			this,
			i,
			`"Channel IDs" must be one channel for a feed (its links point at that channel's storefront); got "${channels.join(',')}"`,
		);

	const startedAt = new Date();
	const staticData = this.getWorkflowStaticData('node');
	const previous = staticData[STATIC_KEY] as Cursor | undefined;

	const qs: IDataObject = { include: FULL_INCLUDE, sort: 'id', direction: 'asc' };
	if (visibleInStockOnly) qs.is_visible = true;
	if (channels.length) qs['channel_id:in'] = channels.join(',');
	let since: string | undefined;
	if (incremental && previous?.startedAt) {
		const from = Date.parse(previous.startedAt) - INCREMENTAL_OVERLAP_MS;
		since = new Date(Math.floor(from / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
		qs['date_modified:min'] = since;
	}

	let notice: string | undefined;
	let groups: Array<Set<number>> | undefined = [];
	let groupCalls = 0;
	if (excludeRestricted) {
		groups = await readGroupAccess(this, i, () => groupCalls++);
		if (!groups) {
			notice = `The "Exclude Products Restricted to Customer Groups" filter was NOT applied: the API account lacks the "${CUSTOMERS_READ}" scope needed to read customer groups, so products restricted to customer groups may be included.`;
		}
	}

	const feedFacts = feed
		? await readStoreFacts(this, i, {
				channelId: channels[0],
				googleCategoryField: String(options.googleCategoryField ?? '').trim(),
			})
		: undefined;
	let feedRows = 0;

	const skipped: Record<string, number> = {
		hidden: 0,
		out_of_stock: 0,
		restricted: 0,
		unchanged: 0,
	};
	for (const reason of feed?.skipReasons ?? []) skipped[reason] = skipped[reason] ?? 0;
	const nextRecentFrom = startedAt.getTime() - INCREMENTAL_OVERLAP_MS;
	const recent: Record<string, string> = {};
	const format = fileFormatOf(fileFormat, {
		addBom,
		notice,
		feed:
			feed && feedFacts
				? { format: feed, facts: feedFacts.facts, onRows: (count) => (feedRows += count) }
				: undefined,
	});
	// with "File Only" the records are not kept: the file is the only copy of the catalog
	const keepItems = !(format && fileOnly);
	/** Each page's contribution, put in id order at the end (pages may arrive out of order). */
	const chunks: Chunk[] = [];
	const seen = new Set<number>();
	const consume = (data: IDataObject[]) => {
		const chunk: Chunk = { ids: [], items: [], rowEnds: [] };
		let rows = '';
		let bytes = 0;
		for (const product of data) {
			const id = Number(product.id);
			if (seen.has(id)) continue;
			seen.add(id);
			const modified = String(product.date_modified ?? '');
			if (incremental && previous?.recent?.[id] !== undefined && previous.recent[id] === modified) {
				// already returned by an earlier run: keep remembering it while it is inside the overlap
				if (Date.parse(modified) >= nextRecentFrom) recent[id] = modified;
				skipped.unchanged++;
				continue;
			}
			if (visibleInStockOnly && product.is_visible === false) {
				skipped.hidden++;
				continue;
			}
			if (visibleInStockOnly && !isInStock(product)) {
				skipped.out_of_stock++;
				continue;
			}
			if (excludeRestricted && groups && isRestricted(product, groups)) {
				skipped.restricted++;
				continue;
			}
			const feedSkip = feed?.skipReason(product);
			if (feedSkip) {
				skipped[feedSkip]++;
				continue;
			}
			if (Date.parse(modified) >= nextRecentFrom) recent[id] = modified;
			chunk.ids.push(id);
			const simple =
				simplify || format?.input === 'simplified' ? simplifyProduct(product) : undefined;
			if (keepItems) {
				const out = simplify && simple ? simple : product;
				chunk.items.push(notice ? { ...out, notice } : out);
			}
			if (format) {
				const row = format.row(format.input === 'raw' ? product : (simple as IDataObject));
				rows += row;
				bytes += Buffer.byteLength(row, 'utf8');
				chunk.rowEnds.push(bytes);
			}
		}
		if (format) chunk.file = Buffer.from(rows, 'utf8');
		if (chunk.ids.length) chunks.push(chunk);
	};

	let calls = 0;
	const readPage = async (extra: IDataObject) => {
		const response = await bigCommerceApiRequestFull.call(this, {
			method: 'GET',
			version: 'v3',
			path: '/catalog/products',
			qs: { ...qs, ...extra, limit: PAGE_SIZE },
			scope: CATALOG_READ,
			itemIndex: i,
		});
		calls++;
		const body = (response.body ?? {}) as IDataObject;
		const data = (Array.isArray(body.data) ? body.data : []) as IDataObject[];
		const pagination = ((body.meta as IDataObject | undefined)?.pagination ?? {}) as IDataObject;
		return {
			data,
			total: Number(pagination.total),
			totalPages: Number(pagination.total_pages),
			headers: response.headers,
		};
	};
	const lastIdOf = (data: IDataObject[]) =>
		data.reduce((last, p) => Math.max(last, Number(p.id) || 0), 0);
	/** Keyset pagination in id order (`id:greater` = the last id read): cannot skip a product. */
	const readKeyset = async (afterId: number) => {
		for (let lastId = afterId; ; ) {
			const { data, totalPages } = await readPage(lastId ? { 'id:greater': lastId } : {});
			consume(data);
			const next = Math.max(lastId, lastIdOf(data));
			const more = Number.isFinite(totalPages) ? totalPages > 1 : data.length >= PAGE_SIZE;
			if (!more || !data.length || next === lastId) return;
			lastId = next;
		}
	};

	if (since !== undefined || visibleInStockOnly || channels.length) {
		// a filtered list gains members anywhere in id order (a product modified, made visible or
		// assigned to a channel during the export), which page numbers cannot detect: keyset, in turn
		await readKeyset(0);
	} else {
		const expectedPages = Number(staticData[PAGES_KEY]);
		const pages = await readConcurrently(
			readPage,
			consume,
			readKeyset,
			startedAt,
			Number.isFinite(expectedPages) ? expectedPages : 1,
		);
		// written only when it changes: n8n saves the workflow's static data only then
		if (pages !== expectedPages) staticData[PAGES_KEY] = pages;
	}
	const { items: shaped, rows } = inIdOrder(chunks);
	const exportedCount = chunks.reduce((sum, chunk) => sum + chunk.ids.length, 0);
	chunks.length = 0;

	if (incremental)
		staticData[STATIC_KEY] = {
			startedAt: startedAt.toISOString(),
			recent,
		} as unknown as IDataObject;
	const items = toItems(this, shaped);

	if (format) {
		const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
		const fileName = `catalog-${feed ? fileFormat : 'export'}-${stamp}.${format.extension}`;
		const parts = [Buffer.from(format.head, 'utf8'), ...rows, Buffer.from(format.tail, 'utf8')];
		const binary = await this.helpers.prepareBinaryData(
			Buffer.concat(parts),
			fileName,
			format.mimeType,
		);
		const summary: IDataObject = {
			summary: true,
			exported: exportedCount,
			skipped,
			api_calls: calls + groupCalls + (feedFacts?.calls ?? 0),
			incremental,
			since: since ?? null,
			file_name: fileName,
		};
		if (feed) summary.feed_rows = feedRows;
		if (notice) summary.notice = notice;
		const [summaryItem] = toItems(this, summary);
		summaryItem.binary = { [binaryProperty]: binary };
		items.push(summaryItem);
	}
	return items;
}
