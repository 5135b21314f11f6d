import { NodeApiError } from 'n8n-workflow';

import { useSandbox } from '../../helpers/sandbox';
import { expectRejectedBeforeRequest, requestsSince, runNode } from '../../helpers/node';

const sandbox = useSandbox();

describe('Payment Method → Get Many', () => {
	it('lists the payment methods (V2 page/limit)', async () => {
		const from = sandbox.requests.length;
		const all = (
			await runNode(sandbox, { resource: 'paymentMethod', operation: 'getAll', returnAll: true })
		).json;
		expect(all.map((m) => m.code)).toEqual([
			'braintree',
			'paypalcommerce',
			'cod',
			'cheque',
			'testgateway',
		]);
		expect(all[4]).toEqual({ code: 'testgateway', name: 'Test Payment Gateway', test_mode: true });
		expect(requestsSince(sandbox, from)).toEqual([
			expect.objectContaining({ path: '/payments/methods', query: { page: '1', limit: '250' } }),
		]);
		const two = (
			await runNode(sandbox, {
				resource: 'paymentMethod',
				operation: 'getAll',
				returnAll: false,
				limit: 2,
			})
		).json;
		expect(two).toHaveLength(2);
	});

	it('needs store_payments_methods_read: without it the error names the scope', async () => {
		const token = sandbox.addToken('no-payments-token', ['store_v2_information_read_only']);
		const error = await runNode(
			sandbox,
			{ resource: 'paymentMethod', operation: 'getAll', returnAll: true },
			{ token },
		).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).httpCode).toBe('403');
		expect((error as NodeApiError).description).toContain('store_payments_methods_read');
		const allowed = sandbox.addToken('payments-token', ['store_payments_methods_read']);
		expect(
			(
				await runNode(
					sandbox,
					{ resource: 'paymentMethod', operation: 'getAll', returnAll: true },
					{ token: allowed },
				)
			).json,
		).toHaveLength(5);
	});

	it('rejects a bad limit before any request', async () => {
		await expectRejectedBeforeRequest(
			sandbox,
			{ resource: 'paymentMethod', operation: 'getAll', returnAll: false, limit: 0 },
			/"Limit" must be a whole number of 1 or more/,
		);
	});
});
