/**
 * The sandbox's marketing and settings areas over plain HTTP: V2 coupons and gift certificates,
 * V3 promotions and codes, shipping, payment methods, tax classes, channels and listings.
 */
import { acknowledgeViolations, startSandbox, type Json, useSandbox } from '../helpers/sandbox';

const NOW = Date.UTC(2026, 5, 1, 12, 0, 0);
const sandbox = useSandbox({ now: () => NOW });

async function call(method: string, path: string, body?: unknown, token = sandbox.accessToken) {
	const response = await fetch(`${sandbox.baseUrl}/stores/${sandbox.storeHash}${path}`, {
		method,
		headers: {
			'X-Auth-Token': token,
			Accept: 'application/json',
			'Content-Type': 'application/json',
		},
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	return { status: response.status, body: text ? (JSON.parse(text) as Json) : undefined };
}

/**
 * Acknowledges violations a test provokes on purpose (invalid requests, error answers the files do
 * not document); any other violation still fails the test.
 */
function expectViolations(...allowed: RegExp[]) {
	const unexpected = acknowledgeViolations()
		.map((v) => v.reason)
		.filter((reason) => !allowed.some((pattern) => pattern.test(reason)));
	expect(unexpected).toEqual([]);
}

describe('seed', () => {
	it('is deterministic for the same clock and seed', async () => {
		const twin = await startSandbox({ now: () => NOW });
		try {
			for (const key of [
				'coupons',
				'giftCertificates',
				'promotions',
				'promotionCodes',
				'shippingZones',
				'shippingMethods',
				'channels',
				'listings',
				'taxClasses',
			]) {
				expect(twin.state[key]).toEqual(sandbox.state[key]);
			}
		} finally {
			await twin.close();
		}
	});

	it('has coupons valid, expired, disabled and used up', () => {
		const coupon = (code: string) => sandbox.state.coupons.find((c: Json) => c.code === code);
		expect(Date.parse(coupon('SAVE20').expires)).toBeGreaterThan(NOW);
		expect(Date.parse(coupon('OLD10').expires)).toBeLessThan(NOW);
		expect(coupon('OFF5').enabled).toBe(false);
		expect(coupon('LIMIT1').num_uses).toBeGreaterThanOrEqual(coupon('LIMIT1').max_uses);
		expect(coupon('SAVE20').expires).toMatch(
			/^[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d \+0000$/,
		);
	});

	it('has promotions active, scheduled, ended and disabled', () => {
		const list = sandbox.state.promotions as Json[];
		const started = (p: Json) => Date.parse(p.start_date) <= NOW;
		const ended = (p: Json) => p.end_date !== undefined && Date.parse(p.end_date) <= NOW;
		expect(list.some((p) => p.status === 'ENABLED' && started(p) && !ended(p))).toBe(true);
		expect(list.some((p) => p.status === 'ENABLED' && !started(p))).toBe(true);
		expect(list.some((p) => p.status === 'ENABLED' && ended(p))).toBe(true);
		expect(list.some((p) => p.status === 'DISABLED')).toBe(true);
	});
});

describe('coupons (V2)', () => {
	it('filters by code, type and ID range; counts; 204 when nothing matches', async () => {
		expect((await call('GET', '/v2/coupons?code=save20')).body.map((c: Json) => c.code)).toEqual([
			'SAVE20',
		]);
		const percentage = await call('GET', '/v2/coupons?type=percentage_discount&min_id=2');
		expect(percentage.body.every((c: Json) => c.type === 'percentage_discount' && c.id >= 2)).toBe(
			true,
		);
		expect(
			(await call('GET', '/v2/coupons?exclude_type=percentage_discount')).body.some(
				(c: Json) => c.type === 'percentage_discount',
			),
		).toBe(false);
		expect((await call('GET', '/v2/coupons/count')).body).toEqual({
			count: sandbox.state.coupons.length,
		});
		expect(await call('GET', '/v2/coupons?code=NOPE')).toEqual({ status: 204, body: undefined });
		expect((await call('GET', '/v2/coupons?page=1&limit=2')).body).toHaveLength(2);
	});

	it('creates (201), refuses duplicates (409) and bad bodies (400), updates and deletes', async () => {
		const created = await call('POST', '/v2/coupons', {
			name: 'Sandbox test',
			code: 'SBX-1',
			type: 'per_total_discount',
			amount: '3',
			applies_to: { entity: 'categories', ids: [0] },
			expires: '2027-01-01T00:00:00Z',
		});
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({
			code: 'SBX-1',
			amount: '3.0000',
			num_uses: 0,
			expires: 'Fri, 01 Jan 2027 00:00:00 +0000',
		});
		expect(
			(
				await call('POST', '/v2/coupons', {
					name: 'Other',
					code: 'sbx-1',
					type: 'per_total_discount',
					amount: '3',
					applies_to: { entity: 'categories', ids: [0] },
				})
			).status,
		).toBe(409);
		expect(
			(
				await call('POST', '/v2/coupons', {
					name: 'No type',
					code: 'SBX-2',
					amount: '1',
					applies_to: { entity: 'categories', ids: [0] },
				})
			).status,
		).toBe(400);
		const written = await call('PUT', `/v2/coupons/${created.body.id}`, { num_uses: 5 });
		expect(written.status).toBe(400);
		expect(written.body[0].message).toContain("The field 'num_uses' cannot be written to");
		expectViolations(
			/status 409 is not documented/,
			/request body: .*required property 'type'/,
			/request body/,
		);
		const id = created.body.id;
		expect((await call('DELETE', `/v2/coupons?id:in=${id}`)).status).toBe(204);
		expect(sandbox.state.coupons.some((c: Json) => c.id === id)).toBe(false);
	});

	it('refuses DELETE /coupons without id:in (it would delete every coupon)', async () => {
		const before = sandbox.state.coupons.length;
		const response = await call('DELETE', '/v2/coupons');
		expect(response.status).toBe(400);
		expect(sandbox.state.coupons).toHaveLength(before);
		expectViolations();
	});

	it('needs store_v2_marketing to write; the read-only scope reads', async () => {
		const token = sandbox.addToken('marketing-ro', ['store_v2_marketing_read_only']);
		expect((await call('GET', '/v2/coupons', undefined, token)).status).toBe(200);
		const denied = await call(
			'POST',
			'/v2/coupons',
			{
				name: 'x',
				code: 'X',
				type: 'free_shipping',
				amount: '0',
				applies_to: { entity: 'categories', ids: [0] },
			},
			token,
		);
		expect(denied.status).toBe(403);
		expect(denied.body[0].message).toContain('store_v2_marketing');
	});
});

describe('gift certificates (V2)', () => {
	it('creates with a generated code, filters by recipient, and redeems through the helper', async () => {
		const created = await call('POST', '/v2/gift_certificates', {
			to_name: 'A B',
			to_email: 'ab@example.com',
			from_name: 'C D',
			from_email: 'cd@example.com',
			amount: '80',
		});
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({
			balance: '80.0000',
			status: 'active',
			currency_code: 'USD',
		});
		expect(created.body.code).toMatch(/^[A-Z0-9]{3}-[A-Z0-9]{3}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
		const found = await call('GET', '/v2/gift_certificates?to_email=ab@example.com');
		expect(found.body.map((g: Json) => g.id)).toEqual([created.body.id]);
		sandbox.redeemGiftCertificate(created.body.code, 25.5);
		expect((await call('GET', `/v2/gift_certificates/${created.body.id}`)).body.balance).toBe(
			'54.5000',
		);
		expect(() => sandbox.redeemGiftCertificate(created.body.code, 100)).toThrow(
			/Cannot redeem 100/,
		);
		const expired = sandbox.state.giftCertificates.find((g: Json) => g.status === 'expired');
		expect(() => sandbox.redeemGiftCertificate(expired.code, 1)).toThrow(/expired/);
	});

	it('sorts by id descending', async () => {
		const ids = (await call('GET', '/v2/gift_certificates?sort=id&direction=desc')).body.map(
			(g: Json) => g.id,
		);
		expect(ids).toEqual([...ids].sort((a: number, b: number) => b - a));
	});
});

describe('promotions (V3)', () => {
	it('filters by status, redemption type, code and channel', async () => {
		const enabled = await call('GET', '/v3/promotions?status=ENABLED');
		expect(enabled.body.data.every((p: Json) => p.status === 'ENABLED')).toBe(true);
		expect(enabled.body.meta.pagination).toMatchObject({
			total: enabled.body.data.length,
			current_page: 1,
		});
		const coupons = await call('GET', '/v3/promotions?redemption_type=coupon');
		expect(coupons.body.data.every((p: Json) => p.redemption_type === 'COUPON')).toBe(true);
		const byCode = await call('GET', '/v3/promotions?code=summer25');
		expect(byCode.body.data.map((p: Json) => p.codes.code)).toEqual(['SUMMER25']);
		const channel2 = await call('GET', '/v3/promotions?channels=2');
		expect(channel2.body.data.some((p: Json) => p.codes?.code === 'SUMMER25')).toBe(false);
		expect((await call('GET', '/v3/promotions/codes?code=SUMMER25')).body.data).toHaveLength(1);
	});

	it('pages codes with before/after cursors', async () => {
		const bulk = sandbox.state.promotions.find((p: Json) => p.coupon_type === 'BULK');
		const first = await call('GET', `/v3/promotions/${bulk.id}/codes?limit=2`);
		expect(first.body.data).toHaveLength(2);
		expect(first.body.meta.pagination).toMatchObject({ total: 3, total_pages: 2 });
		const cursor = first.body.meta.cursor_pagination.end_cursor;
		const next = await call(
			'GET',
			`/v3/promotions/${bulk.id}/codes?limit=2&after=${encodeURIComponent(cursor)}`,
		);
		expect(next.body.data).toHaveLength(1);
		expect(next.body.meta).not.toHaveProperty('pagination');
		expect(next.body.meta.cursor_pagination.links).not.toHaveProperty('next');
		const back = await call(
			'GET',
			`/v3/promotions/${bulk.id}/codes?limit=2&before=${encodeURIComponent(next.body.meta.cursor_pagination.start_cursor)}`,
		);
		expect(back.body.data.map((c: Json) => c.id)).toEqual(first.body.data.map((c: Json) => c.id));
	});

	it('generates codes only for bulk promotions and at most 250 per batch', async () => {
		const bulk = sandbox.state.promotions.find((p: Json) => p.coupon_type === 'BULK');
		const single = sandbox.state.promotions.find((p: Json) => p.coupon_type === 'SINGLE');
		const ok = await call('POST', `/v3/promotions/${bulk.id}/codegen`, {
			batch_size: 5,
			prefix: 'VIP',
			delimiter: '-',
			code_length: 8,
		});
		expect(ok.status).toBe(201);
		expect(ok.body.data.codes.every((c: Json) => /^VIP-[A-Z0-9]{8}$/.test(c.code))).toBe(true);
		// the response schema's 16-character codes vs prefix/code_length: a documented exception now
		expectViolations();
		expect(
			(await call('POST', `/v3/promotions/${bulk.id}/codegen`, { batch_size: 251 })).status,
		).toBe(422);
		expectViolations(/batch_size must be <= 250/);
		expect(
			(await call('POST', `/v3/promotions/${single.id}/codegen`, { batch_size: 1 })).status,
		).toBe(405);
	});

	it('bulk delete needs id:in, at most 50, and refuses promotions that still have codes', async () => {
		expect((await call('DELETE', '/v3/promotions')).status).toBe(422);
		expectViolations(/id:in/);
		const many = Array.from({ length: 51 }, (_, n) => n + 1).join(',');
		expect((await call('DELETE', `/v3/promotions?id:in=${many}`)).status).toBe(422);
		const withCode = sandbox.state.promotions.find((p: Json) => p.redemption_type === 'COUPON');
		const refused = await call('DELETE', `/v3/promotions?id:in=${withCode.id}`);
		expect(refused.body.meta).toEqual({ total: 1, success: 0, failed: 1 });
		const automatic = await call('POST', '/v3/promotions', {
			name: 'Temp',
			redemption_type: 'AUTOMATIC',
			rules: [{ action: { cart_value: { discount: { fixed_amount: '1' } } } }],
		});
		expect(automatic.status).toBe(201);
		expect(automatic.body.data).toMatchObject({
			created_from: 'api',
			status: 'ENABLED',
			channels: [],
			can_be_used_with_other_promotions: true,
		});
		expect((await call('DELETE', `/v3/promotions?id:in=${automatic.body.data.id}`)).status).toBe(
			204,
		);
	});
});

describe('settings', () => {
	it('shipping zones and methods (no paging); unknown zone 404', async () => {
		const zones = await call('GET', '/v2/shipping/zones');
		expect(zones.body.map((z: Json) => z.name)).toEqual([
			'United States',
			'Canada',
			'Rest of the World',
		]);
		const methods = await call('GET', '/v2/shipping/zones/1/methods');
		expect(methods.body.map((m: Json) => m.type)).toEqual(['perorder', 'weight', 'endicia']);
		expect(methods.body[0]).not.toHaveProperty('zone_id');
		expect((await call('GET', '/v2/shipping/zones/42')).status).toBe(404);
	});

	it('payment methods accept store_payments_methods_read (there is no _read_only variant)', async () => {
		const token = sandbox.addToken('payments-only', ['store_payments_methods_read']);
		expect((await call('GET', '/v2/payments/methods', undefined, token)).status).toBe(200);
		const other = sandbox.addToken('info-only', ['store_v2_information']);
		const denied = await call('GET', '/v2/payments/methods', undefined, other);
		expect(denied.status).toBe(403);
		expect(denied.body[0].message).toContain('store_payments_methods_read');
	});

	it('tax classes list and one by ID (IDs are strings, dates ISO)', async () => {
		const list = await call('GET', '/v2/tax_classes');
		expect(list.body[0]).toMatchObject({ id: '0', name: 'Default Tax Class' });
		expect((await call('GET', '/v2/tax_classes/4')).body.name).toBe('Clothing');
	});

	it('channels always include the default storefront 1; listings of an unknown channel are empty', async () => {
		const channels = await call('GET', '/v3/channels?type:in=storefront');
		expect(channels.body.data.map((c: Json) => c.id)).toEqual([1, 2]);
		expect((await call('GET', '/v3/channels/3')).body.data).toMatchObject({
			type: 'marketplace',
			platform: 'amazon',
		});
		const listings = await call('GET', '/v3/channels/3/listings?limit=2');
		expect(listings.body.data).toHaveLength(2);
		expect(listings.body.meta.pagination.links.next).toBe(
			`?limit=2&after=${listings.body.data[1].listing_id}`,
		);
		expect(await call('GET', '/v3/channels/999/listings')).toMatchObject({
			status: 200,
			body: { data: [] },
		});
	});
});
