'use strict';
/**
 * Webhook callbacks against BigCommerce's official callback documents
 * (../shared/bigcommerce-openapi/webhook-callbacks/): the envelope (`scope`, `store_id`, `data`,
 * `hash`, `created_at`, `producer`), the per-scope JSON schema (`store_order_created.yml` ...), and
 * the `data` keys of the official example payload (`data/store_order_created.json`), when one exists.
 * Channel-specific scopes (`store/channel/{id}/order/created`) are checked as their store-wide scope.
 */
const fs = require('node:fs');
const path = require('node:path');
const Ajv = require('ajv');
const { convertSchema } = require('./schema');
const { defaultSpecDir } = require('./specs');

const ENVELOPE = {
	type: 'object',
	required: ['scope', 'store_id', 'data', 'hash', 'created_at', 'producer'],
	properties: {
		scope: { type: 'string' },
		store_id: { type: 'string', pattern: '^[0-9]+$' },
		data: { type: 'object' },
		hash: { type: 'string', minLength: 1 },
		created_at: { type: 'integer' },
		producer: { type: 'string', pattern: '^stores/[a-z0-9]+$' },
	},
};

class CallbackValidator {
	constructor({ specDir } = {}) {
		this.dir = path.join(specDir || defaultSpecDir(), 'webhook-callbacks');
		this.ajv = new Ajv({ strict: false, allErrors: true, logger: false, unicodeRegExp: false });
		this.envelope = this.ajv.compile(ENVELOPE);
		this.cache = new Map();
	}

	/** 'store/channel/1/order/created' -> 'store_order_created' */
	static fileBase(scope) {
		return String(scope)
			.replace(/^store\/channel\/[^/]+\//, 'store/')
			.replace(/\//g, '_');
	}

	documentsFor(scope) {
		const base = CallbackValidator.fileBase(scope);
		if (this.cache.has(base)) return this.cache.get(base);
		const entry = { base, schemaFile: undefined, validate: undefined, example: undefined };
		const ymlPath = path.join(this.dir, `${base}.yml`);
		if (fs.existsSync(ymlPath)) {
			const YAML = require('yaml');
			const doc = YAML.parse(fs.readFileSync(ymlPath, 'utf8'));
			const inner = doc && doc.properties ? Object.values(doc.properties)[0] : undefined;
			entry.schemaFile = `webhook-callbacks/${base}.yml`;
			if (inner) entry.validate = this.ajv.compile(convertSchema(doc, inner, 'response'));
		}
		const examplePath = path.join(this.dir, 'data', `${base}.json`);
		try {
			const example = JSON.parse(fs.readFileSync(examplePath, 'utf8'));
			if (example && example.data && typeof example.data === 'object') entry.example = example;
		} catch {
			// no example, or an empty upstream file
		}
		this.cache.set(base, entry);
		return entry;
	}

	/** Returns { spec, reasons: string[] } for one callback payload. */
	validate(payload) {
		const reasons = [];
		if (!this.envelope(payload))
			reasons.push(
				`envelope: ${this.envelope.errors.map((e) => `${e.instancePath || '(root)'} ${e.message}`).join('; ')}`,
			);
		const docs = this.documentsFor(payload && payload.scope);
		if (!docs.schemaFile && !docs.example) {
			reasons.push(`no documented callback for scope "${payload && payload.scope}"`);
			return { spec: null, reasons };
		}
		if (docs.validate && !docs.validate(payload)) {
			reasons.push(
				`schema: ${docs.validate.errors.map((e) => `${e.instancePath || '(root)'} ${e.message}`).join('; ')}`,
			);
		}
		if (docs.example && payload && payload.data && typeof payload.data === 'object') {
			const diff = keyDiff(docs.example.data, payload.data, 'data');
			if (diff.length)
				reasons.push(
					`differs from the official example data/${docs.base}.json: ${diff.join('; ')}`,
				);
		}
		return { spec: docs.schemaFile || `webhook-callbacks/data/${docs.base}.json`, reasons };
	}
}

/** Keys missing or extra compared with the example, and JSON type mismatches (nested objects too). */
function keyDiff(expected, actual, where) {
	const out = [];
	const typeOf = (v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
	for (const key of Object.keys(expected)) {
		if (!(key in actual)) out.push(`${where}.${key} missing`);
		else if (
			expected[key] !== null &&
			actual[key] !== null &&
			typeOf(expected[key]) !== typeOf(actual[key])
		)
			out.push(`${where}.${key} is ${typeOf(actual[key])}, example has ${typeOf(expected[key])}`);
		else if (typeOf(expected[key]) === 'object' && typeOf(actual[key]) === 'object')
			out.push(...keyDiff(expected[key], actual[key], `${where}.${key}`));
	}
	for (const key of Object.keys(actual))
		if (!(key in expected)) out.push(`${where}.${key} is not in the example`);
	return out;
}

/**
 * Wraps the webhook engine (sandbox.webhooks, from resources/webhooks.js) so every payload it
 * delivers is checked once; violations go to sandbox.violations with direction 'callback'.
 */
function installCallbackContract(sandbox, options = {}) {
	const engine = sandbox.webhooks;
	if (!engine || typeof engine.deliver !== 'function' || engine.__contractWrapped) return false;
	const validator = new CallbackValidator(options);
	const seen = new WeakSet();
	const deliver = engine.deliver.bind(engine);
	engine.deliver = (hook, payload, ...rest) => {
		if (payload && typeof payload === 'object' && !seen.has(payload)) {
			seen.add(payload);
			const { spec, reasons } = validator.validate(payload);
			for (const reason of reasons) {
				const violation = {
					spec,
					method: 'POST',
					path: hook && hook.destination,
					status: undefined,
					direction: 'callback',
					reason: `callback ${payload.scope}: ${reason}`,
				};
				sandbox.violations.push(violation);
				for (const listener of sandbox.violationListeners) listener(violation);
			}
		}
		return deliver(hook, payload, ...rest);
	};
	engine.__contractWrapped = true;
	sandbox.callbackContract = validator;
	return true;
}

module.exports = { CallbackValidator, installCallbackContract };
