'use strict';
/**
 * Loads BigCommerce's official OpenAPI files (read from ../shared/bigcommerce-openapi at run time,
 * never copied into the repo) and indexes every operation by API version and path template.
 *
 * Parsing 31 YAML files takes ~2 s, so the parsed documents are cached as one JSON file in the OS
 * temp directory, keyed by the files' names, sizes and modification times (a changed spec file
 * invalidates the cache). Loading is lazy: nothing is read until the first request is validated.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const crypto = require('node:crypto');

const CACHE_FORMAT = 1;
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

/**
 * The spec directory: env BIGCOMMERCE_OPENAPI_DIR, else <repo>/../shared/bigcommerce-openapi, else
 * the verified download in the cache folder (fetch.js, which fills it); when none exists, the
 * ../shared path, so the "could not be read" message names where the files were looked for.
 */
function defaultSpecDir() {
	if (process.env.BIGCOMMERCE_OPENAPI_DIR) return process.env.BIGCOMMERCE_OPENAPI_DIR;
	const { SHARED_DIR, cacheDir, isComplete } = require('./fetch');
	if (fs.existsSync(SHARED_DIR) || !isComplete(cacheDir())) return SHARED_DIR;
	return cacheDir();
}

/** Every OpenAPI file (relative path) under dir, skipping the webhook-callbacks fragments. */
function listSpecFiles(dir) {
	const out = [];
	const walk = (sub) => {
		for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
			const rel = sub ? `${sub}/${entry.name}` : entry.name;
			if (entry.isDirectory()) {
				if (entry.name !== 'webhook-callbacks' && !entry.name.startsWith('.')) walk(rel);
			} else if (/\.ya?ml$/.test(entry.name)) {
				out.push(rel);
			}
		}
	};
	walk('');
	return out.sort();
}

function readDocuments(dir) {
	const files = listSpecFiles(dir);
	const fingerprint = crypto.createHash('sha1').update(`${CACHE_FORMAT}|${dir}`);
	for (const file of files) {
		const stat = fs.statSync(path.join(dir, file));
		fingerprint.update(`|${file}:${stat.size}:${stat.mtimeMs}`);
	}
	const cacheFile = path.join(
		os.tmpdir(),
		`bigcommerce-openapi-cache-${fingerprint.digest('hex').slice(0, 16)}.json`,
	);
	try {
		const cached = JSON.parse(fs.readFileSync(cacheFile, 'utf8'));
		if (cached && cached.format === CACHE_FORMAT) return cached.documents;
	} catch {
		// no cache yet
	}
	const YAML = require('yaml');
	const documents = {};
	for (const file of files) {
		const doc = YAML.parse(fs.readFileSync(path.join(dir, file), 'utf8'), { maxAliasCount: -1 });
		if (doc && doc.openapi && doc.paths) documents[file] = doc;
	}
	try {
		const tmp = `${cacheFile}.${process.pid}.tmp`;
		fs.writeFileSync(tmp, JSON.stringify({ format: CACHE_FORMAT, documents }));
		fs.renameSync(tmp, cacheFile);
	} catch {
		// a read-only temp dir only costs speed
	}
	return documents;
}

function versionOf(doc) {
	const url = (doc.servers && doc.servers[0] && doc.servers[0].url) || '';
	const m = /\/(v\d)\/?$/.exec(url);
	return m ? m[1] : undefined;
}

/** Splits a template into segment matchers: literal strings, or { param, regex, names }. */
function compileTemplate(template) {
	return template
		.split('/')
		.filter(Boolean)
		.map((segment) => {
			if (!segment.includes('{')) return { literal: segment };
			const names = [];
			const source = segment
				.replace(/[.*+?^$()|[\]\\]/g, '\\$&')
				.replace(/\\?\{([^}]+)\\?\}|\{([^}]+)\}/g, (_, a, b) => {
					names.push(a || b);
					return '([^/]+)';
				});
			return { regex: new RegExp(`^${source}$`), names };
		});
}

/**
 * Loads and indexes the specs. Returns { dir, documents, operations: { v2: [...], v3: [...] } };
 * each operation: { file, version, template, method, segments, operation, pathItem, doc }.
 */
function loadSpecs(dir = defaultSpecDir()) {
	const documents = readDocuments(dir);
	const operations = {};
	for (const [file, doc] of Object.entries(documents)) {
		const version = versionOf(doc);
		if (!version) continue;
		for (const [template, pathItem] of Object.entries(doc.paths)) {
			if (!pathItem || typeof pathItem !== 'object') continue;
			const segments = compileTemplate(template);
			for (const method of METHODS) {
				const operation = pathItem[method];
				if (!operation) continue;
				(operations[version] = operations[version] || []).push({
					file,
					version,
					template,
					method: method.toUpperCase(),
					segments,
					operation,
					pathItem,
					doc,
				});
			}
		}
	}
	return { dir, documents, operations };
}

/**
 * Finds the documented operation for a request. `path` is the part after /stores/{hash}/vN,
 * undecoded. Literal segments win over parameters (compared left to right).
 * Returns { op, params } | { pathOnly: [methods] } (path documented, method not) | undefined.
 */
function matchOperation(specs, version, method, requestPath) {
	const parts = requestPath.split('/').filter(Boolean);
	const candidates = [];
	for (const op of specs.operations[version] || []) {
		if (op.segments.length !== parts.length) continue;
		const params = {};
		const rank = [];
		let ok = true;
		for (let i = 0; i < parts.length && ok; i++) {
			const seg = op.segments[i];
			if (seg.literal !== undefined) {
				ok = seg.literal === parts[i];
				rank.push(0);
			} else {
				const m = seg.regex.exec(parts[i]);
				if (!m) ok = false;
				else seg.names.forEach((name, k) => (params[name] = safeDecode(m[k + 1])));
				rank.push(1);
			}
		}
		if (ok) candidates.push({ op, params, rank });
	}
	if (!candidates.length) return undefined;
	const byRank = (a, b) => {
		for (let i = 0; i < a.rank.length; i++)
			if (a.rank[i] !== b.rank[i]) return a.rank[i] - b.rank[i];
		return 0;
	};
	candidates.sort(byRank);
	const withMethod = candidates.filter((c) => c.op.method === method);
	if (withMethod.length) return { op: withMethod[0].op, params: withMethod[0].params };
	return {
		pathOnly: [...new Set(candidates.map((c) => c.op.method))],
		template: candidates[0].op.template,
		file: candidates[0].op.file,
	};
}

function safeDecode(value) {
	try {
		return decodeURIComponent(value);
	} catch {
		return value;
	}
}

module.exports = { loadSpecs, matchOperation, defaultSpecDir, listSpecFiles };
