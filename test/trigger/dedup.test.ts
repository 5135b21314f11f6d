import type { IDataObject } from 'n8n-workflow';

import {
	claim,
	decide,
	deliveryKey,
	envelopeProblem,
	forget,
	markStarted,
	MAX_IN_MEMORY,
	MAX_PERSISTED,
	memorySize,
	persistDeliveries,
	persistedKey,
	persistedKeys,
	release,
} from '../../nodes/BigCommerceTrigger/dedup';

const envelope = {
	scope: 'store/order/updated',
	hash: 'dd70c0976e06b67aaf671e73f49dcb79230ebf9d',
	created_at: 1561479335,
	producer: 'stores/abc',
};

afterEach(() => forget());

describe('delivery key', () => {
	it('same delivery, same key; another scope, second or store, another key', () => {
		const key = deliveryKey(envelope);
		expect(deliveryKey({ ...envelope })).toBe(key);
		expect(deliveryKey({ ...envelope, scope: 'store/order/created' })).not.toBe(key);
		expect(deliveryKey({ ...envelope, created_at: envelope.created_at + 1 })).not.toBe(key);
		expect(deliveryKey({ ...envelope, producer: 'stores/other' })).not.toBe(key);
	});
});

const none = {};
const claimed = (
	ns: string,
	key: string,
	now: number,
	window: number,
	staticData: Record<string, unknown> = none,
) => claim(ns, key, `t-${key}-${now}`, now, window, staticData as never).claimed;

describe('webhook-id', () => {
	it('with a webhook-id the key ignores hash and second; another id is another key', () => {
		const key = deliveryKey(envelope, 'msg_1');
		expect(deliveryKey({ ...envelope, created_at: envelope.created_at + 5 }, 'msg_1')).toBe(key);
		expect(deliveryKey(envelope, 'msg_2')).not.toBe(key);
		expect(deliveryKey(envelope)).not.toBe(key);
	});
});

describe('envelope', () => {
	it('refuses what would fail after the claim, names the field', () => {
		const ok = { ...envelope, data: { id: 1 } };
		expect(envelopeProblem(ok)).toBeUndefined();
		expect(envelopeProblem({ ...ok, created_at: 1e300 })).toMatch(/created_at/);
		expect(envelopeProblem({ ...ok, created_at: Number.NaN })).toMatch(/created_at/);
		expect(envelopeProblem({ ...ok, created_at: '1561479335' })).toMatch(/created_at/);
		expect(envelopeProblem({ ...ok, scope: 42 })).toMatch(/scope/);
		expect(envelopeProblem({ ...ok, hash: { a: 1 } })).toMatch(/hash/);
		expect(envelopeProblem({ ...ok, data: [1] })).toMatch(/data/);
		expect(envelopeProblem([ok])).toMatch(/object/);
	});
});

