import { NodeApiError } from 'n8n-workflow';

import { type Json, useSandbox } from '../../helpers/sandbox';
import { expectRejectedBeforeRequest, requestsSince, runNode } from '../../helpers/node';

const sandbox = useSandbox();

const listing = (params: Record<string, unknown>) => ({ resource: 'channelListing', ...params });
const channelRef = (id: number | string) => ({ __rl: true, mode: 'id', value: String(id) });
const seeded = (): Json[] => sandbox.state.listings.filter((l: Json) => l.channel_id === 3);

describe('Channel Listing', () => {
	it('gets many listings of the marketplace channel, paging with the after cursor', async () => {
		const expected = seeded().map((l) => l.listing_id);
		expect(expected.length).toBeGreaterThanOrEqual(3);
		const all = (
			await runNode(
				sandbox,
				listing({ operation: 'getAll', channelId: channelRef(3), returnAll: true }),
			)
		).json;
		expect(all.map((l) => l.listing_id)).toEqual(expected);
		expect(all[0]).toMatchObject({ channel_id: 3, state: 'active', variants: expect.any(Array) });
		const from = sandbox.requests.length;
		const two = (
			await runNode(
				sandbox,
				listing({ operation: 'getAll', channelId: channelRef(3), returnAll: false, limit: 2 }),
			)
		).json;
		expect(two.map((l) => l.listing_id)).toEqual(expected.slice(0, 2));
		expect(requestsSince(sandbox, from).map((r) => r.query)).toEqual([{ limit: '2' }]);
	});

	it('filters by product and answers an unknown channel with no listings', async () => {
		const first = seeded()[0];
		const [one, ...rest] = (
			await runNode(
				sandbox,
				listing({
					operation: 'getAll',
					channelId: channelRef(3),
					returnAll: true,
					filters: { productIds: String(first.product_id) },
				}),
			)
		).json;
		expect(rest).toEqual([]);
		expect(one.product_id).toBe(first.product_id);
		expect(
			(
				await runNode(
					sandbox,
					listing({ operation: 'getAll', channelId: channelRef(77), returnAll: true }),
				)
			).json,
		).toEqual([]);
		expect(sandbox.requests.at(-1)).toMatchObject({ path: '/channels/77/listings', status: 200 });
	});

	it('creates a listing with variants, gets it, and updates its state for every variant', async () => {
		const from = sandbox.requests.length;
		const [created] = (
			await runNode(
				sandbox,
				listing({
					operation: 'create',
					channelId: channelRef(3),
					productId: { __rl: true, mode: 'list', value: '112' },
					variantIds: '501, 502',
					state: 'pending',
					additionalFields: { name: 'Canvas Tote', externalId: 'AMZ-TOTE' },
				}),
			)
		).json;
		expect(created).toMatchObject({
			channel_id: 3,
			product_id: 112,
			state: 'pending',
			name: 'Canvas Tote',
			external_id: 'AMZ-TOTE',
		});
		expect(created.variants.map((v: Json) => [v.variant_id, v.state])).toEqual([
			[501, 'pending'],
			[502, 'pending'],
		]);
		expect(requestsSince(sandbox, from)[0]).toMatchObject({
			method: 'POST',
			path: '/channels/3/listings',
			body: [
				{
					product_id: 112,
					state: 'pending',
					name: 'Canvas Tote',
					external_id: 'AMZ-TOTE',
					variants: [
						{ product_id: 112, variant_id: 501, state: 'pending' },
						{ product_id: 112, variant_id: 502, state: 'pending' },
					],
				},
			],
		});

		const [got] = (
			await runNode(
				sandbox,
				listing({
					operation: 'get',
					channelId: channelRef(3),
					listingId: String(created.listing_id),
				}),
			)
		).json;
		expect(got.listing_id).toBe(created.listing_id);

		const before = sandbox.requests.length;
		const [updated] = (
			await runNode(
				sandbox,
				listing({
					operation: 'update',
					channelId: channelRef(3),
					listingId: created.listing_id,
					updateFields: { state: 'active', addVariantIds: '503' },
				}),
			)
		).json;
		expect(updated.state).toBe('active');
		expect(updated.variants.map((v: Json) => [v.variant_id, v.state])).toEqual([
			[501, 'active'],
			[502, 'active'],
			[503, 'active'],
		]);
		const requests = requestsSince(sandbox, before);
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			`GET /channels/3/listings/${created.listing_id}`,
			'PUT /channels/3/listings',
		]);
		expect(requests[1].body[0]).toMatchObject({
			listing_id: created.listing_id,
			product_id: 112,
			state: 'active',
		});
	});

	it('keeps variant states when asked to', async () => {
		const target = seeded()[0];
		const variantStates = target.variants.map((v: Json) => v.state);
		const [updated] = (
			await runNode(
				sandbox,
				listing({
					operation: 'update',
					channelId: channelRef(3),
					listingId: target.listing_id,
					updateFields: { state: 'disabled', name: 'Renamed' },
					applyStateToVariants: false,
				}),
			)
		).json;
		expect(updated).toMatchObject({ state: 'disabled', name: 'Renamed' });
		expect(updated.variants.map((v: Json) => v.state)).toEqual(variantStates);
	});

	it('maps an unknown listing to a NodeApiError 404 and rejects bad input before any request', async () => {
		const error = await runNode(
			sandbox,
			listing({ operation: 'get', channelId: channelRef(3), listingId: '9999' }),
		).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).httpCode).toBe('404');
		await expectRejectedBeforeRequest(
			sandbox,
			listing({
				operation: 'create',
				channelId: channelRef(3),
				productId: channelRef('abc'),
				variantIds: '',
				state: 'active',
			}),
			/"Product" must be a positive whole-number product ID/,
		);
		await expectRejectedBeforeRequest(
			sandbox,
			listing({
				operation: 'create',
				channelId: channelRef(3),
				productId: '5',
				variantIds: '1, two',
				state: 'active',
			}),
			/"Variant IDs"/,
		);
		await expectRejectedBeforeRequest(
			sandbox,
			listing({
				operation: 'create',
				channelId: channelRef(3),
				productId: '5',
				variantIds: '',
				state: 'live',
			}),
			/"State" must be one of/,
		);
		await expectRejectedBeforeRequest(
			sandbox,
			listing({ operation: 'update', channelId: channelRef(3), listingId: '1', updateFields: {} }),
			/"Update Fields" is empty/,
		);
		await expectRejectedBeforeRequest(
			sandbox,
			listing({
				operation: 'getAll',
				channelId: channelRef(3),
				returnAll: true,
				filters: { productIds: 'x' },
			}),
			/"Product IDs"/,
		);
	});
});
