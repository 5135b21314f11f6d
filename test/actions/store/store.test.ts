import { BigCommerce } from '../../../nodes/BigCommerce/BigCommerce.node';
import { createExecuteContext, sandboxCredentials } from '../../helpers/context';
import { useSandbox } from '../../helpers/sandbox';

const sandbox = useSandbox();

describe('Store → Get Information', () => {
	it('returns the store record from GET /v2/store', async () => {
		const { ctx } = createExecuteContext({
			params: { authentication: 'accessToken', resource: 'store', operation: 'get' },
			credentials: sandboxCredentials(sandbox),
		});
		const [out] = await new BigCommerce().execute.call(ctx);
		expect(out).toHaveLength(1);
		expect(out[0].json.name).toBe('Sandbox Outfitters');
		expect(out[0].json.currency).toBe('USD');
		expect(out[0].pairedItem).toEqual({ item: 0 });
		expect(sandbox.requests.at(-1)).toMatchObject({
			method: 'GET',
			version: 'v2',
			path: '/store',
			status: 200,
		});
	});
});
