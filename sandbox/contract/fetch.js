'use strict';
/**
 * BigCommerce's OpenAPI files on a machine that has no copy of them (a fresh clone on a laptop):
 * downloads the same files from BigCommerce's public documentation repository at the commit they
 * were taken from (`openapi-files.json`: the pinned commit, every file's upstream path and
 * SHA-256) into the cache folder, and refuses any file whose checksum differs. Nothing is copied
 * into the repository; the files stay in the cache (`~/.cache/n8n-nodes-bigcommerce-openapi/<commit>`).
 *
 * Where the files come from, first found wins (specs.js `defaultSpecDir` reads the same order):
 *   1. $BIGCOMMERCE_OPENAPI_DIR            (set by you; never fetched over)
 *   2. ../shared/bigcommerce-openapi       (the project's workspace, CI)
 *   3. the cache folder, once complete     (filled by ensureSpecDir from GitHub)
 *
 *   node sandbox/contract/fetch.js                  fetch into the cache if needed, print the folder
 *   node sandbox/contract/fetch.js --write-manifest <dir>   re-record the checksums from a verified copy
 *
 * Env: BIGCOMMERCE_OPENAPI_BASE_URL replaces https://raw.githubusercontent.com/bigcommerce/docs/<commit>
 * (a mirror; the tests serve ../shared through a local server), BIGCOMMERCE_OPENAPI_CACHE the cache.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const crypto = require('node:crypto');

const MANIFEST = require('./openapi-files.json');

const SHARED_DIR = path.resolve(__dirname, '../../../shared/bigcommerce-openapi');
const COMPLETE_MARKER = '.verified';

function baseUrl(env = process.env) {
	return (
		env.BIGCOMMERCE_OPENAPI_BASE_URL ||
		`https://raw.githubusercontent.com/${MANIFEST.repository}/${MANIFEST.commit}`
	).replace(/\/+$/, '');
}

function cacheDir(env = process.env) {
	return path.resolve(
		env.BIGCOMMERCE_OPENAPI_CACHE ||
			path.join(os.homedir(), '.cache', 'n8n-nodes-bigcommerce-openapi', MANIFEST.commit),
	);
}

/** The two ways to get the files, for every message that says they are missing. */
function howToProvideSpecs(dir = cacheDir()) {
	return (
		`  Either: set BIGCOMMERCE_OPENAPI_DIR to a folder holding them (or place them in ${SHARED_DIR}),\n` +
		`  or: run with internet access: they are fetched once from github.com/${MANIFEST.repository} at ` +
		`commit ${MANIFEST.commit.slice(0, 12)} (${MANIFEST.files.length} files, about 3.6 MB) into ${dir}, ` +
		'checksum-verified (npm test, npm run test:e2e and npm start do it; or node sandbox/contract/fetch.js).'
	);
}

/** "Not here and not downloadable", naming both ways out. */
function unavailableMessage(reason, dir = cacheDir()) {
	return (
		`BigCommerce's OpenAPI files are not on this machine and could not be downloaded (${reason}).\n` +
		howToProvideSpecs(dir)
	);
}

function sha256(buffer) {
	return crypto.createHash('sha256').update(buffer).digest('hex');
}

/** True when the cache folder holds every file of the manifest (checked when it was filled). */
function isComplete(dir = cacheDir()) {
	try {
		return fs.readFileSync(path.join(dir, COMPLETE_MARKER), 'utf8').trim() === MANIFEST.commit;
	} catch {
		return false;
	}
}

