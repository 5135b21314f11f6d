'use strict';
/**
 * A real n8n (2.40.7 by default, or N8N_E2E_VERSION of the matrix; its Node and n8n from the cache
 * that e2e/install-n8n.js fills) with this package
 * installed in its community-nodes folder, driven the way a user would: CLI imports and headless
 * runs, `n8n start` with an owner account, the REST API (login cookie) and the Public API (key).
 *
 *   const n8n = await createN8n({ tarball });
 *   await n8n.importCredentials([...]); await n8n.importWorkflows([...]);
 *   const run = await n8n.executeWorkflow('wfStore01');   // { status, error, output(nodeName) }
 *   await n8n.start(); ... await n8n.stop();
 *
 * Facts this follows (../shared/notes/real-n8n.md): each CLI call boots n8n (5-10 s); 2.40.7 may
 * segfault while exiting, so runs are judged by what n8n printed, not by the exit code; `execute
 * --rawOutput` mixes log lines with the JSON; after SIGTERM the port frees ~150 ms after the pid.
 */
const fs = require('node:fs');
const path = require('node:path');
const os = require('node:os');
const crypto = require('node:crypto');

const installer = require('../install-n8n');
const proc = require('./processes');
const { installTarball } = require('./package');
const { request, CookieJar } = require('./http');

const OWNER = {
	email: 'owner@example.com',
	password: 'BigCommerce-e2e-1',
	firstName: 'Demo',
	lastName: 'Owner',
};

function bcryptHash(n8nPaths, password) {
	const bcrypt = require(path.join(n8nPaths.dir, 'node_modules', 'bcryptjs'));
	return bcrypt.hashSync(password, 10);
}

/**
 * Cuts the run JSON out of `n8n execute --rawOutput` stdout: the pretty-printed object starts
 * with a line that is exactly "{" and ends with a line that is exactly "}".
 */
function extractRunJson(stdout) {
	const lines = stdout.split('\n');
	const starts = [];
	const ends = [];
	lines.forEach((line, index) => {
		const trimmed = line.replace(/\r$/, '');
		if (trimmed === '{') starts.push(index);
		if (trimmed === '}') ends.push(index);
	});
	for (const start of starts) {
		for (let e = ends.length - 1; e >= 0; e--) {
			if (ends[e] <= start) break;
			try {
				const parsed = JSON.parse(lines.slice(start, ends[e] + 1).join('\n'));
				if (parsed && typeof parsed === 'object' && parsed.data) return parsed;
			} catch {
				// try a shorter span
			}
		}
	}
	return undefined;
}

/** Items a node produced in a run: [{ json, ... }] of its first (or given) output, last run. */
function nodeOutput(runJson, nodeName, outputIndex = 0) {
	const runs = runJson?.data?.resultData?.runData?.[nodeName];
	if (!runs || !runs.length) return undefined;
	const last = runs[runs.length - 1];
	const main = last?.data?.main;
	if (!main) return [];
	return (main[outputIndex] || []).map((item) => item.json);
}

function nodeError(runJson, nodeName) {
	const runs = runJson?.data?.resultData?.runData?.[nodeName];
	const last = runs && runs[runs.length - 1];
	return last?.error;
}

class N8n {
	constructor(options = {}) {
		this.paths = installer.paths();
		this.userFolder = options.userFolder || fs.mkdtempSync(path.join(os.tmpdir(), 'bc-e2e-n8n-'));
		this.logDir = options.logDir || path.join(this.userFolder, 'logs');
		fs.mkdirSync(this.logDir, { recursive: true });
		this.port = options.port;
		this.brokerPort = options.brokerPort;
		this.owner = { ...OWNER, ...(options.owner || {}) };
		this.extraEnv = options.env || {};
		this.child = undefined;
		this.cliCount = 0;
		this.jar = new CookieJar();
		this.browserId = crypto.randomUUID();
		this.apiKey = undefined;
		this.verbose = !!options.verbose;
		/**
		 * What `start()` runs: `['start']` (default), or for queue mode `['webhook']` /
		 * `['worker', '--concurrency=5']`. A worker answers /healthz/readiness on N8N_PORT only when
		 * its env sets QUEUE_HEALTH_CHECK_ACTIVE=true and QUEUE_HEALTH_CHECK_PORT to that port.
		 */
		this.command = options.command || ['start'];
		this.name = options.name || `n8n ${this.command[0]}`;
	}

