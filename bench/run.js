#!/usr/bin/env node
'use strict';
/**
 * `npm run bench [-- --quick] [-- --only catalog,quota,orders,trigger,ack,queue] [-- --n8n-env N8N_X=value]`
 * (--only: the parts named are re-measured and merged into the previous full run's results,
 * bench/results/latest.json; --n8n-env, repeatable: an n8n setting for this run, e.g.
 * N8N_EXPRESSION_ENGINE=legacy to see what n8n's expression isolates cost the acknowledgement;
 * BENCH_N8N_NODE_OPTIONS in the environment: NODE_OPTIONS for the n8n process, for profiling)
 *
 * Benchmarks this package in a REAL n8n 2.40.7 (the e2e harness: cached install, build + pack,
 * in-process sandbox) against the sandbox with 80 ms latency per call and BigCommerce's quota,
 * always side by side with what a user without the package builds from n8n's own nodes, in the
 * same run and the same n8n. Writes bench/results/<stamp>.json (raw) and bench/RESULTS.md.
 *
 * Not a test: nothing in the test suite depends on these timings.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const crypto = require('node:crypto');
const { execSync, spawnSync } = require('node:child_process');

const { createHarness, installer, request, processes } = require('../e2e/lib');
const W = require('./workflows');
const { writeReport, spliceReport, settingsKey, writeExportChart } = require('./report');

const LATENCY_MS = 80;
/** Sections measured per n8n settings (--n8n-env): where a run with other settings is kept. */
const VARIANT_KEYS = { ack: 'ackVariants', trigger: 'triggerVariants' };
const REAL_QUOTA = { quota: 150, windowMs: 30_000 };
const SCALED_QUOTA = { quota: 15, windowMs: 3_000 };

function parseArgs(argv) {
	const args = { quick: false, only: null, n8nEnv: {}, sizes: null };
	const setting = (text) => {
		const at = text.indexOf('=');
		if (!/^N8N_[A-Z0-9_]+$/.test(text.slice(0, at)))
			throw new Error(`--n8n-env takes NAME=VALUE with an N8N_ setting name; got "${text}"`);
		args.n8nEnv[text.slice(0, at)] = text.slice(at + 1);
	};
	for (let i = 0; i < argv.length; i++) {
		if (argv[i] === '--quick') args.quick = true;
		else if (argv[i] === '--n8n-env') setting(argv[++i] || '');
		else if (argv[i].startsWith('--n8n-env=')) setting(argv[i].slice('--n8n-env='.length));
		else if (argv[i] === '--only') args.only = argv[++i].split(',');
		else if (argv[i] === '--sizes') args.sizes = argv[++i].split(',').map(Number);
		else if (argv[i] === '--catalog-extras-only') args.catalogExtrasOnly = true;
		else if (argv[i].startsWith('--only=')) args.only = argv[i].slice(7).split(',');
	}
	return args;
}

const out = (line = '') => process.stdout.write(`${line}\n`);
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(values, p) {
	if (!values.length) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
	return sorted[index];
}

function machine() {
	const cpus = os.cpus();
	let commit = '';
	try {
		commit = execSync('git rev-parse --short HEAD', { cwd: path.join(__dirname, '..') })
			.toString()
			.trim();
	} catch {
		// not a git checkout
	}
	return {
		nproc: cpus.length,
		cpuModel: cpus[0] ? cpus[0].model : 'unknown',
		memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
		loadAverageAtStart: os.loadavg().map((v) => +v.toFixed(2)),
		os: `${os.type()} ${os.release()}`,
		n8nVersion: installer.N8N_VERSION,
		n8nNode: installer.NODE_VERSION || '24',
		benchNode: process.version,
		commit,
	};
}

/** Samples VmRSS of a pid every 50 ms; stop() returns { peakRssMiB, hwmMiB, startRssMiB }. */
function memorySampler(pid) {
	const read = () => {
		try {
			const text = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
			const kb = (name) =>
				Number((text.match(new RegExp(`^${name}:\\s+(\\d+)`, 'm')) || [])[1] || 0);
			return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
		} catch {
			return { rss: 0, hwm: 0 };
		}
	};
	const start = read();
	let peak = start.rss;
	const timer = setInterval(() => {
		peak = Math.max(peak, read().rss);
	}, 50);
	return {
		stop() {
			clearInterval(timer);
			const end = read();
			peak = Math.max(peak, end.rss);
			return {
				startRssMiB: Math.round(start.rss),
				peakRssMiB: Math.round(peak),
				hwmMiB: Math.round(end.hwm),
			};
		},
	};
}

class Bench {
	constructor(harness, args) {
		this.h = harness;
		this.n8n = harness.n8n;
		this.sandbox = harness.sandbox;
		this.args = args;
	}

	setQuota(limit) {
		this.sandbox.setRateLimit(limit);
	}

	/** The newest execution of a workflow, with data, once it is finished. */
	async latestExecution(workflowId, notId, includeData = true) {
		return await this.h.ctx.waitFor(
			async () => {
				const res = await this.n8n.api(
					'GET',
					`/executions?workflowId=${workflowId}&limit=1&includeData=${includeData}`,
					undefined,
					// the run data of a 100,000-product export is hundreds of MB
					{ timeoutMs: 600_000 },
				);
				const e = res.json && res.json.data && res.json.data[0];
				return e && String(e.id) !== String(notId) && e.stoppedAt ? e : null;
			},
			{ timeoutMs: 900_000, intervalMs: 300, message: `execution of ${workflowId}` },
		);
	}

	async newestExecutionId(workflowId) {
		const res = await this.n8n.api('GET', `/executions?workflowId=${workflowId}&limit=1`);
		const e = res.json && res.json.data && res.json.data[0];
		return e ? e.id : undefined;
	}

	/**
	 * Calls a job workflow's webhook (responseMode lastNode) and returns its wall time, the
	 * execution (with data), the sandbox requests it caused and the n8n process memory.
	 */
	async runJob(key, body = {}, sandbox = this.sandbox) {
		const workflowId = W.IDS[key];
		const previous = await this.newestExecutionId(workflowId);
		const before = sandbox.requests.length;
		const sampler = memorySampler(this.n8n.child.pid);
		const t0 = performance.now();
		const startedAt = sandbox.now();
		let res;
		try {
			res = await request(W.hookUrl(this.n8n, W.PATHS[key]), {
				method: 'POST',
				body,
				timeoutMs: 900_000,
			});
		} catch (error) {
			// n8n went away during the job (out of memory): what the store saw and the memory stand
			const memory = sampler.stop();
			const alive = this.n8n.child && this.n8n.child.exitCode === null;
			return {
				wallMs: Math.round(performance.now() - t0),
				httpStatus: null,
				memory,
				requests: sandbox.requests.slice(before),
				execution: null,
				timeline: [],
				failure: `${alive ? 'the webhook call failed' : 'n8n exited during the job'} (${String(error.message || error).slice(0, 120)}), after its RSS had reached ${memory.peakRssMiB} MiB`,
			};
		}
		const wallMs = Math.round(performance.now() - t0);
		// until n8n has saved the execution (saving 100,000 items is part of the cost), but not
		// while it reads the execution back for the checks below
		const saved = await this.latestExecution(workflowId, previous, false);
		const memory = sampler.stop();
		const requests = sandbox.requests.slice(before);
		let execution;
		try {
			execution = await this.latestExecution(workflowId, previous);
		} catch (error) {
			// the run data of a very large execution may not come back (size, time): the job's
			// calls, wall time and memory stand, its node time and output checks are then missing
			out(`  · ${key}: execution data not readable (${String(error.message).slice(0, 120)})`);
			execution = saved;
		}
		const timeline = requests.map((r) => r.at - startedAt);
		return { wallMs, httpStatus: res.status, memory, requests, execution, timeline };
	}
}

