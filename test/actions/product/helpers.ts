import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { BigCommerce } from '../../../nodes/BigCommerce/BigCommerce.node';
import { createExecuteContext, sandboxCredentials, type Params } from '../../helpers/context';
import type { SandboxHandle } from '../../helpers/sandbox';

export interface RunOptions {
	items?: IDataObject[];
	continueOnFail?: boolean;
	staticData?: IDataObject;
	token?: string;
}

/** Runs the BigCommerce node once against the sandbox; returns the output and the new requests. */
export async function runNode(sandbox: SandboxHandle, params: Params | Params[], options: RunOptions = {}) {
	const credentials = sandboxCredentials(sandbox);
	if (options.token) credentials.bigCommerceApi.accessToken = options.token;
	const withAuth = (p: Params) => ({ authentication: 'accessToken', ...p });
	const { ctx, staticData } = createExecuteContext({
		params: Array.isArray(params) ? params.map(withAuth) : withAuth(params),
		credentials,
		items: options.items,
		continueOnFail: options.continueOnFail,
		staticData: options.staticData,
	});
	const before = sandbox.requests.length;
	const [out] = (await new BigCommerce().execute.call(ctx)) as INodeExecutionData[][];
	return { out, json: out.map((item) => item.json), requests: sandbox.requests.slice(before), staticData };
}

/** Runs the node expecting it to throw; returns the error and the requests sent meanwhile. */
export async function runNodeError(sandbox: SandboxHandle, params: Params | Params[], options: RunOptions = {}) {
	const before = sandbox.requests.length;
	let error: Error | undefined;
	try {
		await runNode(sandbox, params, options);
	} catch (e) {
		error = e as Error;
	}
	if (!error) throw new Error('expected the node to throw');
	return { error, requests: sandbox.requests.slice(before) };
}

/** A resource-locator value in "By ID" mode. */
export const byId = (id: number | string) => ({ __rl: true, mode: 'id', value: String(id) });
