'use strict';
/**
 * Validates sandbox exchanges (request + response) against BigCommerce's OpenAPI files.
 *
 * Request: the operation must be documented (method + path template, literal segments win);
 * path parameters, query parameters (strings coerced to the declared types; arrays as CSV, as
 * BigCommerce's `style: form, explode: false`; unknown query parameters pass, as on the real API),
 * required header parameters (presence) and the JSON request body.
 * Response: the status must be documented (or be a platform-wide status, see GENERIC_STATUSES),
 * the body must match the documented schema for that status, and no-content responses carry no body.
 * Schemas are compiled lazily and cached per operation.
 */
const Ajv = require('ajv');
const addFormats = require('ajv-formats');
const { loadSpecs, matchOperation, defaultSpecDir } = require('./specs');
const { howToProvideSpecs } = require('./fetch');
const { convertSchema, deref } = require('./schema');
const defaultExceptions = require('./exceptions');

/**
 * Statuses BigCommerce documents as possible on any endpoint (status-codes.mdx, bigcommerce-api.md
 * §3.4) and the spec files rarely list per operation: auth, scope, not found, method, limit too
 * large, rate limit, server errors. When undocumented for an operation, the body must still be
 * that version's error shape.
 */
const GENERIC_STATUSES = new Set([401, 403, 404, 405, 406, 413, 415, 429, 500, 502, 503, 504, 507]);
/** V2 also answers 400 "Malformed request" with its error array on any operation (§3.2, §3.4). */
const GENERIC_V2_STATUSES = new Set([...GENERIC_STATUSES, 400]);

const GENERIC_ERROR_SCHEMA = {
	v3: {
		type: 'object',
		required: ['status', 'title'],
		properties: { status: { type: 'integer' }, title: { type: 'string' } },
	},
	v2: {
		anyOf: [
			{
				type: 'array',
				minItems: 1,
				items: {
					type: 'object',
					required: ['status', 'message'],
					properties: { status: { type: 'integer' }, message: { type: 'string' } },
				},
			},
			{ type: 'object', required: ['errors'] },
			{ type: 'object', required: ['status', 'title'] },
		],
	},
};

const OPENAPI_FORMATS = [
	'int32',
	'int64',
	'float',
	'double',
	'byte',
	'binary',
	'password',
	'decimal',
	'url',
	'Url',
	'UUID',
	'number',
	'string',
	'enum',
	'ISO-4217',
	'iso-4217',
	'ISO-639',
	'ISO-8601',
];

function makeAjv(coerce) {
	const ajv = new Ajv({
		strict: false,
		allErrors: true,
		coerceTypes: coerce ? 'array' : false,
		validateSchema: false,
		logger: false,
		unicodeRegExp: false,
	});
	addFormats(ajv);
	for (const name of OPENAPI_FORMATS) ajv.addFormat(name, true);
	return ajv;
}

function mediaSchema(content) {
	if (!content || typeof content !== 'object') return { found: false };
	const types = Object.keys(content);
	const json = types.find((t) => /json/i.test(t)) || types.find((t) => t === '*/*');
	if (!json) return { found: true, json: false };
	return { found: true, json: true, schema: content[json] && content[json].schema };
}

function formatErrors(errors, limit = 6) {
	const seen = new Set();
	const parts = [];
	for (const e of errors) {
		let text = `${e.instancePath || '(root)'} ${e.message}`;
		if (e.keyword === 'enum' && e.params.allowedValues)
			text += ` (${e.params.allowedValues.slice(0, 8).join(', ')})`;
		if (e.keyword === 'additionalProperties') text += ` (${e.params.additionalProperty})`;
		if (!seen.has(text)) {
			seen.add(text);
			parts.push(text);
		}
	}
	return (
		parts.slice(0, limit).join('; ') +
		(parts.length > limit ? `; … ${parts.length - limit} more` : '')
	);
}

class ContractValidator {
	constructor({ specDir, exceptions } = {}) {
		this.specDir = specDir || defaultSpecDir();
		this.exceptions = exceptions || defaultExceptions;
		this.cache = new Map();
		this.ajv = undefined;
		this.coercingAjv = undefined;
	}

	get specs() {
		if (!this._specs) {
			try {
				this._specs = loadSpecs(this.specDir);
			} catch (error) {
				throw new Error(
					`BigCommerce's OpenAPI files could not be read from ${this.specDir} (${error.code || error.message}).\n${howToProvideSpecs()}\n  (or start the sandbox with contract: false / --no-contract)`,
				);
			}
			this.ajv = makeAjv(false);
			this.coercingAjv = makeAjv(true);
		}
		return this._specs;
	}

	exceptionsFor(op) {
		return this.exceptions.filter(
			(x) =>
				(x.spec === '*' || x.spec === op.file) &&
				(x.method === '*' || x.method === op.method) &&
				(x.path === '*' || x.path === op.template),
		);
	}

	compiled(key, build) {
		if (!this.cache.has(key)) this.cache.set(key, build());
		return this.cache.get(key);
	}

