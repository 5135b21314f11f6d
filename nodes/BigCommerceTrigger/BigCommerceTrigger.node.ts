import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	ILoadOptionsFunctions,
	INodeExecutionData,
	INodePropertyOptions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { MAIN_CONNECTION } from '../BigCommerce/shared/connections';
import { NODES_PANEL_DESCRIPTION } from '../BigCommerce/shared/panelEntry';
import { triggerEvent } from '../BigCommerce/shared/triggerItem';
import { listSearch } from '../BigCommerce/methods/listSearch';
import { ORDERS_READ } from '../BigCommerce/shared/scopes';
import { bigCommerceApiRequest } from '../BigCommerce/transport';
import {
	claim,
	decide,
	deliveryKey,
	envelopeProblem,
	isWorkflowState,
	markStarted,
	newClaimToken,
	persistDeliveries,
	persistedKeys,
	release,
	type DeliveryEnvelope,
} from './dedup';
import { triggerProperties } from './description';
import { baseScope, orderStatusName, scopeMatches } from './events';
import { hydrate } from './hydrate';
import { checkExists, create, remove, scopesFor, signatureSettingsOf } from './lifecycle';
import { headerValue, safeEqual, HOOK_HEADER, verifyStandardWebhook } from './verify';
import { NODE_CREDENTIALS } from '../BigCommerce/shared/properties';

type Headers = Record<string, string | string[] | undefined>;

/** The answer to a delivery that started an execution (n8n would otherwise answer its first item). */
export const ACKNOWLEDGEMENT = { received: true };

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

function statusOf(id: unknown): IDataObject | null {
	if (id === undefined || id === null) return null;
	return { id: Number(id), name: orderStatusName(id) ?? null };
}

function asNumbers(value: unknown): number[] {
	return Array.isArray(value) ? value.map(Number) : [];
}

/**
 * Skip Incomplete Orders, inside the execution: true when a `store/order/created` item points at
 * an order with status 0 (a checkout not finished). Uses the hydrated order when there is one;
 * otherwise reads it. An order that cannot be read fails the execution (n8n's Retry delivers it
 * once the API is back) rather than passing on an order that may be incomplete.
 */
async function isIncompleteOrder(
	ctx: IExecuteFunctions,
	i: number,
	data: IDataObject,
	hydratedOrder: IDataObject | null | undefined,
): Promise<boolean> {
	if (hydratedOrder) return Number(hydratedOrder.status_id) === 0;
	if (hydratedOrder === null) return false; // gone, malformed or not fetched: nothing to judge
	const id = data.id;
	if (!(typeof id === 'number' && Number.isSafeInteger(id) && id > 0)) return false;
	const order = (await bigCommerceApiRequest
		.call(ctx, {
			method: 'GET',
			version: 'v2',
			path: `/orders/${id}`,
			scope: ORDERS_READ,
			itemIndex: i,
		})
		.catch((error: unknown) => {
			if (error instanceof NodeApiError && String(error.httpCode) === '404') return null;
			throw error;
		})) as IDataObject | null;
	return !!order && Number(order.status_id) === 0;
}

