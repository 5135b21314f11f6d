'use strict';
/**
 * The e2e harness: one sandbox + one real n8n with this package installed, shared by every
 * scenario (see e2e/README.md for the API).
 */
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const installer = require('../install-n8n');
const proc = require('./processes');
const pkg = require('./package');
const { N8n, createN8n, extractRunJson, nodeOutput, OWNER } = require('./n8n');
const sandboxLib = require('./sandbox');
const wf = require('./workflows');
const { request, CookieJar } = require('./http');
const queue = require('./queue');
const delivery = require('./delivery');
const examples = require('./examples');

/** Polls `fn` until it returns a truthy value; returns that value. */
async function waitFor(fn, { timeoutMs = 30_000, intervalMs = 250, message = 'condition' } = {}) {
	const deadline = Date.now() + timeoutMs;
	let lastError;
	while (Date.now() < deadline) {
		try {
			const value = await fn();
			if (value) return value;
		} catch (error) {
			lastError = error;
		}
		await proc.delay(intervalMs);
	}
	throw new Error(
		`timed out after ${timeoutMs} ms waiting for ${message}${lastError ? `: ${lastError.message}` : ''}`,
	);
}

/** Throws a readable error unless a headless run succeeded. */
function expectSuccess(run, label = 'workflow') {
	if (run.status === 'success') return run;
	const err = run.error;
	const detail = err
		? `${err.message || ''}${err.description ? ` — ${err.description}` : ''}${err.node ? ` (node ${err.node.name || err.node})` : ''}`
		: run.raw.slice(-2500);
	throw new Error(
		`${label}: n8n reported status "${run.status}" (exit ${run.exitCode ?? run.signal}): ${detail}\n  log: ${run.logFile}`,
	);
}

/** Throws unless a headless run failed; returns n8n's error object. */
function expectFailure(run, label = 'workflow') {
	if (run.status === 'error' && run.error) return run.error;
	throw new Error(
		`${label}: expected the run to fail, n8n reported "${run.status}"\n  log: ${run.logFile}`,
	);
}

/**
 * Builds, packs, starts the sandbox and an n8n with the package installed, imports the
 * credentials and workflows the scenarios declare. Options:
 *   scenarios  [{ credentials?(ctx), workflows?(ctx), setup?(ctx) }]
 *   sandbox    options for startSandbox (e.g. { seed: { products: 50 } })
 *   verbose, progress(message)
 */
/**
 * What both harnesses do once the context exists: one import of the default credential plus every
 * scenario's credentials, one import of every scenario's workflows, then each scenario's setup.
 */
async function importScenarios({
	n8n,
	ctx,
	sandbox,
	scenarios,
	progress,
	where = '',
	extraCredentials = [],
}) {
	const credentials = [
		{ ...wf.CREDENTIALS.api, data: sandboxLib.apiCredentialData(sandbox) },
		...extraCredentials,
	];
	const workflows = [];
	for (const scenario of scenarios) {
		if (scenario.credentials) credentials.push(...(await scenario.credentials(ctx)));
		if (scenario.workflows) workflows.push(...(await scenario.workflows(ctx)));
	}
	progress(`importing ${credentials.length} credentials and ${workflows.length} workflows${where}`);
	await n8n.importCredentials(credentials);
	if (workflows.length) await n8n.importWorkflows(workflows);
	for (const scenario of scenarios) if (scenario.setup) await scenario.setup(ctx);
}

/**
 * The sandboxes of one harness: the main one, started here, and any a scenario starts later
 * (ctx.startSandbox, e.g. a large store), all closed with the harness; `violations()` reads the
 * contract violations of all of them.
 */
async function startSandboxes(options, progress) {
	const sandbox = await sandboxLib.startSandbox(options);
	proc.onCleanup(() => sandbox.close());
	progress(`sandbox on ${sandbox.baseUrl}`);
	const all = [sandbox];
	return {
		sandbox,
		async startSandbox(extraOptions = {}) {
			const extra = await sandboxLib.startSandbox(extraOptions);
			all.push(extra);
			proc.onCleanup(() => extra.close());
			return extra;
		},
		violations: () => all.flatMap((sb) => sandboxLib.contractViolations(sb)),
	};
}

/** What the scenarios' ctx holds in both harnesses (each adds its own n8n controls). */
function commonContext({ sandboxes, n8n, tarball, local }) {
	const { sandbox } = sandboxes;
	return {
		assert,
		sandbox,
		n8n,
		wf,
		creds: wf.CREDENTIALS,
		tarball,
		/** The local SMTP sink (`smtp.messages`) and the export folder n8n may write to (regular harness). */
		delivery: local,
		/** examples/*.json pointed at this machine (the export folder; see e2e/lib/examples.js). */
		examples: (options = {}) =>
			examples.loadExamples({ exportFolder: local?.exportFolder, ...options }),
		waitFor,
		expectSuccess,
		expectFailure,
		request,
		delay: proc.delay,
		/** Starts another sandbox (e.g. a large store), closed with the harness. */
		startSandbox: sandboxes.startSandbox,
		/** bigCommerceApi credential data pointing at a sandbox. */
		credentialData: (sb = sandbox, overrides) => sandboxLib.apiCredentialData(sb, overrides),
		/** Scratch space shared by scenarios (e.g. ids created in one test, read in the next). */
		shared: {},
	};
}