function nodeRun(execution, nodeName) {
	const runs =
		execution && execution.data && execution.data.resultData && execution.data.resultData.runData
			? execution.data.resultData.runData[nodeName]
			: undefined;
	if (!runs || !runs.length) return { ms: null, items: [], error: null, startedAt: null };
	const items = [];
	let ms = 0;
	let error = null;
	for (const run of runs) {
		ms += run.executionTime || 0;
		if (run.error) error = run.error.message || String(run.error);
		const main = run.data && run.data.main ? run.data.main[0] || [] : [];
		for (const item of main) items.push(item.json);
	}
	return { ms, items, error, startedAt: runs[0].startTime || null };
}

/** The store API requests among what the sandbox served (not its control or OAuth routes). */
function apiRequests(requests) {
	return requests.filter((r) => r.version === 'v2' || r.version === 'v3');
}

function apiStats(requests) {
	const api = apiRequests(requests);
	return {
		calls: api.length,
		rateLimited: api.filter((r) => r.status === 429).length,
		failed: api.filter((r) => r.status === null || r.status >= 400).length,
	};
}

function executionError(execution) {
	const err =
		execution && execution.data && execution.data.resultData && execution.data.resultData.error;
	return err
		? `${err.message || ''}${err.description ? ` — ${err.description}` : ''}`.slice(0, 300)
		: null;
}

// ---------------------------------------------------------------------------------------------
// 1 + 5. Catalog export

/**
 * Above this size the catalog export runs on a store with a large quota (Enterprise-like): 400
 * calls for 100,000 products do not fit BigCommerce's 150 / 30 s, and the HTTP Request node stops
 * at its first 429. The quota headers stay, so n8n's rate-limit governor paces as on a real store.
 */
const CATALOG_QUOTA_MAX_N = 10_000;
const LARGE_QUOTA = { quota: 5_000, windowMs: 30_000 };

async function catalog(bench, sizes, reps, extrasOnly = false) {
	const products = bench.sandbox.state.products;
	const all = [...products.entries()];
	const results = [];
	const keep = (n) => {
		products.clear();
		for (const [id, p] of all.slice(0, n)) products.set(id, p);
	};
	// the n8n process at rest: the lowest RSS it had before any job of this section (right after
	// start-up it still holds garbage a later collection returns); a job's peak is reported above
	// the level of the process that ran it (the largest size gets a restarted n8n, see below)
	let idle = { rssMiB: memorySampler(bench.n8n.child.pid).stop().startRssMiB };
	const firstIdle = idle; // the first process's (lowered by its jobs), for the report's text
	/** One job; `expectedCalls` null: any number of calls is right (incremental). */
	const once = async (key, n, expected, expectedCalls = Math.ceil(n / 250)) => {
		bench.setQuota(n > CATALOG_QUOTA_MAX_N ? LARGE_QUOTA : REAL_QUOTA);
		const run = await bench.runJob(key);
		idle.rssMiB = Math.min(idle.rssMiB, run.memory.startRssMiB);
		run.memory.idle = idle;
		const node = nodeRun(run.execution, key === 'exportHttp' ? W.NODES.http : W.NODES.export);
		const ids =
			key === 'exportHttp'
				? node.items.flatMap((page) =>
						Array.isArray(page.data) ? page.data.map((p) => Number(p.id)) : [],
					)
				: node.items.filter((item) => !item.summary).map((item) => Number(item.id));
		// n8n's Public API may return a very large execution without its run data: then the time
		// is the execution's own (start to stop) and the output cannot be checked
		const unread = node.ms === null;
		if (unread && run.execution && run.execution.startedAt && run.execution.stoppedAt)
			node.ms = Date.parse(run.execution.stoppedAt) - Date.parse(run.execution.startedAt);
		const summary = node.items.find((item) => item.summary);
		const got = new Set(ids);
		const stats = apiStats(run.requests);
		return {
			...stats,
			expectedCalls,
			callsOk: n === 0 || expectedCalls === null || stats.calls === expectedCalls,
			nodeMs: node.ms,
			wallMs: run.wallMs,
			items: node.items.length,
			products: summary && key === 'exportFileOnly' ? summary.exported : ids.length,
			duplicates: ids.length - got.size,
			missing:
				key === 'exportFileOnly' || unread
					? null
					: [...expected].filter((id) => !got.has(id)).length,
			outputRead: !unread,
			status: run.execution ? run.execution.status : 'failed',
			error: run.failure || node.error || executionError(run.execution),
			memory: run.memory,
			// when the sandbox answered each call, ms after the webhook call (before the 80 ms latency)
			timeline: run.timeline,
		};
	};
	const log = (n, label, r) =>
		out(
			`  · catalog N=${n} ${label}: calls ${r.calls}${n && r.expectedCalls !== null ? (r.callsOk ? ' = ceil(N/250)' : ` ≠ ceil(N/250) = ${r.expectedCalls}`) : ''}, 429s ${r.rateLimited}, node ${r.nodeMs} ms, wall ${r.wallMs} ms, missing ${r.missing}, RSS ${r.memory.startRssMiB} → ${r.memory.peakRssMiB} MiB${r.error ? `, ${r.error}` : ''}`,
		);
	const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
	const incremental = {};
	/** At the largest N: the catalog as one CSV file only, and an incremental export with 50 changes. */
	const largeCatalogExtras = async (n) => {
		// the same catalog as one CSV file and nothing else (Also Output File: CSV, File Only)
		const file = await once('exportFileOnly', n, new Set());
		log(n, 'CSV, File Only', file);
		results.push({
			n,
			approach: 'this node, CSV file only (Also Output File: CSV, File Only)',
			key: 'exportFileOnly',
			quota: LARGE_QUOTA,
			minimumCalls: Math.ceil(n / 250),
			calls: file.calls,
			callsEveryRun: [file.calls],
			rateLimited: file.rateLimited,
			failed: file.failed,
			nodeMs: file.nodeMs,
			wallMs: file.wallMs,
			nodeMsRuns: [file.nodeMs],
			items: file.products,
			duplicates: 0,
			missing: null,
			status: file.status,
			error: file.error,
			memory: {
				startRssMiB: file.memory.startRssMiB,
				peakRssMiB: file.memory.peakRssMiB,
				firstRunPeakRssMiB: file.memory.peakRssMiB,
				hwmMiB: file.memory.hwmMiB,
			},
			runs: [file],
		});
		// incremental: the first run reads everything and keeps the cursor, then 50 products change
		const first = await once('exportIncremental', n, new Set([...products.keys()].map(Number)));
		log(n, 'incremental, first run', first);
		const changed = [...products.values()].filter((_, k) => k % Math.floor(n / 50) === 7);
		const now = bench.sandbox.now();
		for (const p of changed.slice(0, 50)) p.date_modified = now;
		const changedIds = new Set(changed.slice(0, 50).map((p) => Number(p.id)));
		await delay(1500); // the modification times lie before the second run starts
		const second = await once('exportIncremental', n, changedIds, null);
		log(n, 'incremental, 50 changed', second);
		Object.assign(incremental, {
			n,
			changed: changedIds.size,
			first: { ...first, timeline: undefined },
			second: { ...second, timeline: undefined },
			exact: second.missing === 0 && second.products === changedIds.size,
		});
	};
	try {
		// warm-up (first execution of each node type loads and compiles its code): not recorded
		keep(Math.min(...sizes, 1000));
		out('  · catalog warm-up');
		await once('exportOurs', 0, new Set());
		await once('exportHttp', 0, new Set());
		// --catalog-extras-only: only the File Only and incremental runs at the largest size
		for (const n of extrasOnly ? [] : sizes) {
			keep(n);
			const expected = new Set([...products.keys()].map(Number));
			const runs = { exportOurs: [], exportHttp: [] };
			const large = n > CATALOG_QUOTA_MAX_N;
			if (large && sizes.length > 1) {
				// V8 keeps the heap the smaller sizes grew: the largest starts from an n8n at rest
				out(
					`  · catalog N=${n}: restarting n8n (an n8n at rest, not one holding earlier jobs' heap)`,
				);
				await bench.n8n.restart();
				await delay(5000);
				idle = { rssMiB: memorySampler(bench.n8n.child.pid).stop().startRssMiB };
				keep(0);
				await once('exportOurs', 0, new Set()); // loads the node's code (not recorded)
				keep(n);
			}
			const count = large ? 1 : n >= 10000 ? reps.large : reps.small;
			for (let rep = 0; rep < count; rep++) {
				// this node first in the first round (its peak memory before the HTTP Request run's);
				// at the largest size HTTP Request runs last, after the extras: it may exhaust n8n
				for (const key of large
					? ['exportOurs']
					: rep % 2 === 0
						? ['exportOurs', 'exportHttp']
						: ['exportHttp', 'exportOurs']) {
					const r = await once(key, n, expected);
					runs[key].push(r);
					log(n, `#${rep + 1} ${key}`, r);
				}
			}
			if (large) {
				await largeCatalogExtras(n);
				keep(n);
				const r = await once('exportHttp', n, expected);
				runs.exportHttp.push(r);
				log(n, '#1 exportHttp', r);
			}
			for (const key of ['exportOurs', 'exportHttp']) {
				const list = runs[key];
				results.push({
					n,
					approach:
						key === 'exportOurs'
							? 'this node (Product › Export Catalog)'
							: 'HTTP Request + pagination',
					key,
					quota: n > CATALOG_QUOTA_MAX_N ? LARGE_QUOTA : REAL_QUOTA,
					minimumCalls: Math.ceil(n / 250),
					calls: Math.max(...list.map((r) => r.calls)),
					callsEveryRun: list.map((r) => r.calls),
					rateLimited: list.reduce((sum, r) => sum + r.rateLimited, 0),
					failed: list.reduce((sum, r) => sum + r.failed, 0),
					nodeMs: median(list.map((r) => r.nodeMs)),
					wallMs: median(list.map((r) => r.wallMs)),
					nodeMsRuns: list.map((r) => r.nodeMs),
					items: list[0].products,
					duplicates: Math.max(...list.map((r) => r.duplicates)),
					missing: Math.max(...list.map((r) => r.missing)),
					status: list.every((r) => r.status === 'success')
						? 'success'
						: list.map((r) => r.status).join('/'),
					error: list.map((r) => r.error).find(Boolean) || null,
					memory: {
						startRssMiB: list[0].memory.startRssMiB,
						peakRssMiB: Math.max(...list.map((r) => r.memory.peakRssMiB)),
						firstRunPeakRssMiB: list[0].memory.peakRssMiB,
						hwmMiB: list[0].memory.hwmMiB,
					},
					runs: list.map(({ timeline, ...rest }) => ({ ...rest, timeline })),
				});
			}
		}
		const n = Math.max(...sizes);
		if (extrasOnly && n > CATALOG_QUOTA_MAX_N) {
			keep(n);
			await largeCatalogExtras(n);
		}
	} catch (error) {
		// what was measured so far is kept (a 100,000-product run is long to repeat)
		out(`  · catalog section stopped: ${String(error.stack || error).slice(0, 400)}`);
	} finally {
		products.clear();
		for (const [id, p] of all) products.set(id, p);
	}
	/** Above the level of the n8n process that ran the job. */
	const settle = (memory) => {
		if (!memory.idle) return;
		memory.idleRssMiB = memory.idle.rssMiB;
		memory.growthMiB = memory.peakRssMiB - memory.idle.rssMiB;
		delete memory.idle;
	};
	for (const result of results) {
		for (const run of result.runs) settle(run.memory);
		const measured = result.runs.filter((run) => run.memory.growthMiB !== undefined);
		Object.assign(result.memory, {
			idleRssMiB: measured.length ? measured[0].memory.idleRssMiB : firstIdle.rssMiB,
			growthMiB: measured.length ? Math.max(...measured.map((run) => run.memory.growthMiB)) : null,
		});
	}
	for (const run of [incremental.first, incremental.second].filter(Boolean)) settle(run.memory);
	out(`  · catalog: n8n RSS at rest ${firstIdle.rssMiB} MiB`);
	return {
		results,
		incremental: incremental.n ? incremental : null,
		idleRssMiB: firstIdle.rssMiB,
	};
}

