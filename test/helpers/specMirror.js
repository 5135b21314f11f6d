'use strict';
/**
 * A local stand-in for raw.githubusercontent.com/bigcommerce/docs/<commit>, for the test of
 * sandbox/contract/fetch.js (TypeScript tests may not open servers or folders themselves): serves
 * the files of a local copy under their upstream paths (openapi-files.json), optionally with some
 * files altered, and records what was asked for.
 */
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');

const { MANIFEST, SHARED_DIR } = require('../../sandbox/contract/fetch');

/**
 * @param {{ from?: string, tamper?: string[] }} [options] from: the local copy (../shared);
 *   tamper: local paths (e.g. 'carts.v3.yml') served with one byte changed.
 * @returns {Promise<{ url: string, requests: string[], close(): Promise<void> }>}
 */
async function serveSpecMirror({ from = SHARED_DIR, tamper = [] } = {}) {
	const byUpstream = new Map(MANIFEST.files.map((file) => [file.upstream, file.path]));
	const requests = [];
	const server = http.createServer((req, res) => {
		const upstream = decodeURIComponent(req.url.replace(/^\/mirror\//, '').split('?')[0]);
		requests.push(upstream);
		const local = byUpstream.get(upstream);
		if (!local) {
			res.writeHead(404).end('404: Not Found');
			return;
		}
		let body = fs.readFileSync(path.join(from, local));
		if (tamper.includes(local)) body = Buffer.concat([body, Buffer.from('\n# changed\n')]);
		res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(body);
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${server.address().port}/mirror`,
		requests,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}

/** A URL on 127.0.0.1 where nothing listens (the "offline" case). */
async function unreachableUrl() {
	const server = http.createServer();
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address();
	await new Promise((resolve) => server.close(resolve));
	return `http://127.0.0.1:${port}/mirror`;
}

/** A fresh temporary folder (removed by `removeDir`). */
function tempDir() {
	return fs.mkdtempSync(path.join(os.tmpdir(), 'bc-openapi-fetch-'));
}

function removeDir(dir) {
	fs.rmSync(dir, { recursive: true, force: true });
}

/** Relative paths of every file under dir (sorted), '' entries excluded. */
function listFiles(dir) {
	if (!fs.existsSync(dir)) return [];
	const out = [];
	const walk = (sub) => {
		for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
			const rel = sub ? `${sub}/${entry.name}` : entry.name;
			if (entry.isDirectory()) walk(rel);
			else out.push(rel);
		}
	};
	walk('');
	return out.sort();
}

/** True when two files have the same bytes. */
function sameBytes(a, b) {
	return fs.readFileSync(a).equals(fs.readFileSync(b));
}

module.exports = { serveSpecMirror, unreachableUrl, tempDir, removeDir, listFiles, sameBytes };
