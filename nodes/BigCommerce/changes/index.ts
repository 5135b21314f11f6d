import type { IDataObject, IExecuteFunctions, INodePropertyOptions } from 'n8n-workflow';

import {
	bigCommerceApiRequestAllItems,
	resolveStore,
	type ApiVersion,
	type BigCommerceContext,
	type PaginationOptions,
} from '../transport';
import { toIso } from '../shared/dates';
import { fail } from '../shared/validate';
import { orderStatusName } from '../shared/orderStatuses';
import { CATALOG_READ, CUSTOMERS_READ, ORDERS_READ } from '../shared/scopes';
import { triggerEvent, type TriggerSource } from '../shared/triggerItem';
import { withOrderDetails } from './records';

/**
 * What changed in the store since a moment: the one machinery behind the BigCommerce Polling
 * Trigger and Webhook › Catch Up. Records are read with BigCommerce's `date_modified` filters (all
 * pages, one call per resource when nothing changed) and emitted once per change, the change being
 * (id, date_modified). The state between runs is small and bounded:
 *
 * - `cursor`: every change with date_modified ≤ cursor has been handed over (Unix seconds);
 * - `seen`: the changes handed over in the overlap window below the cursor, so that re-reading that
 *   window (BigCommerce's filters work in whole seconds, and a list may show a change late) never
 *   hands one over twice;
 * - `statuses`: the last status of recent orders, to tell a status change from another update.
 *
 * The newest seconds are left for the next run (`SETTLE_SECONDS`): two updates of one record in the
 * same second share one date_modified, so a second is read only once it is over.
 */

export type ChangeResource = 'order' | 'product' | 'customer';

/** The events a poll or a catch-up can produce, named like the webhook trigger's. */
export const CHANGE_EVENT_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Customer: Created', value: 'store/customer/created' },
	{ name: 'Customer: Updated', value: 'store/customer/updated' },
	{ name: 'Order: Created', value: 'store/order/created' },
	{
		name: 'Order: Status Updated',
		value: 'store/order/statusUpdated',
		description:
			'An order whose status differs from the one seen before (known for orders seen in the last 10,000 changes)',
	},
	{ name: 'Order: Updated', value: 'store/order/updated' },
	{ name: 'Product: Created', value: 'store/product/created' },
	{ name: 'Product: Updated', value: 'store/product/updated' },
];

const CHANGE_EVENTS = new Set(CHANGE_EVENT_OPTIONS.map((option) => String(option.value)));

interface ResourceSpec {
	version: ApiVersion;
	path: string;
	scope: string;
	min: string;
	max: string;
	qs: IDataObject;
	/** The sort that puts the most recently modified record first (for a sample). */
	newestFirst: IDataObject;
	/** What the list answers for one record of this resource is called in the event names. */
	event: string;
}

/** Second granularity everywhere (V2: RFC-2822 dates; V3: ISO 8601 without fractions). */
const RESOURCES: Record<ChangeResource, ResourceSpec> = {
	order: {
		version: 'v2',
		path: '/orders',
		scope: ORDERS_READ,
		min: 'min_date_modified',
		max: 'max_date_modified',
		qs: {},
		newestFirst: { sort: 'date_modified:desc' },
		event: 'store/order',
	},
	product: {
		version: 'v3',
		path: '/catalog/products',
		scope: CATALOG_READ,
		min: 'date_modified:min',
		max: 'date_modified:max',
		// the full record, in the list call itself
		qs: { include: 'variants,images,custom_fields' },
		newestFirst: { sort: 'date_modified', direction: 'desc' },
		event: 'store/product',
	},
	customer: {
		version: 'v3',
		path: '/customers',
		scope: CUSTOMERS_READ,
		min: 'date_modified:min',
		max: 'date_modified:max',
		qs: { include: 'addresses,attributes,formfields' },
		newestFirst: { sort: 'date_modified:desc' },
		event: 'store/customer',
	},
};

/** A second in progress is not read yet (see above); also absorbs a small clock difference. */
export const SETTLE_SECONDS = 2;
/** How many handed-over changes are remembered per resource at most (~30 bytes each). */
export const MAX_SEEN = 20000;
/** How many order statuses are remembered (for Status Updated). */
export const MAX_STATUSES = 10000;

export interface ResourceState {
	/** Every change with date_modified ≤ cursor has been handed over (Unix seconds). */
	cursor: number;
	/** Nothing modified before this second is handed over (the look-back start). */
	from: number;
	/** "id@date_modified" → date_modified of the changes handed over near the cursor. */
	seen: Record<string, number>;
	/** [order id, status id] pairs, least recently seen first. */
	statuses?: Array<[number, number]>;
}

