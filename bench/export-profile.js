#!/usr/bin/env node
'use strict';
/**
 * `node [--cpu-prof] bench/export-profile.js [N] [--file csv|jsonl|none] [--raw] [--runs R]`
 * (after `npm run build`): runs Product › Export Catalog (dist/) outside n8n against a sandbox in
 * ANOTHER process (80 ms latency, no quota, no contract check), so a CPU profile or the memory
 * figures show the node's own work only, not the sandbox's. Prints one JSON line per run: wall
 * time, API calls, items, and this process's peak RSS (`maxRSS`) and heap growth over its idle
 * level. Finding where time and memory go; the numbers that count are the bench's, in real n8n.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');

const { context: transportContext } = require('./transport-concurrency');

// EXPORT_PROFILE_DIST: another build (e.g. a copy of dist/ from before a change) to compare with
const exportCatalog = require(
	path.join(
		process.env.EXPORT_PROFILE_DIST || path.join(__dirname, '..', 'dist'),
		'nodes',
		'BigCommerce',
		'actions',
		'product',
		'exportCatalog.operation.js',
	),
);

function parseArgs(argv) {
	const args = { n: 100_000, fileFormat: 'none', simplify: true, runs: 1 };
	for (let i = 0; i < argv.length; i++) {
		if (argv[i] === '--file') args.fileFormat = argv[++i];
		else if (argv[i] === '--raw') args.simplify = false;
		else if (argv[i] === '--runs') args.runs = Number(argv[++i]);
		else if (/^\d+$/.test(argv[i])) args.n = Number(argv[i]);
	}
	return args;
}

/** The sandbox in its own process; resolves with its info line. */
function startSandboxProcess(n) {
	const child = spawn(
		process.execPath,
		[
			path.join(__dirname, '..', 'sandbox', 'cli.js'),
			'--port',
			'0',
			'--products',
			String(n),
			'--latency-ms',
			'80',
			'--no-rate-limit',
			'--no-contract',
		],
		{ stdio: ['ignore', 'pipe', 'inherit'] },
	);
	return new Promise((resolve, reject) => {
		let buffered = '';
		child.stdout.on('data', (chunk) => {
			buffered += chunk;
			const line = buffered.split('\n').find((l) => l.startsWith('{'));
			if (line) resolve({ child, info: JSON.parse(line) });
		});
		child.on('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
	});
}

/** The transport's context (transport-concurrency.js) plus what the export uses; binary data written to disk as n8n's filesystem mode does. */
function context(info, parameters, counter) {
	const base = transportContext(info);
	const get = (name) =>
		name.split('.').reduce((value, key) => (value == null ? undefined : value[key]), parameters);
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'export-profile-'));
	return {
		...base,
		getNodeParameter: (name, _i, fallback) => get(name) ?? fallback,
		getWorkflowStaticData: () => ({}),
		getExecutionCancelSignal: () => undefined,
		logger: { debug() {}, info() {}, warn() {}, error() {} },
		helpers: {
			returnJsonArray: (data) => (Array.isArray(data) ? data : [data]).map((json) => ({ json })),
			async prepareBinaryData(buffer, fileName, mimeType) {
				const file = path.join(dir, fileName);
				fs.writeFileSync(file, buffer);
				return { data: 'filesystem-v2', id: file, fileName, mimeType, fileSize: buffer.length };
			},
			async httpRequestWithAuthentication(...args) {
				counter.calls++;
				return await base.helpers.httpRequestWithAuthentication(...args);
			},
		},
	};
}

const mib = (bytes) => Math.round(bytes / 2 ** 20);

async function main() {
	const args = parseArgs(process.argv.slice(2));
	const { child, info } = await startSandboxProcess(args.n);
	try {
		for (let run = 0; run < args.runs; run++) {
			global.gc?.();
			const idle = { rss: process.memoryUsage().rss, heap: process.memoryUsage().heapUsed };
			const counter = { calls: 0 };
			const ctx = context(
				info,
				{
					authentication: 'accessToken',
					simplify: args.simplify,
					options: { fileFormat: args.fileFormat },
				},
				counter,
			);
			const cpu0 = process.cpuUsage();
			const t0 = performance.now();
			const items = await exportCatalog.execute.call(ctx, 0);
			const ms = Math.round(performance.now() - t0);
			const cpu = process.cpuUsage(cpu0);
			const heapAfter = process.memoryUsage().heapUsed;
			process.stdout.write(
				`${JSON.stringify({
					n: args.n,
					fileFormat: args.fileFormat,
					simplify: args.simplify,
					run: run + 1,
					ms,
					// this process only (the sandbox is another): comparable on a busy machine, unlike ms
					cpuMs: Math.round((cpu.user + cpu.system) / 1000),
					calls: counter.calls,
					items: items.length,
					idleRssMiB: mib(idle.rss),
					maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
					heapGrowthMiB: mib(heapAfter - idle.heap),
				})}\n`,
			);
		}
	} finally {
		child.kill('SIGTERM');
	}
}

main().then(
	() => process.exit(0),
	(error) => {
		process.stderr.write(`${error.stack}\n`);
		process.exit(1);
	},
);
