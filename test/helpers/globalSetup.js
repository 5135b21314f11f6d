'use strict';
/**
 * Jest global setup: on a machine without ../shared/bigcommerce-openapi (a fresh clone), fetch
 * BigCommerce's OpenAPI files once into the cache before any worker starts a sandbox
 * (sandbox/contract/fetch.js; a no-op when the files are there).
 */
const { ensureSpecDir } = require('../../sandbox/contract/fetch');

module.exports = async () => {
	await ensureSpecDir();
};
