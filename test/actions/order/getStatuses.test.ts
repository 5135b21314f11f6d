import { useSandbox } from '../../helpers/sandbox';
import { runNode } from '../../helpers/node';

const sandbox = useSandbox();

describe('Order → Get Statuses', () => {
	it('lists the 15 statuses with names', async () => {
		const out = (await runNode(sandbox, { resource: 'order', operation: 'getStatuses' })).out;
		expect(out).toHaveLength(15);
		expect(out.find((item) => item.json.id === 5)?.json.name).toBe('Cancelled');
		expect(out.find((item) => item.json.id === 11)?.json.name).toBe('Awaiting Fulfillment');
	});
});
