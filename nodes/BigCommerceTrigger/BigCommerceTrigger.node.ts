import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { bigCommerceApiRequest } from '../BigCommerce/transport';
import {
	claim,
	deliveryKey,
	markStarted,
	mergeForPersistence,
	persistedKeys,
	type DeliveryEnvelope,
} from './dedup';
import { triggerProperties } from './description';
import { baseScope, orderStatusName, scopeMatches } from './events';
import { hydrate } from './hydrate';
import { checkExists, create, remove, scopesFor } from './lifecycle';
import { headerValue, safeEqual, HOOK_HEADER, verifyStandardWebhook } from './verify';

type Headers = Record<string, string | string[] | undefined>;

/** Namespace of the in-process duplicate memory: one per workflow, node and mode. */
function namespaceOf(ctx: IWebhookFunctions | IExecuteFunctions): string {
	const mode = ctx.getMode() === 'manual' ? 'test' : 'live';
	return `${ctx.getWorkflow().id ?? ''}|${ctx.getNode().name}|${mode}`;
}

function windowSeconds(options: IDataObject): number {
	const minutes = Number(options.dedupWindowMinutes ?? 1440);
	return Math.max(60, Math.round((Number.isFinite(minutes) && minutes > 0 ? minutes : 1440) * 60));
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

function isEnvelope(body: unknown): body is DeliveryEnvelope & { data: IDataObject } {
	if (!body || typeof body !== 'object') return false;
	const b = body as IDataObject;
	return (
		typeof b.scope === 'string' &&
		typeof b.hash === 'string' &&
		typeof b.created_at === 'number' &&
		!!b.data &&
		typeof b.data === 'object'
	);
}

function statusOf(id: unknown): IDataObject | null {
	if (id === undefined || id === null) return null;
	return { id: Number(id), name: orderStatusName(id) ?? null };
}

function asNumbers(value: unknown): number[] {
	return Array.isArray(value) ? value.map(Number) : [];
}

export class BigCommerceTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'BigCommerce Trigger',
		name: 'bigCommerceTrigger',
		icon: { light: 'file:bigcommerce.svg', dark: 'file:bigcommerce.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{($parameter["events"] || []).join(", ")}}',
		description:
			'Starts the workflow on BigCommerce store events: registers its own webhooks, verifies the sender, runs once per delivery and fetches full records',
		defaults: { name: 'BigCommerce Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'bigCommerceApi',
				required: true,
				displayOptions: { show: { authentication: ['accessToken'] } },
			},
			{
				name: 'bigCommerceOAuth2Api',
				required: true,
				displayOptions: { show: { authentication: ['oAuth2'] } },
			},
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'webhook',
			},
		],
		properties: triggerProperties,
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await checkExists.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await create.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await remove.call(this);
			},
		},
	};

	/**
	 * Answers BigCommerce fast: checks the sender, drops repeats and filtered events, and hands
	 * the thin event to the execution (execute() below fetches the full record there).
	 */
	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const req = this.getRequestObject();
		const res = this.getResponseObject();
		const headers = req.headers as Headers;
		const staticData = this.getWorkflowStaticData('node');
		const refuse = (status: number, message: string): IWebhookResponseData => {
			res.status(status).json({ message }).end();
			return { noWebhookResponse: true };
		};

		const secret = typeof staticData.secret === 'string' ? staticData.secret : '';
		if (!secret) {
			this.logger.warn(
				'BigCommerce Trigger: a delivery arrived but no webhook secret is stored for this node; deactivate and activate the workflow again to re-register the webhooks',
			);
			return refuse(401, 'Unauthorized');
		}
		const sent = headerValue(headers, HOOK_HEADER);
		if (typeof sent !== 'string' || !safeEqual(sent, secret)) return refuse(401, 'Unauthorized');

		const options = this.getNodeParameter('options', {}) as IDataObject;
		const body = this.getBodyData() as unknown;
		if (options.verifySignature === true) {
			const clientSecret = typeof options.clientSecret === 'string' ? options.clientSecret : '';
			const rawBody = (req as unknown as { rawBody?: { toString(encoding: string): string } }).rawBody;
			const raw = rawBody ? rawBody.toString('utf8') : JSON.stringify(body);
			const tolerance = Number(options.signatureToleranceSeconds ?? 300) || 300;
			const reason = clientSecret
				? verifyStandardWebhook(headers, raw, clientSecret, tolerance, nowSeconds())
				: 'Verify Signature is on but no Client Secret is set';
			if (reason) {
				this.logger.warn(`BigCommerce Trigger: delivery refused: ${reason}`);
				return refuse(401, 'Unauthorized');
			}
		}
		if (!isEnvelope(body)) return refuse(400, 'Not a BigCommerce webhook delivery');

		// only the events this node subscribed to
		const subscribed = scopesFor(this.getNodeParameter('events', []), this.getNodeParameter('channelId', 0));
		if (!subscribed.some((pattern) => scopeMatches(pattern, body.scope))) {
			return { webhookResponse: 'ignored: event not selected' };
		}
		const { scope: base, channelId } = baseScope(body.scope);
		const data = body.data;

		let statusFrom: IDataObject | null = null;
		let statusTo: IDataObject | null = null;
		if (base === 'store/order/statusUpdated') {
			const status = (data.status ?? {}) as IDataObject;
			statusFrom = statusOf(status.previous_status_id);
			statusTo = statusOf(status.new_status_id);
			const from = asNumbers(this.getNodeParameter('orderStatusFrom', []));
			const to = asNumbers(this.getNodeParameter('orderStatusTo', []));
			if (from.length && !from.includes(Number(statusFrom?.id))) {
				return { webhookResponse: 'ignored: status filter' };
			}
			if (to.length && !to.includes(Number(statusTo?.id))) {
				return { webhookResponse: 'ignored: status filter' };
			}
		}

		// Exactly once: claimed synchronously, before the first await (see dedup.ts)
		const key = deliveryKey(body);
		if (!claim(namespaceOf(this), key, nowSeconds(), windowSeconds(options), persistedKeys(staticData))) {
			return { webhookResponse: 'duplicate' };
		}

		if (
			base === 'store/order/created' &&
			this.getNodeParameter('skipIncompleteOrders', true) !== false
		) {
			try {
				const order = (await bigCommerceApiRequest.call(this, {
					method: 'GET',
					version: 'v2',
					path: `/orders/${data.id}`,
					scope: 'store_v2_orders',
				})) as IDataObject;
				if (Number(order.status_id) === 0) return { webhookResponse: 'ignored: incomplete order' };
			} catch (error) {
				this.logger.warn(
					`BigCommerce Trigger: could not read order ${String(data.id)} to check whether it is incomplete; passing the event on: ${(error as Error).message}`,
				);
			}
		}

		const producer = typeof body.producer === 'string' ? body.producer : '';
		const event: IDataObject = {
			event: base,
			scope: body.scope,
			channelId: channelId ?? null,
			resourceType: data.type ?? null,
			resourceId: data.id ?? null,
			storeHash: producer.startsWith('stores/') ? producer.slice('stores/'.length) : null,
			storeId: body.store_id ?? null,
			createdAt: new Date(body.created_at * 1000).toISOString(),
			hash: body.hash,
			deliveryKey: key,
			data,
			raw: body as unknown as IDataObject,
		};
		if (base === 'store/order/statusUpdated') Object.assign(event, { statusFrom, statusTo });
		if (base === 'store/cart/abandoned' || base === 'store/cart/converted') {
			Object.assign(event, { cartId: data.id ?? null });
			if (base === 'store/cart/converted') event.orderId = data.orderId ?? null;
		}
		return { workflowData: [this.helpers.returnJsonArray([event])] };
	}

	/**
	 * Runs first in the execution that webhook() started. Records the delivery in the node's
	 * static data (n8n saves it when the execution ends: what makes repeats after a restart
	 * recognisable) and fetches the full records.
	 */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const manual = this.getMode() === 'manual';
		const options = this.getNodeParameter('options', 0, {}) as IDataObject;
		const includeFullRecord = this.getNodeParameter('includeFullRecord', 0, true) !== false;
		const staticData = this.getWorkflowStaticData('node');
		const persisted = persistedKeys(staticData);
		const namespace = namespaceOf(this);
		const window = windowSeconds(options);
		const now = nowSeconds();
		const kept: number[] = [];
		let recorded = false;

		// 1. exactly once: drop repeats that reached another process, record the others
		for (let i = 0; i < items.length; i++) {
			const key = items[i].json.deliveryKey;
			if (manual || typeof key !== 'string' || !items[i].json.raw) {
				kept.push(i);
				continue;
			}
			// a repeat that reached another n8n process (queue mode) after this one was saved
			const saved = persisted[key];
			if (typeof saved === 'number' && saved > now) {
				this.logger.info(`BigCommerce Trigger: delivery ${key} was already processed; skipped`);
				continue;
			}
			const helpers = this.helpers as Partial<IExecuteFunctions['helpers']>;
			if (typeof helpers.checkProcessedAndRecord === 'function') {
				const seen = await helpers.checkProcessedAndRecord([key], 'node', {
					mode: 'entries',
					maxEntries: 10000,
				});
				if (seen.processed.length) {
					this.logger.info(`BigCommerce Trigger: delivery ${key} was already processed; skipped`);
					continue;
				}
			}
			markStarted(namespace, key, now, window);
			recorded = true;
			kept.push(i);
		}
		// written before any request: n8n saves it when the execution ends, even a failed one
		if (recorded) staticData.deliveries = mergeForPersistence(namespace, persisted, now);

		// 2. full records
		const out: INodeExecutionData[] = [];
		for (const i of kept) {
			const json = items[i].json;
			const raw = json.raw as IDataObject | undefined;
			if (typeof json.deliveryKey !== 'string' || !raw || typeof raw !== 'object') {
				out.push({ ...items[i], pairedItem: { item: i } });
				continue;
			}
			let output: IDataObject = { ...json };
			if (includeFullRecord) {
				const { scope: base } = baseScope(String(raw.scope ?? json.scope ?? ''));
				const hydrated = await hydrate(this, i, base, (raw.data ?? {}) as IDataObject);
				output = {
					...output,
					...(hydrated.extra ?? {}),
					record: hydrated.record,
					recordStatus: hydrated.recordStatus,
					deleted: hydrated.recordStatus === 'deleted',
				};
			}
			out.push({ json: output, pairedItem: { item: i } });
		}
		return [out];
	}
}
