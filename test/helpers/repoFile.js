'use strict';
/** Reads a file of the repository (for tests that check documentation against the code). */
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');

function readRepoFile(relativePath) {
	return fs.readFileSync(path.join(root, relativePath), 'utf8');
}

/** The entries of a folder of the repository: [{ name, isDirectory }]. */
function listRepoDir(relativePath) {
	return fs
		.readdirSync(path.join(root, relativePath), { withFileTypes: true })
		.map((entry) => ({ name: entry.name, isDirectory: entry.isDirectory() }));
}

module.exports = { readRepoFile, listRepoDir };