	compileSchema(op, schema, direction, coerce) {
		const converted = convertSchema(op.doc, schema === undefined ? {} : schema, direction);
		try {
			return (coerce ? this.coercingAjv : this.ajv).compile(converted);
		} catch (error) {
			const fail = () => false;
			fail.errors = [
				{
					instancePath: '',
					keyword: 'schema',
					message: `schema could not be compiled: ${error.message}`,
					params: {},
				},
			];
			fail.compileError = true;
			return fail;
		}
	}

	/** Parameters of an operation merged with its path item's (operation wins), $refs resolved. */
	parametersOf(op) {
		return this.compiled(`params|${op.file}|${op.method}|${op.template}`, () => {
			const byKey = new Map();
			for (const raw of [...(op.pathItem.parameters || []), ...(op.operation.parameters || [])]) {
				const p = deref(op.doc, raw);
				if (p && p.name && p.in) byKey.set(`${p.in}|${p.name}`, p);
			}
			return [...byKey.values()];
		});
	}

	paramValidator(op, location, csvNames) {
		return this.compiled(`${location}|${op.file}|${op.method}|${op.template}`, () => {
			const properties = {};
			const required = [];
			const arrays = new Set();
			for (const p of this.parametersOf(op).filter((x) => x.in === location)) {
				let schema = p.schema || {};
				const resolved = deref(op.doc, schema) || {};
				if (csvNames.includes(p.name)) schema = { type: 'array', items: schema };
				if (resolved.type === 'array' || csvNames.includes(p.name)) arrays.add(p.name);
				properties[p.name] = schema;
				if (p.required) required.push(p.name);
			}
			const validate = this.compileSchema(
				op,
				{ type: 'object', properties, required },
				'request',
				true,
			);
			return { validate, arrays, names: Object.keys(properties) };
		});
	}

	/**
	 * Validates one exchange. `request`: { version, method, path (raw, after /vN), searchParams
	 * (URLSearchParams), headers, body, rawBody }. `response`: { status, body, drop } (undefined
	 * when none was sent). Returns [{ spec, method, path, template, status, direction, reason }].
	 */
	validate(request, response) {
		const specs = this.specs;
		const base = {
			method: request.method,
			path: `/${request.version}${request.path}`,
			status: response && !response.drop ? response.status : undefined,
		};
		const match = matchOperation(specs, request.version, request.method, request.path);
		if (!match || !match.op) {
			const reason = match
				? `${request.method} is not documented for ${match.template} (documented: ${match.pathOnly.join(', ')})`
				: `no documented ${request.version} operation matches ${request.method} ${request.path}`;
			return [
				{
					spec: match ? match.file : null,
					...base,
					template: match ? match.template : null,
					direction: 'request',
					reason,
				},
			];
		}
		const { op } = match;
		const exceptions = this.exceptionsFor(op);
		const context = {
			operation: op.operation,
			op,
			version: request.version,
			request,
			response,
			validator: this,
		};
		const issues = [];
		this.checkRequest(op, match.params, request, exceptions, issues);
		if (response && !response.drop)
			this.checkResponse(op, request, response, exceptions, context, issues);
		const kept = issues.filter(
			(issue) => !exceptions.some((x) => x.ignore && x.ignore(issue, context)),
		);
		const grouped = new Map();
		for (const issue of kept) {
			const key = `${issue.direction}|${issue.label}`;
			if (!grouped.has(key))
				grouped.set(key, {
					direction: issue.direction,
					label: issue.label,
					errors: [],
					messages: [],
				});
			const g = grouped.get(key);
			if (issue.error && (issue.location === 'query' || issue.location === 'path')) {
				let text =
					issue.error.keyword === 'required' ? 'required but missing' : issue.error.message;
				if (issue.error.keyword === 'enum')
					text += ` ${issue.error.params.allowedValues.slice(0, 12).join(', ')}`;
				g.messages.push(
					`${text}${issue.value !== undefined ? ` (got ${JSON.stringify(issue.value)})` : ''}`,
				);
			} else if (issue.error) g.errors.push(issue.error);
			else g.messages.push(issue.message);
		}
		return [...grouped.values()].map((g) => ({
			spec: op.file,
			...base,
			template: op.template,
			operationId: op.operation.operationId,
			direction: g.direction,
			reason: `${g.label}: ${[...new Set(g.messages), ...(g.errors.length ? [formatErrors(g.errors)] : [])].join('; ')}`,
		}));
	}

