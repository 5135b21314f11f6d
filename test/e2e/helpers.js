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

/**
 * An example workflow (examples/<file>) as a scenario imports it: its own id, name and node ids,
 * BigCommerce nodes on the scenario's credential, then `edit(node)` for what the test changes.
 */
function exampleVariant(ctx, { file, id, name, credential, edit = () => {} }) {
	// the example as the harness loads it (pointed at this machine: export folder, http:// trigger)
	const { workflow } = ctx.examples({ allowInsecureTrigger: true }).find((e) => e.file === file);
	workflow.id = id;
	workflow.name = name;
	workflow.versionId = ctx.wf.stableUuid(`${id}:version`);
	for (const node of workflow.nodes) {
		node.id = ctx.wf.stableUuid(`${id}:${node.name}`);
		if (node.webhookId) node.webhookId = ctx.wf.stableUuid(`${id}:${node.name}:webhook`);
		if (node.credentials && node.credentials.bigCommerceApi)
			node.credentials = { bigCommerceApi: { id: credential.id, name: credential.name } };
		edit(node);
	}
	return workflow;
}

module.exports = { values, idFrom, idOf, requestLines, exampleVariant };