async function createHarness({
	scenarios = [],
	sandbox: sandboxOptions = {},
	verbose = false,
	progress = () => {},
} = {}) {
	if (!installer.isInstalled())
		progress(`installing n8n ${installer.N8N_VERSION} (first run only, several minutes)`);
	installer.install({ quiet: true });
	progress('building and packing the package');
	const tarball = await pkg.buildAndPack();
	const sandboxes = await startSandboxes(sandboxOptions, progress);
	const { sandbox } = sandboxes;
	// where the examples deliver: mail to a local SMTP sink, files to a folder n8n may write to
	const deliveryFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'bc-e2e-delivery-'));
	const local = await delivery.startDelivery({ folder: deliveryFolder });
	proc.onCleanup(() => local.close());
	const n8n = await createN8n({ tarball, verbose, env: local.n8nEnv });

	const runs = new Map();
	const ctx = {
		...commonContext({ sandboxes, n8n, tarball, local }),
		/** Ensures n8n is running (`n8n start`). */
		async started() {
			if (!n8n.child) await n8n.start();
			return n8n;
		},
		/** Ensures n8n is stopped (CLI commands need that). */
		async stopped() {
			if (n8n.child) await n8n.stop();
			return n8n;
		},
		/** Runs an imported workflow headlessly (stops a running n8n first). */
		async execute(id, options) {
			if (n8n.child) await n8n.stop();
			return await n8n.executeWorkflow(id, options);
		},
		/**
		 * Runs a workflow once per harness and memoises the run: scenarios with one workflow per
		 * resource run it in their first test and assert on its nodes in the following ones.
		 */
		async runOnce(id, options) {
			if (!runs.has(id)) runs.set(id, ctx.execute(id, options));
			return await runs.get(id);
		},
		/** Runs and asserts success; returns the run. */
		async executeOk(id, options) {
			return expectSuccess(await ctx.execute(id, options), id);
		},
		/** Imports more workflows later (one boot; stops a running n8n first). */
		async importWorkflows(list) {
			if (n8n.child) await n8n.stop();
			return await n8n.importWorkflows(list);
		},
		async importCredentials(list) {
			if (n8n.child) await n8n.stop();
			return await n8n.importCredentials(list);
		},
	};

	await importScenarios({
		n8n,
		ctx,
		sandbox,
		scenarios,
		progress,
		extraCredentials: [local.credential],
	});

	return {
		ctx,
		n8n,
		sandbox,
		violations: sandboxes.violations,
		formatViolation: sandboxLib.formatViolation,
		async close({ keep = false } = {}) {
			await n8n.stop().catch(() => undefined);
			await proc.cleanupAll();
			if (!keep) {
				n8n.destroy();
				fs.rmSync(deliveryFolder, { recursive: true, force: true });
			} else
				process.stdout.write(
					`  (kept n8n user folder ${n8n.userFolder}, mail and exports in ${deliveryFolder})\n`,
				);
		},
	};
}

/**
 * The queue-mode harness (`npm run test:e2e -- --queue`): the same build, pack and sandbox as
 * createHarness, but n8n is a queue-mode cluster (e2e/lib/queue.js): PostgreSQL, Redis, main,
 * webhook processes behind nginx, workers. Credentials and workflows are imported with main's CLI
 * before anything boots; scenario `setup(ctx)` runs after the imports, then the cluster starts.
 * `ctx.n8n` is the main process (REST, Public API, publish/unpublish); `ctx.cluster` the rest.
 * Options as createHarness, plus routing ('round-robin' | 'path-hash').
 */
async function createQueueHarness({
	scenarios = [],
	sandbox: sandboxOptions = {},
	routing = 'round-robin',
	verbose = false,
	progress = () => {},
} = {}) {
	queue.findBinaries(); // before the slow part: a missing package is a one-line answer
	if (!installer.isInstalled())
		progress(`installing n8n ${installer.N8N_VERSION} (first run only, several minutes)`);
	installer.install({ quiet: true });
	progress('building and packing the package');
	const tarball = await pkg.buildAndPack();
	const sandboxes = await startSandboxes(sandboxOptions, progress);
	const { sandbox } = sandboxes;
	const cluster = new queue.QueueCluster({ tarball, routing, verbose, progress });
	await cluster.prepare();
	const n8n = cluster.main;

	const ctx = {
		...commonContext({ sandboxes, n8n, tarball }),
		cluster,
		redactSecrets: queue.redactSecrets,
		/** Prints a line under the running test (the runner sets it per test). */
		log: (line) => process.stdout.write(`    | ${line}\n`),
		/** The load balancer's address (every process's WEBHOOK_URL). */
		webhookBaseUrl: cluster.webhookBaseUrl,
		/** POST through nginx → { status, json, text, upstream, servedBy: 'webhook-1' | 'webhook-2' }. */
		post: (pathname, body, options) => cluster.post(pathname, body, options),
		/** The workflow's static data as stored in PostgreSQL. */
		staticData: (workflowId) => cluster.staticData(workflowId),
		/** The workflow's executions from PostgreSQL, oldest first. */
		executions: (workflowId) => cluster.executions(workflowId),
	};

	await importScenarios({
		n8n,
		ctx,
		sandbox,
		scenarios,
		progress,
		where: " (PostgreSQL, main's CLI)",
	});
	await cluster.start();

	return {
		ctx,
		n8n,
		cluster,
		sandbox,
		violations: sandboxes.violations,
		formatViolation: sandboxLib.formatViolation,
		async close({ keep = false } = {}) {
			await cluster.close({ keep });
			await proc.cleanupAll();
		},
	};
}

module.exports = {
	createHarness,
	createQueueHarness,
	queue,
	delivery,
	examples,
	createN8n,
	N8n,
	OWNER,
	installer,
	processes: proc,
	pkg,
	sandbox: sandboxLib,
	workflows: wf,
	waitFor,
	expectSuccess,
	expectFailure,
	extractRunJson,
	nodeOutput,
	request,
	CookieJar,
};
