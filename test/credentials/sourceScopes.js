'use strict';
/**
 * The OAuth scope names the node's source code passes to the transport (`'store_…'` string
 * literals under nodes/), so a test can check that the OAuth2 credential's default scopes cover
 * every operation. CommonJS, because the lint forbids node:fs in TypeScript.
 */
const fs = require('node:fs');
const path = require('node:path');

function walk(dir, out) {
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) walk(full, out);
		else if (entry.name.endsWith('.ts')) out.push(full);
	}
	return out;
}

/** Returns { scope: [files using it] } for every scope literal under `root`/nodes. */
function sourceScopes(root = path.join(__dirname, '..', '..')) {
	const found = {};
	for (const file of walk(path.join(root, 'nodes'), [])) {
		const text = fs.readFileSync(file, 'utf8');
		for (const match of text.matchAll(/['"`](store_[a-z0-9_]+)['"`]/g)) {
			(found[match[1]] = found[match[1]] || []).push(path.relative(root, file));
		}
	}
	return found;
}

module.exports = { sourceScopes };
