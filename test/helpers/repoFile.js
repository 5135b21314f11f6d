'use strict';
/** Reads a file of the repository (for tests that check documentation against the code). */
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');

function readRepoFile(relativePath) {
	return fs.readFileSync(path.join(root, relativePath), 'utf8');
}

module.exports = { readRepoFile };
