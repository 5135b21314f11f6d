'use strict';
/**
 * A real queue-mode n8n 2.40.7 cluster, the way n8n's scaling docs deploy it, on one machine:
 *
 *   PostgreSQL 15 ─┐
 *   Redis 7 ───────┼─ main (`n8n start`: editor, REST/Public API, activation)
 *                  ├─ webhook-1, webhook-2 (`n8n webhook`)  ◄── nginx ◄── BigCommerce (the sandbox)
 *                  └─ worker-1, worker-2 (`n8n worker`: run the executions)
 *
 *   const cluster = new QueueCluster({ tarball, routing: 'round-robin' });
 *   await cluster.prepare();                 // PostgreSQL, Redis, user folders with the package
 *   await cluster.main.importWorkflows([...]); // CLI against PostgreSQL (main stopped)
 *   await cluster.start();                   // main, then webhooks + workers, then nginx
 *   cluster.webhookBaseUrl                   // nginx: WEBHOOK_URL of every process
 *   await cluster.restart(cluster.webhooks[0]); await cluster.workers[1].kill();
 *   await cluster.staticData(workflowId);    // workflow_entity."staticData" from PostgreSQL
 *   await cluster.close();                   // everything stopped, temp folder removed
 *
 * PostgreSQL, Redis and nginx come from Debian's packages and run as children of the harness
 * (never daemonized), on free ports, with their data, sockets, logs and pid files in one temporary
 * folder; e2e/lib/processes.js kills them with the harness (also on failure and Ctrl-C).
 * Each n8n process has its own user folder (like separate containers) with the package tarball
 * installed as a user would (e2e/lib/package.js), one shared N8N_ENCRYPTION_KEY, its own N8N_PORT
 * and N8N_RUNNERS_BROKER_PORT. Facts and timings: ../../../shared/notes/real-n8n.md, e2e/README.md.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const crypto = require('node:crypto');

const proc = require('./processes');
const { createN8n } = require('./n8n');
const { request } = require('./http');

const DEBIAN_PACKAGES = 'postgresql redis-server nginx-light';
const PG_BIN_DIRS = [
	'/usr/lib/postgresql/15/bin',
	'/usr/lib/postgresql/16/bin',
	'/usr/lib/postgresql/17/bin',
];

/** nginx upstream routing: spread every request, or send each webhook path to one process. */
const ROUTING = {
	'round-robin': '',
	// consistent hashing on the path: every delivery of a workflow's webhook reaches the same
	// webhook process (and moves to the other one only while that one is down)
	'path-hash': 'hash $request_uri consistent;',
};

function which(name) {
	for (const dir of (process.env.PATH || '')
		.split(path.delimiter)
		.concat(['/usr/sbin', '/usr/bin', '/sbin'])) {
		const file = path.join(dir, name);
		try {
			fs.accessSync(file, fs.constants.X_OK);
			return file;
		} catch {
			// next
		}
	}
	return undefined;
}

/** The binaries queue mode needs; a clear message naming the Debian packages when one is missing. */
function findBinaries() {
	const pgBin = PG_BIN_DIRS.find(
		(dir) => fs.existsSync(path.join(dir, 'postgres')) && fs.existsSync(path.join(dir, 'initdb')),
	);
	const found = {
		pgBin,
		psql: which('psql'),
		redis: which('redis-server'),
		nginx: which('nginx'),
	};
	const missing = [];
	if (!found.pgBin) missing.push(`PostgreSQL server (initdb, postgres in ${PG_BIN_DIRS[0]})`);
	if (!found.psql) missing.push('psql');
	if (!found.redis) missing.push('redis-server');
	if (!found.nginx) missing.push('nginx');
	if (missing.length) {
		throw new Error(
			`queue mode needs ${missing.join(', ')}, not found on this machine. Install Debian's packages: apt-get install -y ${DEBIAN_PACKAGES}`,
		);
	}
	return found;
}