	checkRequest(op, pathParams, request, exceptions, issues) {
		const csvNames = exceptions.flatMap((x) => x.csvQuery || []);
		const rewrites = Object.assign({}, ...exceptions.map((x) => x.rewriteQuery || {}));
		// path
		const pv = this.paramValidator(op, 'path', []);
		const pathData = { ...pathParams };
		if (!pv.validate(pathData)) {
			for (const error of pv.validate.errors) {
				const name = error.instancePath.split('/')[1] || error.params.missingProperty || '';
				issues.push({
					direction: 'request',
					location: 'path',
					label: `path parameter ${name}`,
					param: name,
					error,
					value: pathParams[name],
				});
			}
		}
		// query
		const qv = this.paramValidator(op, 'query', csvNames);
		const query = {};
		for (const name of qv.names) {
			const values = request.searchParams.getAll(name);
			if (!values.length) continue;
			const rewrite = rewrites[name];
			const fixed = rewrite ? values.map((v) => rewrite(v)) : values;
			query[name] = qv.arrays.has(name)
				? fixed.flatMap((v) => v.split(','))
				: fixed[fixed.length - 1];
		}
		const original = { ...query };
		if (!qv.validate(query)) {
			for (const error of qv.validate.errors) {
				const name = error.instancePath.split('/')[1] || error.params.missingProperty || '';
				issues.push({
					direction: 'request',
					location: 'query',
					label: `query parameter ${name.replace(/~1/g, '/')}`,
					param: name,
					error,
					value: original[name],
				});
			}
		}
		// headers: presence of required ones
		for (const p of this.parametersOf(op).filter((x) => x.in === 'header' && x.required)) {
			if (request.headers[p.name.toLowerCase()] === undefined) {
				issues.push({
					direction: 'request',
					location: 'header',
					label: `header ${p.name}`,
					param: p.name,
					message: 'required header is missing',
				});
			}
		}
		// body
		const requestBody = deref(op.doc, op.operation.requestBody);
		const hasBody = request.rawBody && request.rawBody.length > 0;
		if (!requestBody) {
			return;
		}
		if (!hasBody) {
			if (requestBody.required)
				issues.push({
					direction: 'request',
					location: 'body',
					label: 'request body',
					message: 'the operation requires a body but none was sent',
				});
			return;
		}
		const media = mediaSchema(requestBody.content);
		const contentType = String(request.headers['content-type'] || '')
			.toLowerCase()
			.split(';')[0]
			.trim();
		const documentedTypes = Object.keys(requestBody.content || {}).map((t) => t.toLowerCase());
		if (
			!contentType ||
			!documentedTypes.some(
				(t) =>
					t === contentType ||
					t === '*/*' ||
					(t.endsWith('/*') && contentType.startsWith(t.slice(0, -1))),
			)
		) {
			issues.push({
				direction: 'request',
				location: 'body',
				label: 'request Content-Type',
				message: `"${contentType || '(none)'}" is not documented for this body (documented: ${documentedTypes.join(', ')})`,
			});
			return;
		}
		if (!media.json || !contentType.includes('json')) return; // multipart uploads etc.
		if (request.body === undefined) {
			issues.push({
				direction: 'request',
				location: 'body',
				label: 'request body',
				message: 'the body is not valid JSON',
			});
			return;
		}
		const validate = this.compiled(`body|${op.file}|${op.method}|${op.template}`, () =>
			this.compileSchema(op, media.schema, 'request', false),
		);
		if (!validate(request.body)) {
			for (const error of validate.errors)
				issues.push({ direction: 'request', location: 'body', label: 'request body', error });
		}
	}

	checkResponse(op, request, response, exceptions, context, issues) {
		const status = response.status;
		const responses = op.operation.responses || {};
		const key =
			[String(status), `${String(status)[0]}XX`, `${String(status)[0]}xx`].find(
				(k) => responses[k],
			) || (responses.default ? 'default' : undefined);
		const hasBody = response.body !== undefined && response.body !== '';
		const push = (message) =>
			issues.push({
				direction: 'response',
				location: 'response',
				label: `response ${status}`,
				message,
			});
		if (!key) {
			if (exceptions.some((x) => x.allowStatus && x.allowStatus(status, response.body, context)))
				return;
			if ((request.version === 'v2' ? GENERIC_V2_STATUSES : GENERIC_STATUSES).has(status)) {
				const validate = this.compiled(`generic|${request.version}`, () =>
					this.ajv.compile(GENERIC_ERROR_SCHEMA[request.version] || {}),
				);
				if (!validate(response.body))
					push(`not ${request.version}'s error shape: ${formatErrors(validate.errors)}`);
				return;
			}
			push(
				`status ${status} is not documented (documented: ${Object.keys(responses).join(', ') || 'none'})`,
			);
			return;
		}
		const documented = deref(op.doc, responses[key]) || {};
		const media = mediaSchema(documented.content);
		if (status === 204 || !media.found) {
			if (hasBody) push(`a ${status} response documented without content must have no body`);
			return;
		}
		if (!media.json) return; // documented as non-JSON (xml, html): not checked
		if (!hasBody) {
			if (media.schema) push('the documented response has a body but none was sent');
			return;
		}
		if (!media.schema) return;
		const validate = this.compiled(`response|${key}|${op.file}|${op.method}|${op.template}`, () =>
			this.compileSchema(op, media.schema, 'response', false),
		);
		const body = typeof response.body === 'string' ? safeJson(response.body) : response.body;
		if (!validate(body)) {
			for (const error of validate.errors)
				issues.push({
					direction: 'response',
					location: 'response',
					label: `response ${status} body`,
					error,
				});
		}
	}
}

function safeJson(text) {
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

module.exports = { ContractValidator, GENERIC_STATUSES };
