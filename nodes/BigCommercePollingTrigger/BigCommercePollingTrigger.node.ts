import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';

import {
	parseState,
	readChanges,
	readOptionsFrom,
	sampleChanges,
	serializeState,
} from '../BigCommerce/changes';
import { dateValue } from '../BigCommerce/shared/validate';
import { pollingTriggerProperties } from './description';
import { MAIN_CONNECTION } from '../BigCommerce/shared/connections';
import { NODE_CREDENTIALS } from '../BigCommerce/shared/properties';

/** Where the node keeps its state in the workflow's static data (one string, see changes/). */
export const STATE_KEY = 'changes';

export class BigCommercePollingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'BigCommerce Polling Trigger',
		name: 'bigCommercePollingTrigger',
		icon: { light: 'file:bigcommerce.svg', dark: 'file:bigcommerce.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{($parameter["events"] || []).join(", ")}}',
		description:
			'Starts the workflow on new and updated BigCommerce orders, products and customers, read at each poll: for n8n instances BigCommerce cannot reach',
		defaults: { name: 'BigCommerce Polling Trigger' },
		polling: true,
		inputs: [],
		outputs: [MAIN_CONNECTION],
		credentials: NODE_CREDENTIALS,
		properties: pollingTriggerProperties,
	};

	/**
	 * One poll: the changes since the stored cursor, each once. The state is written only when the
	 * read succeeded, right before the items are handed to n8n (which saves the static data as it
	 * starts the execution). In the editor (manual mode) it returns the newest record of each
	 * selected resource as a sample and leaves the state alone.
	 */
	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const parameter = (name: string, fallback: unknown) => this.getNodeParameter(name, fallback);
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const startFrom = this.getNodeParameter('startFrom', 'now') as string;
		const start =
			startFrom === 'date'
				? Math.floor(
						dateValue(this, 0, this.getNodeParameter('startDate', ''), 'Start Date') / 1000,
					)
				: 'now';
		const settings = readOptionsFrom(this, parameter, {
			start,
			source: 'poll',
			nowMs: Date.now(),
			overlapSeconds: options.overlapSeconds as number | undefined,
		});
		if (this.getMode() === 'manual') {
			const sample = await sampleChanges(this, settings);
			return sample.length ? [this.helpers.returnJsonArray(sample)] : null;
		}
		const staticData = this.getWorkflowStaticData('node');
		const result = await readChanges(this, parseState(staticData[STATE_KEY]), settings);
		for (const warning of result.warnings) this.logger.warn(warning);
		const serialized = serializeState(result.state);
		// assigned only when it changed: n8n saves static data it sees changed
		if (staticData[STATE_KEY] !== serialized) staticData[STATE_KEY] = serialized;
		return result.items.length ? [this.helpers.returnJsonArray(result.items)] : null;
	}
}
