'use strict';
/**
 * Builders for importable n8n workflow JSON with the package's real node types.
 *
 *   actionWorkflow({ id: 'e2eStoreGet00001', name: 'Store get', steps: [
 *     { name: 'Get store', parameters: { resource: 'store', operation: 'get' } },
 *   ] })
 *
 * gives Start (manualTrigger) → Get store (BigCommerce, bigCommerceApi credential), ready for
 * `n8n import:workflow` and `n8n execute --id`.
 */
const crypto = require('node:crypto');

const PACKAGE = 'n8n-nodes-bigcommerce';
const NODE_TYPES = {
	action: `${PACKAGE}.bigCommerce`,
	trigger: `${PACKAGE}.bigCommerceTrigger`,
	tool: `${PACKAGE}.bigCommerceTool`,
	manualTrigger: 'n8n-nodes-base.manualTrigger',
};

/** The default credentials the runner imports (ids fixed so workflows can reference them). */
const CREDENTIALS = {
	api: { id: 'bcE2eApiCred0001', name: 'BigCommerce sandbox', type: 'bigCommerceApi' },
	oauth: {
		id: 'bcE2eOAuthCred01',
		name: 'BigCommerce sandbox (OAuth2)',
		type: 'bigCommerceOAuth2Api',
	},
};

/** A deterministic UUID from a string (stable node ids / webhook ids across runs). */
function stableUuid(seed) {
	const hex = crypto.createHash('sha256').update(seed).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A resource-locator value by ID (what the editor stores for "By ID"). */
function byId(value) {
	return { __rl: true, mode: 'id', value: String(value) };
}

function manualTrigger(workflowId) {
	return {
		id: stableUuid(`${workflowId}:start`),
		name: 'Start',
		type: NODE_TYPES.manualTrigger,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
}

/**
 * A BigCommerce action node. `credential`: 'api' (default) | 'oauth' | { id, name, type }.
 * `authentication` follows the credential type.
 */
function bigCommerceNode(
	workflowId,
	{ name, parameters = {}, credential = 'api', position, continueOnFail, onError },
) {
	const cred = typeof credential === 'string' ? CREDENTIALS[credential] : credential;
	const authentication = cred.type === 'bigCommerceOAuth2Api' ? 'oAuth2' : 'accessToken';
	const node = {
		id: stableUuid(`${workflowId}:${name}`),
		name,
		type: NODE_TYPES.action,
		typeVersion: 1,
		position: position || [0, 0],
		parameters: { authentication, ...parameters },
		credentials: { [cred.type]: { id: cred.id, name: cred.name } },
	};
	if (continueOnFail) node.onError = 'continueRegularOutput';
	if (onError) node.onError = onError;
	return node;
}

/** Chains nodes in order: each node's main output 0 feeds the next one. */
function chain(nodes) {
	const connections = {};
	for (let i = 0; i < nodes.length - 1; i++) {
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	}
	return connections;
}

function workflow({ id, name, nodes, connections, settings, tags }) {
	return {
		id,
		name,
		active: false,
		nodes,
		connections: connections || chain(nodes),
		settings: { executionOrder: 'v1', ...(settings || {}) },
		pinData: {},
		versionId: stableUuid(`${id}:version`),
		...(tags ? { tags } : {}),
	};
}

/**
 * Start → step 1 → step 2 ... Each step: { name, parameters, credential?, continueOnFail? }
 * (BigCommerce action nodes) or a raw node object (with a `type`).
 *
 * So that one headless run can cover a whole resource, every step defaults to
 * `executeOnce: true` (runs once, whatever number of items the previous step produced) and
 * `alwaysOutputData: true` (an empty result still lets the chain go on, as one empty item).
 * Later steps read earlier results with expressions such as
 * `={{ $('Create product').first().json.id }}`. Set `executeOnce: false` /
 * `alwaysOutputData: false` on a step to get n8n's per-item behaviour.
 */
function actionWorkflow({ id, name, steps, settings }) {
	const nodes = [manualTrigger(id)];
	steps.forEach((step, index) => {
		const { executeOnce = true, alwaysOutputData = true, ...rest } = step;
		const node = rest.type
			? { id: stableUuid(`${id}:${rest.name}`), typeVersion: 1, parameters: {}, ...rest }
			: bigCommerceNode(id, rest);
		if (executeOnce) node.executeOnce = true;
		if (alwaysOutputData) node.alwaysOutputData = true;
		node.position = node.position || [260 * (index + 1), 0];
		nodes.push(node);
	});
	return workflow({ id, name: name || id, nodes, settings });
}

/** A Code node (JavaScript) step, e.g. to compute something between two BigCommerce calls. */
function codeStep(name, jsCode) {
	return {
		name,
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		parameters: { jsCode },
	};
}

module.exports = {
	PACKAGE,
	NODE_TYPES,
	CREDENTIALS,
	stableUuid,
	byId,
	manualTrigger,
	bigCommerceNode,
	chain,
	workflow,
	actionWorkflow,
	codeStep,
};
