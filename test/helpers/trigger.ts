/**
 * A small stand-in for n8n around the BigCommerce Trigger, with n8n 2.40.7's static-data
 * behaviour (measured, see ../shared/notes/real-n8n.md and the README):
 *   - activation: the hook methods run on the saved static data, which is saved afterwards;
 *   - each webhook call gets a fresh copy of the saved static data, and what webhook() writes is
 *     NOT saved (n8n resets the change flag while starting the execution);
 *   - each execution gets a fresh copy when it starts, and what the node changed in it IS saved
 *     when the execution ends (last writer wins).
 * Deliveries are real HTTP: the sandbox POSTs to a local receiver that calls webhook(); HTTP to
 * BigCommerce goes through the package's transport to the sandbox. Nothing is mocked in between.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	IWebhookFunctions,
} from 'n8n-workflow';

import { BigCommerceTrigger } from '../../nodes/BigCommerceTrigger/BigCommerceTrigger.node';
import { forget } from '../../nodes/BigCommerceTrigger/dedup';
import { authHeaders, performRequest } from './context';
import { useSandbox, type SandboxHandle } from './sandbox';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const receiverModule = require('./webhookReceiver');

export type Params = Record<string, unknown>;

export interface Execution {
	items: INodeExecutionData[];
	output?: INodeExecutionData[];
	error?: Error;
}

interface Receiver {
	url: string;
	close(): Promise<void>;
}

interface IncomingDelivery {
	method: string;
	path: string;
	headers: Record<string, string | string[] | undefined>;
	rawBody: Buffer;
	body: unknown;
}

export const DEFAULT_PARAMS: Params = {
	authentication: 'accessToken',
	events: ['store/order/created'],
	channelId: 0,
	includeFullRecord: true,
	skipIncompleteOrders: true,
	orderStatusFrom: [],
	orderStatusTo: [],
	options: { allowInsecureUrl: true },
};

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value ?? {})) as T;

export class FakeN8n {
	readonly trigger = new BigCommerceTrigger();
	readonly node: INode;
	/** The workflow's static data as n8n's database holds it. */
	saved: IDataObject = {};
	executions: Execution[] = [];
	responses: Array<{ status: number; body: unknown }> = [];
	logs: Array<{ level: string; message: string }> = [];
	/** n8n's processed_data table (checkProcessedAndRecord), when enabled. */
	processed: Set<string> | undefined;
	mode: 'webhook' | 'manual' = 'webhook';
	/** While set, executions wait for it before they run (to look at what webhook() alone did). */
	hold: Promise<void> | undefined;
	/** Makes the next returnJsonArray throw: n8n failing while webhook() builds the execution's data. */
	failNextReturnJsonArray = false;
	private running = new Set<Promise<void>>();
	private receiver!: Receiver;

	constructor(
		readonly sandbox: SandboxHandle,
		public params: Params,
		readonly workflowId = 'wf1',
		readonly webhookId = 'a1b2c3d4-0000-4000-8000-000000000001',
		public credentials: Record<string, IDataObject> = {},
	) {
		this.node = {
			id: 'trigger-node',
			name: 'BigCommerce Trigger',
			type: 'n8n-nodes-bigcommerce.bigCommerceTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
			webhookId,
		};
		if (!Object.keys(credentials).length) {
			this.credentials = {
				bigCommerceApi: {
					storeHash: sandbox.storeHash,
					accessToken: sandbox.accessToken,
					apiBaseUrl: sandbox.baseUrl,
				},
			};
		}
	}

	static async start(
		sandbox: SandboxHandle,
		params: Params = {},
		workflowId?: string,
		webhookId?: string,
	) {
		const n8n = new FakeN8n(sandbox, { ...DEFAULT_PARAMS, ...params }, workflowId, webhookId);
		n8n.receiver = await receiverModule.startReceiver((req: IncomingDelivery) => n8n.handle(req));
		return n8n;
	}

	get webhookUrl(): string {
		const base = this.mode === 'manual' ? 'webhook-test' : 'webhook';
		return `${this.receiver.url}/${base}/${this.webhookId}/webhook`;
	}

	get key(): string {
		return `node:${this.node.name}`;
	}

	/** The node's saved static data. */
	get nodeData(): IDataObject {
		return (this.saved[this.key] as IDataObject) ?? {};
	}

	async close(): Promise<void> {
		await this.idle();
		await this.receiver.close();
	}

	/** A restart of n8n: process memory is gone, the database stays. */
	restart(): void {
		forget();
	}

	private param(name: string, fallback: unknown): unknown {
		let value: unknown = this.params;
		for (const part of name.split('.')) {
			if (value === undefined || value === null || typeof value !== 'object') return fallback;
			value = (value as Record<string, unknown>)[part];
		}
		return value === undefined ? fallback : value;
	}

	private base(staticData: IDataObject, mode: string) {
		const sent: IHttpRequestOptions[] = [];
		const ctx = {
			getNode: () => ({ ...this.node }),
			getWorkflow: () => ({ id: this.workflowId, name: 'Trigger test', active: true }),
			getMode: () => mode,
			getWorkflowStaticData: () => staticData,
			getCredentials: async (type: string) => {
				const credentials = this.credentials[type];
				if (!credentials) throw new Error(`Node does not have credentials of type "${type}"`);
				return credentials;
			},
			logger: {
				debug: () => undefined,
				info: (message: string) => this.logs.push({ level: 'info', message }),
				warn: (message: string) => this.logs.push({ level: 'warn', message }),
				error: (message: string) => this.logs.push({ level: 'error', message }),
			},
			helpers: {
				httpRequestWithAuthentication: async (
					credentialType: string,
					options: IHttpRequestOptions,
					additional?: IDataObject,
				) => {
					sent.push(options);
					const credentials = this.credentials[credentialType];
					const response = await performRequest(
						options,
						authHeaders(credentialType, credentials, additional),
					);
					return options.returnFullResponse ? response : response.body;
				},
				returnJsonArray: (data: IDataObject | IDataObject[]): INodeExecutionData[] => {
					if (this.failNextReturnJsonArray) {
						this.failNextReturnJsonArray = false;
						throw new Error('returnJsonArray failed');
					}
					return (Array.isArray(data) ? data : [data]).map((json) => ({ json }));
				},
			},
		};
		return { ctx, sent };
	}

	/** IHookFunctions over a given static data object. */
	hookContext(staticData: IDataObject): IHookFunctions {
		const { ctx } = this.base(staticData, this.mode === 'manual' ? 'manual' : 'trigger');
		return {
			...ctx,
			getNodeParameter: (name: string, fallback?: unknown) => this.param(name, fallback),
			getNodeWebhookUrl: () => this.webhookUrl,
			getActivationMode: () => 'activate',
		} as unknown as IHookFunctions;
	}

	/** n8n's activation: checkExists, then create when it said false; static data saved after. */
	async activate(): Promise<{ existed: boolean }> {
		const data = clone(this.nodeData);
		const ctx = this.hookContext(data);
		const methods = this.trigger.webhookMethods.default;
		const existed = await methods.checkExists.call(ctx);
		if (!existed) await methods.create.call(ctx);
		this.saved = { ...this.saved, [this.key]: data };
		return { existed };
	}

	async deactivate(): Promise<void> {
		const data = clone(this.nodeData);
		await this.trigger.webhookMethods.default.delete.call(this.hookContext(data));
		this.saved = { ...this.saved, [this.key]: data };
	}

	/** One webhook call, as n8n's live webhook endpoint handles it. */
	async handle(req: IncomingDelivery): Promise<{ status: number; body: unknown }> {
		const staticData = clone(this.nodeData); // loaded from the database for this call
		let status = 200;
		let body: unknown;
		let written = false;
		const response = {
			status(code: number) {
				status = code;
				return response;
			},
			json(value: unknown) {
				body = value;
				written = true;
				return response;
			},
			send(value: unknown) {
				body = value;
				written = true;
				return response;
			},
			end() {
				written = true;
				return response;
			},
		};
		const { ctx } = this.base(staticData, this.mode === 'manual' ? 'manual' : 'webhook');
		const webhookCtx = {
			...ctx,
			getNodeParameter: (name: string, fallback?: unknown) => this.param(name, fallback),
			getRequestObject: () => ({ headers: req.headers, body: req.body, rawBody: req.rawBody }),
			getResponseObject: () => response,
			getBodyData: () => req.body as IDataObject,
			getHeaderData: () => req.headers,
		} as unknown as IWebhookFunctions;
		const result = await this.trigger.webhook.call(webhookCtx);
		// what webhook() wrote to static data is dropped, as in n8n 2.40.7
		if (result.noWebhookResponse) {
			const out = { status, body: written ? body : undefined };
			this.responses.push(out);
			return out;
		}
		if (result.workflowData) {
			const execution: Execution = { items: result.workflowData[0] };
			this.executions.push(execution);
			const run = this.runExecution(execution).finally(() => this.running.delete(run));
			this.running.add(run);
			const out = { status: 200, body: this.onReceivedBody(result.webhookResponse) };
			this.responses.push(out);
			return out;
		}
		const out = {
			status: 200,
			body:
				result.webhookResponse !== undefined
					? result.webhookResponse
					: { message: 'Webhook call received' },
		};
		this.responses.push(out);
		return out;
	}

	/**
	 * The body n8n 2.40.7 answers when webhook() started an execution (responseMode onReceived,
	 * webhook-helpers.js): the webhook description's responseData (default "firstEntryJson",
	 * answered literally), else webhook()'s webhookResponse, else "Workflow was started".
	 */
	private onReceivedBody(webhookResponse: unknown): unknown {
		const described = this.trigger.description.webhooks?.[0]?.responseData;
		const responseData = described === undefined ? 'firstEntryJson' : described;
		if (responseData === 'noData') return undefined;
		if (responseData) return responseData;
		if (webhookResponse !== undefined) return webhookResponse;
		return { message: 'Workflow was started' };
	}

	/**
	 * n8n's Retry of a failed execution: the trigger node's execute() runs again on the same input
	 * items, with the static data saved since. Returns the new execution.
	 */
	async retry(execution: Execution, { originalWorkflow = false } = {}): Promise<Execution> {
		const again: Execution = { items: execution.items };
		this.executions.push(again);
		// "Retry with original workflow" runs on the execution's snapshot: no static data (n8n 2.40.7)
		await this.runExecution(again, {
			mode: 'retry',
			staticData: originalWorkflow ? {} : undefined,
		});
		return again;
	}

	/** The execution: the node's execute() first, on static data loaded at its start, saved at its end. */
	private async runExecution(
		execution: Execution,
		{ mode, staticData: given }: { mode?: string; staticData?: IDataObject } = {},
	): Promise<void> {
		if (this.hold) await this.hold;
		const staticData = given ?? clone(this.nodeData);
		const loaded = JSON.stringify(staticData);
		const { ctx } = this.base(staticData, mode ?? (this.mode === 'manual' ? 'manual' : 'webhook'));
		const processed = this.processed;
		const executeCtx = {
			...ctx,
			getNodeParameter: (name: string, _i: number, fallback?: unknown) =>
				this.param(name, fallback),
			getInputData: () => execution.items,
			continueOnFail: () => false,
			helpers: {
				...ctx.helpers,
				...(processed
					? {
							checkProcessedAndRecord: async (values: string[]) => {
								const result = { new: [] as string[], processed: [] as string[] };
								for (const value of values) {
									if (processed.has(value)) result.processed.push(value);
									else {
										processed.add(value);
										result.new.push(value);
									}
								}
								return result;
							},
						}
					: {}),
			},
		} as unknown as IExecuteFunctions;
		try {
			const [output] = await this.trigger.execute.call(executeCtx);
			execution.output = output;
		} catch (error) {
			execution.error = error as Error;
		}
		// n8n saves the static data only when the node changed it, and then the whole of it
		if (this.mode !== 'manual' && JSON.stringify(staticData) !== loaded) {
			this.saved = { ...this.saved, [this.key]: staticData };
		}
	}

	/** Waits for every running execution. */
	async idle(): Promise<void> {
		while (this.running.size) await Promise.allSettled([...this.running]);
	}

	/** Waits for the sandbox's deliveries and then for the executions they started. */
	async settle(): Promise<void> {
		await this.sandbox.webhooks.settle();
		await this.idle();
	}
}

/** The hooks the sandbox holds for a destination (every client). */
export function hooksAt(sandbox: SandboxHandle, destination: string): IDataObject[] {
	return (sandbox.state.hooks as IDataObject[]).filter((hook) => hook.destination === destination);
}

/**
 * The sandbox of a trigger test file and the FakeN8n instances its tests open (push each to
 * `open`): the instances are closed before the sandbox (their hooks are deleted through it), and
 * each test starts with no hooks in the store.
 */
export function useTriggerSandbox(options: Record<string, unknown> = {}): {
	sandbox: SandboxHandle;
	open: FakeN8n[];
} {
	const open: FakeN8n[] = [];
	// declared before useSandbox's, so it runs first (jest runs afterAll hooks in order)
	afterAll(async () => {
		for (const n8n of open) await n8n.close();
	});
	const sandbox = useSandbox(options);
	beforeEach(() => {
		sandbox.state.hooks.length = 0;
	});
	return { sandbox, open };
}
