/**
 * A fresh clone without ../shared/bigcommerce-openapi (a developer's laptop): the OpenAPI files are
 * fetched from BigCommerce's docs repository at the pinned commit into the cache folder,
 * checksum-verified (sandbox/contract/fetch.js). No internet here: a local server serves the same
 * files under their upstream paths (test/helpers/specMirror.js), reached through the base-URL
 * override a mirror would use.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const fetcher = require('../../sandbox/contract/fetch') as {
	MANIFEST: { commit: string; files: Array<{ path: string; upstream: string; sha256: string }> };
	SHARED_DIR: string;
	isComplete(dir: string): boolean;
	ensureSpecDir(options: {
		env?: Record<string, string>;
		sharedDir?: string;
		progress?: (line: string) => void;
		timeoutMs?: number;
	}): Promise<string>;
};
const mirror = require('../helpers/specMirror') as {
	serveSpecMirror(options?: {
		tamper?: string[];
	}): Promise<{ url: string; requests: string[]; close(): Promise<void> }>;
	unreachableUrl(): Promise<string>;
	tempDir(): string;
	removeDir(dir: string): void;
	listFiles(dir: string): string[];
	sameBytes(a: string, b: string): boolean;
};
const { loadSpecs } = require('../../sandbox/contract/specs') as {
	loadSpecs(dir: string): { operations: Record<string, unknown[]> };
};
const { ContractValidator } = require('../../sandbox/contract/validator') as {
	ContractValidator: new (options: { specDir: string }) => { specs: unknown };
};
/* eslint-enable @typescript-eslint/no-require-imports */

const MANIFEST_PATHS = fetcher.MANIFEST.files.map((file) => file.path).sort();

describe('OpenAPI files on a machine without ../shared', () => {
	let scratch: string;
	let missingShared: string;
	beforeEach(() => {
		scratch = mirror.tempDir();
		missingShared = `${scratch}/no-shared-here`;
	});
	afterEach(() => mirror.removeDir(scratch));

	it('fetches every file at the pinned commit into the cache, byte-identical, with a progress line', async () => {
		const server = await mirror.serveSpecMirror();
		const lines: string[] = [];
		try {
			const cache = `${scratch}/cache`;
			const dir = await fetcher.ensureSpecDir({
				env: { BIGCOMMERCE_OPENAPI_BASE_URL: server.url, BIGCOMMERCE_OPENAPI_CACHE: cache },
				sharedDir: missingShared,
				progress: (line) => lines.push(line),
			});
			expect(dir).toBe(cache);
			expect(server.requests.sort()).toEqual(
				fetcher.MANIFEST.files.map((file) => file.upstream).sort(),
			);
			expect(mirror.listFiles(dir)).toEqual([...MANIFEST_PATHS, '.verified'].sort());
			for (const file of MANIFEST_PATHS)
				expect([file, mirror.sameBytes(`${dir}/${file}`, `${fetcher.SHARED_DIR}/${file}`)]).toEqual(
					[file, true],
				);
			expect(lines[0]).toContain(
				`fetching BigCommerce's OpenAPI files (${MANIFEST_PATHS.length} files) from ${server.url}`,
			);
			expect(lines[lines.length - 1]).toContain(
				`${MANIFEST_PATHS.length}/${MANIFEST_PATHS.length} files verified`,
			);
			// the download is what the contract reads: the same operations as the workspace's copy
			const fetched = loadSpecs(dir).operations;
			const shared = loadSpecs(fetcher.SHARED_DIR).operations;
			expect(
				Object.fromEntries(Object.entries(fetched).map(([v, ops]) => [v, ops.length])),
			).toEqual(Object.fromEntries(Object.entries(shared).map(([v, ops]) => [v, ops.length])));

			// a second call finds the verified cache and asks the network for nothing
			const asked = server.requests.length;
			await fetcher.ensureSpecDir({
				env: { BIGCOMMERCE_OPENAPI_BASE_URL: server.url, BIGCOMMERCE_OPENAPI_CACHE: cache },
				sharedDir: missingShared,
				progress: (line) => lines.push(line),
			});
			expect(server.requests.length).toBe(asked);
		} finally {
			await server.close();
		}
	});

	it('refuses a file whose checksum differs and keeps nothing', async () => {
		const server = await mirror.serveSpecMirror({ tamper: ['carts.v3.yml'] });
		const cache = `${scratch}/cache`;
		try {
			await expect(
				fetcher.ensureSpecDir({
					env: { BIGCOMMERCE_OPENAPI_BASE_URL: server.url, BIGCOMMERCE_OPENAPI_CACHE: cache },
					sharedDir: missingShared,
					progress: () => undefined,
				}),
			).rejects.toThrow(
				/refused carts\.v3\.yml from .*reference\/carts\.v3\.yml: SHA-256 [0-9a-f]{64} is not the recorded [0-9a-f]{64}.*Nothing was kept/,
			);
			expect(fetcher.isComplete(cache)).toBe(false);
			expect(mirror.listFiles(scratch)).toEqual([]);
		} finally {
			await server.close();
		}
	});

	it('offline: one message naming both ways to provide the files, and nothing kept', async () => {
		const url = await mirror.unreachableUrl();
		const cache = `${scratch}/cache`;
		const error = await fetcher
			.ensureSpecDir({
				env: { BIGCOMMERCE_OPENAPI_BASE_URL: url, BIGCOMMERCE_OPENAPI_CACHE: cache },
				sharedDir: missingShared,
				progress: () => undefined,
				timeoutMs: 5000,
			})
			.then(
				() => undefined,
				(e: Error) => e,
			);
		expect(error?.message).toMatch(
			/^BigCommerce's OpenAPI files are not on this machine and could not be downloaded \(ECONNREFUSED\)/,
		);
		expect(error?.message).toContain(
			'Either: set BIGCOMMERCE_OPENAPI_DIR to a folder holding them',
		);
		expect(error?.message).toContain('or: run with internet access');
		expect(error?.message).toContain(`at commit ${fetcher.MANIFEST.commit.slice(0, 12)}`);
		expect(mirror.listFiles(scratch)).toEqual([]);
	});

	it('BIGCOMMERCE_OPENAPI_DIR and ../shared are used as they are, never fetched over', async () => {
		const url = await mirror.unreachableUrl();
		await expect(
			fetcher.ensureSpecDir({
				env: { BIGCOMMERCE_OPENAPI_DIR: scratch, BIGCOMMERCE_OPENAPI_BASE_URL: url },
			}),
		).resolves.toBe(scratch);
		await expect(
			fetcher.ensureSpecDir({
				env: { BIGCOMMERCE_OPENAPI_BASE_URL: url },
				sharedDir: fetcher.SHARED_DIR,
			}),
		).resolves.toBe(fetcher.SHARED_DIR);
	});

	it('a contract that finds no files says how to get them', () => {
		expect(() => new ContractValidator({ specDir: missingShared }).specs).toThrow(
			/could not be read from .*no-shared-here \(ENOENT\)\.\n {2}Either: set BIGCOMMERCE_OPENAPI_DIR.*\n {2}or: run with internet access/,
		);
	});
});