/** uid/gid of the `postgres` user when we are root (PostgreSQL refuses to run as root). */
function postgresUser() {
	if (typeof process.getuid !== 'function' || process.getuid() !== 0) return {};
	const line = fs
		.readFileSync('/etc/passwd', 'utf8')
		.split('\n')
		.find((l) => l.startsWith('postgres:'));
	if (!line)
		throw new Error(
			`running as root but there is no "postgres" user: apt-get install -y ${DEBIAN_PACKAGES}`,
		);
	const [, , uid, gid] = line.split(':');
	return { uid: Number(uid), gid: Number(gid) };
}

function logStream(dir, name) {
	return fs.createWriteStream(path.join(dir, `${name}.log`), { flags: 'a' });
}

async function waitUntil(fn, { timeoutMs, message, child }) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child && (child.exitCode !== null || child.signalCode !== null)) {
			throw new Error(`${message}: the process exited (${child.exitCode ?? child.signalCode})`);
		}
		if (await fn()) return;
		await proc.delay(150);
	}
	throw new Error(`${message}: not ready after ${timeoutMs} ms`);
}

/** PostgreSQL on a free port, data and unix socket in `<dir>/pg`, database `n8n`. */
class Postgres {
	constructor(dir, bins) {
		this.dir = path.join(dir, 'pg');
		this.dataDir = path.join(this.dir, 'data');
		this.bins = bins;
		this.user = postgresUser();
		this.database = 'n8n';
	}

	async start() {
		fs.mkdirSync(this.dir, { recursive: true });
		if (this.user.uid !== undefined) fs.chownSync(this.dir, this.user.uid, this.user.gid);
		const env = { PATH: process.env.PATH, HOME: this.dir, LANG: 'C', LC_ALL: 'C' };
		const asPostgres = { ...this.user, cwd: this.dir, env };
		const init = await proc.run(
			path.join(this.bins.pgBin, 'initdb'),
			[
				'-D',
				this.dataDir,
				'-U',
				'postgres',
				'--auth=trust',
				'-E',
				'UTF8',
				'--locale=C',
				'--no-sync',
			],
			{ ...asPostgres, name: 'initdb', timeoutMs: 120_000 },
		);
		if (init.code !== 0)
			throw new Error(`initdb failed (exit ${init.code}): ${init.stderr.slice(-2000)}`);
		this.port = await proc.freePort();
		const settings = {
			listen_addresses: '127.0.0.1',
			// a throw-away test database: durability off, speed on
			fsync: 'off',
			synchronous_commit: 'off',
			full_page_writes: 'off',
			max_connections: '200',
		};
		this.child = proc.start(
			path.join(this.bins.pgBin, 'postgres'),
			[
				...['-D', this.dataDir, '-p', String(this.port)],
				...['-k', this.dir], // unix socket here, not in /var/run/postgresql
				...Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
			],
			{
				...asPostgres,
				name: 'postgres',
				stopSignal: 'SIGINT',
				logStream: logStream(this.dir, 'postgres'),
			},
		);
		await waitUntil(async () => (await this.psql('select 1', { database: 'postgres' })).ok, {
			timeoutMs: 60_000,
			message: 'PostgreSQL',
			child: this.child,
		});
		const created = await this.psql(`create database ${this.database}`, { database: 'postgres' });
		if (!created.ok) throw new Error(`create database failed: ${created.stderr}`);
		return this;
	}

	/** n8n's DB_* environment for this server. */
	env() {
		return {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(this.port),
			DB_POSTGRESDB_DATABASE: this.database,
			DB_POSTGRESDB_USER: 'postgres',
			DB_POSTGRESDB_PASSWORD: '',
		};
	}

	/** Runs SQL with psql (unaligned, tuples only). Returns { ok, stdout, stderr, rows: [[cell...]] }. */
	async psql(sql, { database = this.database } = {}) {
		const result = await proc.run(
			this.bins.psql,
			[
				'-h',
				'127.0.0.1',
				'-p',
				String(this.port),
				'-U',
				'postgres',
				'-d',
				database,
				'-X',
				'-A',
				'-t',
				'-F',
				'\t',
				'-v',
				'ON_ERROR_STOP=1',
				'-c',
				sql,
			],
			{ name: 'psql', env: { PATH: process.env.PATH, PGCONNECT_TIMEOUT: '5' }, timeoutMs: 30_000 },
		);
		const rows = result.stdout
			.split('\n')
			.filter((line) => line.length)
			.map((line) => line.split('\t'));
		return { ok: result.code === 0, stdout: result.stdout, stderr: result.stderr, rows };
	}

