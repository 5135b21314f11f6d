import { fail } from '../../shared/validate';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

export const webhookIdProperty: INodeProperties = {
	displayName: 'Webhook ID',
	name: 'webhookId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '22561594',
	description: 'The numeric ID of the webhook',
};

const SCOPE_PATTERN = /^store\/[A-Za-z0-9_*{}]+(\/[A-Za-z0-9_*{}]+)*$/;

export const headersProperty: INodeProperties = {
	displayName: 'Headers',
	name: 'headers',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Header',
	default: {},
	description: 'Custom headers BigCommerce sends with every delivery (e.g. a shared secret)',
	options: [
		{
			displayName: 'Header',
			name: 'header',
			values: [
				{ displayName: 'Name', name: 'name', type: 'string', default: '' },
				{ displayName: 'Value', name: 'value', type: 'string', default: '' },
			],
		},
	],
};

export function checkScope(ctx: IExecuteFunctions, i: number, raw: unknown): string {
	const scope = String(raw ?? '').trim();
	if (!SCOPE_PATTERN.test(scope)) {
		fail(
			ctx,
			i,
			`"Event Scope" must be a BigCommerce event such as store/order/created or store/product/*; got "${scope}"`,
		);
	}
	return scope;
}

export function checkDestination(ctx: IExecuteFunctions, i: number, raw: unknown): string {
	const destination = String(raw ?? '').trim();
	let url: URL | undefined;
	try {
		url = new URL(destination);
	} catch {
		url = undefined;
	}
	if (!url || !/^https?:$/.test(url.protocol)) {
		fail(
			ctx,
			i,
			`"Destination" must be a URL such as https://example.com/webhooks; got "${destination}"`,
			'BigCommerce delivers only to HTTPS URLs on port 443.',
		);
	}
	return destination;
}

export function headersObject(
	ctx: IExecuteFunctions,
	i: number,
	raw: unknown,
): IDataObject | undefined {
	const entries = ((raw as IDataObject | undefined)?.header as IDataObject[] | undefined) ?? [];
	if (!entries.length) return undefined;
	const headers: IDataObject = {};
	for (const entry of entries) {
		const name = String(entry.name ?? '').trim();
		if (!/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(name))
			fail(ctx, i, `"Headers" has an invalid header name "${name}"`);
		headers[name] = String(entry.value ?? '');
	}
	return headers;
}

/**
 * The hook as the node returns it: created_at / updated_at as ISO 8601 (the API sends Unix
 * seconds) and header values hidden (see redactedHeaders): every webhook operation's output goes
 * through here, so no operation can leak the BigCommerce Trigger's secret header.
 */
export function hookOutput(hook: IDataObject): IDataObject {
	const iso = (value: IDataObject[string]): IDataObject[string] =>
		typeof value === 'number'
			? new Date(value * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z')
			: value;
	const output: IDataObject = {
		...hook,
		created_at: iso(hook.created_at),
		updated_at: iso(hook.updated_at),
	};
	if ('headers' in hook) output.headers = redactedHeaders(hook.headers);
	return output;
}

/**
 * A hook's custom headers with their values hidden: they carry secrets (the BigCommerce Trigger's
 * secret header, basic-auth credentials), which never appear in the node's output.
 */
export function redactedHeaders(headers: unknown): IDataObject | null {
	if (!headers || typeof headers !== 'object') return null;
	return Object.fromEntries(Object.keys(headers).map((name) => [name, '[redacted]']));
}
