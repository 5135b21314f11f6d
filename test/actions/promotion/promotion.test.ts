import { expectRejectedBeforeRequest, requestsSince, runNode } from '../../helpers/node';
import { type Json, useSandbox } from '../../helpers/sandbox';

const sandbox = useSandbox();

const promo = (params: Record<string, unknown>) => ({ resource: 'promotion', ...params });
const byName = (name: string): Json => sandbox.state.promotions.find((p: Json) => p.name === name);

describe('Promotion → List Active', () => {
	it('lists only enabled promotions inside their dates, with codes', async () => {
		const from = sandbox.requests.length;
		const out = (await runNode(sandbox, promo({ operation: 'listActive' }))).json;
		const names = out.map((p) => p.name);
		expect(names).toEqual([
			'Spring sale: 10% off everything',
			'25% off with code SUMMER25',
			'Free shipping on everything',
			'VIP single-use codes $20 off',
		]);
		expect(names.join()).not.toMatch(/Black Friday|Winter|Staff/);
		expect(out[1]).toMatchObject({
			type: 'coupon code',
			code: 'SUMMER25',
			discount: '25% off the order',
		});
		expect(out[0]).toMatchObject({
			type: 'automatic',
			code: null,
			discount: '10% off the order',
			ends: expect.stringMatching(/Z$/),
		});
		expect(out[2]).toMatchObject({ discount: 'free shipping', ends: null });
		expect(out[3]).toMatchObject({
			code: null,
			note: 'uses individual codes (one per shopper)',
			discount: '20 off the order',
		});
		expect(requestsSince(sandbox, from)).toEqual([
			expect.objectContaining({
				method: 'GET',
				version: 'v3',
				path: '/promotions',
				query: { status: 'ENABLED', page: '1', limit: '250' },
			}),
		]);
	});

	it('filters by channel and says so when nothing runs', async () => {
		const onChannel1 = (
			await runNode(
				sandbox,
				promo({ operation: 'listActive', channelId: { __rl: true, mode: 'list', value: '1' } }),
			)
		).json;
		expect(onChannel1.map((p) => p.code)).toContain('SUMMER25');
		expect(sandbox.requests.at(-1)!.query).toMatchObject({ status: 'ENABLED', channels: '1' });
		const onChannel2 = (await runNode(sandbox, promo({ operation: 'listActive', channelId: '2' })))
			.json; // a plain ID still works
		expect(onChannel2.map((p) => p.code)).not.toContain('SUMMER25');
		const disabledAll = sandbox.state.promotions.map((p: Json) => [p, p.status]);
		for (const [p] of disabledAll) p.status = 'DISABLED';
		try {
			const [none] = (await runNode(sandbox, promo({ operation: 'listActive' }))).json;
			expect(none).toEqual({ active: 0, message: 'No promotion is running right now.' });
		} finally {
			for (const [p, status] of disabledAll) p.status = status;
		}
		await expectRejectedBeforeRequest(
			sandbox,
			promo({ operation: 'listActive', channelId: { __rl: true, mode: 'id', value: 'web' } }),
			/"Channel" must be a positive whole number/,
		);
	});
});