	get baseUrl() {
		return `http://127.0.0.1:${this.port}`;
	}

	/** Ports are chosen once (random free ports unless given) and kept across restarts. */
	async preparePorts() {
		if (!this.port) this.port = await proc.freePort();
		if (!this.brokerPort) {
			do this.brokerPort = await proc.freePort();
			while (this.brokerPort === this.port);
		}
	}

	env(extra = {}) {
		if (!this.ownerHash) this.ownerHash = bcryptHash(this.paths, this.owner.password);
		const base = {};
		for (const [key, value] of Object.entries(process.env)) {
			if (!/^(npm_|N8N_|DB_|NODE_OPTIONS$|WEBHOOK_URL$)/.test(key)) base[key] = value;
		}
		return {
			...base,
			PATH: `${path.dirname(this.paths.node)}${path.delimiter}${process.env.PATH || ''}`,
			HOME: this.userFolder,
			N8N_USER_FOLDER: this.userFolder,
			N8N_PORT: String(this.port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PROTOCOL: 'http',
			N8N_EDITOR_BASE_URL: this.baseUrl,
			WEBHOOK_URL: `${this.baseUrl}/`,
			N8N_RUNNERS_BROKER_PORT: String(this.brokerPort),
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_SECURE_COOKIE: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
			N8N_INSTANCE_OWNER_EMAIL: this.owner.email,
			N8N_INSTANCE_OWNER_PASSWORD_HASH: this.ownerHash,
			N8N_INSTANCE_OWNER_FIRST_NAME: this.owner.firstName,
			N8N_INSTANCE_OWNER_LAST_NAME: this.owner.lastName,
			N8N_LOG_LEVEL: 'info',
			GENERIC_TIMEZONE: 'UTC',
			...this.extraEnv,
			...extra,
		};
	}

	log(message) {
		if (this.verbose) process.stderr.write(`[n8n] ${message}\n`);
	}

	/** Runs one n8n CLI command to completion. Returns { code, signal, stdout, stderr, output }. */
	async cli(args, { timeoutMs = 180_000, stdoutFile } = {}) {
		await this.preparePorts();
		if (this.child) throw new Error(`n8n ${args[0]} while n8n is running: stop it first`);
		const n = ++this.cliCount;
		const logFile = path.join(
			this.logDir,
			`cli-${String(n).padStart(3, '0')}-${args[0].replace(/[^a-z:-]/gi, '')}.log`,
		);
		const logStream = fs.createWriteStream(logFile);
		const started = Date.now();
		const result = await proc.run(this.paths.node, [this.paths.n8nBin, ...args], {
			name: `n8n ${args[0]}`,
			env: this.env(),
			cwd: this.userFolder,
			logStream,
			timeoutMs,
			maxOutput: 200_000_000,
			stdoutFile,
		});
		logStream.end();
		this.log(
			`${args.join(' ')}: exit ${result.code ?? result.signal} in ${Date.now() - started} ms`,
		);
		return { ...result, output: result.stdout + result.stderr, logFile };
	}

	/** Installs a packed tarball of this package into the community-nodes folder. */
	async installPackage(tarball) {
		return await installTarball(tarball, this.userFolder);
	}

	writeInput(name, data) {
		const dir = path.join(this.userFolder, 'inputs');
		fs.mkdirSync(dir, { recursive: true });
		const file = path.join(dir, `${Date.now()}-${name}.json`);
		fs.writeFileSync(file, JSON.stringify(data, null, 2));
		return file;
	}

	/** `n8n import:credentials` with plaintext data: [{ id, name, type, data }]. One boot. */
	async importCredentials(credentials) {
		const file = this.writeInput('credentials', credentials);
		const result = await this.cli(['import:credentials', `--input=${file}`]);
		if (!/Successfully imported/i.test(result.output)) {
			throw new Error(`import:credentials failed (exit ${result.code}):\n${tail(result.output)}`);
		}
		return result;
	}

	/** `n8n import:workflow` of many workflows at once (fixed ids). One boot. */
	async importWorkflows(workflows) {
		const list = Array.isArray(workflows) ? workflows : [workflows];
		const file = this.writeInput('workflows', list);
		const result = await this.cli(['import:workflow', `--input=${file}`]);
		if (!/Successfully imported/i.test(result.output)) {
			throw new Error(`import:workflow failed (exit ${result.code}):\n${tail(result.output)}`);
		}
		return result;
	}

	/**
	 * Runs an imported workflow headlessly (`n8n execute --id --rawOutput`). Returns
	 * `{ status, finished, error, json, output(nodeName), nodeError(nodeName), raw }`;
	 * `status` is n8n's own ('success', 'error', ...) or 'no-output' when n8n printed no run JSON.
	 */
	async executeWorkflow(id, { timeoutMs = 180_000 } = {}) {
		// stdout into a file: n8n 1.x exits right after printing the run, and a large run (2,000
		// products) printed into a pipe was cut at whatever the pipe had taken
		const stdoutFile = path.join(this.logDir, `execute-${id}-${Date.now()}.out`);
		const result = await this.cli(['execute', `--id=${id}`, '--rawOutput'], {
			timeoutMs,
			stdoutFile,
		});
		fs.rmSync(stdoutFile, { force: true });
		const json = extractRunJson(result.stdout) || extractRunJson(result.output);
		const error = json?.data?.resultData?.error;
		let status = json?.status;
		// n8n 1.82 prints `status: "running"` beside `finished: true` for a run that ended: judge
		// such a run (and one without a status) by its error
		if (json && (!status || (status === 'running' && json.finished === true)))
			status = error ? 'error' : 'success';
		if (!json) status = 'no-output';
		return {
			status,
			finished: json?.finished,
			error,
			json,
			exitCode: result.code,
			signal: result.signal,
			logFile: result.logFile,
			raw: result.output,
			output: (nodeName, outputIndex) => nodeOutput(json, nodeName, outputIndex),
			nodeError: (nodeName) => nodeError(json, nodeName),
		};
	}

	/**
	 * Publishes (activates) a workflow: offline via the CLI, or online via the Public API. n8n 2.x
	 * publishes (`publish:workflow`, `POST /workflows/{id}/publish`); n8n 1.x has no publication,
	 * it activates (`update:workflow --active=true`, `POST /workflows/{id}/activate`).
	 */
	async publish(id) {
		return await this.setActive(id, true);
	}

	/** Unpublishes (deactivates): offline via the CLI, or online via the Public API. */
	async unpublish(id) {
		return await this.setActive(id, false);
	}

	async setActive(id, active) {
		const v1 = installer.N8N_MAJOR < 2;
		if (this.child) {
			const action = v1 ? (active ? 'activate' : 'deactivate') : active ? 'publish' : 'unpublish';
			const res = await this.api('POST', `/workflows/${id}/${action}`, {});
			if (res.status >= 300) {
				throw new Error(`${action} ${id} failed: ${res.status} ${res.text.slice(0, 500)}`);
			}
			return res.json;
		}
		const args = v1
			? ['update:workflow', `--id=${id}`, `--active=${active}`]
			: [active ? 'publish:workflow' : 'unpublish:workflow', `--id=${id}`];
		const result = await this.cli(args);
		if (!active) return result;
		const said = v1 ? /Activating workflow/i : /publish/i;
		if (!said.test(result.output) || /error/i.test(lastLines(result.output, 3))) {
			throw new Error(`${args[0]} failed (exit ${result.code}):\n${tail(result.output)}`);
		}
		return result;
	}

	/** `n8n start` (or this.command); resolves once /healthz/readiness answers. */
	async start({ timeoutMs = 300_000 } = {}) {
		await this.preparePorts();
		if (this.child) return this;
		await proc.waitForPortFree(this.port);
		const logFile = path.join(this.logDir, `${this.command[0]}-${Date.now()}.log`);
		const logStream = fs.createWriteStream(logFile);
		// what earlier runs of this process printed (e.g. which worker ran an execution before a restart)
		this.previousLogs = (this.previousLogs || '') + (this.startLog || '');
		this.startLog = '';
		const child = proc.start(this.paths.node, [this.paths.n8nBin, ...this.command], {
			name: this.name,
			env: this.env(),
			cwd: this.userFolder,
			logStream,
			onOutput: (text) => {
				if (this.startLog.length < 2_000_000) this.startLog += text;
			},
		});
		this.child = child;
		this.startLogFile = logFile;
		child.done.then(() => {
			logStream.end();
			if (this.child === child) this.child = undefined;
		});
		const started = Date.now();
		const deadline = started + timeoutMs;
		while (Date.now() < deadline) {
			if (!this.child) {
				throw new Error(`${this.name} exited early:\n${tail(this.startLog)}`);
			}
			try {
				const res = await request(`${this.baseUrl}/healthz/readiness`, { timeoutMs: 2000 });
				if (res.status === 200) break;
			} catch {
				// not up yet
			}
			await proc.delay(250);
		}
		if (Date.now() >= deadline)
			throw new Error(
				`${this.name} did not become ready in ${timeoutMs} ms:\n${tail(this.startLog)}`,
			);
		// n8n may answer /healthz/readiness before it mounts its REST controllers (seen on 1.123.81: a
		// POST to /rest/owner/setup right then was "Cannot POST"): wait for the public settings too
		if (this.command[0] === 'start') {
			while (Date.now() < deadline) {
				const res = await request(`${this.baseUrl}/rest/settings`, { timeoutMs: 2000 }).catch(
					() => undefined,
				);
				if (res && res.status === 200) break;
				await proc.delay(250);
			}
		}
		if (installer.N8N_MAJOR < 2 && this.command[0] === 'start') {
			// n8n 1.x activates the active workflows (the trigger's checkExists/create) after that,
			// then prints this line: the start is complete only then (2.x activates later on its own)
			await this.waitForLog(/Editor is now accessible via/, { timeoutMs: 180_000 }).catch(
				() => undefined,
			);
		}
		this.log(`started on ${this.baseUrl} in ${Date.now() - started} ms`);
		this.jar = new CookieJar();
		// the API key lives in the database and outlasts restarts: reuse it (n8n 1.82 allows one
		// key per user, so a new key per start failed at the second restart)
		return this;
	}

	/** SIGTERM, wait for the process group and for the port to be free. */
	async stop() {
		const child = this.child;
		if (!child) return;
		await proc.stop(child, { graceMs: 20_000 });
		this.child = undefined;
		await proc.waitForPortFree(this.port);
	}

	async restart() {
		await this.stop();
		await this.start();
	}

	/**
	 * Kills the process group at once (default SIGKILL: a crash, no graceful shutdown), then waits
	 * for the port to be free. For queue-mode scenarios such as "a worker dies mid-execution".
	 */
	async kill(signal = 'SIGKILL') {
		const child = this.child;
		if (!child) return;
		proc.killGroup(child.pid, signal);
		await child.done;
		this.child = undefined;
		await proc.waitForPortFree(this.port);
	}

	/** Waits until the running n8n printed a line matching `pattern` (since start). */
	async waitForLog(pattern, { timeoutMs = 60_000, from = 0 } = {}) {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (pattern.test(this.startLog.slice(from))) return true;
			await proc.delay(200);
		}
		throw new Error(`n8n did not log ${pattern} within ${timeoutMs} ms`);
	}

