'use strict';
/**
 * Starts a local BigCommerce sandbox.
 *
 *   const sandbox = await startSandbox({ seed: { products: 50 } });
 *   sandbox.baseUrl      // http://127.0.0.1:PORT  (the credential's API Base URL)
 *   sandbox.storeHash    // 'abc1d2ef'
 *   sandbox.accessToken  // a token holding every scope
 *   sandbox.requests     // what it received
 *   await sandbox.close();
 */
const { Sandbox } = require('./core/server');
const resources = require('./resources');
const { installContract } = require('./contract');
const { installCallbackContract } = require('./contract/webhooks');
const { ensureSpecDir } = require('./contract/fetch');

/**
 * @param {object} [options]
 * @param {number} [options.port] 0 = a free port
 * @param {string} [options.storeHash]
 * @param {string} [options.accessToken]
 * @param {object} [options.seed] `{ products, orders, customers, seed }` sizes and random seed
 * @param {() => number} [options.now] clock (ms)
 * @param {boolean|object} [options.contract] OpenAPI contract validation (default on; `false` turns
 *   it off; `{ specDir }` reads the files from another directory). Webhook callbacks are checked
 *   against webhook-callbacks/ too.
 * @param {{quota?: number, windowMs?: number}|false} [options.rateLimit] default 150 per 30 000 ms
 * @param {number} [options.latencyMs] added to every API answer
 * @param {Array<{clientId: string, clientSecret: string}>} [options.oauthClients]
 * @param {{requireContext?: boolean}} [options.oauth]
 */
async function startSandbox(options = {}) {
	const contract = typeof options.contract === 'object' ? options.contract : {};
	// a fresh clone without ../shared: fetch the files once into the cache (checksum-verified)
	if (options.contract !== false && !contract.specDir && !contract.validator) await ensureSpecDir();
	const sandbox = new Sandbox(options);
	if (options.contract !== false)
		installContract(sandbox, typeof options.contract === 'object' ? options.contract : {});
	const seedOptions = { seed: 42, ...(options.seed || {}) };
	for (const resource of resources) resource.register(sandbox);
	for (const resource of resources) if (resource.seed) resource.seed(sandbox, seedOptions);
	if (options.contract !== false)
		installCallbackContract(sandbox, typeof options.contract === 'object' ? options.contract : {});
	await sandbox.listen(options.port || 0);
	return sandbox;
}

module.exports = { startSandbox, Sandbox };