	/** Like psql() but throws on error and returns the rows. */
	async query(sql) {
		const result = await this.psql(sql);
		if (!result.ok) throw new Error(`SQL failed: ${sql}\n${result.stderr}`);
		return result.rows;
	}
}

/** Redis as a child process (not daemonized), no persistence. */
class Redis {
	constructor(dir, bins) {
		this.dir = path.join(dir, 'redis');
		this.bins = bins;
	}

	async start() {
		fs.mkdirSync(this.dir, { recursive: true });
		this.port = await proc.freePort();
		this.child = proc.start(
			this.bins.redis,
			[
				'--port',
				String(this.port),
				'--bind',
				'127.0.0.1',
				'--save',
				'',
				'--appendonly',
				'no',
				'--dir',
				this.dir,
				'--daemonize',
				'no',
			],
			{ name: 'redis-server', cwd: this.dir, logStream: logStream(this.dir, 'redis') },
		);
		await waitUntil(() => proc.portInUse(this.port), {
			timeoutMs: 30_000,
			message: 'Redis',
			child: this.child,
		});
		return this;
	}

	env() {
		return { QUEUE_BULL_REDIS_HOST: '127.0.0.1', QUEUE_BULL_REDIS_PORT: String(this.port) };
	}
}

/**
 * nginx in front of the webhook processes. Each answer carries `X-Upstream: 127.0.0.1:<port>`
 * (the webhook process that served it), and the access log records it too, so scenarios can count
 * which process got which delivery.
 */
class Nginx {
	constructor(dir, bins, routing) {
		this.dir = path.join(dir, 'nginx');
		this.bins = bins;
		this.setRouting(routing);
	}

	setRouting(routing = 'round-robin') {
		if (!(routing in ROUTING))
			throw new Error(`unknown routing "${routing}": ${Object.keys(ROUTING).join(' or ')}`);
		this.routing = routing;
	}

	get baseUrl() {
		return `http://127.0.0.1:${this.port}`;
	}

	get confFile() {
		return path.join(this.dir, 'nginx.conf');
	}

	get accessLog() {
		return path.join(this.dir, 'access.log');
	}

	config(upstreamPorts) {
		const d = this.dir;
		return `# written by e2e/lib/queue.js (routing: ${this.routing})
worker_processes 1;
pid ${d}/nginx.pid;
error_log ${d}/error.log warn;
events { worker_connections 1024; }
http {
	client_body_temp_path ${d}/tmp/body;
	proxy_temp_path ${d}/tmp/proxy;
	fastcgi_temp_path ${d}/tmp/fastcgi;
	uwsgi_temp_path ${d}/tmp/uwsgi;
	scgi_temp_path ${d}/tmp/scgi;
	log_format upstream '$msec "$request" $status upstream=$upstream_addr upstream_status=$upstream_status';
	access_log ${d}/access.log upstream;
	client_max_body_size 16m;

	upstream n8n_webhooks {
		${ROUTING[this.routing]}
${upstreamPorts.map((p) => `		server 127.0.0.1:${p} max_fails=1 fail_timeout=2s;`).join('\n')}
	}

	server {
		listen 127.0.0.1:${this.port};
		location / {
			proxy_pass http://n8n_webhooks;
			proxy_http_version 1.1;
			proxy_set_header Connection "";
			proxy_set_header Host $host;
			proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
			proxy_set_header X-Forwarded-Proto $scheme;
			proxy_read_timeout 300s;
			# a stopped webhook process: try the other one (the request never reached it)
			proxy_next_upstream error timeout;
			add_header X-Upstream $upstream_addr always;
		}
	}
}
`;
	}

