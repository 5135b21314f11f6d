/**
 * Issue 17: one store's quota shared by several n8n processes (queue-mode workers). BigCommerce
 * counts X-Rate-Limit-Requests-Left per store; each process has its own governor (its own copy of
 * transport/rateLimit.ts state), which only sees the answers it received. Two copies of the
 * transport are loaded here (jest.isolateModules gives the second one its own module state) and
 * send a bulk job each to one server at its quota, the way two workers do.
 */
import { sleep } from 'n8n-workflow';

import * as processOne from '../../nodes/BigCommerce/transport';
import { startServer, transportContext, useFastRetries, type TestServer } from './harness';

type Transport = typeof processOne;

let server: TestServer;
let processTwo: Transport;

/** Another process's copy of the transport: its own governor, the same (fast) retry settings. */
function anotherProcess(): Transport {
	let transport!: Transport;
	jest.isolateModules(() => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		transport = require('../../nodes/BigCommerce/transport');
	});
	Object.assign(transport.retrySettings, processOne.retrySettings);
	return transport;
}

useFastRetries();
beforeAll(async () => {
	server = await startServer();
	server.route('GET', 'v3', '/catalog/products/:id', async (ctx) => {
		await sleep(10);
		return {
			status: 200,
			body: { data: { id: Number(ctx.params.id), name: `Hat ${ctx.params.id}` }, meta: {} },
		};
	});
	processTwo = anotherProcess();
});
afterAll(async () => server.close());

/** `executions` concurrent executions on one process, each getting its products one after the other. */
async function bulkJob(
	transport: Transport,
	firstId: number,
	executions: number,
	perExecution: number,
) {
	return await Promise.all(
		Array.from({ length: executions }, async (_, e) => {
			const got: number[] = [];
			for (let i = 0; i < perExecution; i++) {
				const { ctx } = transportContext(server);
				const id = firstId + e * perExecution + i;
				const product = (await transport.bigCommerceApiRequest.call(ctx, {
					method: 'GET',
					version: 'v3',
					path: `/catalog/products/${id}`,
				})) as { id: number };
				got.push(product.id);
			}
			return got;
		}),
	);
}

describe('one store quota shared by two processes (queue-mode workers)', () => {
	it('two governors spending one quota: every item succeeds and the 429s stay rare', async () => {
		const quota = 10;
		server.setRateLimit({ quota, windowMs: 400 });
		const before = server.requests.length;
		const [one, two] = await Promise.all([
			bulkJob(processOne, 1, 5, 8),
			bulkJob(processTwo, 1001, 5, 8),
		]);
		expect(one.flat()).toEqual(Array.from({ length: 40 }, (_, i) => 1 + i));
		expect(two.flat()).toEqual(Array.from({ length: 40 }, (_, i) => 1001 + i));
		const requests = server.requests.slice(before);
		const refused = requests.filter((r) => r.status === 429).length;
		// eslint-disable-next-line no-console
		console.log(`80 calls, ${requests.length} requests, ${refused} answered 429`);
		expect(requests.length - refused).toBe(80);
		// each governor sees the other's requests in its first answers (fewer left than its own
		// requests explain) and spends half until a window passes alone: 0 in 8 runs (5 with both
		// cores busy); 4-5 when only a 429 revealed the other process, 14-15 with no notion of it
		expect(refused).toBeLessThanOrEqual(2);
	});

	it('two governors that each spent the store alone before, then start a window together: half each at first, not the whole quota twice', async () => {
		const two = anotherProcess(); // a fresh one (the first process is reset before each test)
		const quota = 10;
		const windowMs = 400;
		server.setRateLimit({ quota, windowMs });
		// each one alone for a few windows (a queue-mode worker that ran a job by itself)
		await bulkJob(processOne, 2001, 2, 15);
		await sleep(windowMs + 100);
		await bulkJob(two, 3001, 2, 15);
		await sleep(windowMs + 100); // both know the store's quota and that they were alone
		const before = server.requests.length;
		const [one, other] = await Promise.all([
			bulkJob(processOne, 4001, 10, 2),
			bulkJob(two, 5001, 10, 2),
		]);
		expect(one.flat()).toHaveLength(20);
		expect(other.flat()).toHaveLength(20);
		const requests = server.requests.slice(before);
		const refused = requests.filter((r) => r.status === 429).length;
		// eslint-disable-next-line no-console
		console.log(
			`40 calls after both ran alone: ${requests.length} requests, ${refused} answered 429`,
		);
		expect(requests.length - refused).toBe(40);
		// the whole quota at once from each would be 10 refused in the first window alone
		expect(refused).toBeLessThanOrEqual(2);
	});
});
