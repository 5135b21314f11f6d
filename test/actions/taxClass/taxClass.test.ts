import { expectRejectedBeforeRequest, requestsSince, runNode } from '../../helpers/node';
import { useSandbox } from '../../helpers/sandbox';

const sandbox = useSandbox();

describe('Tax Class', () => {
	it('gets many tax classes and one by ID (0 is the default class)', async () => {
		const all = (
			await runNode(sandbox, { resource: 'taxClass', operation: 'getAll', returnAll: true })
		).json;
		expect(all.map((t) => t.name)).toEqual([
			'Default Tax Class',
			'Non-Taxable Products',
			'Shipping',
			'Gift Wrapping',
			'Clothing',
		]);
		expect(all[0].created_at).toMatch(/^\d{4}-\d\d-\d\dT/);
		const from = sandbox.requests.length;
		const [zero] = (
			await runNode(sandbox, { resource: 'taxClass', operation: 'get', taxClassId: '0' })
		).json;
		expect(zero).toMatchObject({ id: '0', name: 'Default Tax Class' });
		const [clothing] = (
			await runNode(sandbox, { resource: 'taxClass', operation: 'get', taxClassId: 4 })
		).json;
		expect(clothing.name).toBe('Clothing');
		expect(requestsSince(sandbox, from).map((r) => r.path)).toEqual([
			'/tax_classes/0',
			'/tax_classes/4',
		]);
		const limited = (
			await runNode(sandbox, {
				resource: 'taxClass',
				operation: 'getAll',
				returnAll: false,
				limit: 3,
			})
		).json;
		expect(limited).toHaveLength(3);
	});

	it('rejects a bad ID before any request', async () => {
		await expectRejectedBeforeRequest(
			sandbox,
			{ resource: 'taxClass', operation: 'get', taxClassId: '-1' },
			/"Tax Class ID" must be a whole number of 0 or more/,
		);
		await expectRejectedBeforeRequest(
			sandbox,
			{ resource: 'taxClass', operation: 'get', taxClassId: 'clothing' },
			/"Tax Class ID"/,
		);
	});
});