	async start(upstreamPorts) {
		fs.mkdirSync(path.join(this.dir, 'tmp'), { recursive: true });
		if (!this.port) this.port = await proc.freePort();
		this.upstreamPorts = upstreamPorts;
		fs.writeFileSync(this.confFile, this.config(upstreamPorts));
		const test = await proc.run(
			this.bins.nginx,
			['-t', '-q', '-p', this.dir, '-e', path.join(this.dir, 'error.log'), '-c', this.confFile],
			{
				name: 'nginx -t',
				timeoutMs: 30_000,
			},
		);
		if (test.code !== 0) throw new Error(`nginx config refused: ${test.stderr}`);
		await proc.waitForPortFree(this.port);
		this.child = proc.start(
			this.bins.nginx,
			[
				'-p',
				this.dir,
				'-e',
				path.join(this.dir, 'error.log'),
				'-c',
				this.confFile,
				'-g',
				'daemon off;',
			],
			{
				name: 'nginx',
				cwd: this.dir,
				stopSignal: 'SIGQUIT',
				logStream: logStream(this.dir, 'nginx-stderr'),
			},
		);
		await waitUntil(() => proc.portInUse(this.port), {
			timeoutMs: 30_000,
			message: 'nginx',
			child: this.child,
		});
		return this;
	}

	/** Switches the routing mode (rewrites the config, then a graceful reload: SIGHUP). */
	async reload(routing) {
		this.setRouting(routing);
		fs.writeFileSync(this.confFile, this.config(this.upstreamPorts));
		process.kill(this.child.pid, 'SIGHUP');
		await proc.delay(1000); // old workers finish, new ones take over
	}

	async stop() {
		if (this.child) await proc.stop(this.child, { graceMs: 5000 });
		this.child = undefined;
	}

	/** Lines of the access log: [{ at, method, path, status, upstreams: ['127.0.0.1:p', ...] }]. */
	requests() {
		if (!fs.existsSync(this.accessLog)) return [];
		return fs
			.readFileSync(this.accessLog, 'utf8')
			.split('\n')
			.filter(Boolean)
			.map((line) => {
				const m = /^([\d.]+) "(\S+) (\S+) [^"]*" (\d+) upstream=(\S*) upstream_status=(\S*)/.exec(
					line,
				);
				if (!m) return { raw: line };
				return {
					at: Number(m[1]) * 1000,
					method: m[2],
					path: m[3],
					status: Number(m[4]),
					upstreams: m[5].split(/,\s*|\s*:\s*(?=127)/).filter((u) => u && u !== '-'),
					upstreamStatus: m[6],
				};
			});
	}
}

/** Everything an n8n process printed: its earlier runs and the current one. */
function allOutput(n8n) {
	return (n8n.previousLogs || '') + (n8n.startLog || '');
}

/** Replaces the value of every key that looks secret (`secret`, `token`, ...) by its length. */
function redactSecrets(value) {
	if (Array.isArray(value)) return value.map(redactSecrets);
	if (!value || typeof value !== 'object') return value;
	const out = {};
	for (const [key, v] of Object.entries(value)) {
		out[key] =
			/secret|token|password|key$/i.test(key) && typeof v === 'string'
				? `<redacted, ${v.length} chars>`
				: redactSecrets(v);
	}
	return out;
}

class QueueCluster {
	/**
	 * Options: tarball (required), webhooks (2), workers (2), routing ('round-robin' | 'path-hash'),
	 * workerConcurrency (5), env (extra env for every n8n process), verbose, progress(message).
	 */
	constructor({
		tarball,
		webhooks = 2,
		workers = 2,
		routing = 'round-robin',
		workerConcurrency = 5,
		env = {},
		verbose = false,
		progress = () => {},
	} = {}) {
		if (!tarball) throw new Error('QueueCluster: tarball is required');
		this.options = { tarball, webhooks, workers, routing, workerConcurrency, env, verbose };
		this.progress = progress;
		this.bins = findBinaries();
		this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bc-e2e-queue-'));
		fs.chmodSync(this.dir, 0o711); // the postgres user must reach <dir>/pg (traverse, not list)
		this.encryptionKey = crypto.randomBytes(24).toString('hex');
		this.postgres = new Postgres(this.dir, this.bins);
		this.redis = new Redis(this.dir, this.bins);
		this.nginx = new Nginx(this.dir, this.bins, routing);
		this.main = undefined;
		this.webhooks = [];
		this.workers = [];
		this.timings = {};
		proc.onCleanup(() => this.close());
	}

