/**
 * Starts the sandbox for a test file and fails the test on any OpenAPI contract violation
 * the sandbox recorded (requests it received and responses it sent).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const sandboxModule = require('../../sandbox');

/** Loosely typed JSON, for reaching into sandbox state from tests. */
export type Json = ReturnType<typeof JSON.parse>;

export interface SandboxHandle {
	baseUrl: string;
	storeHash: string;
	accessToken: string;
	state: Record<string, Json>;
	requests: Array<{ method: string; version: string; path: string; query: Record<string, string>; body: Json; status: number }>;
	addToken(token: string, scopes: string[]): string;
	revokeToken(token: string): void;
	apiPath(version?: string): string;
	close(): Promise<void>;
	[key: string]: Json;
}

export async function startSandbox(options: Record<string, unknown> = {}): Promise<SandboxHandle> {
	return (await sandboxModule.startSandbox(options)) as SandboxHandle;
}