// ---------------------------------------------------------------------------------------------
// 3. Quota-bound job

/**
 * The quota-bound job at BigCommerce's two common quotas, real 30 s windows (W.QUOTA_JOB):
 * 3 windows' worth of single-product GETs through this node (items in parallel, the
 * default, and Items in Parallel 1), and through HTTP Request (defaults; batching one window's
 * quota per window). The strict minimum: the last window opens after (windows − 1) × window, then
 * one call. Then the same node against a store that sends no rate-limit headers (Enterprise-like),
 * ENTERPRISE_CALLS GETs in parallel and one at a time.
 */
const QUOTA_RUNS = [
	{
		label: '150 / 30 s',
		limit: W.QUOTA_JOB.standard,
		keys: ['quotaOurs', 'quotaOursSeq', 'quotaHttp', 'quotaHttpBatched'],
	},
	{
		label: '450 / 30 s',
		limit: W.QUOTA_JOB.pro,
		keys: ['quotaOurs', 'quotaOursSeq', 'quotaHttpBatched45'],
	},
];
const ENTERPRISE_CALLS = 1000;
const APPROACHES = {
	quotaOurs: 'this node (Product › Get per item, items in parallel)',
	quotaOursSeq: 'this node, Items in Parallel 1 (one at a time)',
	quotaHttp: 'HTTP Request (defaults)',
	quotaHttpBatched: 'HTTP Request (batching 150 / 30 s)',
	quotaHttpBatched45: 'HTTP Request (batching 450 / 30 s)',
	enterpriseOurs: 'this node (items in parallel)',
	enterpriseSeq: 'this node, Items in Parallel 1 (one at a time)',
};

/** Runs one single-product job workflow and sums it up. */
async function productJob(bench, key, ids, sandbox = bench.sandbox) {
	const run = await bench.runJob(key, { ids }, sandbox);
	const node = nodeRun(run.execution, key.includes('Http') ? W.NODES.http : W.NODES.quotaGet);
	const stats = apiStats(run.requests);
	const error = node.error || executionError(run.execution);
	// this node: one product per item; HTTP Request: the raw answer { data: product, meta }
	const okItems = node.items.filter(
		(item) => item && !item.error && (item.id ?? (item.data && item.data.id)) !== undefined,
	).length;
	// output in input order (this node): the ids come back as they were sent
	const inOrder = key.includes('Http')
		? null
		: node.items.map((item) => Number(item && item.id)).join() === ids.join();
	// where the node's time goes besides the API: before its first request reached the store,
	// after the last answer left it (n8n's item handling, credentials, output)
	const api = apiRequests(run.requests);
	const edges =
		node.startedAt && api.length
			? {
					beforeFirstRequestMs: Math.min(...api.map((r) => r.at)) - node.startedAt,
					afterLastAnswerMs:
						node.startedAt + node.ms - Math.max(...api.map((r) => r.answeredAt || r.at)),
				}
			: {};
	return {
		approach: APPROACHES[key],
		key,
		jobCalls: ids.length,
		...stats,
		...edges,
		mostInFlight: Math.max(0, ...run.requests.map((r) => r.inFlight || 0)),
		nodeMs: node.ms,
		wallMs: run.wallMs,
		itemsPerS: node.ms ? +((okItems / node.ms) * 1000).toFixed(1) : null,
		itemsOk: okItems,
		inOrder,
		status: run.execution.status,
		surfaced429: error && /429|rate limit|too many/i.test(error) ? 1 : 0,
		error,
	};
}