export interface ChangeState {
	v: 1;
	resources: Partial<Record<ChangeResource, ResourceState>>;
}

/** The state as stored (one string: n8n saves the static data whole), or a fresh one. */
export function parseState(stored: unknown): ChangeState {
	if (typeof stored === 'string' && stored) {
		try {
			const parsed = JSON.parse(stored) as ChangeState;
			if (parsed && parsed.v === 1 && parsed.resources && typeof parsed.resources === 'object')
				return parsed;
		} catch {
			// a damaged state starts over (from the look-back start), as on first activation
		}
	}
	return { v: 1, resources: {} };
}

export function serializeState(state: ChangeState): string {
	return JSON.stringify(state);
}

/** The resources behind a list of events. */
export function resourcesOf(events: string[]): ChangeResource[] {
	const out = new Set<ChangeResource>();
	for (const event of events) {
		if (event.startsWith('store/order/')) out.add('order');
		else if (event.startsWith('store/product/')) out.add('product');
		else if (event.startsWith('store/customer/')) out.add('customer');
	}
	return [...out];
}

/** The events among `events` that a poll can produce (others are ignored). */
export function changeEvents(events: unknown): string[] {
	return (Array.isArray(events) ? events : []).map(String).filter((e) => CHANGE_EVENTS.has(e));
}

export interface ReadOptions {
	events: string[];
	/** Where a resource without state starts: 'now' (the first run) or a Unix second. */
	start: number | 'now';
	/** Read no change after this second (catch-up: the moment the hook was restored). */
	until?: number;
	overlapSeconds: number;
	includeFullRecord: boolean;
	skipIncompleteOrders: boolean;
	statusFrom: number[];
	statusTo: number[];
	source: TriggerSource;
	nowMs: number;
}

export interface ReadResult {
	items: IDataObject[];
	state: ChangeState;
	warnings: string[];
	/** List calls per resource (the cost of this run, without the order details). */
	calls: Partial<Record<ChangeResource, number>>;
}

const secondsOf = (value: unknown): number | undefined => {
	if (typeof value !== 'string' || !value) return undefined;
	const ms = Date.parse(value);
	return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
};

function rememberStatus(state: ResourceState, id: number, status: number): number | undefined {
	const list = state.statuses ?? [];
	const index = list.findIndex(([orderId]) => orderId === id);
	const previous = index >= 0 ? list[index][1] : undefined;
	if (index >= 0) list.splice(index, 1);
	list.push([id, status]);
	if (list.length > MAX_STATUSES) list.splice(0, list.length - MAX_STATUSES);
	state.statuses = list;
	return previous;
}

/** Drops remembered changes below the overlap window; past MAX_SEEN the oldest go first. */
function prune(state: ResourceState, overlapSeconds: number, resource: string): string | undefined {
	const floor = state.cursor - overlapSeconds;
	for (const [key, second] of Object.entries(state.seen))
		if (second < floor) delete state.seen[key];
	const keys = Object.keys(state.seen);
	if (keys.length <= MAX_SEEN) return undefined;
	keys.sort((a, b) => state.seen[a] - state.seen[b]);
	for (const key of keys.slice(0, keys.length - MAX_SEEN)) delete state.seen[key];
	return `BigCommerce: more than ${MAX_SEEN} ${resource} changes in the overlap window; the oldest are forgotten (a change re-read from them could be handed over again)`;
}

interface Classified {
	event: string;
	extra: IDataObject;
}

/**
 * The event a change stands for: created when the record was created after everything handed over
 * before (or an incomplete order became complete), a status change when an order's status differs
 * from the one remembered, updated otherwise. Undefined when not wanted (not selected, filtered).
 */
