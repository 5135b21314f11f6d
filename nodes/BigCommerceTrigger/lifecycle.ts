import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import {
	bigCommerceApiRequest,
	bigCommerceApiRequestAllItems,
	credentialTypeFor,
} from '../BigCommerce/transport';
import { subscriptionScope } from './events';
import {
	hookCarriesSecret,
	newSecret,
	signatureSettings,
	HOOK_HEADER,
	type SignatureSettings,
} from './verify';

/**
 * Hook lifecycle. This workflow's hooks are the ones whose destination is this node's webhook URL
 * (n8n makes it unique per workflow and node); the node's static data remembers their IDs and the
 * secret they send. Everything goes through the package's transport.
 */

export interface HookRecord {
	id: number;
	scope: string;
	destination: string;
	is_active: boolean;
	headers?: IDataObject | null;
	updated_at?: number;
}

/** When a hook last changed (for a switched-off hook: when BigCommerce switched it off). */
function switchedOffAt(hook: HookRecord): string {
	return typeof hook.updated_at === 'number'
		? new Date(hook.updated_at * 1000).toISOString()
		: 'at an unknown time';
}

/** The scopes to subscribe to for these events, channel-specific when a channel is chosen. */
export function scopesFor(events: unknown, channelId: unknown): string[] {
	const channel = Number(channelId ?? 0) || 0;
	const list = Array.isArray(events) ? (events as string[]) : [];
	return [...new Set(list.map((scope) => subscriptionScope(scope, channel)))];
}

/** The scopes this node subscribes to. */
export function wantedScopes(ctx: IHookFunctions): string[] {
	const scopes = scopesFor(
		ctx.getNodeParameter('events', []),
		ctx.getNodeParameter('channelId', 0),
	);
	if (!scopes.length) {
		throw new NodeOperationError(ctx.getNode(), 'Choose at least one event to listen to', {
			description:
				'Pick the store events in the "Events" parameter, then activate the workflow again.',
		});
	}
	return scopes;
}

/**
 * BigCommerce only delivers to HTTPS on port 443. Returns the problem with a URL, if any.
 */
export function urlProblem(url: string): string | undefined {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return 'is not a valid URL';
	}
	if (parsed.protocol !== 'https:')
		return `uses ${parsed.protocol.replace(':', '')} instead of HTTPS`;
	if (parsed.port && parsed.port !== '443') return `uses port ${parsed.port} instead of 443`;
	return undefined;
}

/** Stops activation when BigCommerce would refuse the URL (unless the development opt-in is on). */
export function preflight(ctx: IHookFunctions): string {
	const url = ctx.getNodeWebhookUrl('default');
	if (!url)
		throw new NodeOperationError(ctx.getNode(), 'n8n did not provide a webhook URL for this node');
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const problem = urlProblem(url);
	if (problem && options.allowInsecureUrl !== true) {
		throw new NodeOperationError(
			ctx.getNode(),
			`BigCommerce cannot deliver to this workflow's webhook URL: ${url} ${problem}`,
			{
				description:
					"BigCommerce only sends webhooks to HTTPS URLs on port 443. n8n builds this URL from its WEBHOOK_URL environment variable: set WEBHOOK_URL to the public HTTPS address of this n8n (for example https://n8n.example.com/, behind a reverse proxy or a tunnel), restart n8n and activate the workflow again. For a local BigCommerce sandbox only, turn on the option 'Allow Non-HTTPS URL (Development Only)'.",
			},
		);
	}
	return url;
}

/** Verify Signature's settings, with the client secret read from the node's credential. */
export async function signatureSettingsOf(
	ctx: IHookFunctions | IWebhookFunctions,
): Promise<SignatureSettings> {
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	if (options.verifySignature !== true) return { off: true };
	const authentication = String(ctx.getNodeParameter('authentication', 'accessToken'));
	const credentials = await ctx.getCredentials(credentialTypeFor(authentication));
	return signatureSettings(options, credentials);
}

/** Stops activation when Verify Signature could not verify anything. */
async function signaturePreflight(ctx: IHookFunctions): Promise<void> {
	const { problem } = await signatureSettingsOf(ctx);
	if (problem) throw new NodeOperationError(ctx.getNode(), problem);
}

/** Every hook of this API account whose destination is this URL. */
async function hooksFor(ctx: IHookFunctions, url: string): Promise<HookRecord[]> {
	const hooks = await bigCommerceApiRequestAllItems.call(
		ctx,
		{ method: 'GET', version: 'v3', path: '/hooks', qs: { destination: url } },
		{ returnAll: true },
	);
	// a server that ignores the filter must not make us touch other workflows' hooks
	return (hooks as unknown as HookRecord[]).filter((hook) => hook.destination === url);
}

function storedHooks(data: IDataObject): Record<string, number> {
	const hooks = data.hooks;
	return hooks && typeof hooks === 'object' && !Array.isArray(hooks)
		? (hooks as Record<string, number>)
		: {};
}

/**
 * True when every wanted scope has exactly this node's active hook carrying the stored secret,
 * and no other hook points at this URL. Anything else lets create() put things right.
 */