async function quota(bench, enterprise) {
	const runs = [];
	for (const spec of QUOTA_RUNS) {
		const { quota: q, windowMs: w } = spec.limit;
		const calls = 3 * q;
		const ids = [...bench.sandbox.state.products.keys()].slice(0, calls).map(Number);
		const k = Math.ceil(calls / q);
		const r = calls - (k - 1) * q;
		const results = [];
		for (const key of spec.keys) {
			await delay(w + 500); // let any earlier window run out (for the governor too)
			bench.setQuota(spec.limit);
			out(`  · quota-bound job at ${spec.label} (${q} / ${w / 1000} s): ${key}`);
			const x = await productJob(bench, key, ids);
			results.push(x);
			out(
				`    calls ${x.calls}, 429s hit ${x.rateLimited}, most in flight ${x.mostInFlight}, node ${x.nodeMs} ms (strict min ${(k - 1) * w + LATENCY_MS}; first request after ${x.beforeFirstRequestMs} ms, last answer ${x.afterLastAnswerMs} ms before the end), status ${x.status}${x.error ? `: ${x.error.slice(0, 120)}` : ''}`,
			);
		}
		runs.push({
			label: spec.label,
			quota: spec.limit,
			calls,
			windows: k,
			strictMinimumMs: (k - 1) * w + LATENCY_MS,
			oneAtATimeMinimumMs: (k - 1) * w + r * LATENCY_MS,
			results,
		});
	}
	bench.setQuota(SCALED_QUOTA);
	const ids = [...enterprise.state.products.keys()].slice(0, ENTERPRISE_CALLS).map(Number);
	const results = [];
	for (const key of ['enterpriseOurs', 'enterpriseSeq']) {
		out(`  · ${ids.length} single-product GETs, store without quota headers: ${key}`);
		const x = await productJob(bench, key, ids, enterprise);
		results.push(x);
		out(
			`    calls ${x.calls}, most in flight ${x.mostInFlight}, node ${x.nodeMs} ms, status ${x.status}`,
		);
	}
	// the governor learnt 30 s windows: let the last one run out before the scaled sections
	await delay(W.QUOTA_JOB.pro.windowMs + 500);
	return {
		latencyMs: LATENCY_MS,
		runs,
		enterprise: { calls: ids.length, results },
	};
}

// ---------------------------------------------------------------------------------------------
// 2. Orders with line items

async function orders(bench, n) {
	const state = bench.sandbox.state.orders;
	const all = [...state];
	const kept = all.filter((o) => !o.is_deleted).slice(0, n);
	state.length = 0;
	state.push(...kept);
	const results = [];
	try {
		for (const key of ['ordersOurs', 'ordersHttp']) {
			await delay(SCALED_QUOTA.windowMs + 500);
			bench.setQuota(SCALED_QUOTA);
			out(`  · orders N=${kept.length}: ${key}`);
			const run = await bench.runJob(key);
			const stats = apiStats(run.requests);
			let covered;
			let ms;
			let error;
			if (key === 'ordersOurs') {
				const list = nodeRun(run.execution, W.NODES.ordersList);
				// each order's line items must be the ones the store holds (same ids, same quantities)
				const lineKey = (lines) => lines.map((p) => `${p.id}x${p.quantity}`).join(',');
				const stored = new Map(kept.map((o) => [o.id, lineKey(o.products)]));
				covered = new Set(
					list.items
						.filter(
							(o) =>
								Array.isArray(o.products) &&
								o.products.length &&
								lineKey(o.products) === stored.get(o.id),
						)
						.map((o) => o.id),
				).size;
				ms = list.ms || 0;
				error = list.error;
			} else {
				const list = nodeRun(run.execution, W.NODES.httpOrderList);
				const lines = nodeRun(run.execution, W.NODES.httpOrderProducts);
				covered = new Set(lines.items.map((line) => line.order_id).filter((id) => id !== undefined))
					.size;
				ms = (list.ms || 0) + (lines.ms || 0);
				error = list.error || lines.error;
			}
			const perOrder = run.requests.filter((r) => /^\/orders\/\d+\/products$/.test(r.path)).length;
			results.push({
				approach:
					key === 'ordersOurs'
						? 'this node (Order › Get Many, Include Line Items)'
						: 'HTTP Request list + one call per order',
				key,
				n: kept.length,
				...stats,
				perOrderProductCalls: perOrder,
				nodeMs: ms,
				wallMs: run.wallMs,
				ordersWithLineItems: covered,
				status: run.execution.status,
				error: error || executionError(run.execution),
			});
			const x = results[results.length - 1];
			out(
				`    calls ${x.calls} (products calls ${perOrder}), 429s ${x.rateLimited}, nodes ${x.nodeMs} ms, orders covered ${covered}`,
			);
		}
	} finally {
		state.length = 0;
		state.push(...all);
	}
	return results;
}

// ---------------------------------------------------------------------------------------------
// 4. Trigger: duplicate storm

/** A delivery body as BigCommerce sends it (its `hash` covers `data` only). */
function delivery(sandbox, scope, data, createdAt) {
	return {
		created_at: createdAt,
		store_id: String(sandbox.storeId || '1001234'),
		producer: `stores/${sandbox.storeHash}`,
		scope,
		hash: crypto.createHash('sha1').update(JSON.stringify(data)).digest('hex'),
		data,
	};
}

function envelope(sandbox, index, createdAt) {
	return delivery(
		sandbox,
		'store/product/updated',
		{ type: 'product', id: 100000 + index },
		createdAt,
	);
}

/**
 * The delivery plan: `distinct` deliveries plus `duplicates` copies; half of the copies are sent
 * at the same instant as their original (a burst), the other half later (a repeat after the ack).
 * Returns a list of bursts: [{ delivery, copies }] in send order.
 */