async function download(url, timeoutMs) {
	const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
	if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`);
	return Buffer.from(await response.arrayBuffer());
}

/**
 * Downloads every manifest file into `dir` (a temporary sibling first, renamed when all are
 * verified, so an interrupted run never leaves a half-filled folder that looks complete).
 * Throws the unavailable message when the source cannot be reached, and a checksum error naming
 * the file when one differs from the recorded SHA-256.
 */
async function fetchSpecs({
	dir = cacheDir(),
	url = baseUrl(),
	progress = (line) => process.stderr.write(`${line}\n`),
	concurrency = 8,
	timeoutMs = 30_000,
} = {}) {
	const files = MANIFEST.files;
	const staging = `${dir}.partial-${process.pid}`;
	fs.rmSync(staging, { recursive: true, force: true });
	fs.mkdirSync(staging, { recursive: true });
	progress(
		`[openapi] fetching BigCommerce's OpenAPI files (${files.length} files) from ${url} into ${dir}`,
	);
	let done = 0;
	let next = 0;
	try {
		const worker = async () => {
			while (next < files.length) {
				const file = files[next++];
				let body;
				try {
					body = await download(`${url}/${file.upstream}`, timeoutMs);
				} catch (error) {
					throw new Error(unavailableMessage(error.cause?.code || error.message, dir));
				}
				const actual = sha256(body);
				if (actual !== file.sha256) {
					throw new Error(
						`[openapi] refused ${file.path} from ${url}/${file.upstream}: SHA-256 ${actual} is not the recorded ${file.sha256} (sandbox/contract/openapi-files.json). Nothing was kept.`,
					);
				}
				const target = path.join(staging, file.path);
				fs.mkdirSync(path.dirname(target), { recursive: true });
				fs.writeFileSync(target, body);
				done++;
				if (done % 40 === 0 || done === files.length)
					progress(`[openapi]   ${done}/${files.length} files verified`);
			}
		};
		await Promise.all(Array.from({ length: concurrency }, worker));
		fs.writeFileSync(path.join(staging, COMPLETE_MARKER), `${MANIFEST.commit}\n`);
		fs.rmSync(dir, { recursive: true, force: true });
		fs.mkdirSync(path.dirname(dir), { recursive: true });
		fs.renameSync(staging, dir);
	} finally {
		fs.rmSync(staging, { recursive: true, force: true });
	}
	return dir;
}

/**
 * The folder to read the files from (see the order above), fetching them into the cache when
 * neither $BIGCOMMERCE_OPENAPI_DIR nor ../shared exists. What `npm test`, the e2e runner and the
 * demo call before anything reads the files.
 */
async function ensureSpecDir({ env = process.env, sharedDir = SHARED_DIR, ...options } = {}) {
	if (env.BIGCOMMERCE_OPENAPI_DIR) return path.resolve(env.BIGCOMMERCE_OPENAPI_DIR);
	if (fs.existsSync(sharedDir)) return sharedDir;
	const dir = options.dir || cacheDir(env);
	if (isComplete(dir)) return dir;
	return await fetchSpecs({ ...options, dir, url: options.url || baseUrl(env) });
}

/** Re-records openapi-files.json from a verified copy (after moving the pin to a new commit). */
function writeManifest(fromDir) {
	const files = MANIFEST.files.map((file) => ({
		...file,
		sha256: sha256(fs.readFileSync(path.join(fromDir, file.path))),
	}));
	const next = { ...MANIFEST, files };
	fs.writeFileSync(
		path.join(__dirname, 'openapi-files.json'),
		JSON.stringify(next, null, '\t') + '\n',
	);
}

module.exports = {
	MANIFEST,
	SHARED_DIR,
	baseUrl,
	cacheDir,
	isComplete,
	fetchSpecs,
	ensureSpecDir,
	howToProvideSpecs,
	unavailableMessage,
};

if (require.main === module) {
	const args = process.argv.slice(2);
	if (args[0] === '--write-manifest') {
		writeManifest(path.resolve(args[1] || SHARED_DIR));
		process.stdout.write('openapi-files.json rewritten\n');
	} else {
		ensureSpecDir().then(
			(dir) => process.stdout.write(`${dir}\n`),
			(error) => {
				process.stderr.write(`${error.message}\n`);
				process.exit(1);
			},
		);
	}
}
