'use strict';
/**
 * Bench control (dev-only, never shipped): a community trigger that does nothing. Its webhook()
 * only hands the body on, and its webhookMethods register nothing. The ack bench loads it into
 * its n8n through N8N_CUSTOM_EXTENSIONS (node type `CUSTOM.benchControlTrigger`) and measures it
 * beside the BigCommerce Trigger and n8n's Webhook node: whatever n8n costs any node that is not
 * its own Webhook node (n8n 2.40.7 `LiveWebhooks.webhookPhaseNeedsIsolate`) shows in this one too,
 * so "trigger − control" is what the BigCommerce Trigger itself adds.
 */
class BenchControlTrigger {
	constructor() {
		this.description = {
			displayName: 'Bench Control Trigger',
			name: 'benchControlTrigger',
			group: ['trigger'],
			// 2, like n8n's Webhook node 2: n8n 2.40.7 evaluates an expression for every version-1
			// start node before webhook() (webhook-helpers.js parseRequestBody)
			version: [1, 2],
			defaultVersion: 2,
			description: 'Does nothing: returns the delivered body (bench control)',
			defaults: { name: 'Bench Control Trigger' },
			inputs: [],
			outputs: ['main'],
			webhooks: [
				{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
			],
			properties: [],
		};
		this.webhookMethods = {
			default: {
				async checkExists() {
					return true;
				},
				async create() {
					return true;
				},
				async delete() {
					return true;
				},
			},
		};
	}

	async webhook() {
		return { workflowData: [[{ json: this.getBodyData() }]] };
	}
}

module.exports = { BenchControlTrigger };
