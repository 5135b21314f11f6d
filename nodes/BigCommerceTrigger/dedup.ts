import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

/**
 * Exactly-once delivery (see README, "Trigger: exactly-once delivery").
 *
 * 1. webhook() claims a delivery key SYNCHRONOUSLY, before its first await, in a map that lives
 *    in this module (one per n8n process). Sequential repeats and copies arriving at the same
 *    instant are answered 200 without starting an execution.
 * 2. webhook() also rejects keys found in the node's static data, which n8n loads from its
 *    database for every webhook call: that covers repeats after n8n restarted.
 * 3. The key reaches the static data from execute(), which n8n runs for this node at the start of
 *    the execution it started: static data changed there IS saved by n8n when the execution
 *    ends (static data changed inside webhook() is not: n8n 2.40's run of the execution resets
 *    the change flag before saving it). Each save merges every key this process has started, so
 *    overlapping executions do not lose each other's keys.
 */

export interface DeliveryEnvelope {
	scope: string;
	hash: string;
	created_at: number;
	producer?: string;
	store_id?: string;
}

/** Same delivery = same store, scope, hash and creation second (BigCommerce's hash covers only `data`). */
export function deliveryKey(envelope: DeliveryEnvelope): string {
	const source = [
		envelope.producer ?? envelope.store_id ?? '',
		envelope.scope,
		envelope.hash,
		String(envelope.created_at),
	].join('|');
	return createHash('sha1').update(source).digest('hex').slice(0, 32);
}

interface Entry {
	expires: number;
	started: boolean;
}

/** Upper bounds: entries kept in memory per trigger, and in the workflow's static data. */
export const MAX_IN_MEMORY = 20000;
export const MAX_PERSISTED = 2000;

const memory = new Map<string, Map<string, Entry>>();

function table(namespace: string): Map<string, Entry> {
	let entries = memory.get(namespace);
	if (!entries) {
		entries = new Map();
		memory.set(namespace, entries);
	}
	return entries;
}

/** Drops expired entries (oldest first: insertion order) and keeps at most MAX_IN_MEMORY. */
function prune(entries: Map<string, Entry>, now: number): void {
	for (const [key, entry] of entries) {
		if (entry.expires > now && entries.size <= MAX_IN_MEMORY) break;
		entries.delete(key);
	}
}

/** The persisted keys (static data `deliveries`: key → expiry in unix seconds). */
export function persistedKeys(staticData: IDataObject): Record<string, number> {
	const value = staticData.deliveries;
	return value && typeof value === 'object' && !Array.isArray(value)
		? (value as Record<string, number>)
		: {};
}

/**
 * Claims a delivery. Synchronous on purpose: JavaScript runs it to the end before any other
 * request's code, so of N simultaneous copies exactly one gets `true`.
 */
export function claim(
	namespace: string,
	key: string,
	now: number,
	windowSeconds: number,
	persisted: Record<string, number>,
): boolean {
	const entries = table(namespace);
	prune(entries, now);
	const known = entries.get(key);
	if (known && known.expires > now) return false;
	const saved = persisted[key];
	if (typeof saved === 'number' && saved > now) {
		entries.set(key, { expires: saved, started: true });
		return false;
	}
	entries.delete(key);
	entries.set(key, { expires: now + windowSeconds, started: false });
	return true;
}

/** Notes that the execution for a key has started (execute() ran). */
export function markStarted(namespace: string, key: string, now: number, windowSeconds: number): void {
	const entries = table(namespace);
	const known = entries.get(key);
	if (known) known.started = true;
	else entries.set(key, { expires: now + windowSeconds, started: true });
}

/**
 * The map to store as static data `deliveries`: what was saved, plus every started key of this
 * process, minus expired ones, at most MAX_PERSISTED (the latest expiries win).
 */
export function mergeForPersistence(
	namespace: string,
	persisted: Record<string, number>,
	now: number,
): Record<string, number> {
	const merged: Record<string, number> = {};
	for (const [key, expires] of Object.entries(persisted)) {
		if (typeof expires === 'number' && expires > now) merged[key] = expires;
	}
	for (const [key, entry] of table(namespace)) {
		if (entry.started && entry.expires > now) merged[key] = Math.max(merged[key] ?? 0, entry.expires);
	}
	const keys = Object.keys(merged);
	if (keys.length <= MAX_PERSISTED) return merged;
	const kept = keys.sort((a, b) => merged[b] - merged[a]).slice(0, MAX_PERSISTED);
	return Object.fromEntries(kept.map((key) => [key, merged[key]]));
}

/** Forgets everything of one namespace (tests; a trigger being deactivated). */
export function forget(namespace?: string): void {
	if (namespace === undefined) memory.clear();
	else memory.delete(namespace);
}

export function memorySize(namespace: string): number {
	return table(namespace).size;
}