function plan(sandbox, distinct, duplicates) {
	const createdAt = Math.floor(Date.now() / 1000);
	const bursts = [];
	for (let i = 0; i < distinct; i++)
		bursts.push({ index: i, body: envelope(sandbox, i, createdAt), copies: 1 });
	let rng = 12345;
	const random = () => (rng = (rng * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
	const repeats = [];
	for (let d = 0; d < duplicates; d++) {
		const target = bursts[Math.floor(random() * distinct)];
		if (d % 2 === 0) target.copies++;
		else
			repeats.push({ index: target.index, body: target.body, copies: 1, repeatOf: target.index });
	}
	// repeats go after their original, somewhere later in the sequence
	const sequence = [...bursts];
	for (const repeat of repeats) {
		const at = Math.min(
			sequence.length,
			repeat.index + 1 + Math.floor(random() * (sequence.length - repeat.index)),
		);
		sequence.splice(at, 0, repeat);
	}
	return sequence;
}

/**
 * POSTs one delivery and times the acknowledgement: client-side time to the full answer.
 * `status` is the HTTP status, or `error:<code>`; `timedOut` when no answer came within `timeoutMs`.
 */
async function post(url, text, headers, timeoutMs = 30_000) {
	const t0 = performance.now();
	let status;
	let timedOut = false;
	try {
		const res = await fetch(url, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', ...headers },
			body: text,
			signal: AbortSignal.timeout(timeoutMs),
		});
		await res.arrayBuffer();
		status = res.status;
	} catch (error) {
		timedOut = error.name === 'TimeoutError';
		status = timedOut
			? 'timeout'
			: `error:${error.code || (error.cause && error.cause.code) || error.name}`;
	}
	return { ms: performance.now() - t0, status, timedOut };
}

async function sendAll(url, sequence, headers, concurrency = 8) {
	const latencies = [];
	const statuses = {};
	let next = 0;
	const worker = async () => {
		while (next < sequence.length) {
			const burst = sequence[next++];
			const text = JSON.stringify(burst.body);
			await Promise.all(
				Array.from({ length: burst.copies }, async () => {
					const { ms, status } = await post(url, text, headers);
					latencies.push(ms);
					statuses[status] = (statuses[status] || 0) + 1;
				}),
			);
		}
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
	return { latencies, statuses };
}

async function countExecutions(n8n, workflowId) {
	let cursor;
	let total = 0;
	let unfinished = 0;
	do {
		const qs = new URLSearchParams({ workflowId, limit: '250' });
		if (cursor) qs.set('cursor', cursor);
		const res = await n8n.api('GET', `/executions?${qs}`);
		if (res.status !== 200) throw new Error(`executions: ${res.status} ${res.text.slice(0, 200)}`);
		for (const e of res.json.data) {
			total++;
			if (!e.stoppedAt) unfinished++;
		}
		cursor = res.json.nextCursor;
	} while (cursor);
	return { total, unfinished };
}

async function settleExecutions(bench, workflowId) {
	let last = -1;
	let stableSince = Date.now();
	const deadline = Date.now() + 180_000;
	for (;;) {
		const { total, unfinished } = await countExecutions(bench.n8n, workflowId);
		if (total !== last) {
			last = total;
			stableSince = Date.now();
		}
		if ((unfinished === 0 && Date.now() - stableSince > 3000) || Date.now() > deadline)
			return total;
		await delay(1000);
	}
}

/** [name, value] of the secret header the trigger registered with its hook for `url`. */
async function hookSecretHeader(bench, url) {
	const hook = await bench.h.ctx.waitFor(
		() => (bench.sandbox.state.hooks || []).find((h) => h.destination === url && h.is_active),
		{ timeoutMs: 60_000, message: `the trigger hook for ${url}` },
	);
	const secretHeader = Object.entries(hook.headers || {}).find(([name]) =>
		/bigcommerce-secret/i.test(name),
	);
	if (!secretHeader) throw new Error('the trigger hook carries no secret header');
	return secretHeader;
}

async function trigger(bench, deliveries) {
	const { n8n, sandbox } = bench;
	sandbox.setRateLimit(false);
	const duplicates = Math.round(deliveries * 0.3);
	const distinct = deliveries - duplicates;
	const url = W.triggerUrl(n8n);
	const secretHeader = await hookSecretHeader(bench, url);
	// the same deliveries to the trigger, the do-nothing control trigger and the plain Webhook node
	const endpoints = {
		trigger: { url, headers: { [secretHeader[0]]: secretHeader[1] }, workflowId: W.IDS.trigger },
		control: {
			url: W.triggerUrl(n8n, 'controlTrigger'),
			headers: {},
			workflowId: W.IDS.controlTrigger,
		},
		plain: { url: W.hookUrl(n8n, W.PATHS.plainHook), headers: {}, workflowId: W.IDS.plainHook },
	};
	const names = Object.keys(endpoints);
	const orders = permutations(names);
	const sequence = plan(sandbox, distinct, duplicates);
	const sent = sequence.reduce((n, b) => n + b.copies, 0);
	const before = {};
	for (const which of names)
		before[which] = await countExecutions(n8n, endpoints[which].workflowId);
	// interleaved in chunks, every order of the endpoints in turn, so all see the same conditions
	const chunk = 100;
	const lat = Object.fromEntries(names.map((which) => [which, []]));
	const statuses = Object.fromEntries(names.map((which) => [which, {}]));
	const merge = (into, from) => {
		for (const [k, v] of Object.entries(from)) into[k] = (into[k] || 0) + v;
	};
	out(`  · trigger: ${sent} deliveries (${distinct} distinct) to each endpoint`);
	for (let i = 0, round = 0; i < sequence.length; i += chunk, round++) {
		const part = sequence.slice(i, i + chunk);
		for (const which of orders[round % orders.length]) {
			const r = await sendAll(endpoints[which].url, part, endpoints[which].headers);
			lat[which].push(...r.latencies);
			merge(statuses[which], r.statuses);
		}
	}
	const executions = {};
	for (const which of names)
		executions[which] =
			(await settleExecutions(bench, endpoints[which].workflowId)) - before[which].total;
	// the ack path alone: one sender, fresh deliveries, one endpoint after the other, n8n otherwise idle
	const idle = Object.fromEntries(names.map((which) => [which, []]));
	const quiet = plan(sandbox, 50, 0).map((b, i) => ({
		...b,
		body: envelope(sandbox, 5000 + i, b.body.created_at),
	}));
	for (const [i, burst] of quiet.entries()) {
		for (const which of orders[i % orders.length])
			idle[which].push(
				...(await sendAll(endpoints[which].url, [burst], endpoints[which].headers, 1)).latencies,
			);
		await delay(100);
	}
	await settleExecutions(bench, W.IDS.trigger);
	const summary = (values) => ({
		p50: +percentile(values, 50).toFixed(1),
		p95: +percentile(values, 95).toFixed(1),
		max: +Math.max(...values).toFixed(1),
	});
	const endpointResult = (which) => ({
		executions: executions[which],
		ack: summary(lat[which]),
		idleAck: summary(idle[which]),
		statuses: statuses[which],
	});
	const result = {
		deliveries: sent,
		distinct,
		duplicates,
		simultaneousCopies: sequence
			.filter((b) => !b.repeatOf && b.copies > 1)
			.reduce((n, b) => n + b.copies - 1, 0),
		laterRepeats: sequence.filter((b) => b.repeatOf !== undefined).length,
		trigger: endpointResult('trigger'),
		control: endpointResult('control'),
		plainWebhook: endpointResult('plain'),
	};
	out(
		`    trigger: ${executions.trigger} executions for ${distinct} distinct; ack p50/p95 trigger ${result.trigger.ack.p50}/${result.trigger.ack.p95} ms, control ${result.control.ack.p50}/${result.control.ack.p95} ms, plain webhook ${result.plainWebhook.ack.p50}/${result.plainWebhook.ack.p95} ms`,
	);
	return result;
}

// ---------------------------------------------------------------------------------------------
// 6. Trigger acknowledgement with the API in trouble (issue 10)

/**
 * How long the bench waits for one acknowledgement. BigCommerce counts a slow answer as a failed
 * delivery; the bench must also stay bounded when the trigger waits on a hung API (today's code
 * waits up to 4 × 60 s). A delivery without an answer by then counts as a timeout and its
 * latency as this value (so the p99 of a condition with timeouts is a lower bound).
 */
const ACK_TIMEOUT_MS = 10_000;
/** The condition that teaches n8n's process-wide rate-limit governor a 15 s wait runs last. */
const THROTTLE_RESET_MS = 15_000;
const ACK_CONDITIONS = [
	{ name: 'healthy', label: `every call answered after ${LATENCY_MS} ms, no quota`, set() {} },
	{
		name: 'down',
		label: 'every API call answers 503',
		set: (sandbox) => sandbox.faults.add({ kind: 'status', status: 503, times: Infinity }),
	},
	{
		name: 'hung',
		label: 'every API call accepted and never answered (until the condition ends)',
		set: (sandbox) => sandbox.faults.add({ kind: 'hang', times: Infinity }),
	},
	{
		name: 'throttled',
		label: `every API call answers 429, quota spent, X-Rate-Limit-Time-Reset-Ms ${THROTTLE_RESET_MS}`,
		set(sandbox) {
			sandbox.setRateLimit(REAL_QUOTA);
			sandbox.faults.add({
				kind: 'rateLimit',
				times: Infinity,
				headers: {
					'X-Rate-Limit-Time-Reset-Ms': String(THROTTLE_RESET_MS),
					'X-Retry-After': String(THROTTLE_RESET_MS / 1000),
				},
			});
		},
	},
];

/** Fresh "Order Created" deliveries for orders that exist and are complete (a distinct key each). */
function orderCreatedDeliveries(sandbox) {
	const ids = (sandbox.state.orders || [])
		.filter((o) => !o.is_deleted && Number(o.status_id) !== 0)
		.map((o) => o.id);
	if (!ids.length) throw new Error('the sandbox has no complete order to announce');
	const now = Math.floor(Date.now() / 1000);
	let n = 0;
	// one second earlier each: same order, other second = another delivery (see dedup.ts deliveryKey)
	return () => {
		const body = delivery(
			sandbox,
			'store/order/created',
			{ type: 'order', id: ids[n % ids.length] },
			now - n,
		);
		n++;
		return JSON.stringify(body);
	};
}

function ackSummary(samples) {
	const values = samples.map((x) => x.ms);
	const statuses = {};
	for (const x of samples) statuses[x.status] = (statuses[x.status] || 0) + 1;
	const round = (v) => (v === null ? null : +v.toFixed(1));
	return {
		n: samples.length,
		p50: round(percentile(values, 50)),
		p99: round(percentile(values, 99)),
		max: values.length ? round(Math.max(...values)) : null,
		timeouts: samples.filter((x) => x.timedOut).length,
		statuses,
	};
}

/** Executions of a workflow not finished yet, among its newest 250 (more than a condition starts). */
async function runningExecutions(n8n, workflowId) {
	const res = await n8n.api(
		'GET',
		`/executions?${new URLSearchParams({ workflowId, limit: '250' })}`,
	);
	if (res.status !== 200) throw new Error(`executions: ${res.status} ${res.text.slice(0, 200)}`);
	return res.json.data.filter((e) => !e.stoppedAt).length;
}

/**
 * Waits until n8n has finished with what the bench sent: no running execution, no API call for
 * 3 s, and each workflow's execution count at `expected` (one per delivery). A delivery still
 * inside webhook() (waiting on the API or on the rate-limit governor) has no execution yet, so
 * when a count stays short the bench waits for a quiet period longer than the throttled reset
 * before it accepts it (the trigger ignored or lost those deliveries). Bounded: false after 180 s.
 */
async function settleAck(bench, expected, limitMs = 180_000) {
	const deadline = Date.now() + limitMs;
	let seen = bench.sandbox.requests.length;
	let quietSince = Date.now();
	for (;;) {
		await delay(500);
		if (bench.sandbox.requests.length !== seen) {
			seen = bench.sandbox.requests.length;
			quietSince = Date.now();
		}
		const quietMs = Date.now() - quietSince;
		if (quietMs >= 3000) {
			let running = 0;
			for (const { workflowId } of expected)
				running += await runningExecutions(bench.n8n, workflowId);
			if (running === 0) {
				let complete = true;
				for (const { workflowId, total } of expected) {
					if ((await countExecutions(bench.n8n, workflowId)).total < total) complete = false;
				}
				if (complete || quietMs >= THROTTLE_RESET_MS + 5000) return true;
			}
		}
		if (Date.now() > deadline) return false;
	}
}

/** Every order of `items` (3 endpoints: 6 orders). */
function permutations(items) {
	if (items.length <= 1) return [items];
	return items.flatMap((first, i) =>
		permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [first, ...rest]),
	);
}

async function ack(bench, quick) {
	const { n8n, sandbox } = bench;
	const limits = {
		timeoutMs: ACK_TIMEOUT_MS,
		// one sender: pairs (one delivery to each endpoint, alternating which goes first)
		oneSender: { max: quick ? 40 : 100, min: 5, budgetMs: quick ? 15_000 : 30_000 },
		// modest concurrent load: rounds of `chunk` deliveries, `senders` at a time, to one endpoint then the other (ABBA)
		concurrent: {
			senders: 4,
			chunk: 12,
			maxRounds: quick ? 2 : 5,
			budgetMs: quick ? 15_000 : 30_000,
		},
	};
	// the control: a community trigger that does nothing (bench/control-trigger); what n8n costs
	// every start node but its own Webhook node shows there too
	const endpoints = {
		trigger: { url: W.triggerUrl(n8n, 'ackTrigger'), workflowId: W.IDS.ackTrigger },
		control: {
			url: W.triggerUrl(n8n, 'controlTrigger'),
			workflowId: W.IDS.controlTrigger,
			headers: {},
		},
		plain: { url: W.hookUrl(n8n, W.PATHS.plainHook), workflowId: W.IDS.plainHook, headers: {} },
	};
	const names = Object.keys(endpoints);
	// every order of the endpoints in turn, so none is always first or always last
	const orders = permutations(names);
	const empty = () => Object.fromEntries(names.map((which) => [which, []]));
	const [name, value] = await hookSecretHeader(bench, endpoints.trigger.url);
	endpoints.trigger.headers = { [name]: value };
	const next = orderCreatedDeliveries(sandbox);
	const send = (which, text) =>
		post(endpoints[which].url, text, endpoints[which].headers, limits.timeoutMs);
	sandbox.setRateLimit(false);
	sandbox.faults.clear();
	const totals = async () => {
		const counts = {};
		for (const which of Object.keys(endpoints))
			counts[which] = (await countExecutions(n8n, endpoints[which].workflowId)).total;
		return counts;
	};
	const expectedTotals = (counts, deliveries) =>
		Object.keys(endpoints).map((which) => ({
			workflowId: endpoints[which].workflowId,
			total: counts[which] + deliveries,
		}));
	// warm-up (first delivery of each workflow loads and compiles code), not recorded
	const warm = await totals();
	const warmUp = next();
	for (const which of names) await send(which, warmUp);
	await settleAck(bench, expectedTotals(warm, 1));

	const conditions = [];
	for (const condition of ACK_CONDITIONS) {
		const before = await totals();
		const requestsBefore = sandbox.requests.length;
		condition.set(sandbox);
		const samples = { oneSender: empty(), concurrent: empty() };

		let started = Date.now();
		for (
			let i = 0;
			i < limits.oneSender.max &&
			(i < limits.oneSender.min || Date.now() - started < limits.oneSender.budgetMs);
			i++
		) {
			const text = next();
			for (const which of orders[i % orders.length])
				samples.oneSender[which].push(await send(which, text));
		}
		started = Date.now();
		for (
			let round = 0;
			round < limits.concurrent.maxRounds &&
			(round === 0 || Date.now() - started < limits.concurrent.budgetMs);
			round++
		) {
			const texts = Array.from({ length: limits.concurrent.chunk }, next);
			for (const which of orders[round % orders.length]) {
				let k = 0;
				const worker = async () => {
					while (k < texts.length) samples.concurrent[which].push(await send(which, texts[k++]));
				};
				await Promise.all(Array.from({ length: limits.concurrent.senders }, worker));
			}
		}
		const apiCalls = sandbox.requests.length - requestsBefore;
		// the condition ends: faults removed (held connections closed), no quota; what n8n still
		// had in flight finishes against the healthy API before the next condition starts
		sandbox.faults.clear();
		sandbox.setRateLimit(false);
		const deliveries = samples.oneSender.trigger.length + samples.concurrent.trigger.length;
		const settled = await settleAck(bench, expectedTotals(before, deliveries));
		const result = {
			name: condition.name,
			label: condition.label,
			deliveries,
			apiCallsWhileSending: apiCalls,
			settled,
			phases: {},
		};
		for (const phase of Object.keys(samples)) {
			result.phases[phase] = Object.fromEntries(
				names.map((which) => [which, ackSummary(samples[phase][which])]),
			);
		}
		const after = await totals();
		result.executions = {};
		for (const which of Object.keys(endpoints))
			result.executions[which] = after[which] - before[which];
		conditions.push(result);
		for (const [phase, r] of Object.entries(result.phases)) {
			const cell = (which) =>
				`${which} p50 ${r[which].p50} p99 ${r[which].p99} max ${r[which].max} ms (${r[which].timeouts} timeouts of ${r[which].n})`;
			out(`    ${condition.name} ${phase}: ${names.map(cell).join('; ')}`);
		}
		out(
			`    ${condition.name}: executions ${names.map((which) => `${which} ${result.executions[which]}`).join(', ')} for ${result.deliveries} deliveries each; ${apiCalls} API calls while sending${settled ? '' : '; n8n had not settled after 180 s'}`,
		);
	}
	return { limits, latencyMs: LATENCY_MS, throttleResetMs: THROTTLE_RESET_MS, conditions };
}

// ---------------------------------------------------------------------------------------------
// 7. Queue mode: the same work in regular mode and in a queue-mode cluster (1 and 2 workers)

/**
 * Executions per second for (a) the trigger: `deliveries` distinct events sent 8 at a time to the
 * hook's destination (the n8n process in regular mode, nginx in front of the two webhook processes
 * in queue mode), timed until every execution they started has finished; (b) a bulk action job:
 * `calls` simultaneous webhook calls of the quota job workflow (Product › Get for `idsPerCall`
 * products each), timed until the last answer. The store has no quota here (80 ms latency per
 * call), so the numbers are n8n's and the package's throughput, not BigCommerce's quota.
 */
async function queueWork(target, { deliveries, calls, idsPerCall, offset }) {
	const { n8n, sandbox, waitFor } = target;
	sandbox.setRateLimit(false);
	const hook = await waitFor(
		() =>
			(sandbox.state.hooks || []).find((h) => h.scope === 'store/product/updated' && h.is_active),
		{ timeoutMs: 90_000, message: 'the trigger hook' },
	);
	const secretHeader = Object.entries(hook.headers || {}).find(([name]) =>
		/bigcommerce-secret/i.test(name),
	);
	if (!secretHeader) throw new Error('the trigger hook carries no secret header');
	// (a) trigger: distinct deliveries (ids never used before on this n8n)
	const createdAt = Math.floor(Date.now() / 1000);
	const sequence = Array.from({ length: deliveries }, (_, i) => ({
		body: envelope(sandbox, offset + i, createdAt),
		copies: 1,
	}));
	const before = await countExecutions(n8n, W.IDS.trigger);
	const t0 = performance.now();
	const sent = await sendAll(hook.destination, sequence, { [secretHeader[0]]: secretHeader[1] });
	const ackedMs = performance.now() - t0;
	let finishedMs = null;
	let executions = 0;
	const deadline = Date.now() + 300_000;
	for (;;) {
		const now = await countExecutions(n8n, W.IDS.trigger);
		executions = now.total - before.total;
		if (executions >= deliveries && now.unfinished === 0) {
			finishedMs = performance.now() - t0;
			break;
		}
		if (Date.now() > deadline) break;
		await delay(200);
	}
	const trigger = {
		deliveries,
		statuses: sent.statuses,
		executions,
		ackP50Ms: +percentile(sent.latencies, 50).toFixed(1),
		ackedInMs: Math.round(ackedMs),
		finishedInMs: finishedMs === null ? null : Math.round(finishedMs),
		executionsPerS: finishedMs === null ? null : +(executions / (finishedMs / 1000)).toFixed(2),
	};
	// (b) bulk action job
	const ids = [...sandbox.state.products.keys()].map(Number);
	const beforeRequests = sandbox.requests.length;
	const t1 = performance.now();
	const answers = await Promise.all(
		Array.from({ length: calls }, (_, c) =>
			request(`${target.webhookBaseUrl}/webhook/${W.PATHS.quotaOurs}`, {
				method: 'POST',
				body: { ids: ids.slice(c * idsPerCall, (c + 1) * idsPerCall) },
				timeoutMs: 600_000,
			}),
		),
	);
	const bulkMs = performance.now() - t1;
	const stats = apiStats(sandbox.requests.slice(beforeRequests));
	const bulk = {
		executions: calls,
		idsPerCall,
		answers: answers.reduce((m, a) => ((m[a.status] = (m[a.status] || 0) + 1), m), {}),
		apiCalls: stats.calls,
		rateLimited: stats.rateLimited,
		failed: stats.failed,
		wallMs: Math.round(bulkMs),
		executionsPerS: +(calls / (bulkMs / 1000)).toFixed(2),
		itemsPerS: +((calls * idsPerCall) / (bulkMs / 1000)).toFixed(1),
	};
	return { trigger, bulk };
}

function logQueueWork(label, r) {
	out(
		`    ${label}: trigger ${r.trigger.executions}/${r.trigger.deliveries} executions in ${r.trigger.finishedInMs} ms = ${r.trigger.executionsPerS}/s (answers ${JSON.stringify(r.trigger.statuses)}); bulk job ${r.bulk.executions ?? r.bulk.calls} executions in ${r.bulk.wallMs} ms = ${r.bulk.executionsPerS}/s (answers ${JSON.stringify(r.bulk.answers)}, ${r.bulk.rateLimited} 429s)`,
	);
}

/** Boots a queue-mode cluster (e2e/lib/queue.js) with the bench's workflows and measures it with 2 workers, then 1. */
async function queueCluster(work) {
	const { createQueueHarness } = require('../e2e/lib');
	const harness = await createQueueHarness({
		sandbox: {
			seed: { products: work.calls * work.idsPerCall },
			latencyMs: LATENCY_MS,
			rateLimit: false,
			contract: false,
		},
		scenarios: [
			{
				credentials: (ctx) => W.credentials(ctx.sandbox),
				// the hook's destination is nginx (WEBHOOK_URL), so the trigger URL needs no n8n address
				workflows: (ctx) =>
					W.build(ctx.sandbox).filter((w) => w.id === W.IDS.trigger || w.id === W.IDS.quotaOurs),
				setup: async (ctx) => {
					await ctx.n8n.publish(W.IDS.trigger);
					await ctx.n8n.publish(W.IDS.quotaOurs);
				},
			},
		],
		progress: (message) => out(`  · ${message}`),
	});
	try {
		const { ctx, cluster } = harness;
		const target = {
			n8n: cluster.main,
			sandbox: ctx.sandbox,
			waitFor: ctx.waitFor,
			webhookBaseUrl: cluster.webhookBaseUrl,
		};
		// main activates the published workflows a few seconds after the cluster is up
		await ctx.waitFor(
			async () => (await cluster.post(`/webhook/${W.PATHS.quotaOurs}`, { ids: [] })).status !== 404,
			{
				timeoutMs: 90_000,
				intervalMs: 1000,
				message: 'the bulk job webhook',
			},
		);
		out('  · queue mode, 2 workers');
		const two = await queueWork(target, { ...work, offset: 10_000 });
		logQueueWork('queue, 2 workers', two);
		await cluster.workers[1].stop();
		out('  · queue mode, 1 worker (worker-2 stopped)');
		const one = await queueWork(target, { ...work, offset: 20_000 });
		logQueueWork('queue, 1 worker', one);
		return {
			oneWorker: one,
			twoWorkers: two,
			workerConcurrency: cluster.options.workerConcurrency,
		};
	} finally {
		await harness.close();
	}
}

// ---------------------------------------------------------------------------------------------

async function main() {
	const args = parseArgs(process.argv.slice(2));
	const want = (name) => !args.only || args.only.includes(name);
	const sizes = args.sizes || (args.quick ? [1000] : [1000, 10000, 100000]);
	const orderCount = args.quick ? 50 : 200;
	const deliveries = args.quick ? 200 : 1000;
	const queueWorkSize = {
		deliveries: args.quick ? 60 : 200,
		calls: args.quick ? 10 : 20,
		idsPerCall: 10,
	};
	const started = Date.now();
	const info = machine();
	out(
		`bench (${args.quick ? 'quick' : 'full'}): n8n ${info.n8nVersion}, ${info.nproc} CPUs (${info.cpuModel}), ${info.memoryGiB} GiB, load ${info.loadAverageAtStart.join(' ')}`,
	);

	const harness = await createHarness({
		sandbox: {
			seed: {
				products: Math.max(...sizes, 3 * W.QUOTA_JOB.pro.quota),
				orders: orderCount + 20,
			},
			latencyMs: LATENCY_MS,
			// the scaled quota from the start: the governor then never holds a stale longer window
			rateLimit: SCALED_QUOTA,
			contract: false,
		},
		progress: (message) => out(`  · ${message}`),
	});
	const results = {
		startedAt: new Date(started).toISOString(),
		quick: args.quick,
		machine: info,
		latencyMs: LATENCY_MS,
		n8nEnv: args.n8nEnv,
	};
	try {
		const { ctx, n8n, sandbox } = harness;
		// the ack section's do-nothing control trigger (dev-only, never in the package)
		n8n.extraEnv.N8N_CUSTOM_EXTENSIONS = W.CONTROL_TRIGGER.folder;
		Object.assign(n8n.extraEnv, args.n8nEnv);
		// profiling hook (e.g. `--require` of a span timer or `--cpu-prof`): n8n's NODE_OPTIONS
		if (process.env.BENCH_N8N_NODE_OPTIONS)
			n8n.extraEnv.NODE_OPTIONS = process.env.BENCH_N8N_NODE_OPTIONS;
		// the Enterprise-like store of the quota section: no rate-limit headers, same latency
		const enterprise = await ctx.startSandbox({
			seed: { products: 1000 },
			latencyMs: LATENCY_MS,
			rateLimit: false,
			contract: false,
		});
		await ctx.importCredentials(W.credentials(sandbox, enterprise));
		await ctx.importWorkflows(W.build(sandbox, enterprise));
		// a shared, loaded machine can take minutes to boot n8n
		await n8n.start({ timeoutMs: 600_000 });
		for (const id of Object.values(W.IDS)) await n8n.publish(id);
		await delay(3000); // activation (the trigger registers its hook)
		const bench = new Bench(harness, args);

		if (want('quota')) results.quota = await quota(bench, enterprise);
		if (want('orders'))
			results.orders = { quota: SCALED_QUOTA, results: await orders(bench, orderCount) };
		if (want('catalog')) {
			const reps = { small: 3, large: args.quick ? 1 : 2 };
			results.catalog = {
				quota: REAL_QUOTA,
				reps,
				...(await catalog(bench, sizes, reps, args.catalogExtrasOnly)),
			};
		}
		if (want('trigger')) {
			const loadAverageAtStart = os.loadavg().map((v) => +v.toFixed(2));
			results.trigger = {
				...(await trigger(bench, deliveries)),
				n8nEnv: args.n8nEnv,
				startedAt: new Date().toISOString(),
				loadAverageAtStart,
				loadAverageAtEnd: os.loadavg().map((v) => +v.toFixed(2)),
			};
		}
		if (want('queue')) {
			out('  · queue-mode section: regular mode first (this n8n), then a queue-mode cluster');
			results.queue = {
				work: queueWorkSize,
				regular: await queueWork(
					{ n8n, sandbox, waitFor: ctx.waitFor, webhookBaseUrl: n8n.baseUrl },
					{ ...queueWorkSize, offset: 30_000 },
				),
			};
			logQueueWork('regular', results.queue.regular);
		}
		// last: its throttled condition leaves n8n's rate-limit governor waiting
		if (want('ack')) {
			out('  · trigger acknowledgement with the API healthy, down, hung, throttled');
			const loadAverageAtStart = os.loadavg().map((v) => +v.toFixed(2));
			results.ack = {
				...(await ack(bench, args.quick)),
				n8nEnv: args.n8nEnv,
				startedAt: new Date().toISOString(),
				loadAverageAtStart,
				loadAverageAtEnd: os.loadavg().map((v) => +v.toFixed(2)),
			};
		}
		results.n8nVmHwmMiB = memorySampler(n8n.child.pid).stop().hwmMiB;
	} finally {
		if (!results.queue) {
			results.durationS = Math.round((Date.now() - started) / 1000);
			results.loadAverageAtEnd = os.loadavg().map((v) => +v.toFixed(2));
		}
		await harness.close();
	}
	if (results.queue) {
		// the cluster boots after the regular n8n is stopped: the two never share the 2 cores
		Object.assign(results.queue, await queueCluster(queueWorkSize));
		results.durationS = Math.round((Date.now() - started) / 1000);
		results.loadAverageAtEnd = os.loadavg().map((v) => +v.toFixed(2));
	}
	if (want('catalog')) {
		// outside n8n: the transport alone, pages one after the other vs 4 in flight
		out('  · transport concurrency (outside n8n)');
		const n = Math.min(Math.max(...sizes), 10_000);
		const run = spawnSync(
			process.execPath,
			[path.join(__dirname, 'transport-concurrency.js'), String(n)],
			{ encoding: 'utf8', timeout: 300_000 },
		);
		const line = (run.stdout || '').trim().split('\n').pop();
		try {
			results.transportConcurrency = JSON.parse(line);
			out(`    ${line}`);
		} catch {
			out(`    failed: ${(run.stderr || '').slice(-500)}`);
		}
	}
	const dir = path.join(__dirname, 'results');
	fs.mkdirSync(dir, { recursive: true });
	const stamp = results.startedAt.replace(/[:.]/g, '-');
	const file = path.join(
		dir,
		`${stamp}${args.quick ? '-quick' : ''}${args.only ? `-${args.only.join('-')}` : ''}.json`,
	);
	fs.writeFileSync(file, JSON.stringify(results, null, 2));
	out(`raw results: ${path.relative(process.cwd(), file)}`);
	let report = results;
	const latest = path.join(dir, 'latest.json');
	if (args.only && !args.quick && fs.existsSync(latest)) {
		// --only: the re-measured sections replace those of the previous full run, the rest is kept
		const previous = JSON.parse(fs.readFileSync(latest, 'utf8'));
		const base = previous.base || previous;
		const sections = {
			catalog: ['catalog', 'transportConcurrency', 'n8nVmHwmMiB'],
			orders: ['orders'],
			quota: ['quota'],
			trigger: ['trigger'],
			ack: ['ack'],
			queue: ['queue'],
		};
		report = {
			...previous,
			base: {
				startedAt: base.startedAt,
				durationS: base.durationS,
				machine: base.machine,
				loadAverageAtEnd: base.loadAverageAtEnd,
			},
		};
		// an ack or storm run with other n8n settings goes beside the others (…Variants), not over them
		const variant = settingsKey(args.n8nEnv);
		for (const name of args.only)
			for (const key of sections[name] || []) {
				if (results[key] === undefined) continue;
				const variants = VARIANT_KEYS[key];
				if (variants && variant)
					report[variants] = { ...(previous[variants] || {}), [variant]: results[key] };
				else report[key] = results[key];
			}
		const sameSettings = (entry) =>
			JSON.stringify(entry.n8nEnv || {}) === JSON.stringify(args.n8nEnv);
		const remeasured = (previous.remeasured || []).filter(
			(entry) => !(entry.sections.every((name) => args.only.includes(name)) && sameSettings(entry)),
		);
		remeasured.push({
			sections: args.only,
			n8nEnv: args.n8nEnv,
			startedAt: results.startedAt,
			durationS: results.durationS,
			machine: results.machine,
			loadAverageAtEnd: results.loadAverageAtEnd,
		});
		report.remeasured = remeasured;
	}
	const resultsMd = path.join(__dirname, 'RESULTS.md');
	const spliced =
		args.only && !args.quick && !fs.existsSync(latest) && fs.existsSync(resultsMd)
			? spliceReport(fs.readFileSync(resultsMd, 'utf8'), results, args.only)
			: undefined;
	if (spliced) {
		// no raw results of the full run here (bench/results/ is not committed): the re-measured
		// sections go into the report that is there; latest.json stays absent (it would hold only them)
		fs.writeFileSync(resultsMd, spliced);
		writeExportChart(results);
		out(
			`report: ${path.relative(process.cwd(), resultsMd)}, sections ${args.only.join(',')} replaced (${results.durationS} s)`,
		);
		return;
	}
	if (!args.quick) fs.writeFileSync(latest, JSON.stringify(report, null, 2));
	const md = writeReport(report);
	out(`report: ${path.relative(process.cwd(), md)} (${results.durationS} s)`);
}

main().then(
	() => {
		setTimeout(() => process.exit(0), 500).unref();
	},
	async (error) => {
		out(String((error && error.stack) || error));
		await processes.cleanupAll().catch(() => undefined);
		process.exit(1);
	},
);
