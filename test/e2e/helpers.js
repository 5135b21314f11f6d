'use strict';
/** Small helpers shared by the e2e scenarios (not a scenario: no `.e2e.js` suffix). */

/** Values of a sandbox collection (Map or array). */
function values(collection) {
	if (!collection) return [];
	if (collection instanceof Map) return [...collection.values()];
	return Array.isArray(collection) ? collection : Object.values(collection);
}

/** A resource-locator value whose ID is an n8n expression (e.g. an earlier node's output). */
function idFrom(expression) {
	return { __rl: true, mode: 'id', value: `={{ ${expression} }}` };
}

/** `$('<node>').first().json.<field>` as a resource-locator value. */
function idOf(nodeName, field = 'id') {
	return idFrom(`$('${nodeName}').first().json.${field}`);
}

/** Sandbox requests made since index `before`, as "METHOD v3/path status" lines. */
function requestLines(sandbox, before) {
	return sandbox.requests.slice(before).map((r) => `${r.method} ${r.version}${r.path} ${r.status}`);
}

module.exports = { values, idFrom, idOf, requestLines };