	/**
	 * n8n 1.x has no owner-by-environment (N8N_INSTANCE_OWNER_MANAGED_BY_ENV is 2.x): the owner is
	 * created once per user folder through the setup form's endpoint, as a person would.
	 */
	async ensureOwner() {
		if (installer.N8N_MAJOR >= 2 || this.ownerSetUp) return;
		const res = await request(`${this.baseUrl}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'browser-id': this.browserId },
			body: {
				email: this.owner.email,
				firstName: this.owner.firstName,
				lastName: this.owner.lastName,
				password: this.owner.password,
			},
		});
		if (res.status !== 200 && !/already/i.test(res.text))
			throw new Error(`owner setup failed: ${res.status} ${res.text.slice(0, 300)}`);
		this.ownerSetUp = true;
	}

	/** Logs in as the owner (REST, cookie bound to a browser-id header). */
	async login() {
		await this.ensureOwner();
		const res = await request(`${this.baseUrl}/rest/login`, {
			method: 'POST',
			headers: { 'browser-id': this.browserId },
			body: { emailOrLdapLoginId: this.owner.email, password: this.owner.password },
		});
		if (res.status !== 200)
			throw new Error(`login failed: ${res.status} ${res.text.slice(0, 300)}`);
		this.jar.store(res.setCookies);
		return res.json?.data;
	}

	/** An internal REST call (`/rest/...`) as the logged-in owner. Returns { status, json, text, ... }. */
	async rest(method, pathname, body, { headers = {}, redirect } = {}) {
		if (!this.jar.cookies.size) await this.login();
		const res = await request(`${this.baseUrl}/rest${pathname}`, {
			method,
			body,
			redirect,
			headers: { 'browser-id': this.browserId, cookie: this.jar.header(), ...headers },
		});
		this.jar.store(res.setCookies); // e.g. n8n-oauth-binding, set by the OAuth2 auth URL call
		return res;
	}

	/** Creates (once per user folder) a Public API key for the owner. */
	async ensureApiKey() {
		if (this.apiKey) return this.apiKey;
		const scopesRes = await this.rest('GET', '/api-keys/scopes');
		const scopes = scopesRes.json?.data;
		const res = await this.rest('POST', '/api-keys', {
			label: `e2e-${Date.now()}`,
			expiresAt: null,
			...(Array.isArray(scopes) ? { scopes } : {}),
		});
		const key = res.json?.data?.rawApiKey || res.json?.data?.apiKey;
		if (!key)
			throw new Error(`could not create an API key: ${res.status} ${res.text.slice(0, 300)}`);
		this.apiKey = key;
		return key;
	}

	/** A Public API call (`/api/v1/...`) with the owner's API key. */
	async api(method, pathname, body, { timeoutMs } = {}) {
		const key = await this.ensureApiKey();
		return await request(`${this.baseUrl}/api/v1${pathname}`, {
			method,
			body,
			headers: { 'X-N8N-API-KEY': key, accept: 'application/json' },
			...(timeoutMs ? { timeoutMs } : {}),
		});
	}

	/** Executions of a workflow (Public API), newest first; `includeData` adds the run data. */
	async listExecutions({ workflowId, includeData = false, status, limit = 250 } = {}) {
		const qs = new URLSearchParams({ limit: String(limit), includeData: String(includeData) });
		if (workflowId) qs.set('workflowId', String(workflowId));
		if (status) qs.set('status', status);
		const res = await this.api('GET', `/executions?${qs}`);
		if (res.status !== 200)
			throw new Error(`list executions: ${res.status} ${res.text.slice(0, 300)}`);
		return res.json.data;
	}

	/**
	 * The bytes of a binary property from a run's JSON (`item.binary.data`): inline base64, or
	 * n8n's filesystem store (`id: "filesystem-v2:<path>"` under `<userFolder>/.n8n/storage`).
	 */
	readBinary(binary) {
		if (!binary) throw new Error('no binary data');
		const id = String(binary.id || '');
		const match = /^filesystem(?:-v2)?:(.+)$/.exec(id);
		if (match) return fs.readFileSync(path.join(this.userFolder, '.n8n', 'storage', match[1]));
		if (binary.data && !/^filesystem/.test(binary.data)) return Buffer.from(binary.data, 'base64');
		throw new Error(`cannot locate binary data ${JSON.stringify(binary).slice(0, 200)}`);
	}

	/** Removes the user folder (database, logs). */
	destroy() {
		fs.rmSync(this.userFolder, { recursive: true, force: true });
	}
}

function tail(text, chars = 3000) {
	return text.length > chars ? `...${text.slice(-chars)}` : text;
}

function lastLines(text, n) {
	return text.trim().split('\n').slice(-n).join('\n');
}

/**
 * Installs n8n if needed, creates an n8n with a fresh user folder and this package's tarball
 * installed. Options: { tarball (required), userFolder, port, brokerPort, env, verbose, owner }.
 */
async function createN8n(options = {}) {
	installer.install({ quiet: true });
	const n8n = new N8n(options);
	await n8n.preparePorts();
	if (options.tarball) await n8n.installPackage(options.tarball);
	return n8n;
}

module.exports = { N8n, createN8n, extractRunJson, nodeOutput, OWNER };