function classify(
	resource: ChangeResource,
	record: IDataObject,
	state: ResourceState,
	previousCursor: number,
	options: ReadOptions,
): Classified | undefined {
	const spec = RESOURCES[resource];
	const created = secondsOf(record.date_created);
	const wants = (event: string) => options.events.includes(event);
	if (resource !== 'order') {
		const isNew = created !== undefined && created > previousCursor;
		const event = `${spec.event}/${isNew ? 'created' : 'updated'}`;
		return wants(event) ? { event, extra: {} } : undefined;
	}
	const id = Number(record.id);
	const statusId = Number(record.status_id);
	const previous = rememberStatus(state, id, statusId);
	if (statusId === 0 && options.skipIncompleteOrders) return undefined; // a checkout not finished
	const status = { status: record.status ?? orderStatusName(statusId) ?? null };
	const isNew =
		(created !== undefined && created > previousCursor) ||
		(previous === 0 && options.skipIncompleteOrders);
	if (isNew)
		return wants('store/order/created')
			? { event: 'store/order/created', extra: status }
			: undefined;
	if (previous !== undefined && previous !== statusId && wants('store/order/statusUpdated')) {
		const statusFrom = { id: previous, name: orderStatusName(previous) ?? null };
		const statusTo = { id: statusId, name: orderStatusName(statusId) ?? null };
		if (options.statusFrom.length && !options.statusFrom.includes(previous)) return undefined;
		if (options.statusTo.length && !options.statusTo.includes(statusId)) return undefined;
		return { event: 'store/order/statusUpdated', extra: { ...status, statusFrom, statusTo } };
	}
	return wants('store/order/updated') ? { event: 'store/order/updated', extra: status } : undefined;
}

/** One list read of a resource (its includes always), across pages as `pagination` says. */
async function listRecords(
	ctx: BigCommerceContext,
	spec: ResourceSpec,
	qs: IDataObject,
	pagination: PaginationOptions,
): Promise<IDataObject[]> {
	return await bigCommerceApiRequestAllItems.call(
		ctx,
		{
			method: 'GET',
			version: spec.version,
			path: spec.path,
			scope: spec.scope,
			qs: { ...spec.qs, ...qs },
		},
		pagination,
	);
}

/** A change as a trigger item (the webhook trigger's fields, `source` naming who read it). */
async function changeItem(
	ctx: BigCommerceContext,
	resource: ChangeResource,
	record: IDataObject,
	modified: number,
	classified: Classified,
	storeHash: string | null,
	options: ReadOptions,
): Promise<IDataObject> {
	const full =
		resource === 'order' && options.includeFullRecord
			? await withOrderDetails(ctx, 0, record)
			: record;
	return triggerEvent(
		{
			event: classified.event,
			scope: classified.event,
			channelId: record.channel_id === undefined ? null : Number(record.channel_id),
			resourceType: resource,
			resourceId: record.id ?? null,
			storeHash,
			storeId: null,
			createdAt: toIso(modified * 1000),
			hash: null,
			deliveryKey: `${options.source}/${resource}/${String(record.id)}@${modified}`,
			data: { type: resource, id: record.id ?? null },
			raw: null,
			source: options.source,
		},
		{
			...classified.extra,
			record: full,
			recordStatus: 'fetched',
			deleted: false,
			...(options.source === 'catchUp' ? { caughtUp: true } : {}),
		},
	);
}

/** The store hash for the items (from the credential; no request). */
async function storeHashOf(ctx: BigCommerceContext): Promise<string | null> {
	return await resolveStore
		.call(ctx)
		.then((store) => store.storeHash)
		.catch(() => null);
}

/**
 * Reads the changes of every resource behind `options.events` and returns them as trigger items,
 * oldest first, with the state to store once they are handed over. The state passed in is not
 * changed: a run that fails (API down) leaves the stored state as it was, and the next run reads
 * the same window again.
 */
