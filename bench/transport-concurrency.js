#!/usr/bin/env node
'use strict';
/**
 * `node bench/transport-concurrency.js [N]` (after `npm run build`): reads N products (default
 * 10,000, with variants, images and custom fields) through the package's transport
 * (`bigCommerceApiRequestAllItems`, dist/) from the sandbox (80 ms latency, quota 150 / 30 s),
 * one page after the other and with the `concurrency` option, outside n8n. Shows what concurrent
 * page reads can gain on this machine; prints one JSON line.
 */
const path = require('node:path');

const { startSandbox } = require('../sandbox');
const transport = require(path.join(__dirname, '..', 'dist', 'nodes', 'BigCommerce', 'transport'));

/** The parts of n8n's execute context the transport uses, sending with fetch (bench/export-profile.js adds to it). */
function context(sandbox) {
	const credentials = {
		storeHash: sandbox.storeHash,
		accessToken: sandbox.accessToken,
		apiBaseUrl: sandbox.baseUrl,
	};
	return {
		getNodeParameter: () => 'accessToken',
		getCredentials: async () => credentials,
		getNode: () => ({
			name: 'BigCommerce',
			type: 'n8n-nodes-bigcommerce.bigCommerce',
			typeVersion: 1,
			parameters: {},
		}),
		helpers: {
			async httpRequestWithAuthentication(type, options) {
				const url = new URL(options.url);
				for (const [k, v] of Object.entries(options.qs || {})) url.searchParams.set(k, String(v));
				const res = await fetch(url, {
					method: options.method,
					headers: { ...options.headers, 'X-Auth-Token': credentials.accessToken },
				});
				const headers = {};
				res.headers.forEach((value, key) => (headers[key] = value));
				return { statusCode: res.status, headers, body: JSON.parse(await res.text()) };
			},
		},
	};
}

async function main() {
	const n = Number(process.argv[2] || 10000);
	const sandbox = await startSandbox({
		seed: { products: n },
		latencyMs: 80,
		rateLimit: { quota: 150, windowMs: 30000 },
		contract: false,
	});
	const ctx = context(sandbox);
	const request = {
		method: 'GET',
		version: 'v3',
		path: '/catalog/products',
		qs: { include: 'variants,images,custom_fields', sort: 'id', direction: 'asc' },
	};
	const results = {};
	for (const concurrency of [1, 4, 1, 4]) {
		sandbox.setRateLimit({ quota: 150, windowMs: 30000 });
		const before = sandbox.requests.length;
		const t0 = performance.now();
		let count = 0;
		await transport.bigCommerceApiRequestAllItems.call(ctx, request, {
			returnAll: true,
			concurrency,
			onItems: (items) => (count += items.length),
		});
		const ms = Math.round(performance.now() - t0);
		(results[`concurrency ${concurrency}`] = results[`concurrency ${concurrency}`] || []).push({
			ms,
			items: count,
			calls: sandbox.requests.length - before,
		});
	}
	process.stdout.write(`${JSON.stringify({ n, results })}\n`);
	await sandbox.close();
}

module.exports = { context };

if (require.main === module)
	main().then(
		() => process.exit(0),
		(error) => {
			process.stderr.write(`${error.stack}\n`);
			process.exit(1);
		},
	);
