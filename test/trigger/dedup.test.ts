import {
	claim,
	deliveryKey,
	forget,
	markStarted,
	MAX_IN_MEMORY,
	MAX_PERSISTED,
	memorySize,
	mergeForPersistence,
} from '../../nodes/BigCommerceTrigger/dedup';

const envelope = { scope: 'store/order/updated', hash: 'dd70c0976e06b67aaf671e73f49dcb79230ebf9d', created_at: 1561479335, producer: 'stores/abc' };

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

describe('claim', () => {
	it('the first claim wins, repeats within the window lose, after the window it is new again', () => {
		expect(claim('ns', 'k', 1000, 60, {})).toBe(true);
		expect(claim('ns', 'k', 1001, 60, {})).toBe(false);
		expect(claim('ns', 'k', 1059, 60, {})).toBe(false);
		expect(claim('ns', 'k', 1061, 60, {})).toBe(true);
	});

	it('namespaces (workflows, test vs live) are independent', () => {
		expect(claim('a', 'k', 1000, 60, {})).toBe(true);
		expect(claim('b', 'k', 1000, 60, {})).toBe(true);
	});

	it('a key saved in static data (a previous n8n process) is a repeat until it expires', () => {
		expect(claim('ns', 'k', 1000, 60, { k: 1500 })).toBe(false);
		expect(claim('ns', 'k2', 1000, 60, { k2: 999 })).toBe(true);
	});

	it('memory stays bounded', () => {
		for (let i = 0; i < MAX_IN_MEMORY + 50; i++) claim('ns', `k${i}`, 1000, 3600, {});
		claim('ns', 'last', 1000, 3600, {});
		expect(memorySize('ns')).toBeLessThanOrEqual(MAX_IN_MEMORY + 1);
	});
});

describe('what execute() saves', () => {
	it('saved keys plus the started ones of this process; expired and merely claimed ones dropped', () => {
		claim('ns', 'claimed-only', 1000, 60, {});
		claim('ns', 'started', 1000, 60, {});
		markStarted('ns', 'started', 1000, 60);
		const merged = mergeForPersistence('ns', { old: 2000, expired: 900 }, 1000);
		expect(merged).toEqual({ old: 2000, started: 1060 });
	});

	it('at most MAX_PERSISTED entries, the latest expiries kept', () => {
		const saved: Record<string, number> = {};
		for (let i = 0; i < MAX_PERSISTED + 10; i++) saved[`k${i}`] = 2000 + i;
		const merged = mergeForPersistence('ns', saved, 1000);
		expect(Object.keys(merged)).toHaveLength(MAX_PERSISTED);
		expect(merged[`k${MAX_PERSISTED + 9}`]).toBeDefined();
		expect(merged.k0).toBeUndefined();
	});
});
