import { createHash, randomBytes } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

/**
 * Exactly-once delivery (see README, "Trigger: exactly-once delivery"). Every read and write of
 * the trigger's de-duplication state goes through this module, so the state can move (issue #17:
 * a queue-mode worker sees empty static data) without touching the node.
 *
 * 1. webhook() claims a delivery key SYNCHRONOUSLY, before its first await, in a map that lives
 *    in this module (one per n8n process), with a random claim token. Sequential repeats and
 *    copies arriving at the same instant are answered 200 without starting an execution.
 * 2. webhook() also rejects keys found in the node's static data, which n8n loads from its
 *    database for every webhook call: that covers repeats after n8n restarted.
 * 3. The key reaches the static data from execute(), which n8n runs for this node at the start of
 *    the execution it started: static data changed there IS saved by n8n when the execution
 *    ends (static data changed inside webhook() is not: n8n 2.40's run of the execution resets
 *    the change flag before saving it). Each save merges every key this process has started, so
 *    overlapping executions do not lose each other's keys.
 * 4. The key is saved with its claim token. n8n's Retry of a failed execution re-runs execute()
 *    on the same input item, so the same token: execute() lets it through (the record must
 *    arrive; BigCommerce will not resend, it got its 200). A key saved with ANOTHER token was
 *    won by another copy of the delivery (another process): that item is dropped.
 */

export interface DeliveryEnvelope {
	scope: string;
	hash: string;
	created_at: number;
	producer?: string;
	store_id?: string;
}

/** The range of Unix seconds that `new Date(x * 1000).toISOString()` can render (up to year 9999). */
const EARLIEST_CREATED_AT = 0;
const LATEST_CREATED_AT = 253402300799; // 9999-12-31T23:59:59Z

/**
 * Why a webhook body is not a BigCommerce delivery envelope, or undefined when it is. Checked
 * before anything is claimed, so nothing after the claim can fail on the envelope's shape.
 */
