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
const { run, onCleanup } = require('./processes');

const REPO = path.resolve(__dirname, '..', '..');

function npmEnv() {
	const env = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (!/^npm_(config|package|lifecycle)_/i.test(key)) env[key] = value;
	}
	return env;
}

function stripAnsi(text) {
	// eslint-style spinners of `n8n-node build` write cursor codes; keep the readable part
	return text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').replace(/[◐◓◑◒]\s+Building[^\n│■]*/g, '');
}

async function npmInRepo(args, label, cwd = REPO) {
	const result = await run('npm', args, {
		cwd,
		env: { ...npmEnv(), CI: 'true' },
		timeoutMs: 300_000,
	});
	if (result.code !== 0) {
		throw new Error(
			`${label} failed (exit ${result.code}):\n${stripAnsi(result.stdout + result.stderr).slice(-4000)}`,
		);
	}
	return result.stdout;
}

/**
 * The folder to build and pack from: the working tree, or with E2E_FROM_HEAD=1 a clean export of
 * the last commit (useful while others edit the shared tree), with node_modules linked in.
 */
async function sourceDir() {
	if (process.env.E2E_FROM_HEAD !== '1') return REPO;
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bc-e2e-head-'));
	const r = await run('sh', ['-c', `git -C "${REPO}" archive HEAD | tar -x -C "${dir}"`], {
		timeoutMs: 60_000,
	});
	if (r.code !== 0) throw new Error(`git archive failed: ${r.stderr}`);
	fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'));
	return dir;
}

/** `npm run build` (skipped when E2E_SKIP_BUILD=1). */
async function build(cwd = REPO) {
	if (process.env.E2E_SKIP_BUILD === '1') return;
	await npmInRepo(['run', 'build', '--silent'], 'npm run build', cwd);
}

/** `npm pack` into a temporary folder; returns the tarball path. */
async function pack(
	destination = fs.mkdtempSync(path.join(os.tmpdir(), 'bc-e2e-pack-')),
	cwd = REPO,
) {
	const out = await npmInRepo(
		['pack', '--json', '--pack-destination', destination],
		'npm pack',
		cwd,
	);
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
		const r = await run(
			'npm',
			['install', '--omit=dev', '--omit=peer', '--omit=optional', '--ignore-scripts'],
			{
				cwd: target,
				env: npmEnv(),
				timeoutMs: 300_000,
			},
		);
		if (r.code !== 0) throw new Error(`npm install of runtime dependencies failed: ${r.stderr}`);
	}
	return { name: manifest.name, version: manifest.version, path: target };
}

let cachedTarball;
/** Build once and pack once per harness process; returns the tarball path. */
async function buildAndPack() {
	if (cachedTarball && fs.existsSync(cachedTarball)) return cachedTarball;
	const cwd = await sourceDir();
	await build(cwd);
	const destination = fs.mkdtempSync(path.join(os.tmpdir(), 'bc-e2e-pack-'));
	onCleanup(() => fs.rmSync(destination, { recursive: true, force: true }));
	cachedTarball = await pack(destination, cwd);
	if (cwd !== REPO) fs.rmSync(cwd, { recursive: true, force: true });
	return cachedTarball;
}

module.exports = { REPO, build, pack, installTarball, buildAndPack };
