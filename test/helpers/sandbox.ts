/**
 * Starts the sandbox for a test file. Every sandbox started here is registered so that
 * test/helpers/setup.ts fails the test that caused an OpenAPI contract violation (a request the
 * sandbox received or a response it sent that BigCommerce's official files do not allow).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const sandboxModule = require('../../sandbox');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const contractModule = require('../../sandbox/contract');

/** Loosely typed JSON, for reaching into sandbox state from tests. */
export type Json = ReturnType<typeof JSON.parse>;

export interface Violation {
	spec: string | null;
	method: string;
	path: string;
	template?: string | null;
	status?: number;
	direction: 'request' | 'response' | 'callback';
	reason: string;
	requestIndex?: number;
}

export interface FaultSpec {
	method?: string;
	path?: string | RegExp;
	times?: number;
	after?: number;
	kind: 'status' | 'drop' | 'latency' | 'hang' | 'rateLimit' | 'rateLimitBare';
	status?: number;
	latencyMs?: number;
	body?: Json;
	headers?: Record<string, string>;
	process?: boolean;
}

export interface FaultHandle {
	id: number;
	hits: number;
	remaining: number;
	remove(): void;
}

export interface SandboxHandle {
	baseUrl: string;
	storeHash: string;
	storeId: string;
	accessToken: string;
	controlUrl: string;
	state: Record<string, Json>;
	requests: Array<{
		index: number;
		method: string;
		version: string;
		path: string;
		query: Record<string, string>;
		body: Json;
		headers: Record<string, string>;
		status: number | null;
		at: number;
		/** API requests the sandbox was handling when this one arrived, itself included. */
		inFlight: number;
		/** When its answer was sent (absent while held, or when dropped). */
		answeredAt?: number;
	}>;
	violations: Violation[];
	faults: { add(spec: FaultSpec): FaultHandle; clear(): void; list(): Json[] };
	setRateLimit(limit: { quota?: number; windowMs?: number } | false): void;
	advanceClock(ms: number): number;
	now(): number;
	addToken(token: string, scopes: string[]): string;
	revokeToken(token: string): void;
	apiPath(version?: string): string;
	close(): Promise<void>;
	[key: string]: Json;
}

/** Sandboxes started by the current test file (setup.ts checks them after each test). */
export const startedSandboxes: SandboxHandle[] = [];

export async function startSandbox(options: Record<string, unknown> = {}): Promise<SandboxHandle> {
	const sandbox = (await sandboxModule.startSandbox(options)) as SandboxHandle;
	startedSandboxes.push(sandbox);
	return sandbox;
}

/**
 * The one sandbox of a test file: started before its tests (beforeAll), closed after them
 * (afterAll). The handle returned forwards every property to that sandbox, so tests keep writing
 * `sandbox.requests` and `runNode(sandbox, …)`; reading it before beforeAll ran throws.
 */
export function useSandbox(options: Record<string, unknown> = {}): SandboxHandle {
	let started: SandboxHandle | undefined;
	beforeAll(async () => {
		started = await startSandbox(options);
	});
	afterAll(async () => started?.close());
	const current = (key: string | symbol): SandboxHandle => {
		if (!started) throw new Error(`sandbox.${String(key)} read before the sandbox started`);
		return started;
	};
	return new Proxy({} as SandboxHandle, {
		get: (_, key) => Reflect.get(current(key), key),
		set: (_, key, value) => Reflect.set(current(key), key, value),
		has: (_, key) => Reflect.has(current(key), key),
	});
}

/** Every store event the sandbox emits from now on, as [scope, data] (for webhook assertions). */
export function recordEvents(sandbox: SandboxHandle): Array<[string, Json]> {
	const events: Array<[string, Json]> = [];
	beforeAll(() => {
		sandbox.eventListeners.push((scope: string, data: Json) => events.push([scope, data]));
	});
	return events;
}

const reported = new WeakMap<SandboxHandle, number>();

/** Violations recorded since the last call (across every registered sandbox), formatted. */
export function takeNewViolations(): string[] {
	const lines: string[] = [];
	for (const sandbox of startedSandboxes) {
		const all = sandbox.violations ?? [];
		const seen = reported.get(sandbox) ?? 0;
		const from = seen > all.length ? 0 : seen;
		for (const violation of all.slice(from)) lines.push(contractModule.formatViolation(violation));
		reported.set(sandbox, all.length);
	}
	return lines;
}

/** Marks the current violations as seen (for tests that provoke violations on purpose). */
export function acknowledgeViolations(): Violation[] {
	const taken: Violation[] = [];
	for (const sandbox of startedSandboxes) {
		const all = sandbox.violations ?? [];
		taken.push(...all.slice(reported.get(sandbox) ?? 0));
		reported.set(sandbox, all.length);
	}
	return taken;
}
