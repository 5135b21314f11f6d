import { NodeApiError } from 'n8n-workflow';

import { useSandbox } from '../../helpers/sandbox';
import { expectRejectedBeforeRequest, requestsSince, runNode } from '../../helpers/node';

const sandbox = useSandbox();

const shipping = (params: Record<string, unknown>) => ({ resource: 'shipping', ...params });

describe('Shipping', () => {
	it('gets every zone in one call', async () => {
		const from = sandbox.requests.length;
		const zones = (await runNode(sandbox, shipping({ operation: 'getZones' }))).json;
		expect(zones.map((z) => [z.id, z.name, z.type])).toEqual([
			[1, 'United States', 'country'],
			[2, 'Canada', 'country'],
			[3, 'Rest of the World', 'global'],
		]);
		expect(zones[0].free_shipping).toEqual({
			enabled: true,
			minimum_sub_total: '75.0000',
			exclude_fixed_shipping_products: false,
		});
		expect(requestsSince(sandbox, from)).toEqual([
			expect.objectContaining({ method: 'GET', version: 'v2', path: '/shipping/zones', query: {} }),
		]);
	});

	it('gets one zone and its methods (optionally enabled only)', async () => {
		const [zone] = (await runNode(sandbox, shipping({ operation: 'getZone', zoneId: '2' }))).json;
		expect(zone).toMatchObject({
			id: 2,
			name: 'Canada',
			locations: [expect.objectContaining({ country_iso2: 'CA' })],
		});
		const methods = (await runNode(sandbox, shipping({ operation: 'getMethods', zoneId: 2 }))).json;
		expect(methods.map((m) => [m.zone_id, m.name, m.type, m.enabled])).toEqual([
			[2, 'Flat Rate', 'perorder', true],
			[2, 'Per Item', 'peritem', false],
		]);
		const enabled = (
			await runNode(sandbox, shipping({ operation: 'getMethods', zoneId: 2, enabledOnly: true }))
		).json;
		expect(enabled.map((m) => m.name)).toEqual(['Flat Rate']);
		expect(sandbox.requests.at(-1)).toMatchObject({
			path: '/shipping/zones/2/methods',
			status: 200,
		});
	});

	it('works with the read-only information scope', async () => {
		const token = sandbox.addToken('readonly-info-token', ['store_v2_information_read_only']);
		const zones = (await runNode(sandbox, shipping({ operation: 'getZones' }), { token })).json;
		expect(zones).toHaveLength(3);
	});

	it('maps an unknown zone to a NodeApiError 404 and rejects bad IDs before any request', async () => {
		const error = await runNode(sandbox, shipping({ operation: 'getZone', zoneId: '99' })).catch(
			(e: unknown) => e,
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).httpCode).toBe('404');
		await expectRejectedBeforeRequest(
			sandbox,
			shipping({ operation: 'getMethods', zoneId: 'us' }),
			/"Zone ID" must be a positive whole number/,
		);
		await expectRejectedBeforeRequest(
			sandbox,
			shipping({ operation: 'getZone', zoneId: '' }),
			/"Zone ID" must be a positive whole number/,
		);
	});
});