export async function readChanges(
	ctx: BigCommerceContext,
	stored: ChangeState,
	options: ReadOptions,
): Promise<ReadResult> {
	const state = JSON.parse(JSON.stringify(stored)) as ChangeState;
	const warnings: string[] = [];
	const calls: ReadResult['calls'] = {};
	const items: IDataObject[] = [];
	const nowSecond = Math.floor(options.nowMs / 1000);
	let storeHash: string | null | undefined;
	for (const resource of resourcesOf(options.events)) {
		const spec = RESOURCES[resource];
		let current = state.resources[resource];
		const settled = nowSecond - SETTLE_SECONDS;
		const horizon = options.until === undefined ? settled : Math.min(settled, options.until);
		if (!current) {
			if (options.start === 'now') {
				// the first run of "from now": nothing before this moment is handed over
				state.resources[resource] = { cursor: horizon, from: horizon + 1, seen: {} };
				continue;
			}
			current = { cursor: options.start - 1, from: options.start, seen: {} };
			state.resources[resource] = current;
		}
		const min = Math.max(current.from, current.cursor - options.overlapSeconds);
		if (horizon < min) continue;
		let pages = 0;
		const records = await listRecords(
			ctx,
			spec,
			{ [spec.min]: toIso(min * 1000), [spec.max]: toIso(horizon * 1000) },
			{ returnAll: true, onPage: () => pages++ },
		);
		calls[resource] = pages;
		const changes = records
			.map((record) => ({ record, modified: secondsOf(record.date_modified) }))
			.filter(
				(change): change is { record: IDataObject; modified: number } =>
					change.modified !== undefined &&
					change.modified >= current.from &&
					change.modified <= horizon,
			)
			.sort((a, b) => a.modified - b.modified || Number(a.record.id) - Number(b.record.id));
		// created = created after everything handed over before, and not before this read's start
		const previousCursor = Math.max(current.cursor, current.from - 1);
		for (const { record, modified } of changes) {
			const key = `${String(record.id)}@${modified}`;
			if (current.seen[key] !== undefined) continue;
			current.seen[key] = modified;
			const classified = classify(resource, record, current, previousCursor, options);
			if (!classified) continue;
			if (storeHash === undefined) storeHash = await storeHashOf(ctx);
			items.push(await changeItem(ctx, resource, record, modified, classified, storeHash, options));
		}
		current.cursor = Math.max(current.cursor, horizon);
		const warning = prune(current, options.overlapSeconds, resource);
		if (warning) warnings.push(warning);
	}
	items.sort((a, b) => String(a.createdAt).localeCompare(String(b.createdAt)));
	return { items, state, warnings, calls };
}

/**
 * The most recently modified record of each resource, shaped like a change (the editor's "Fetch
 * Test Event"): reads one record per resource and touches no state.
 */
export async function sampleChanges(
	ctx: BigCommerceContext,
	options: ReadOptions,
): Promise<IDataObject[]> {
	const items: IDataObject[] = [];
	for (const resource of resourcesOf(options.events)) {
		const spec = RESOURCES[resource];
		const records = await listRecords(ctx, spec, spec.newestFirst, { returnAll: false, limit: 1 });
		if (!records.length) continue;
		const record = records[0];
		const modified = secondsOf(record.date_modified) ?? 0;
		const created = secondsOf(record.date_created) === modified;
		const event =
			options.events.find(
				(e) => e.startsWith(`${spec.event}/`) && e.endsWith(created ? '/created' : '/updated'),
			) ??
			options.events.find((e) => e.startsWith(`${spec.event}/`)) ??
			`${spec.event}/updated`;
		const extra: IDataObject =
			resource === 'order'
				? { status: record.status ?? orderStatusName(record.status_id) ?? null }
				: {};
		items.push(
			await changeItem(
				ctx,
				resource,
				record,
				modified,
				{ event, extra },
				await storeHashOf(ctx),
				options,
			),
		);
	}
	return items;
}

/**
 * The settings of a read from the node's parameters (the polling trigger's, or Webhook › Catch
 * Up's for one item), checked before any request.
 */
export function readOptionsFrom(
	ctx: Pick<IExecuteFunctions, 'getNode'>,
	parameter: (name: string, fallback: unknown) => unknown,
	base: Pick<ReadOptions, 'start' | 'until' | 'source' | 'nowMs'> & { overlapSeconds?: number },
	itemIndex = 0,
): ReadOptions {
	const events = changeEvents(parameter('events', []));
	if (!events.length) {
		fail(
			ctx,
			itemIndex,
			'Choose at least one event in "Events"',
			`"Events" accepts: ${CHANGE_EVENT_OPTIONS.map((o) => o.name).join(', ')}.`,
		);
	}
	const statuses = (name: string) =>
		(Array.isArray(parameter(name, [])) ? (parameter(name, []) as unknown[]) : []).map(Number);
	const overlap = Number(base.overlapSeconds ?? 300);
	if (!Number.isFinite(overlap) || overlap < 0 || overlap > 86400) {
		fail(
			ctx,
			itemIndex,
			`"Overlap (Seconds)" must be a number from 0 to 86400; got "${String(base.overlapSeconds)}"`,
		);
	}
	return {
		events,
		start: base.start,
		until: base.until,
		overlapSeconds: Math.round(overlap),
		includeFullRecord: parameter('includeFullRecord', true) !== false,
		skipIncompleteOrders: parameter('skipIncompleteOrders', true) !== false,
		statusFrom: statuses('orderStatusFrom'),
		statusTo: statuses('orderStatusTo'),
		source: base.source,
		nowMs: base.nowMs,
	};
}