describe('claim', () => {
	it('the first claim wins, repeats within the window lose, after the window it is new again', () => {
		expect(claimed('ns', 'k', 1000, 60)).toBe(true);
		expect(claimed('ns', 'k', 1001, 60)).toBe(false);
		expect(claimed('ns', 'k', 1059, 60)).toBe(false);
		expect(claimed('ns', 'k', 1061, 60)).toBe(true);
	});

	it('namespaces (workflows, test vs live) are independent', () => {
		expect(claimed('a', 'k', 1000, 60)).toBe(true);
		expect(claimed('b', 'k', 1000, 60)).toBe(true);
	});

	it('a key saved in static data (a previous n8n process) is a repeat until it expires', () => {
		expect(claimed('ns', 'k', 1000, 60, { deliveries: { k: 1500 } })).toBe(false); // earlier format
		expect(claimed('ns', 'k2', 1000, 60, { deliveries: { k2: 999 } })).toBe(true);
		const log = { deliveryLog: `,a:${(1500).toString(36)}:tok,k3:${(1500).toString(36)}:tk2` };
		expect(claimed('ns', 'k3', 1000, 60, log)).toBe(false);
		expect(claimed('ns2', 'k', 1000, 60, log)).toBe(true); // 'k' is no prefix match of 'k3'
		expect(persistedKey(log, 'k3')).toEqual({ expires: 1500, token: 'tk2' });
	});

	it('release gives the claim back to its holder only, and never once started', () => {
		expect(claim('ns', 'k', 'tok', 1000, 60, none).claimed).toBe(true);
		release('ns', 'k', 'other');
		expect(claimed('ns', 'k', 1001, 60)).toBe(false);
		release('ns', 'k', 'tok');
		expect(claim('ns', 'k', 'tok2', 1002, 60, none).claimed).toBe(true);
		markStarted('ns', 'k', 'tok2', 1002, 60);
		release('ns', 'k', 'tok2');
		expect(claimed('ns', 'k', 1003, 60)).toBe(false);
	});

	it('memory stays bounded, and says so once', () => {
		const warnings: string[] = [];
		for (let i = 0; i < MAX_IN_MEMORY + 50; i++) {
			const { warning } = claim('ns', `k${i}`, 't', 1000, 3600, none);
			if (warning) warnings.push(warning);
		}
		expect(memorySize('ns')).toBeLessThanOrEqual(MAX_IN_MEMORY);
		expect(warnings).toHaveLength(1);
	});
});

describe('execute() decisions', () => {
	it('same token: a retry; another token or none on a saved key: skip; unknown or expired: run', () => {
		const saved = { k: { expires: 2000, token: 'abc' }, old: { expires: 2000, token: null } };
		expect(decide(saved, 'k', 'abc', 1000)).toBe('retry');
		expect(decide(saved, 'k', 'xyz', 1000)).toBe('skip');
		expect(decide(saved, 'k', undefined, 1000)).toBe('skip');
		expect(decide(saved, 'old', 'abc', 1000)).toBe('skip');
		expect(decide(saved, 'new', 'abc', 1000)).toBe('run');
		expect(decide(saved, 'k', 'xyz', 2001)).toBe('run');
	});
});

describe('what execute() saves', () => {
	it('saved keys (both formats) plus the started ones of this process; expired and merely claimed ones dropped', () => {
		claim('ns', 'claimed-only', 't1', 1000, 60, none);
		claim('ns', 'started', 't2', 1000, 60, none);
		markStarted('ns', 'started', 't2', 1000, 60);
		const staticData: IDataObject = {
			deliveries: { old: 2000, expired: 900, tokened: [3000, 'tk'] },
		};
		const persisted = persistedKeys(staticData);
		expect(persisted).toEqual({
			old: { expires: 2000, token: null },
			expired: { expires: 900, token: null },
			tokened: { expires: 3000, token: 'tk' },
		});
		persistDeliveries('ns', staticData, persisted, 1000);
		expect(staticData.deliveries).toBeUndefined(); // folded into the log
		expect(typeof staticData.deliveryLog).toBe('string');
		expect(persistedKeys(staticData)).toEqual({
			old: { expires: 2000, token: null },
			tokened: { expires: 3000, token: 'tk' },
			started: { expires: 1060, token: 't2' },
		});
	});

	it('at most MAX_PERSISTED entries: the earliest expiries go first', () => {
		const saved: Record<string, number> = {};
		for (let i = 0; i < MAX_PERSISTED + 10; i++) saved[`k${i}`] = 2000 + i;
		const staticData: IDataObject = { deliveries: saved };
		const warning = persistDeliveries('ns', staticData, persistedKeys(staticData), 1000);
		const kept = persistedKeys(staticData) as Record<string, unknown>;
		expect(Object.keys(kept)).toHaveLength(MAX_PERSISTED);
		expect(kept[`k${MAX_PERSISTED + 9}`]).toBeDefined();
		expect(kept.k9).toBeUndefined();
		expect(kept.k10).toBeDefined();
		expect(warning).toMatch(/bound of/);
	});
});
