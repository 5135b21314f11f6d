'use strict';
/**
 * The local BigCommerce sandbox for the e2e suite, started in the harness process (so scenarios
 * can read its state, requests, hooks and OAuth exchanges directly, and emit store events).
 */
const { REPO } = require('./package');
const path = require('node:path');

/**
 * Starts the sandbox on a free port of 127.0.0.1. Options go to sandbox/index.js startSandbox
 * (e.g. `{ seed: { products: 200 } }`).
 */
async function startSandbox(options = {}) {
	const { startSandbox: start } = require(path.join(REPO, 'sandbox'));
	const sandbox = await start({ host: '127.0.0.1', ...options });
	return sandbox;
}

/** Plaintext data of a `bigCommerceApi` credential pointing at the sandbox. */
function apiCredentialData(sandbox, overrides = {}) {
	return {
		storeHash: sandbox.storeHash,
		accessToken: sandbox.accessToken,
		apiBaseUrl: sandbox.baseUrl,
		...overrides,
	};
}

/** Contract violations the sandbox recorded so far (empty when it has no validator). */
function contractViolations(sandbox) {
	const list =
		sandbox.contractViolations ||
		sandbox.violations ||
		(sandbox.contract && sandbox.contract.violations);
	return Array.isArray(list) ? list : [];
}

/** One line per violation (the sandbox's own formatter when it has one). */
function formatViolation(v) {
	try {
		const { formatViolation: format } = require(path.join(REPO, 'sandbox', 'contract'));
		return format(v);
	} catch {
		return typeof v === 'string' ? v : JSON.stringify(v);
	}
}

module.exports = { startSandbox, apiCredentialData, contractViolations, formatViolation };
