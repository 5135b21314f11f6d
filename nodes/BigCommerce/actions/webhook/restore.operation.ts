import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest, bigCommerceApiRequestAllItems } from '../../transport';
import { HOOK_HEADER } from '../../shared/hookHeader';
import { toIso } from '../../shared/dates';
import { fail } from '../../shared/validate';
import { toItems } from '../../shared/items';
import { hookOutput } from './helpers';

export const option: OperationOption = {
	name: 'Restore',
	value: 'restore',
	action: 'Restore switched-off webhooks',
	description:
		'Re-enable the webhooks BigCommerce switched off (failed deliveries, inactivity) and output when each was switched off',
};

/** BigCommerce's retries of a failed delivery (60 s … 86,400 s) add up to 173,040 s (~48 h). */
const BIGCOMMERCE_RETRY_MINUTES = 2884;

export const properties: INodeProperties[] = [
	{
		displayName: 'Only Hooks of BigCommerce Triggers',
		name: 'onlyTriggerHooks',
		type: 'boolean',
		default: true,
		description:
			"Whether to restore only the hooks the BigCommerce Trigger registered (they carry its secret header), not other apps' hooks of this API account",
	},
	{
		displayName: 'Destination Starts With',
		name: 'destinationPrefix',
		type: 'string',
		default: '',
		placeholder: 'https://n8n.example.com/webhook/',
		description:
			'Only hooks whose destination starts with this (e.g. the webhook address of this n8n). Empty: any destination.',
	},
	{
		displayName: 'Retry Window (Minutes)',
		name: 'retryWindowMinutes',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: BIGCOMMERCE_RETRY_MINUTES,
		description:
			"How long the store retried before switching a hook off: events from that long before the switch-off may be lost too, so each output's missedSince is that much earlier. BigCommerce retries for about 48 hours (2,884 minutes).",
	},
];

/** Items at once (see OperationModule.itemsInParallel). Each item lists the switched-off hooks and re-enables them: items in parallel would restore (and output) one hook twice. */
export const itemsInParallel = 1;

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const onlyTriggerHooks = this.getNodeParameter('onlyTriggerHooks', i, true) !== false;
	const prefix = String(this.getNodeParameter('destinationPrefix', i, '') ?? '').trim();
	const windowMinutes = Number(
		this.getNodeParameter('retryWindowMinutes', i, BIGCOMMERCE_RETRY_MINUTES),
	);
	if (!Number.isFinite(windowMinutes) || windowMinutes < 0) {
		fail(
			this,
			i,
			`"Retry Window (Minutes)" must be a number of minutes, 0 or more; got "${String(windowMinutes)}"`,
		);
	}
	const switchedOff = await bigCommerceApiRequestAllItems.call(
		this,
		{ method: 'GET', version: 'v3', path: '/hooks', qs: { is_active: false }, itemIndex: i },
		{ returnAll: true },
	);
	const wanted = switchedOff.filter((hook) => {
		if (hook.is_active !== false) return false; // a server ignoring the filter
		if (prefix && !String(hook.destination ?? '').startsWith(prefix)) return false;
		const headers = (hook.headers ?? {}) as IDataObject;
		return (
			!onlyTriggerHooks ||
			Object.keys(headers).some((name) => name.toLowerCase() === HOOK_HEADER.toLowerCase())
		);
	});
	const out: IDataObject[] = [];
	for (const hook of wanted) {
		const restored = (await bigCommerceApiRequest.call(this, {
			method: 'PUT',
			version: 'v3',
			path: `/hooks/${String(hook.id)}`,
			body: { is_active: true },
			itemIndex: i,
		})) as IDataObject;
		const offAt = Number(hook.updated_at);
		const switchedOffAt = Number.isFinite(offAt) ? toIso(offAt * 1000) : null;
		out.push({
			...hookOutput({ ...hook, ...restored, updated_at: hook.updated_at }),
			is_active: true,
			switchedOffAt,
			missedSince: Number.isFinite(offAt)
				? toIso(offAt * 1000 - Math.round(windowMinutes * 60_000))
				: null,
			restoredAt:
				typeof restored.updated_at === 'number' ? toIso(restored.updated_at * 1000) : null,
		});
	}
	return toItems(this, out);
}
