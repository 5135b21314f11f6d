import type { ILoadOptionsFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { listSearch } from '../../../nodes/BigCommerce/methods/listSearch';
import { createExecuteContext, sandboxCredentials } from '../../helpers/context';
import { type Json, useSandbox } from '../../helpers/sandbox';
import { expectRejectedBeforeRequest, locator, requestsSince, runNode } from '../../helpers/node';

const sandbox = useSandbox();

const channel = (params: Record<string, unknown>) => ({ resource: 'channel', ...params });

describe('Channel', () => {
	it('gets many channels: the default storefront first, then a second storefront and Amazon', async () => {
		const all = (await runNode(sandbox, channel({ operation: 'getAll', returnAll: true }))).json;
		expect(all.map((c) => [c.id, c.name, c.type, c.platform])).toEqual([
			[1, 'Sandbox Outfitters', 'storefront', 'bigcommerce'],
			[2, 'Sandbox Outfitters EU', 'storefront', 'bigcommerce'],
			[3, 'Amazon US', 'marketplace', 'amazon'],
		]);
		const from = sandbox.requests.length;
		const marketplaces = (
			await runNode(
				sandbox,
				channel({
					operation: 'getAll',
					returnAll: true,
					filters: { types: ['marketplace'], statuses: ['connected'], platforms: 'Amazon' },
				}),
			)
		).json;
		expect(marketplaces.map((c) => c.id)).toEqual([3]);
		expect(requestsSince(sandbox, from)[0].query).toMatchObject({
			'type:in': 'marketplace',
			'status:in': 'connected',
			'platform:in': 'amazon',
		});
	});

	it('gets one channel by locator, with currencies', async () => {
		const [out] = (
			await runNode(
				sandbox,
				channel({
					operation: 'get',
					channelId: { __rl: true, mode: 'list', value: '3' },
					includeCurrencies: true,
				}),
			)
		).json;
		expect(out).toMatchObject({
			id: 3,
			name: 'Amazon US',
			currencies: { default_currency: 'USD' },
		});
		expect(sandbox.requests.at(-1)).toMatchObject({
			path: '/channels/3',
			query: { include: 'currencies' },
		});
	});

	it('creates a channel and archives it with an update', async () => {
		const from = sandbox.requests.length;
		const [created] = (
			await runNode(
				sandbox,
				channel({
					operation: 'create',
					name: 'eBay Motors',
					type: 'marketplace',
					platform: 'ebay',
					additionalFields: { externalId: 'EBAY-991' },
				}),
			)
		).json;
		expect(created).toMatchObject({
			name: 'eBay Motors',
			type: 'marketplace',
			platform: 'ebay',
			external_id: 'EBAY-991',
			status: 'connected',
		});
		expect(requestsSince(sandbox, from)[0]).toMatchObject({
			method: 'POST',
			path: '/channels',
			body: { name: 'eBay Motors', type: 'marketplace', platform: 'ebay', external_id: 'EBAY-991' },
		});
		const [archived] = (
			await runNode(
				sandbox,
				channel({
					operation: 'update',
					channelId: locator(created.id),
					updateFields: { status: 'archived', name: 'eBay Motors (old)' },
				}),
			)
		).json;
		expect(archived).toMatchObject({
			id: created.id,
			status: 'archived',
			name: 'eBay Motors (old)',
		});
		expect(sandbox.requests.at(-1)).toMatchObject({
			method: 'PUT',
			path: `/channels/${created.id}`,
			body: { status: 'archived', name: 'eBay Motors (old)' },
		});
		const available = (
			await runNode(
				sandbox,
				channel({ operation: 'getAll', returnAll: true, filters: { available: true } }),
			)
		).json;
		expect(available.map((c) => c.id)).not.toContain(created.id);
	});

	it('maps an unknown channel to a NodeApiError 404', async () => {
		const error = await runNode(
			sandbox,
			channel({ operation: 'get', channelId: locator(404) }),
		).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).httpCode).toBe('404');
	});

	it('rejects bad input before any request', async () => {
		await expectRejectedBeforeRequest(
			sandbox,
			channel({ operation: 'get', channelId: locator(-1) }),
			/"Channel" must be a positive whole number/,
		);
		await expectRejectedBeforeRequest(
			sandbox,
			channel({ operation: 'create', name: 'x', type: 'marketplace', platform: 'e bay!' }),
			/"Platform" must be a platform name/,
		);
		await expectRejectedBeforeRequest(
			sandbox,
			channel({ operation: 'create', name: '  ', type: 'pos', platform: 'square' }),
			/"Name" must not be empty/,
		);
		await expectRejectedBeforeRequest(
			sandbox,
			channel({ operation: 'update', channelId: locator(2), updateFields: {} }),
			/"Update Fields" is empty/,
		);
	});

	it('searches channels for the resource locator by name', async () => {
		const { ctx } = createExecuteContext({
			params: { authentication: 'accessToken' },
			credentials: sandboxCredentials(sandbox),
		});
		const found = await listSearch.searchChannels.call(
			ctx as unknown as ILoadOptionsFunctions,
			'amazon',
		);
		expect(found.results).toEqual([{ name: 'Amazon US (#3, amazon marketplace)', value: '3' }]);
		const everything = await listSearch.searchChannels.call(
			ctx as unknown as ILoadOptionsFunctions,
		);
		expect(everything.results.map((r: Json) => r.value)).toEqual(
			expect.arrayContaining(['1', '2', '3']),
		);
	});
});
