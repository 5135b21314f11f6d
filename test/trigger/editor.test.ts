/**
 * What n8n's editor shows for the two nodes (found by the browser suite, test/ui):
 * - n8n's nodes panel merges "BigCommerce" and "BigCommerce Trigger" into ONE entry (the trigger's
 *   name minus "Trigger" equals the action node's name) and gives that entry the TRIGGER's
 *   description (n8n 2.40.7, generateMergedNodesAndActions: `mergedNode.description =
 *   trigger.description`). So the trigger must carry the description meant for the entry.
 * - the trigger's Channel is picked by name from the store's channels; numeric IDs stored by
 *   earlier versions (the parameter was a plain number) keep their meaning.
 */
import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { BigCommerce } from '../../nodes/BigCommerce/BigCommerce.node';
import { BigCommerceTrigger } from '../../nodes/BigCommerceTrigger/BigCommerceTrigger.node';
import { scopesFor } from '../../nodes/BigCommerceTrigger/lifecycle';
import { createExecuteContext, sandboxCredentials } from '../helpers/context';
import { useSandbox } from '../helpers/sandbox';

const sandbox = useSandbox();

const action = new BigCommerce();
const trigger = new BigCommerceTrigger();

describe('nodes panel entry', () => {
	it('the merged "BigCommerce" entry shows the action node\'s description, not a trigger-only one', () => {
		// n8n shows the trigger's description on the merged entry: the two must be the same text
		expect(trigger.description.description).toBe(action.description.description);
		expect(action.description.description).toMatch(/catalog, orders, customers/);
		expect(action.description.description).toMatch(/events/);
	});
});

describe('trigger Channel picker', () => {
	const channelParam = () => trigger.description.properties.find((p) => p.name === 'channelId')!;

	it('is a list of the store\'s channels by name (plus "All Channels"), loaded from the store', async () => {
		expect(channelParam()).toMatchObject({
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getChannels' },
			default: 0,
		});
		const loadOptions = (
			trigger as unknown as {
				methods?: {
					loadOptions?: Record<
						string,
						(this: ILoadOptionsFunctions) => Promise<INodePropertyOptions[]>
					>;
				};
			}
		).methods?.loadOptions;
		expect(typeof loadOptions?.getChannels).toBe('function');
		const { ctx } = createExecuteContext({
			params: { authentication: 'accessToken' },
			credentials: sandboxCredentials(sandbox),
		});
		const from = sandbox.requests.length;
		const options = await loadOptions!.getChannels.call(ctx as unknown as ILoadOptionsFunctions);
		expect(sandbox.requests.slice(from).map((r) => r.path)).toContain('/channels');
		expect(options[0]).toEqual({ name: 'All Channels', value: 0 });
		const channels = [...sandbox.state.channels.values()] as Array<{ id: number; name: string }>;
		expect(channels.length).toBeGreaterThan(1);
		for (const channel of channels) {
			// numeric values: what the parameter stored before it became a list
			expect(options).toContainEqual(
				expect.objectContaining({ value: channel.id, name: expect.stringContaining(channel.name) }),
			);
		}
	});

	it('keeps a numeric channel stored by an earlier version meaning that channel', () => {
		expect(scopesFor(['store/order/created'], 3)).toEqual(['store/channel/3/order/created']);
		expect(scopesFor(['store/order/created'], 0)).toEqual(['store/order/created']);
	});
});
