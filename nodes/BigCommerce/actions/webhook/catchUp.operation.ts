import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../types';
import {
	parseState,
	readChanges,
	readOptionsFrom,
	resourcesOf,
	serializeState,
} from '../../changes';
import {
	changeEventsProperty,
	changeFilterProperties,
	changeOptionsProperty,
} from '../../changes/properties';
import { dateValue, isBlank } from '../../shared/validate';
import { toItems } from '../../shared/items';

export const option: OperationOption = {
	name: 'Catch Up',
	value: 'catchUp',
	action: 'Catch up on missed webhook events',
	description:
		'Read the orders, products and customers that changed while a hook was off, shaped like trigger output; each change only once, however often it runs',
};

/** Where the operation remembers what it handed over, in this node's workflow static data. */
export const CATCH_UP_STATE_KEY = 'caughtUp';

export const properties: INodeProperties[] = [
	changeEventsProperty(
		'The changes to catch up on (those the switched-off hooks would have delivered)',
	),
	{
		displayName: 'Missed Since',
		name: 'missedSince',
		type: 'string',
		required: true,
		default: '={{ $json.missedSince }}',
		placeholder: '2026-01-31T00:00:00Z',
		description:
			'The start of the gap: changes from this moment on are read. Webhook › Restore outputs it as missedSince.',
	},
	{
		displayName: 'Missed Until',
		name: 'missedUntil',
		type: 'string',
		default: '={{ $json.restoredAt }}',
		placeholder: '2026-02-02T00:00:00Z',
		description:
			'The end of the gap (from then on the hook delivers again): Webhook › Restore outputs it as restoredAt. Empty: up to now.',
	},
	...changeFilterProperties,
	changeOptionsProperty(
		'How far back a run re-reads before what an earlier run handed over (changes already handed over are recognised)',
	),
];

/**
 * Reads the gap with the polling trigger's machinery (changes/) and hands each change over once:
 * what it handed over is remembered in this node's static data (n8n saves it when a published or
 * scheduled execution ends), so a second run over the same gap outputs nothing again.
 */
/** Items at once (see OperationModule.itemsInParallel). Each item reads and extends what was already handed over (static data): items in parallel would hand one change over twice. */
export const itemsInParallel = 1;

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const options = this.getNodeParameter('options', i, {}) as { overlapSeconds?: number };
	const settings = readOptionsFrom(
		this,
		(name, fallback) => this.getNodeParameter(name, i, fallback),
		{ start: 0, source: 'catchUp', nowMs: Date.now(), overlapSeconds: options.overlapSeconds },
		i,
	);
	const since = Math.floor(
		dateValue(this, i, this.getNodeParameter('missedSince', i), 'Missed Since') / 1000,
	);
	const rawUntil = this.getNodeParameter('missedUntil', i, '');
	settings.start = since;
	settings.until = isBlank(rawUntil)
		? undefined
		: Math.floor(dateValue(this, i, rawUntil, 'Missed Until') / 1000);
	const staticData = this.getWorkflowStaticData('node');
	const state = parseState(staticData[CATCH_UP_STATE_KEY]);
	// this gap starts at `since`: an earlier run's state only says what was handed over already
	for (const resource of resourcesOf(settings.events)) {
		const known = state.resources[resource];
		if (known) known.from = since;
	}
	const result = await readChanges(this, state, settings);
	for (const warning of result.warnings) this.logger.warn(warning);
	staticData[CATCH_UP_STATE_KEY] = serializeState(result.state);
	return toItems(this, result.items);
}
