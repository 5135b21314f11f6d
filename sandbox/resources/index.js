'use strict';
/**
 * Every resource module of the sandbox. Each exports `register(sandbox)` (routes) and optionally
 * `seed(sandbox, seedOptions)` (deterministic data). Add a module here to serve it.
 */
module.exports = [
	require('./store'),
	require('./catalog'),
	require('./marketing'),
	require('./settings'),
	require('./webhooks'),
	require('./customers'),
	require('./orders'),
	require('./inventory'),
	require('./carts'),
];