	/** nginx's address: WEBHOOK_URL of every process, so hooks point at the load balancer. */
	get webhookBaseUrl() {
		return this.nginx.baseUrl;
	}

	/** Every n8n process: main, webhooks, workers. */
	get processes() {
		return [this.main, ...this.webhooks, ...this.workers].filter(Boolean);
	}

	/** Env every n8n process of the cluster shares (queue mode, PostgreSQL, Redis, one key). */
	sharedEnv() {
		return {
			EXECUTIONS_MODE: 'queue',
			N8N_ENCRYPTION_KEY: this.encryptionKey,
			...this.postgres.env(),
			...this.redis.env(),
			WEBHOOK_URL: `${this.nginx.baseUrl}/`,
			// n8n's recommended queue set-up: production webhooks only on the webhook processes
			N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
			// executions started from the editor/REST go to the workers too
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
			// binary data must be readable by every process (no shared disk): in PostgreSQL
			// (n8n 2.40's default in queue mode, stated so the recipe does not depend on it)
			N8N_DEFAULT_BINARY_DATA_MODE: 'database',
			// workers answer /healthz/readiness on QUEUE_HEALTH_CHECK_PORT (= their N8N_PORT here)
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
			...this.options.env,
		};
	}

	/**
	 * PostgreSQL and Redis up, one user folder per n8n process with the package installed, nginx's
	 * port chosen. After this, `cluster.main` can run CLI commands (import, publish) against
	 * PostgreSQL; nothing of n8n runs yet.
	 */
	async prepare() {
		const t0 = Date.now();
		await Promise.all([this.postgres.start(), this.redis.start()]);
		this.nginx.port = await proc.freePort();
		this.timings.databasesMs = Date.now() - t0;
		this.progress(
			`PostgreSQL on ${this.postgres.port}, Redis on ${this.redis.port} (${Date.now() - t0} ms)`,
		);
		const make = async (role, index, command) => {
			const name = index ? `${role}-${index}` : role;
			const userFolder = path.join(this.dir, name);
			fs.mkdirSync(userFolder, { recursive: true });
			const n8n = await createN8n({
				tarball: this.options.tarball,
				userFolder,
				verbose: this.options.verbose,
				command,
				name: `n8n ${name}`,
				env: this.sharedEnv(),
			});
			n8n.role = role;
			n8n.label = name;
			if (role === 'worker') n8n.extraEnv.QUEUE_HEALTH_CHECK_PORT = String(n8n.port);
			return n8n;
		};
		this.main = await make('main', 0, ['start']);
		for (let i = 1; i <= this.options.webhooks; i++)
			this.webhooks.push(await make('webhook', i, ['webhook']));
		for (let i = 1; i <= this.options.workers; i++) {
			this.workers.push(
				await make('worker', i, ['worker', `--concurrency=${this.options.workerConcurrency}`]),
			);
		}
		return this;
	}

	/**
	 * Boots the cluster: main first (it runs the database migrations and activates published
	 * workflows), then the webhook processes and workers together, then nginx. Returns the boot
	 * time in ms (also in `cluster.timings`).
	 */
	async start() {
		const t0 = Date.now();
		await this.main.start({ timeoutMs: 300_000 });
		this.timings.mainMs = Date.now() - t0;
		this.progress(`main ready on ${this.main.baseUrl} (${this.timings.mainMs} ms)`);
		const t1 = Date.now();
		await Promise.all(
			[...this.webhooks, ...this.workers].map((n8n) => n8n.start({ timeoutMs: 300_000 })),
		);
		this.timings.othersMs = Date.now() - t1;
		await this.nginx.start(this.webhooks.map((w) => w.port));
		this.timings.bootMs = Date.now() - t0;
		this.progress(
			`${this.webhooks.length} webhook processes, ${this.workers.length} workers ready (${this.timings.othersMs} ms); nginx (${this.nginx.routing}) on ${this.nginx.baseUrl}; cluster up in ${this.timings.bootMs} ms`,
		);
		return this.timings.bootMs;
	}

