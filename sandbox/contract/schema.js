'use strict';
/**
 * OpenAPI 3.0 schema objects -> JSON Schema (draft-07, as Ajv compiles it), one self-contained
 * schema per use: internal `$ref`s become `#/definitions/<name>` entries (cycles included).
 *
 * Conversions: `nullable` (and the legacy `x-nullable`) -> type/enum also admitting null;
 * boolean `exclusiveMinimum`/`exclusiveMaximum` -> numeric draft-07 form; `$ref` siblings are
 * ignored as OpenAPI 3.0 says (except `nullable`); `example(s)`, `discriminator`, `xml`,
 * `externalDocs`, `deprecated`, `x-*` are dropped. `readOnly` properties are not required in
 * requests and `writeOnly` ones are not required in responses (OpenAPI 3.0 semantics).
 */

const DROP = new Set([
	'example',
	'examples',
	'discriminator',
	'xml',
	'externalDocs',
	'deprecated',
	'nullable',
	'x-nullable',
]);
const SCHEMA_MAPS = ['properties', 'patternProperties', 'definitions'];
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf'];
const SCHEMA_SINGLE = [
	'items',
	'additionalProperties',
	'not',
	'contains',
	'propertyNames',
	'if',
	'then',
	'else',
];

/** Resolves a local JSON pointer ('#/components/schemas/X') in doc. */
function resolvePointer(doc, ref) {
	if (typeof ref !== 'string' || !ref.startsWith('#/')) return undefined;
	let node = doc;
	for (const raw of ref.slice(2).split('/')) {
		const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
		if (node === undefined || node === null) return undefined;
		node = node[key];
	}
	return node;
}

/** Follows $ref chains on non-schema objects (parameters, responses, request bodies). */
function deref(doc, value) {
	let current = value;
	for (
		let i = 0;
		i < 20 && current && typeof current === 'object' && typeof current.$ref === 'string';
		i++
	) {
		current = resolvePointer(doc, current.$ref);
	}
	return current;
}

function makeNullable(schema) {
	if (schema.$ref || !schema.type) {
		if (schema.enum) return { ...schema, enum: [...schema.enum, null] };
		return { anyOf: [schema, { type: 'null' }] };
	}
	const out = { ...schema };
	out.type = Array.isArray(schema.type)
		? [...new Set([...schema.type, 'null'])]
		: [schema.type, 'null'];
	if (out.enum && !out.enum.includes(null)) out.enum = [...out.enum, null];
	return out;
}

/**
 * Converts `schema` from `doc` for `direction` ('request' | 'response'). Returns a JSON schema
 * with its own `definitions` holding every schema reached through `$ref`.
 */
function convertSchema(doc, schema, direction) {
	const definitions = {};
	const names = new Map();
	const pending = [];

	const refName = (ref) => {
		if (names.has(ref)) return names.get(ref);
		const base =
			ref
				.split('/')
				.pop()
				.replace(/[^A-Za-z0-9_.-]/g, '_') || 'ref';
		let name = base;
		for (
			let i = 2;
			Object.prototype.hasOwnProperty.call(definitions, name) || [...names.values()].includes(name);
			i++
		)
			name = `${base}_${i}`;
		names.set(ref, name);
		definitions[name] = true; // placeholder until converted
		pending.push([ref, name]);
		return name;
	};

	const convert = (node) => {
		if (node === null || typeof node !== 'object') return node;
		if (Array.isArray(node)) return node.map(convert);
		const nullable = node.nullable === true || node['x-nullable'] === true;
		if (typeof node.$ref === 'string') {
			const target = node.$ref.startsWith('#/')
				? { $ref: `#/definitions/${refName(node.$ref)}` }
				: {};
			return nullable ? makeNullable(target) : target;
		}
		let out = {};
		for (const [key, value] of Object.entries(node)) {
			if (DROP.has(key) || key.startsWith('x-')) continue;
			if (SCHEMA_MAPS.includes(key) && value && typeof value === 'object') {
				out[key] = {};
				for (const [name, sub] of Object.entries(value)) out[key][name] = convert(sub);
			} else if (SCHEMA_LISTS.includes(key) && Array.isArray(value)) {
				out[key] = value.map(convert);
			} else if (SCHEMA_SINGLE.includes(key)) {
				out[key] = typeof value === 'object' ? convert(value) : value;
			} else if (key === 'required' && !Array.isArray(value)) {
				continue; // `required: true` on a property (an upstream mistake): meaningless in a schema
			} else if (
				key === 'type' &&
				typeof value === 'string' &&
				!['string', 'number', 'integer', 'boolean', 'array', 'object', 'null'].includes(value)
			) {
				continue; // e.g. `type: file` (OpenAPI 2 relic)
			} else {
				out[key] = value;
			}
		}
		if (node.exclusiveMinimum === true && typeof node.minimum === 'number') {
			out.exclusiveMinimum = node.minimum;
			delete out.minimum;
		} else if (typeof node.exclusiveMinimum === 'boolean') delete out.exclusiveMinimum;
		if (node.exclusiveMaximum === true && typeof node.maximum === 'number') {
			out.exclusiveMaximum = node.maximum;
			delete out.maximum;
		} else if (typeof node.exclusiveMaximum === 'boolean') delete out.exclusiveMaximum;
		if (Array.isArray(out.required) && out.properties) {
			const skip = direction === 'request' ? 'readOnly' : 'writeOnly';
			const rawProps = node.properties || {};
			out.required = out.required.filter((name) => {
				const prop = deref(doc, rawProps[name]);
				return !(prop && prop[skip] === true);
			});
			if (!out.required.length) delete out.required;
		}
		delete out.readOnly;
		delete out.writeOnly;
		if (nullable) out = makeNullable(out);
		return out;
	};

	const root = convert(schema);
	while (pending.length) {
		const [ref, name] = pending.shift();
		const target = resolvePointer(doc, ref);
		definitions[name] = target === undefined ? {} : convert(target);
	}
	if (root === true || root === false) return root;
	return Object.keys(definitions).length
		? { ...root, definitions: { ...(root.definitions || {}), ...definitions } }
		: root;
}

module.exports = { convertSchema, resolvePointer, deref };
