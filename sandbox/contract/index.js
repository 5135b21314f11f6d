'use strict';
/**
 * Installs OpenAPI contract validation on a sandbox: every API exchange it serves is checked
 * against BigCommerce's official files; violations are appended to `sandbox.violations` as
 * `{ spec, method, path, template, status, direction, reason, requestIndex }` and passed to
 * `sandbox.violationListeners` (the CLI logs them; the jest setup fails the test).
 */
const { ContractValidator } = require('./validator');

/** One validator (parsed specs + compiled schemas) per process and spec directory. */
const validators = new Map();

function getValidator(specDir) {
	const key = specDir || '';
	if (!validators.has(key)) validators.set(key, new ContractValidator({ specDir }));
	return validators.get(key);
}

function installContract(sandbox, options = {}) {
	const validator =
		options.validator || getValidator(options.specDir || process.env.BIGCOMMERCE_OPENAPI_DIR);
	sandbox.contract = validator;
	sandbox.violations = sandbox.violations || [];
	sandbox.violationListeners = sandbox.violationListeners || [];
	sandbox.observers.push((exchange) => {
		const { ctx, response } = exchange;
		if (!ctx || !ctx.version) return;
		let found;
		try {
			found = validator.validate(
				{
					version: ctx.version,
					method: ctx.method,
					path: ctx.rawPath || ctx.path,
					searchParams: ctx.url.searchParams,
					headers: ctx.headers,
					body: ctx.body,
					rawBody: ctx.rawBody,
				},
				// an injected fault's answer is the test's choice, not the sandbox's: only the request is checked
				ctx.fault && ctx.fault !== 'latency' ? undefined : response,
			);
		} catch (error) {
			found = [
				{
					spec: null,
					method: ctx.method,
					path: `/${ctx.version}${ctx.path}`,
					status: response && response.status,
					direction: 'request',
					reason: `contract validator failed: ${error.message}`,
				},
			];
		}
		for (const violation of found) {
			violation.requestIndex = exchange.requestIndex;
			sandbox.violations.push(violation);
			for (const listener of sandbox.violationListeners) listener(violation);
		}
	});
	return validator;
}

/** One line per violation, for logs and test failures. */
function formatViolation(v) {
	return `[${v.spec || 'no spec'}] ${v.method} ${v.path}${v.status ? ` → ${v.status}` : ''} (${v.direction}): ${v.reason}`;
}

module.exports = { installContract, getValidator, formatViolation, ContractValidator };
