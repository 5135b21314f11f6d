'use strict';
/**
 * Marketing and the support-agent look-ups in one workflow run headlessly by n8n: coupon code
 * look-up (valid, expired, a promotion's code, unknown), create + find a coupon, gift certificate
 * balance (usable, expired, unknown), active promotions.
 */
const { values } = require('./helpers');

const WF = 'e2eMarketing0001';

module.exports = {
	name: 'Resource: Marketing (coupons, gift certificates, promotions)',

	workflows(ctx) {
		const gifts = values(ctx.sandbox.state.giftCertificates);
		const usable = gifts.find(
			(g) => g.status === 'active' && Date.parse(g.expiry_date || '2999-01-01') > Date.now(),
		);
		const expired = gifts.find((g) => g.status === 'expired');
		ctx.shared.gifts = { usable, expired };
		const lookUp = (name, code) => ({
			name,
			parameters: { resource: 'coupon', operation: 'lookUpCode', code },
		});
		const balance = (name, code) => ({
			name,
			parameters: { resource: 'giftCertificate', operation: 'checkBalance', code },
		});
		return [
			ctx.wf.actionWorkflow({
				id: WF,
				name: 'e2e: marketing',
				steps: [
					lookUp('Coupon SAVE20', 'save20'),
					lookUp('Coupon OLD10', 'OLD10'),
					lookUp('Promotion code', 'SUMMER25'),
					lookUp('Unknown code', 'NOPE-404'),
					{
						name: 'Create coupon',
						parameters: {
							resource: 'coupon',
							operation: 'create',
							code: 'E2E-TEN',
							name: 'E2E 10% off',
							type: 'percentage_discount',
							amount: 10,
							appliesTo: 'categories',
							appliesToIds: '0',
						},
					},
					{
						name: 'Find coupon',
						parameters: {
							resource: 'coupon',
							operation: 'getAll',
							returnAll: true,
							filters: { code: 'E2E-TEN' },
						},
					},
					balance('Gift balance', usable.code),
					balance('Expired gift', expired.code),
					balance('Unknown gift', 'XXX-000-0000-0000'),
					{
						name: 'Active promotions',
						parameters: { resource: 'promotion', operation: 'listActive' },
					},
					{
						name: 'List promotions',
						parameters: { resource: 'promotion', operation: 'getAll', limit: 3 },
					},
					{
						name: 'Create promotion',
						parameters: {
							resource: 'promotion',
							operation: 'create',
							name: 'E2E bulk codes 10% off',
							redemptionType: 'COUPON',
							couponType: 'BULK',
							rules: JSON.stringify([
								{ action: { cart_value: { discount: { percentage_amount: '10' } } } },
							]),
						},
					},
					{
						name: 'Generate codes',
						parameters: {
							resource: 'promotion',
							operation: 'generateCodes',
							promotionId: "={{ $('Create promotion').first().json.id }}",
							quantity: 3,
						},
					},
				],
			}),
		];
	},

	tests: [
		{
			name: 'the marketing workflow runs to the end',
			async run(ctx) {
				ctx.expectSuccess(await ctx.runOnce(WF), WF);
			},
		},
		{
			name: 'support agent: coupon look-up (valid, expired, promotion code, unknown)',
			core: true,
			async run(ctx) {
				const run = ctx.expectSuccess(await ctx.runOnce(WF));
				const [save] = run.output('Coupon SAVE20');
				ctx.assert.equal(save.found, true);
				ctx.assert.equal(save.valid, true);
				ctx.assert.equal(save.code, 'SAVE20');
				const [old] = run.output('Coupon OLD10');
				ctx.assert.equal(old.valid, false);
				ctx.assert.match(old.reason, /expired/);
				const [promo] = run.output('Promotion code');
				ctx.assert.equal(promo.found, true);
				ctx.assert.equal(promo.source, 'promotion');
				const [unknown] = run.output('Unknown code');
				ctx.assert.equal(unknown.found, false);
			},
		},
		{
			name: 'coupon create then find by code',
			core: true,
			async run(ctx) {
				const run = ctx.expectSuccess(await ctx.runOnce(WF));
				const [created] = run.output('Create coupon');
				ctx.assert.equal(created.code, 'E2E-TEN');
				const found = run.output('Find coupon');
				ctx.assert.equal(found.length, 1);
				ctx.assert.equal(found[0].id, created.id);
				ctx.assert.ok(values(ctx.sandbox.state.coupons).some((c) => c.code === 'E2E-TEN'));
			},
		},
		{
			name: 'support agent: gift certificate balance (usable, expired, unknown)',
			async run(ctx) {
				const run = ctx.expectSuccess(await ctx.runOnce(WF));
				const [ok] = run.output('Gift balance');
				ctx.assert.equal(ok.found, true);
				ctx.assert.equal(ok.usable, true);
				ctx.assert.equal(ok.balance, Number(ctx.shared.gifts.usable.balance));
				const [expired] = run.output('Expired gift');
				ctx.assert.equal(expired.usable, false);
				ctx.assert.equal(expired.status, 'expired');
				ctx.assert.equal(run.output('Unknown gift')[0].found, false);
			},
		},
		{
			name: 'support agent: active promotions only',
			async run(ctx) {
				const run = ctx.expectSuccess(await ctx.runOnce(WF));
				const active = run.output('Active promotions');
				ctx.assert.ok(active.length >= 1);
				const names = active.map((p) => p.name);
				ctx.assert.ok(
					names.some((n) => /Spring sale/.test(n)),
					names.join(', '),
				);
				ctx.assert.ok(
					!names.some((n) => /Winter clearance|Staff discount|Black Friday/.test(n)),
					`ended, disabled or future promotions listed: ${names.join(', ')}`,
				);
				ctx.assert.equal(run.output('List promotions').length, 3);
			},
		},
		{
			name: 'a coupon promotion is created and generates 3 codes',
			async run(ctx) {
				const run = ctx.expectSuccess(await ctx.runOnce(WF));
				const [promotion] = run.output('Create promotion');
				ctx.assert.equal(promotion.redemption_type, 'COUPON');
				const codes = run.output('Generate codes');
				const list = codes.length === 1 && Array.isArray(codes[0].codes) ? codes[0].codes : codes;
				ctx.assert.equal(list.length, 3, JSON.stringify(codes).slice(0, 300));
				const stored = values(ctx.sandbox.state.promotionCodes).filter(
					(c) => c.promotion_id === promotion.id,
				);
				ctx.assert.equal(stored.length, 3);
			},
		},
	],
};