export function envelopeProblem(body: unknown): string | undefined {
	if (!body || typeof body !== 'object' || Array.isArray(body))
		return 'the body is not a JSON object';
	const b = body as IDataObject;
	if (typeof b.scope !== 'string' || !/^store\/[A-Za-z0-9_/*-]{1,200}$/.test(b.scope)) {
		return '"scope" is not a webhook scope such as store/order/created';
	}
	if (typeof b.hash !== 'string' || !/^[A-Za-z0-9]{1,128}$/.test(b.hash))
		return '"hash" is not a hex digest';
	const createdAt = b.created_at;
	if (
		typeof createdAt !== 'number' ||
		!Number.isFinite(createdAt) ||
		createdAt < EARLIEST_CREATED_AT ||
		createdAt > LATEST_CREATED_AT
	) {
		return '"created_at" is not a Unix time in seconds';
	}
	if (!b.data || typeof b.data !== 'object' || Array.isArray(b.data))
		return '"data" is not an object';
	if (b.producer !== undefined && typeof b.producer !== 'string')
		return '"producer" is not a string';
	if (
		b.store_id !== undefined &&
		typeof b.store_id !== 'string' &&
		typeof b.store_id !== 'number'
	) {
		return 'the store_id field is not a string or a number';
	}
	return undefined;
}

/**
 * The key of a delivery. With a Standard Webhooks `webhook-id` header (that spec keeps it stable
 * across retries of one message) it is the store, scope and that id. Without it: the store,
 * scope, hash and creation second (BigCommerce's hash covers only `data`; two distinct events
 * with byte-identical bodies in the same second share this key: see README).
 */
export function deliveryKey(envelope: DeliveryEnvelope, webhookId?: string): string {
	const store = envelope.producer ?? envelope.store_id ?? '';
	const source = webhookId
		? ['webhook-id', store, envelope.scope, webhookId]
		: [store, envelope.scope, envelope.hash, String(envelope.created_at)];
	return createHash('sha1').update(source.join('|')).digest('hex').slice(0, 32);
}

/**
 * A claim token: 48 random bits, 8 characters. It only has to tell apart the claims of one key
 * within its window (a handful at most), and it is stored beside every persisted key, so short.
 */
export function newClaimToken(): string {
	return randomBytes(6).toString('base64url');
}

interface Entry {
	expires: number;
	token: string | null;
	started: boolean;
}

/** Upper bounds: entries kept in memory per trigger, and in the workflow's static data (README: measured). */
export const MAX_IN_MEMORY = 50000;
export const MAX_PERSISTED = 20000;

const memory = new Map<string, Map<string, Entry>>();
const warned = new Set<string>();

function table(namespace: string): Map<string, Entry> {
	let entries = memory.get(namespace);
	if (!entries) {
		entries = new Map();
		memory.set(namespace, entries);
	}
	return entries;
}

/** Returns the warning to log the first time a namespace reaches a bound, else undefined. */
function boundReached(namespace: string, which: string, bound: number): string | undefined {
	const id = `${namespace}|${which}`;
	if (warned.has(id)) return undefined;
	warned.add(id);
	return `BigCommerce Trigger: the ${which} duplicate memory reached its bound of ${bound} deliveries within the Duplicate Window; the oldest are forgotten, so a repeat of one of them would start an execution again. Shorten the Duplicate Window or split the events over several triggers.`;
}

/**
 * Drops expired entries and keeps at most MAX_IN_MEMORY, oldest first. Insertion order is claim
 * order, and every entry of a namespace has the same window, so the first entries expire first.
 */
function prune(namespace: string, entries: Map<string, Entry>, now: number): string | undefined {
	let warning: string | undefined;
	for (const [key, entry] of entries) {
		if (entry.expires > now && entries.size < MAX_IN_MEMORY) break;
		if (entry.expires > now) warning ??= boundReached(namespace, 'in-memory', MAX_IN_MEMORY);
		entries.delete(key);
	}
	return warning;
}

/** A persisted key: its expiry (unix seconds) and the claim token that started its execution. */
export interface Recorded {
	expires: number;
	token: string | null;
}

/**
 * Where the keys are persisted: static data `deliveryLog`, ONE string of records
 * `,<key>:<expiry base 36>:<token>` (about 48 bytes each). A string and not an object on
 * purpose: n8n parses the workflow's whole static data for EVERY webhook call, before webhook()
 * answers; a single JSON string parses at memory speed while an object of 10,000 entries took
 * 20 ms (bench/trigger-static-data.js, README). webhook() only searches the string; execute()
 * parses it. Workflows saved by earlier versions hold `deliveries` (key → expiry, or
 * key → [expiry, token]): read, and folded into the log at the next save.
 */
const LOG_FIELD = 'deliveryLog';
const LEGACY_FIELD = 'deliveries';

function legacyEntry(entry: unknown): Recorded | undefined {
	if (typeof entry === 'number') return { expires: entry, token: null };
	if (Array.isArray(entry) && typeof entry[0] === 'number') {
		return { expires: entry[0], token: typeof entry[1] === 'string' ? entry[1] : null };
	}
	return undefined;
}

function parseRecord(record: string): [string, Recorded] | undefined {
	const [key, expiry, token] = record.split(':');
	const expires = parseInt(expiry, 36);
	if (!key || !Number.isFinite(expires)) return undefined;
	return [key, { expires, token: token || null }];
}

/** Every persisted key (execute(): parses the whole log). */
export function persistedKeys(staticData: IDataObject): Record<string, Recorded> {
	const out: Record<string, Recorded> = {};
	const legacy = staticData[LEGACY_FIELD];
	if (legacy && typeof legacy === 'object' && !Array.isArray(legacy)) {
		for (const [key, entry] of Object.entries(legacy as Record<string, unknown>)) {
			const recorded = legacyEntry(entry);
			if (recorded) out[key] = recorded;
		}
	}
	const log = staticData[LOG_FIELD];
	if (typeof log === 'string') {
		for (const record of log.split(',')) {
			const parsed = record ? parseRecord(record) : undefined;
			if (parsed) out[parsed[0]] = parsed[1];
		}
	}
	return out;
}

/** One persisted key, without parsing the rest (webhook(): on the acknowledgement path). */
export function persistedKey(staticData: IDataObject, key: string): Recorded | undefined {
	const log = staticData[LOG_FIELD];
	if (typeof log === 'string') {
		const at = log.indexOf(`,${key}:`);
		if (at >= 0) {
			const end = log.indexOf(',', at + 1);
			const parsed = parseRecord(log.slice(at + 1, end < 0 ? undefined : end));
			if (parsed) return parsed[1];
		}
	}
	const legacy = staticData[LEGACY_FIELD];
	if (legacy && typeof legacy === 'object' && !Array.isArray(legacy)) {
		return legacyEntry((legacy as Record<string, unknown>)[key]);
	}
	return undefined;
}

/**
 * Claims a delivery. Synchronous on purpose: JavaScript runs it to the end before any other
 * request's code, so of N simultaneous copies exactly one gets `true`.
 */
export function claim(
	namespace: string,
	key: string,
	token: string,
	now: number,
	windowSeconds: number,
	staticData: IDataObject,
): { claimed: boolean; warning?: string } {
	const entries = table(namespace);
	const warning = prune(namespace, entries, now);
	const known = entries.get(key);
	if (known && known.expires > now) return { claimed: false, warning };
	const saved = persistedKey(staticData, key);
	if (saved && saved.expires > now) {
		entries.set(key, { expires: saved.expires, token: saved.token, started: true });
		return { claimed: false, warning };
	}
	entries.delete(key);
	entries.set(key, { expires: now + windowSeconds, token, started: false });
	return { claimed: true, warning };
}

/**
 * Gives a claim back: something after the claim failed before an execution was started, so a
 * resend of the same delivery must be able to start it. Only the holder of the token releases.
 */
export function release(namespace: string, key: string, token: string): void {
	const entries = table(namespace);
	const known = entries.get(key);
	if (known && known.token === token && !known.started) entries.delete(key);
}

/**
 * What execute() does with an item: `run` (first run of its delivery, record it), `retry` (the
 * same claim already recorded: n8n's Retry of that execution, or the same run), `skip` (the key
 * was recorded by another claim: another copy of the delivery won).
 */
export function decide(
	persisted: Record<string, Recorded>,
	key: string,
	token: string | undefined,
	now: number,
): 'run' | 'retry' | 'skip' {
	const saved = persisted[key];
	if (!saved || saved.expires <= now) return 'run';
	return token && saved.token === token ? 'retry' : 'skip';
}

/**
 * Whether static data is the workflow's own (activation stored the hook secret there). A Retry
 * "with the original workflow" runs on the execution's snapshot, whose static data is empty
 * (n8n 2.40 `toWorkflowSnapshot`), and n8n saves what the node writes there over the workflow's
 * whole static data: writing into it would erase the secret and refuse every later delivery.
 */
export function isWorkflowState(staticData: IDataObject): boolean {
	return typeof staticData.secret === 'string' && staticData.secret.length > 0;
}

/** Notes that the execution for a key has started (execute() ran). */
export function markStarted(
	namespace: string,
	key: string,
	token: string | null,
	now: number,
	windowSeconds: number,
): void {
	const entries = table(namespace);
	const known = entries.get(key);
	if (known) {
		known.started = true;
		known.token = token;
	} else entries.set(key, { expires: now + windowSeconds, token, started: true });
}

/**
 * Writes the persisted keys (static data `deliveryLog`): what was saved, plus every started key of this process,
 * minus expired ones, at most MAX_PERSISTED; past the bound the earliest expiries (the oldest
 * deliveries) go first. Returns a warning the first time the bound is reached.
 */
export function persistDeliveries(
	namespace: string,
	staticData: IDataObject,
	persisted: Record<string, Recorded>,
	now: number,
): string | undefined {
	const merged = new Map<string, Recorded>();
	for (const [key, entry] of Object.entries(persisted)) {
		if (entry.expires > now) merged.set(key, entry);
	}
	for (const [key, entry] of table(namespace)) {
		if (!entry.started || entry.expires <= now) continue;
		const saved = merged.get(key);
		if (!saved || saved.expires < entry.expires)
			merged.set(key, { expires: entry.expires, token: entry.token });
	}
	let list = [...merged];
	let warning: string | undefined;
	if (list.length > MAX_PERSISTED) {
		// stable sort: equal expiries keep their order (saved ones first, then this process's in claim order)
		list = list.sort((a, b) => a[1].expires - b[1].expires).slice(list.length - MAX_PERSISTED);
		warning = boundReached(namespace, 'persisted', MAX_PERSISTED);
	}
	let log = '';
	for (const [key, entry] of list)
		log += `,${key}:${entry.expires.toString(36)}:${entry.token ?? ''}`;
	staticData[LOG_FIELD] = log;
	delete staticData[LEGACY_FIELD];
	return warning;
}

/** Forgets everything of one namespace (tests; a trigger being deactivated). */
export function forget(namespace?: string): void {
	if (namespace === undefined) {
		memory.clear();
		warned.clear();
	} else memory.delete(namespace);
}

export function memorySize(namespace: string): number {
	return table(namespace).size;
}
