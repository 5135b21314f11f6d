'use strict';
/**
 * Builds and packs this package, then installs the tarball into an n8n user folder the way n8n's
 * own community-package installer does: unpacked into `<userFolder>/.n8n/nodes/node_modules/<name>`
 * with peer, dev and optional dependencies stripped from its package.json (so the node uses the
 * n8n-workflow of the n8n that loads it, never a second copy).
 */
const fs = require('node:fs');
const path = require('node:path');
const os = require('node:os');
const { run } = require('./processes');

const REPO = path.resolve(__dirname, '..', '..');

function npmEnv() {
	const env = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (!/^npm_(config|package|lifecycle)_/i.test(key)) env[key] = value;
	}
	return env;
}

async function npmInRepo(args, label) {
	const result = await run('npm', args, { cwd: REPO, env: npmEnv(), timeoutMs: 300_000 });
	if (result.code !== 0) {
		throw new Error(`${label} failed (exit ${result.code}):\n${(result.stdout + result.stderr).slice(-4000)}`);
	}
	return result.stdout;
}

/** `npm run build` in the repo (skipped when E2E_SKIP_BUILD=1). */
async function build() {
	if (process.env.E2E_SKIP_BUILD === '1') return;
	await npmInRepo(['run', 'build', '--silent'], 'npm run build');
}

/** `npm pack` into a temporary folder; returns the tarball path. */
async function pack(destination = fs.mkdtempSync(path.join(os.tmpdir(), 'bc-e2e-pack-'))) {
	const out = await npmInRepo(['pack', '--json', '--pack-destination', destination], 'npm pack');
	const start = out.indexOf('[');
	const info = JSON.parse(out.slice(start));
	return path.join(destination, info[0].filename);
}

/** Installs a packed tarball into `<userFolder>/.n8n/nodes`. Returns the installed folder. */
async function installTarball(tarball, userFolder) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'bc-e2e-unpack-'));
	const result = await run('tar', ['-xzf', tarball, '-C', staging], { timeoutMs: 60_000 });
	if (result.code !== 0) throw new Error(`tar failed: ${result.stderr}`);
	const unpacked = path.join(staging, 'package');
	const manifestPath = path.join(unpacked, 'package.json');
	const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
	delete manifest.peerDependencies;
	delete manifest.peerDependenciesMeta;
	delete manifest.devDependencies;
	delete manifest.optionalDependencies;
	fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
	const target = path.join(nodesDir, 'node_modules', manifest.name);
	fs.rmSync(target, { recursive: true, force: true });
	fs.mkdirSync(path.dirname(target), { recursive: true });
	fs.renameSync(unpacked, target);
	fs.rmSync(staging, { recursive: true, force: true });
	const nodesManifest = path.join(nodesDir, 'package.json');
	const existing = fs.existsSync(nodesManifest)
		? JSON.parse(fs.readFileSync(nodesManifest, 'utf8'))
		: { name: 'installed-nodes', private: true, dependencies: {} };
	existing.dependencies = { ...(existing.dependencies || {}), [manifest.name]: manifest.version };
	fs.writeFileSync(nodesManifest, JSON.stringify(existing, null, 2) + '\n');
	if (manifest.dependencies && Object.keys(manifest.dependencies).length) {
		// Not the case today (no runtime dependencies), but do what n8n does if it ever is.
		const r = await run('npm', ['install', '--omit=dev', '--omit=peer', '--omit=optional', '--ignore-scripts'], {
			cwd: target,
			env: npmEnv(),
			timeoutMs: 300_000,
		});
		if (r.code !== 0) throw new Error(`npm install of runtime dependencies failed: ${r.stderr}`);
	}
	return { name: manifest.name, version: manifest.version, path: target };
}

let cachedTarball;
/** Build once and pack once per harness process; returns the tarball path. */
async function buildAndPack() {
	if (cachedTarball && fs.existsSync(cachedTarball)) return cachedTarball;
	await build();
	cachedTarball = await pack();
	return cachedTarball;
}

module.exports = { REPO, build, pack, installTarball, buildAndPack };