describe('Promotion CRUD and codes', () => {
	let couponPromotionId: number;
	let bulkPromotionId: number;

	it('gets one promotion simplified or in full', async () => {
		const id = byName('SUMMER25: 25% off').id;
		const [simple] = (
			await runNode(sandbox, promo({ operation: 'get', promotionId: String(id), simplify: true }))
		).json;
		expect(simple).toMatchObject({
			id,
			redemption_type: 'COUPON',
			status: 'ENABLED',
			code: 'SUMMER25',
			discount: '25% off the order',
			channel_ids: [1],
		});
		expect(simple).not.toHaveProperty('rules');
		const [full] = (
			await runNode(sandbox, promo({ operation: 'get', promotionId: String(id), simplify: false }))
		).json;
		expect(full.rules[0].action.cart_value.discount.percentage_amount).toBe('25');
	});

	it('gets many with filters and a limit', async () => {
		const from = sandbox.requests.length;
		const coupons = (
			await runNode(
				sandbox,
				promo({
					operation: 'getAll',
					returnAll: true,
					filters: { redemptionType: 'coupon', status: 'DISABLED' },
				}),
			)
		).json;
		expect(coupons.map((p) => p.name)).toEqual(['Staff discount 30%']);
		expect(requestsSince(sandbox, from)[0].query).toMatchObject({
			redemption_type: 'coupon',
			status: 'DISABLED',
		});
		const two = (await runNode(sandbox, promo({ operation: 'getAll', returnAll: false, limit: 2 })))
			.json;
		expect(two).toHaveLength(2);
		const [byCode] = (
			await runNode(
				sandbox,
				promo({ operation: 'getAll', returnAll: true, filters: { code: 'BFPREVIEW' } }),
			)
		).json;
		expect(byCode.name).toBe('Black Friday preview');
	});

	it('creates a coupon promotion, then its code with a second call', async () => {
		const from = sandbox.requests.length;
		const [out] = (
			await runNode(
				sandbox,
				promo({
					operation: 'create',
					name: 'Autumn 12% off',
					redemptionType: 'COUPON',
					couponType: 'SINGLE',
					couponCode: 'AUTUMN12',
					rules: '[{"action": {"cart_value": {"discount": {"percentage_amount": "12"}}}}]',
					additionalFields: {
						startDate: '2026-09-01T00:00:00Z',
						endDate: '2030-09-30T00:00:00Z',
						channelIds: '1, 2',
						codeMaxUses: 50,
					},
				}),
			)
		).json;
		couponPromotionId = out.id;
		expect(out).toMatchObject({
			name: 'Autumn 12% off',
			redemption_type: 'COUPON',
			status: 'ENABLED',
			codes: { code: 'AUTUMN12', max_uses: 50 },
		});
		const requests = requestsSince(sandbox, from);
		expect(requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
			'POST /promotions 201',
			`POST /promotions/${out.id}/codes 201`,
		]);
		expect(requests[0].body).toEqual({
			redemption_type: 'COUPON',
			coupon_type: 'SINGLE',
			name: 'Autumn 12% off',
			rules: [{ action: { cart_value: { discount: { percentage_amount: '12' } } } }],
			channels: [{ id: 1 }, { id: 2 }],
			start_date: '2026-09-01T00:00:00Z',
			end_date: '2030-09-30T00:00:00Z',
		});
		expect(requests[1].body).toEqual({ code: 'AUTUMN12', max_uses: 50 });
		const [check] = (
			await runNode(sandbox, { resource: 'coupon', operation: 'lookUpCode', code: 'autumn12' })
		).json;
		expect(check).toMatchObject({
			found: true,
			valid: true,
			source: 'promotion',
			discount_amount: 12,
			uses_remaining: 50,
		});
	});

	it('updates the status and end date (partial PUT)', async () => {
		const from = sandbox.requests.length;
		const [out] = (
			await runNode(
				sandbox,
				promo({
					operation: 'update',
					promotionId: couponPromotionId,
					updateFields: { status: 'DISABLED', endDate: '2031-01-01T00:00:00Z' },
				}),
			)
		).json;
		expect(out).toMatchObject({
			id: couponPromotionId,
			status: 'DISABLED',
			end_date: '2031-01-01T00:00:00+00:00',
		});
		expect(requestsSince(sandbox, from)).toEqual([
			expect.objectContaining({
				method: 'PUT',
				path: `/promotions/${couponPromotionId}`,
				body: { status: 'DISABLED', end_date: '2031-01-01T00:00:00Z' },
			}),
		]);
	});

	it('generates codes for a bulk promotion in batches of 250', async () => {
		const [created] = (
			await runNode(
				sandbox,
				promo({
					operation: 'create',
					name: 'Influencer codes',
					redemptionType: 'COUPON',
					couponType: 'BULK',
					rules: '[{"action": {"cart_value": {"discount": {"fixed_amount": "15"}}}}]',
				}),
			)
		).json;
		bulkPromotionId = created.id;
		const from = sandbox.requests.length;
		const codes = (
			await runNode(
				sandbox,
				promo({
					operation: 'generateCodes',
					promotionId: String(bulkPromotionId),
					quantity: 260,
					options: { maxUses: 1, maxUsesPerCustomer: 1 },
				}),
			)
		).json;
		expect(codes).toHaveLength(260);
		expect(new Set(codes.map((c) => c.code)).size).toBe(260);
		expect(
			codes.every(
				(c) =>
					/^[A-Z0-9]{16}$/.test(c.code) && c.promotion_id === bulkPromotionId && c.max_uses === 1,
			),
		).toBe(true);
		expect(requestsSince(sandbox, from).map((r) => r.body.batch_size)).toEqual([250, 10]);
		expect(
			sandbox.state.promotionCodes.filter((c: Json) => c.promotion_id === bulkPromotionId),
		).toHaveLength(260);
	});

	it('rejects bad rules JSON, dates, IDs and code options before any request', async () => {
		await expectRejectedBeforeRequest(
			sandbox,
			promo({ operation: 'create', name: 'x', redemptionType: 'AUTOMATIC', rules: '[{"action": ' }),
			/"Rules \(JSON\)" is not valid JSON/,
		);
		await expectRejectedBeforeRequest(
			sandbox,
			promo({
				operation: 'create',
				name: 'x',
				redemptionType: 'AUTOMATIC',
				rules: '{"action": {}}',
			}),
			/"Rules \(JSON\)" must be a JSON array/,
		);
		await expectRejectedBeforeRequest(
			sandbox,
			promo({
				operation: 'create',
				name: 'x',
				redemptionType: 'AUTOMATIC',
				rules: '[{"condition": {}}]',
			}),
			/entry 0 needs an "action" object/,
		);
		await expectRejectedBeforeRequest(
			sandbox,
			promo({
				operation: 'create',
				name: 'x',
				redemptionType: 'AUTOMATIC',
				rules: '[{"action": {"cart_value": {}}}]',
				additionalFields: { startDate: '2030-01-02T00:00:00Z', endDate: '2030-01-01T00:00:00Z' },
			}),
			/"End Date" .* must be after "Start Date"/,
		);
		await expectRejectedBeforeRequest(
			sandbox,
			promo({
				operation: 'create',
				name: 'x',
				redemptionType: 'COUPON',
				couponType: 'SINGLE',
				couponCode: 'BAD!CODE',
				rules: '[{"action": {"cart_value": {}}}]',
			}),
			/"Coupon Code" may contain only/,
		);
		await expectRejectedBeforeRequest(
			sandbox,
			promo({ operation: 'generateCodes', promotionId: '7', quantity: 0 }),
			/"Number of Codes" must be a whole number from 1 to 10000/,
		);
		await expectRejectedBeforeRequest(
			sandbox,
			promo({
				operation: 'generateCodes',
				promotionId: '7',
				quantity: 5,
				options: { prefix: 'vip' },
			}),
			/"Prefix" may contain only capital letters/,
		);
		await expectRejectedBeforeRequest(
			sandbox,
			promo({ operation: 'update', promotionId: '0', updateFields: { status: 'ENABLED' } }),
			/"Promotion ID" must be a positive whole number/,
		);
		await expectRejectedBeforeRequest(
			sandbox,
			promo({ operation: 'update', promotionId: '3', updateFields: { customerJson: '[1]' } }),
			/"Customer \(JSON\)" must be a JSON object/,
		);
		// code limits without a code to limit used to be dropped silently
		await expectRejectedBeforeRequest(
			sandbox,
			promo({
				operation: 'create',
				name: 'x',
				redemptionType: 'AUTOMATIC',
				rules: '[{"action": {"cart_value": {}}}]',
				additionalFields: { codeMaxUses: 5 },
			}),
			/"Code Max Uses" and "Code Max Uses Per Customer" limit the Coupon Code/,
		);
		await expectRejectedBeforeRequest(
			sandbox,
			promo({
				operation: 'create',
				name: 'x',
				redemptionType: 'COUPON',
				couponType: 'SINGLE',
				couponCode: 'OK10',
				rules: '[{"action": {"cart_value": {}}}]',
				additionalFields: { codeMaxUsesPerCustomer: -1 },
			}),
			/"Code Max Uses Per Customer" must be a whole number/,
		);
	});

	it('deletes a promotion with its codes', async () => {
		const [out] = (
			await runNode(sandbox, promo({ operation: 'delete', promotionId: String(couponPromotionId) }))
		).json;
		expect(out).toEqual({ id: couponPromotionId, deleted: true });
		expect(sandbox.state.promotions.some((p: Json) => p.id === couponPromotionId)).toBe(false);
		const [check] = (
			await runNode(sandbox, { resource: 'coupon', operation: 'lookUpCode', code: 'AUTUMN12' })
		).json;
		expect(check).toMatchObject({ found: false, reason: 'not found' });
	});
});
