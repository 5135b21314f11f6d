import { NodeApiError } from 'n8n-workflow';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SEED_CODES } = require('../../../sandbox/resources/marketing');
import { type Json, useSandbox } from '../../helpers/sandbox';
import { expectRejectedBeforeRequest, requestsSince, runNode } from '../../helpers/node';

const sandbox = useSandbox();

const codes = SEED_CODES.giftCertificates as Record<string, string>;
const gift = (params: Record<string, unknown>) => ({ resource: 'giftCertificate', ...params });
const byCode = (code: string): Json =>
	sandbox.state.giftCertificates.find((g: Json) => g.code === code);

describe('Gift Certificate → Check Balance', () => {
	it('gives the balance, currency, status and expiry of a partly used certificate', async () => {
		const from = sandbox.requests.length;
		const [out] = (
			await runNode(sandbox, gift({ operation: 'checkBalance', code: codes.partlyUsed }))
		).json;
		expect(out).toMatchObject({
			code: codes.partlyUsed,
			found: true,
			balance: 62.5,
			original_amount: 150,
			currency: 'USD',
			status: 'active',
			usable: true,
		});
		expect(out.expiry_date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
		expect(out.message).toContain('62.50 USD');
		// compact: nothing about the buyer or the recipient
		expect(Object.keys(out).sort()).toEqual([
			'balance',
			'code',
			'currency',
			'expiry_date',
			'found',
			'message',
			'original_amount',
			'status',
			'usable',
		]);
		expect(requestsSince(sandbox, from)).toEqual([
			expect.objectContaining({
				method: 'GET',
				version: 'v2',
				path: '/gift_certificates',
				query: { code: codes.partlyUsed, limit: '5' },
			}),
		]);
	});

	it('reflects a redemption made in the store', async () => {
		sandbox.redeemGiftCertificate(codes.active, 30);
		const [out] = (
			await runNode(sandbox, gift({ operation: 'checkBalance', code: codes.active.toLowerCase() }))
		).json;
		expect(out).toMatchObject({
			code: codes.active,
			balance: 70,
			original_amount: 100,
			usable: true,
		});
	});

	it('reports an expired and a disabled certificate as not usable', async () => {
		const [expired, disabled] = (
			await runNode(
				sandbox,
				[
					gift({ operation: 'checkBalance', code: codes.expired }),
					gift({ operation: 'checkBalance', code: codes.disabled }),
				],
				{ items: [{}, {}] },
			)
		).json;
		expect(expired).toMatchObject({ status: 'expired', usable: false, balance: 50 });
		expect(Date.parse(expired.expiry_date)).toBeLessThan(Date.now());
		expect(disabled).toMatchObject({ status: 'disabled', usable: false, expiry_date: null });
		expect(disabled.message).toBe('This gift certificate cannot be used: it is disabled.');
	});

	it('answers "not found" for a wrong code without revealing any other certificate', async () => {
		const [out] = (
			await runNode(sandbox, gift({ operation: 'checkBalance', code: 'GC3-B3N-44TZ-R8MX' }))
		).json;
		expect(out).toEqual({
			code: 'GC3-B3N-44TZ-R8MX',
			found: false,
			message: 'No gift certificate has this code.',
		});
	});

	it('rejects an empty code before any request', async () => {
		await expectRejectedBeforeRequest(
			sandbox,
			gift({ operation: 'checkBalance', code: '  ' }),
			/"Code" must not be empty/,
		);
	});
});

describe('Gift Certificate CRUD', () => {
	let createdId: number;

	it('creates a certificate (201) with an RFC-2822 expiry date', async () => {
		const from = sandbox.requests.length;
		const [out] = (
			await runNode(
				sandbox,
				gift({
					operation: 'create',
					toName: 'Robin Vale',
					toEmail: 'robin.vale@example.com',
					fromName: 'Kai Vale',
					fromEmail: 'kai.vale@example.com',
					amount: 40,
					additionalFields: {
						code: 'GIFT-ROBIN-40',
						expiryDate: '2031-01-31T00:00:00Z',
						message: 'Enjoy!',
						customerId: { __rl: true, mode: 'list', value: '1' },
					},
				}),
			)
		).json;
		createdId = out.id;
		expect(out).toMatchObject({
			code: 'GIFT-ROBIN-40',
			amount: '40.0000',
			balance: '40.0000',
			status: 'active',
			expiry_date: '2031-01-31T00:00:00.000Z',
		});
		const [request] = requestsSince(sandbox, from);
		expect(request).toMatchObject({ method: 'POST', path: '/gift_certificates', status: 201 });
		expect(request.body).toEqual({
			to_name: 'Robin Vale',
			to_email: 'robin.vale@example.com',
			from_name: 'Kai Vale',
			from_email: 'kai.vale@example.com',
			amount: '40',
			code: 'GIFT-ROBIN-40',
			expiry_date: 'Fri, 31 Jan 2031 00:00:00 +0000',
			message: 'Enjoy!',
			customer_id: 1,
		});
	});

	it('gets it by ID and lists it with a recipient filter', async () => {
		const [one] = (
			await runNode(sandbox, gift({ operation: 'get', giftCertificateId: String(createdId) }))
		).json;
		expect(one).toMatchObject({ id: createdId, to_email: 'robin.vale@example.com' });
		const from = sandbox.requests.length;
		const many = (
			await runNode(
				sandbox,
				gift({
					operation: 'getAll',
					returnAll: true,
					filters: { toEmail: 'robin.vale@example.com' },
				}),
			)
		).json;
		expect(many.map((g) => g.id)).toEqual([createdId]);
		expect(requestsSince(sandbox, from)[0].query).toMatchObject({
			to_email: 'robin.vale@example.com',
		});
		const limited = (
			await runNode(sandbox, gift({ operation: 'getAll', returnAll: false, limit: 2 }))
		).json;
		expect(limited).toHaveLength(2);
		// the order picker filters by the order the certificate was bought in
		const bought = (
			await runNode(
				sandbox,
				gift({
					operation: 'getAll',
					returnAll: true,
					filters: { orderId: { __rl: true, mode: 'list', value: '118' } },
				}),
			)
		).json;
		expect(bought.map((g) => g.order_id)).toEqual([118]);
		expect(sandbox.requests.at(-1)!.query).toMatchObject({ order_id: '118' });
		await expectRejectedBeforeRequest(
			sandbox,
			gift({
				operation: 'getAll',
				returnAll: true,
				filters: { orderId: { __rl: true, mode: 'id', value: '#118' } },
			}),
			/"Order" must be a positive whole number/,
		);
	});

	it('updates the balance and status with a partial PUT', async () => {
		const from = sandbox.requests.length;
		const [out] = (
			await runNode(
				sandbox,
				gift({
					operation: 'update',
					giftCertificateId: createdId,
					updateFields: { balance: 12.5, status: 'disabled' },
				}),
			)
		).json;
		expect(out).toMatchObject({ id: createdId, balance: '12.5000', status: 'disabled' });
		expect(requestsSince(sandbox, from)).toEqual([
			expect.objectContaining({
				method: 'PUT',
				path: `/gift_certificates/${createdId}`,
				body: { balance: '12.5', status: 'disabled' },
			}),
		]);
	});

	it('rejects bad emails, IDs and empty updates before any request', async () => {
		await expectRejectedBeforeRequest(
			sandbox,
			gift({
				operation: 'create',
				toName: 'a',
				toEmail: 'not-an-email',
				fromName: 'b',
				fromEmail: 'b@example.com',
				amount: 5,
			}),
			/"Recipient Email" must be an email address/,
		);
		await expectRejectedBeforeRequest(
			sandbox,
			gift({
				operation: 'create',
				toName: 'a',
				toEmail: 'a@example.com',
				fromName: 'b',
				fromEmail: 'b@example.com',
				amount: -5,
			}),
			/"Amount" must be an amount of 0 or more/,
		);
		await expectRejectedBeforeRequest(
			sandbox,
			gift({ operation: 'get', giftCertificateId: '1.5' }),
			/"Gift Certificate ID" must be a positive whole number/,
		);
		await expectRejectedBeforeRequest(
			sandbox,
			gift({ operation: 'update', giftCertificateId: '1', updateFields: {} }),
			/"Update Fields" is empty/,
		);
		await expectRejectedBeforeRequest(
			sandbox,
			gift({ operation: 'getAll', returnAll: true, filters: { fromEmail: 'x@' } }),
			/"Sender Email" must be an email address/,
		);
	});

	it('deletes it, and a later get is a NodeApiError 404', async () => {
		const [out] = (
			await runNode(sandbox, gift({ operation: 'delete', giftCertificateId: String(createdId) }))
		).json;
		expect(out).toEqual({ id: createdId, deleted: true });
		expect(byCode('GIFT-ROBIN-40')).toBeUndefined();
		const error = await runNode(
			sandbox,
			gift({ operation: 'get', giftCertificateId: String(createdId) }),
		).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).httpCode).toBe('404');
	});
});
