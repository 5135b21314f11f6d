/**
 * The router (actions/router.ts): one result set per input item with pairedItem, Continue On Fail
 * per item (input errors and API errors alike), the item index on thrown errors; and the node
 * description survives n8n's "Custom API Call" injection.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { BigCommerceApi } from '../../credentials/BigCommerceApi.credentials';
import { BigCommerceOAuth2Api } from '../../credentials/BigCommerceOAuth2Api.credentials';
import { BigCommerce } from '../../nodes/BigCommerce/BigCommerce.node';
import { createExecuteContext, sandboxCredentials, type Params } from '../helpers/context';
import { acknowledgeViolations, useSandbox } from '../helpers/sandbox';
import { locator } from '../helpers/node';

const sandbox = useSandbox();

async function run(params: Params[], continueOnFail = false) {
	const { ctx, sent } = createExecuteContext({
		params: params.map((p) => ({ authentication: 'accessToken', ...p })),
		credentials: sandboxCredentials(sandbox),
		items: params.map((_, index) => ({ index })),
		continueOnFail,
	});
	const result = await new BigCommerce().execute.call(ctx);
	return { result, sent };
}
async function runError(params: Params[]) {
	try {
		await run(params);
	} catch (error) {
		return error as NodeOperationError | NodeApiError;
	}
	throw new Error('expected the node to throw');
}

const liveOrderIds = () =>
	(sandbox.state.orders as Array<{ id: number; is_deleted?: boolean }>)
		.filter((o) => !o.is_deleted)
		.map((o) => o.id);

describe('router', () => {
	it('returns one output (one result set) with each item paired to its input', async () => {
		const [a, b] = liveOrderIds();
		const { result, sent } = await run([
			{ resource: 'order', operation: 'get', orderId: locator(a) },
			{
				resource: 'order',
				operation: 'getAll',
				returnAll: false,
				limit: 3,
				filters: {},
				sort: 'id:asc',
				simplify: true,
			},
			{ resource: 'order', operation: 'get', orderId: locator(b) },
		]);
		expect(result).toHaveLength(1);
		const [out] = result;
		expect(out.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 1 },
			{ item: 1 },
			{ item: 2 },
		]);
		expect(out[0].json.id).toBe(a);
		expect(out[4].json.id).toBe(b);
		expect(out.slice(1, 4).map((item) => item.json.id)).toEqual(
			[...liveOrderIds()].sort((x, y) => x - y).slice(0, 3),
		);
		expect(sent.map((r) => new URL(r.options.url).pathname.replace(/^.*\/v2/, ''))).toEqual([
			`/orders/${a}`,
			'/orders',
			`/orders/${b}`,
		]);
	});

	it('with Continue On Fail, a bad item and an API failure become error items in place; the others run', async () => {
		const [a] = liveOrderIds();
		const mark = sandbox.requests.length;
		const { result } = await run(
			[
				{ resource: 'order', operation: 'get', orderId: locator('abc') },
				{ resource: 'order', operation: 'get', orderId: locator(a) },
				{ resource: 'order', operation: 'get', orderId: locator(999999) },
			],
			true,
		);
		acknowledgeViolations(); // the provoked 404 of item 2
		const [out] = result;
		expect(out).toHaveLength(3);
		expect(out.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(out[0].json.error).toMatch(/^Item 0: "Order" must be a positive whole number/);
		expect(out[1].json.id).toBe(a);
		expect(out[2].json).toMatchObject({ error: expect.any(String), httpCode: '404' });
		// the bad item sent nothing: only items 1 and 2 reached the sandbox
		expect(sandbox.requests.slice(mark).map((r) => r.path)).toEqual([
			`/orders/${a}`,
			'/orders/999999',
		]);
	});

	it('without Continue On Fail, stops at the first failing item with its index', async () => {
		const [a] = liveOrderIds();
		const inputError = await runError([
			{ resource: 'order', operation: 'get', orderId: locator(a) },
			{ resource: 'order', operation: 'get', orderId: locator('-1') },
		]);
		expect(inputError).toBeInstanceOf(NodeOperationError);
		expect(inputError.context.itemIndex).toBe(1);

		const apiError = await runError([
			{ resource: 'order', operation: 'get', orderId: locator(999999) },
		]);
		acknowledgeViolations();
		expect(apiError).toBeInstanceOf(NodeApiError);
		expect((apiError as NodeApiError).httpCode).toBe('404');
		expect(apiError.context.itemIndex).toBe(0);
	});

	it('refuses an unknown resource/operation pair without a request', async () => {
		const mark = sandbox.requests.length;
		const error = await runError([{ resource: 'order', operation: 'teleport' }]);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('The operation "teleport" is not supported for resource "order"');
		expect(sandbox.requests.length).toBe(mark);
	});
});

describe('n8n "Custom API Call" injection', () => {
	/** What n8n's LoadNodesAndCredentials.injectCustomApiCallOptions does to a node description. */
	function inject(properties: INodeProperties[]) {
		for (const p of properties) {
			if (!['resource', 'operation'].includes(p.name) || !Array.isArray(p.options)) continue;
			const options = p.options as INodePropertyOptions[];
			if (options[options.length - 1].name !== 'Custom API Call') {
				options.push({ name: 'Custom API Call', value: '__CUSTOM_API_CALL__' });
			}
		}
	}

	it('is offered: both credentials support proxy auth (authenticate / extends oAuth2Api)', () => {
		expect(new BigCommerceApi().authenticate).toBeDefined();
		expect(new BigCommerceOAuth2Api().extends).toContain('oAuth2Api');
	});

	it('every Resource/Operation selector takes the extra option once, and the defaults stay valid', () => {
		const description = new BigCommerce().description;
		const properties = JSON.parse(JSON.stringify(description.properties)) as INodeProperties[];
		const selectors = properties.filter((p) => p.name === 'resource' || p.name === 'operation');
		expect(selectors.length).toBe(
			1 + (properties.find((p) => p.name === 'resource')!.options ?? []).length,
		);
		for (const selector of selectors) {
			expect(selector.type).toBe('options');
			expect(selector.noDataExpression).toBe(true);
			expect((selector.options ?? []).length).toBeGreaterThan(0);
		}
		inject(properties);
		inject(properties); // n8n may run it again (reload): no second entry
		for (const selector of selectors) {
			const values = (selector.options as INodePropertyOptions[]).map((o) => o.value);
			expect(values.filter((v) => v === '__CUSTOM_API_CALL__')).toHaveLength(1);
			expect(values).toContain(selector.default);
		}
		const resource = selectors.find((p) => p.name === 'resource')!;
		expect(resource.default).toBe('product');
		// no other top-level parameter is called "resource" or "operation" (it would get the option too)
		expect(properties.filter((p) => p.name === 'resource')).toHaveLength(1);
		expect(
			properties
				.filter((p) => p.name === 'operation')
				.every((p) => p.displayOptions?.show?.resource?.length === 1),
		).toBe(true);
	});
});