	/** Stops and starts one n8n process (graceful). */
	async restart(n8n) {
		await n8n.stop();
		await n8n.start({ timeoutMs: 300_000 });
	}

	/** The n8n process that served a request through nginx (its `X-Upstream` answer header). */
	processAt(upstream) {
		const port = Number(
			String(upstream || '')
				.split(':')
				.pop(),
		);
		return this.processes.find((n8n) => n8n.port === port);
	}

	/** POST through the load balancer; the answer has `servedBy` (the webhook process's label). */
	async post(pathname, body, { headers = {} } = {}) {
		const res = await request(`${this.webhookBaseUrl}${pathname}`, {
			method: 'POST',
			body,
			headers,
			timeoutMs: 120_000,
		});
		const upstream = res.headers.get('x-upstream') || '';
		return { ...res, upstream, servedBy: this.processAt(upstream.split(',').pop().trim())?.label };
	}

	/** The workflow's static data as n8n stored it in PostgreSQL (parsed), or null. */
	async staticData(workflowId) {
		const rows = await this.postgres.query(
			`select "staticData" from workflow_entity where id = '${String(workflowId).replace(/'/g, "''")}'`,
		);
		if (!rows.length || !rows[0][0]) return null;
		return JSON.parse(rows[0][0]);
	}

	/** Executions of a workflow from PostgreSQL, oldest first: [{ id, status, finished, mode, startedAt, stoppedAt }]. */
	async executions(workflowId) {
		const rows = await this.postgres.query(
			`select id, status, finished, mode, "startedAt", "stoppedAt" from execution_entity where "workflowId" = '${String(workflowId).replace(/'/g, "''")}' order by id`,
		);
		return rows.map(([id, status, finished, mode, startedAt, stoppedAt]) => ({
			id: Number(id),
			status,
			finished: finished === 't',
			mode,
			startedAt: startedAt || null,
			stoppedAt: stoppedAt || null,
		}));
	}

	/**
	 * Which worker started an execution: its log says "Worker started execution <id> (job <n>)"
	 * (scaling/job-processor.js). Label of the worker, or undefined.
	 */
	workerOf(executionId) {
		const pattern = new RegExp(`Worker started execution ${executionId}\\b`);
		return this.workers.find((w) => pattern.test(allOutput(w)))?.label;
	}

	/** Lines any n8n process printed (since the cluster started, restarts included) matching `pattern`, as "label: line". */
	logLines(pattern) {
		const out = [];
		for (const n8n of this.processes) {
			for (const line of allOutput(n8n).split('\n'))
				if (pattern.test(line)) out.push(`${n8n.label}: ${line.trim()}`);
		}
		return out;
	}

	/** Stops every n8n process, then nginx, Redis and PostgreSQL; removes the temp folder (unless keep). */
	async close({ keep = false } = {}) {
		if (this.closed) return;
		this.closed = true;
		await Promise.allSettled(this.processes.map((n8n) => n8n.stop()));
		await this.nginx.stop().catch(() => undefined);
		if (this.redis.child) await proc.stop(this.redis.child, { graceMs: 5000 });
		if (this.postgres.child) await proc.stop(this.postgres.child, { graceMs: 10_000 });
		if (keep) process.stdout.write(`  (kept the queue cluster's folder ${this.dir})\n`);
		else fs.rmSync(this.dir, { recursive: true, force: true });
	}
}

module.exports = {
	QueueCluster,
	Postgres,
	Redis,
	Nginx,
	findBinaries,
	redactSecrets,
	ROUTING,
	DEBIAN_PACKAGES,
};