export class BigCommerceTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'BigCommerce Trigger',
		name: 'bigCommerceTrigger',
		icon: { light: 'file:bigcommerce.svg', dark: 'file:bigcommerce.dark.svg' },
		group: ['trigger'],
		// 2 is the same node. n8n 2.40.7 resolves `$parameter.options.binaryData` through its
		// expression engine for every version-1 start node before webhook() runs
		// (webhook-helpers.js parseRequestBody): with N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE that
		// builds an isolate while BigCommerce waits. Version 2 skips it, as n8n's Webhook node 2 does.
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{($parameter["events"] || []).join(", ")}}',
		// n8n's nodes panel shows the trigger's description on the entry it merges with the action
		// node ("BigCommerce"): both carry the entry's text (see panelEntry.ts)
		description: NODES_PANEL_DESCRIPTION,
		defaults: { name: 'BigCommerce Trigger' },
		inputs: [],
		outputs: [MAIN_CONNECTION],
		credentials: NODE_CREDENTIALS,
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				// Empty on purpose: n8n answers a non-empty responseData literally (its default is the
				// string "firstEntryJson"), and only an empty one lets webhook()'s ACKNOWLEDGEMENT through.
				responseData: '',
				path: 'webhook',
			},
		],
		properties: triggerProperties,
	};

	methods = {
		loadOptions: {
			/** The Channel list: every channel of the store by name, its number as the value. */
			async getChannels(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
				const options: INodePropertyOptions[] = [{ name: 'All Channels', value: 0 }];
				let page: string | undefined;
				do {
					const { results, paginationToken } = await listSearch.searchChannels.call(
						this,
						undefined,
						page,
					);
					for (const channel of results)
						options.push({ name: channel.name, value: Number(channel.value) });
					page = paginationToken as string | undefined;
				} while (page);
				return options;
			},
		},
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
	 * Answers BigCommerce fast and makes no API call: checks the sender and the envelope, drops
	 * repeats and filtered events, and hands the thin event to the execution (execute() below
	 * fetches the full record and applies Skip Incomplete Orders there).
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
			const settings = await signatureSettingsOf(this);
			const rawBody = (req as unknown as { rawBody?: { toString(encoding: string): string } })
				.rawBody;
			const raw = rawBody ? rawBody.toString('utf8') : JSON.stringify(body);
			const reason =
				settings.problem ??
				verifyStandardWebhook(
					headers,
					raw,
					settings.clientSecret ?? '',
					settings.toleranceSeconds ?? 0,
					nowSeconds(),
				);
			if (reason) {
				this.logger.warn(`BigCommerce Trigger: delivery refused: ${reason}`);
				return refuse(401, 'Unauthorized');
			}
		}
		// the whole envelope is checked before anything is claimed
		const problem = envelopeProblem(body);
		if (problem) return refuse(400, `Not a BigCommerce webhook delivery: ${problem}`);
		const envelope = body as DeliveryEnvelope & { data: IDataObject };

		// only the events this node subscribed to
		const subscribed = scopesFor(
			this.getNodeParameter('events', []),
			this.getNodeParameter('channelId', 0),
		);
		if (!subscribed.some((pattern) => scopeMatches(pattern, envelope.scope))) {
			return { webhookResponse: 'ignored: event not selected' };
		}
		const { scope: base, channelId } = baseScope(envelope.scope);
		const data = envelope.data;

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
		const webhookId = headerValue(headers, 'webhook-id');
		const key = deliveryKey(
			envelope,
			typeof webhookId === 'string' && webhookId ? webhookId : undefined,
		);
		const token = newClaimToken();
		const namespace = namespaceOf(this);
		const claimed = claim(namespace, key, token, nowSeconds(), windowSeconds(options), staticData);
		if (claimed.warning) this.logger.warn(claimed.warning);
		if (!claimed.claimed) return { webhookResponse: 'duplicate' };

		// From here on the delivery is ours: if anything fails before the execution exists, the
		// claim is given back so BigCommerce's resend of it can start the execution.
		try {
			const producer = typeof envelope.producer === 'string' ? envelope.producer : '';
			const event = triggerEvent(
				{
					event: base,
					scope: envelope.scope,
					channelId: channelId ?? null,
					resourceType: data.type ?? null,
					resourceId: data.id ?? null,
					storeHash: producer.startsWith('stores/') ? producer.slice('stores/'.length) : null,
					storeId: envelope.store_id ?? null,
					createdAt: new Date(envelope.created_at * 1000).toISOString(),
					hash: envelope.hash,
					deliveryKey: key,
					data,
					raw: envelope as unknown as IDataObject,
					source: 'webhook',
				},
				{ claimToken: token },
			);
			if (base === 'store/order/statusUpdated') Object.assign(event, { statusFrom, statusTo });
			if (base === 'store/cart/abandoned' || base === 'store/cart/converted') {
				Object.assign(event, { cartId: data.id ?? null });
				if (base === 'store/cart/converted') event.orderId = data.orderId ?? null;
			}
			return {
				workflowData: [this.helpers.returnJsonArray([event])],
				webhookResponse: { ...ACKNOWLEDGEMENT },
			};
		} catch (error) {
			release(namespace, key, token);
			throw new NodeOperationError(this.getNode(), error as Error);
		}
	}

	/**
	 * Runs first in the execution that webhook() started. Records the delivery in the node's
	 * static data (n8n saves it when the execution ends: what makes repeats after a restart
	 * recognisable) and fetches the full records.
	 */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const manual = this.getMode() === 'manual';
		// n8n's Retry of a failed execution (mode "retry") re-runs this node on the same items
		const retrying = this.getMode() === 'retry';
		const options = this.getNodeParameter('options', 0, {}) as IDataObject;
		const includeFullRecord = this.getNodeParameter('includeFullRecord', 0, true) !== false;
		const skipIncompleteOrders = this.getNodeParameter('skipIncompleteOrders', 0, true) !== false;
		const staticData = this.getWorkflowStaticData('node');
		const persisted = persistedKeys(staticData);
		const namespace = namespaceOf(this);
		const window = windowSeconds(options);
		const now = nowSeconds();
		const kept: number[] = [];
		let recorded = false;

		// 1. exactly once: drop copies another claim won, let n8n's Retry through, record the others
		for (let i = 0; i < items.length; i++) {
			const key = items[i].json.deliveryKey;
			const token =
				typeof items[i].json.claimToken === 'string'
					? (items[i].json.claimToken as string)
					: undefined;
			if (manual || typeof key !== 'string' || !items[i].json.raw) {
				kept.push(i);
				continue;
			}
			const decision = decide(persisted, key, token, now);
			if (decision === 'skip') {
				// a copy that reached another n8n process (queue mode) after this one was saved
				this.logger.info(`BigCommerce Trigger: delivery ${key} was already processed; skipped`);
				continue;
			}
			if (decision === 'retry' || retrying) {
				// the execution that recorded this claim, run again (n8n's Retry): the record must
				// arrive. In a Retry "with the original workflow" the saved keys are not visible (empty
				// static data), but the first run of this very item recorded it: not recorded again.
				this.logger.info(
					`BigCommerce Trigger: delivery ${key} is run again (retry of its execution)`,
				);
				kept.push(i);
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
			markStarted(namespace, key, token ?? null, now, window);
			recorded = true;
			kept.push(i);
		}
		// written before any request: n8n saves it when the execution ends, even a failed one
		if (recorded && isWorkflowState(staticData)) {
			const warning = persistDeliveries(namespace, staticData, persisted, now);
			if (warning) this.logger.warn(warning);
		}

		// 2. full records, and Skip Incomplete Orders (never in webhook(): BigCommerce is answered at once)
		const out: INodeExecutionData[] = [];
		for (const i of kept) {
			const json = { ...items[i].json };
			delete json.claimToken; // internal to the duplicate check, not part of the event
			const raw = json.raw as IDataObject | undefined;
			if (typeof json.deliveryKey !== 'string' || !raw || typeof raw !== 'object') {
				out.push({ json, pairedItem: { item: i } });
				continue;
			}
			const { scope: base } = baseScope(String(raw.scope ?? json.scope ?? ''));
			const data = (raw.data ?? {}) as IDataObject;
			let output: IDataObject = { ...json };
			let hydratedOrder: IDataObject | null | undefined;
			if (includeFullRecord) {
				const hydrated = await hydrate(this, i, base, data);
				hydratedOrder = hydrated.record;
				output = {
					...output,
					...(hydrated.extra ?? {}),
					record: hydrated.record,
					recordStatus: hydrated.recordStatus,
					deleted: hydrated.recordStatus === 'deleted',
				};
			}
			if (
				base === 'store/order/created' &&
				skipIncompleteOrders &&
				(await isIncompleteOrder(this, i, data, hydratedOrder))
			) {
				this.logger.info(
					`BigCommerce Trigger: order ${String(data.id)} is incomplete (status 0); skipped`,
				);
				continue;
			}
			out.push({ json: output, pairedItem: { item: i } });
		}
		return [out];
	}
}