export async function checkExists(this: IHookFunctions): Promise<boolean> {
	const url = preflight(this);
	await signaturePreflight(this);
	const scopes = wantedScopes(this);
	const data = this.getWorkflowStaticData('node');
	const secret = typeof data.secret === 'string' ? data.secret : '';
	const stored = storedHooks(data);
	if (!secret || data.destination !== url) return false;
	const remote = await hooksFor(this, url);
	if (remote.length !== scopes.length || Object.keys(stored).length !== scopes.length) return false;
	for (const scope of scopes) {
		const hook = remote.find((h) => h.scope === scope);
		if (
			!hook ||
			hook.id !== stored[scope] ||
			!hook.is_active ||
			!hookCarriesSecret(hook.headers, secret)
		) {
			return false;
		}
	}
	return true;
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: Error };

/** A request's outcome as a value, so the caller decides which failures are acceptable. */
async function settle<T>(request: Promise<T>): Promise<Settled<T>> {
	return await request.then(
		(value): Settled<T> => ({ ok: true, value }),
		(error: Error): Settled<T> => ({ ok: false, error }),
	);
}

function isNotFound(error: unknown): boolean {
	return error instanceof NodeApiError && String(error.httpCode) === '404';
}

function isUnprocessable(error: unknown): boolean {
	return error instanceof NodeApiError && String(error.httpCode) === '422';
}

/**
 * Reconciles BigCommerce with what this node wants: re-enables and re-keys existing hooks,
 * creates missing ones, deletes leftovers (scopes no longer chosen, hooks from lost state).
 */
export async function create(this: IHookFunctions): Promise<boolean> {
	const url = preflight(this);
	await signaturePreflight(this);
	const scopes = wantedScopes(this);
	const data = this.getWorkflowStaticData('node');
	const secret =
		typeof data.secret === 'string' && data.secret.length >= 32 && data.destination === url
			? data.secret
			: newSecret();
	let remote = await hooksFor(this, url);
	const hooks: Record<string, number> = {};
	for (const scope of scopes) {
		let hook = remote.find((h) => h.scope === scope);
		if (!hook) {
			const created = await settle(
				bigCommerceApiRequest.call(this, {
					method: 'POST',
					version: 'v3',
					path: '/hooks',
					body: { scope, destination: url, is_active: true, headers: { [HOOK_HEADER]: secret } },
				}),
			);
			if (created.ok) {
				hooks[scope] = Number((created.value as IDataObject).id);
				continue;
			}
			// created meanwhile (another n8n process activating the same workflow): adopt it
			if (!isUnprocessable(created.error)) throw created.error;
			remote = await hooksFor(this, url);
			hook = remote.find((h) => h.scope === scope);
			if (!hook) throw created.error;
		}
		if (!hook.is_active) {
			// BigCommerce switched it off (about 48 h of failed deliveries, or 90 days without
			// events): every event since was lost unless someone catches up
			this.logger.warn(
				`BigCommerce Trigger: hook ${hook.id} (${scope}) was found switched off by BigCommerce (last changed ${switchedOffAt(hook)}); it is re-enabled now. Events of the gap were not delivered: run Webhook › Catch Up from that moment (see "When BigCommerce turns hooks off" in the README).`,
			);
		}
		if (!hook.is_active || !hookCarriesSecret(hook.headers, secret)) {
			await bigCommerceApiRequest.call(this, {
				method: 'PUT',
				version: 'v3',
				path: `/hooks/${hook.id}`,
				body: {
					is_active: true,
					headers: { ...((hook.headers as IDataObject | null) ?? {}), [HOOK_HEADER]: secret },
				},
			});
		}
		hooks[scope] = hook.id;
	}
	for (const hook of remote) {
		if (scopes.includes(hook.scope)) continue;
		await deleteHook(this, hook.id);
	}
	data.secret = secret;
	data.destination = url;
	data.hooks = hooks;
	return true;
}

/** Deletes one hook; one that is already gone counts as deleted. */
async function deleteHook(ctx: IHookFunctions, id: number): Promise<void> {
	const result = await settle(
		bigCommerceApiRequest.call(ctx, { method: 'DELETE', version: 'v3', path: `/hooks/${id}` }),
	);
	if (!result.ok && !isNotFound(result.error)) throw result.error;
}

/**
 * Deletes exactly this node's hooks: the stored ones and any other hook pointing at this URL.
 * Every failure is logged; if any, the first is thrown after all were tried.
 */
export async function remove(this: IHookFunctions): Promise<boolean> {
	const data = this.getWorkflowStaticData('node');
	const url = this.getNodeWebhookUrl('default') ?? '';
	const ids = new Set<number>(Object.values(storedHooks(data)).map(Number));
	const failures: Error[] = [];
	if (url) {
		const listed = await settle(hooksFor(this, url));
		if (listed.ok) {
			for (const hook of listed.value) ids.add(hook.id);
		} else {
			this.logger.error(
				`BigCommerce Trigger: could not list the hooks of ${url}; deleting the ${ids.size} stored one(s) only: ${listed.error.message}`,
			);
			failures.push(listed.error);
		}
	}
	for (const id of ids) {
		const result = await settle(deleteHook(this, id));
		if (!result.ok) {
			this.logger.error(
				`BigCommerce Trigger: could not delete hook ${id}: ${result.error.message}`,
			);
			failures.push(result.error);
		}
	}
	delete data.hooks;
	delete data.secret;
	delete data.destination;
	if (failures.length) throw failures[0];
	return true;
}
