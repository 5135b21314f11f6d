'use strict';
/**
 * The example workflows in examples/*.json, as the e2e suites and `npm start` import them (dev
 * only). The files are shipped for users as they are; here they are only pointed at this machine:
 *
 * - `exportFolder`: every Set-node field named `exportFolder` or `feedFolder` (the catalog export's
 *   and the Google feed's folder settings) becomes this folder (the one delivery.js lets n8n write to);
 * - `allowInsecureTrigger`: the BigCommerce Trigger may register the sandbox's http:// URL.
 *
 * Credentials are not touched: the examples reference the ids the harness imports (the
 * BigCommerce sandbox credential and delivery.js's SMTP credential).
 */
const fs = require('node:fs');
const path = require('node:path');

const { NODE_TYPES } = require('./workflows');

/** The Set-node fields of the examples that name the folder they write to. */
const FOLDER_FIELDS = ['exportFolder', 'feedFolder'];

const EXAMPLES = path.resolve(__dirname, '..', '..', 'examples');

/** [{ file, workflow }] for every examples/*.json, in file-name order, adapted as above. */
function loadExamples({ exportFolder, allowInsecureTrigger = false } = {}) {
	if (!fs.existsSync(EXAMPLES)) return [];
	return fs
		.readdirSync(EXAMPLES)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((file) => {
			const workflow = JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8'));
			for (const node of workflow.nodes || []) {
				if (allowInsecureTrigger && node.type === NODE_TYPES.trigger) {
					node.parameters = node.parameters || {};
					node.parameters.options = { ...(node.parameters.options || {}), allowInsecureUrl: true };
				}
				if (exportFolder && node.type === 'n8n-nodes-base.set') {
					for (const field of node.parameters?.assignments?.assignments || []) {
						if (FOLDER_FIELDS.includes(field.name)) field.value = exportFolder;
					}
				}
			}
			return { file, workflow };
		});
}

module.exports = { loadExamples, EXAMPLES };
