/** `npm run sandbox -- --port <port>`: the sandbox as a command, read with fetch as a person would with curl. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { spawnSandboxCli } = require('../helpers/spawn');

interface CliInfo {
	baseUrl: string;
	storeHash: string;
	accessToken: string;
	apiPath: string;
	controlUrl: string;
}
interface CliHandle {
	info: CliInfo;
	line: string;
	stdout(): string;
	stderr(): string;
	stop(signal?: string): Promise<number | string>;
}

describe('npm run sandbox', () => {
	let cli: CliHandle | undefined;
	afterEach(async () => {
		if (cli) await cli.stop();
		cli = undefined;
	});

	it('prints one JSON line once ready and serves the API on 127.0.0.1', async () => {
		cli = (await spawnSandboxCli([
			'--port',
			'0',
			'--products',
			'7',
			'--quota',
			'40',
			'--window-ms',
			'5000',
		])) as CliHandle;
		const { info } = cli;
		expect(info).toMatchObject({
			baseUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
			storeHash: 'abc1d2ef',
			accessToken: expect.any(String),
			apiPath: `${info.baseUrl}/stores/abc1d2ef/v3`,
			controlUrl: `${info.baseUrl}/__sandbox`,
		});
		expect(
			cli
				.stdout()
				.trim()
				.split('\n')
				.filter((l) => l.startsWith('{')),
		).toEqual([cli.line]);

		const time = await fetch(`${info.baseUrl}/stores/${info.storeHash}/v2/time`, {
			headers: { 'X-Auth-Token': info.accessToken },
		});
		expect(time.status).toBe(200);
		expect(time.headers.get('x-rate-limit-requests-quota')).toBe('40');
		expect(time.headers.get('x-rate-limit-time-window-ms')).toBe('5000');
		expect(await time.json()).toEqual({ time: expect.any(Number) });

		const unauthorized = await fetch(`${info.baseUrl}/stores/${info.storeHash}/v2/time`, {
			headers: { 'X-Auth-Token': 'wrong' },
		});
		expect(unauthorized.status).toBe(401);

		const control = await fetch(`${info.controlUrl}/info`);
		expect(await control.json()).toMatchObject({
			storeHash: 'abc1d2ef',
			accessToken: info.accessToken,
		});
	});

	it('logs contract violations to stderr and exits cleanly on SIGTERM', async () => {
		cli = (await spawnSandboxCli(['--port', '0', '--products', '3'], {
			viaNpm: false,
		})) as CliHandle;
		await fetch(`${cli.info.apiPath}/definitely/not/documented`, {
			headers: { 'X-Auth-Token': cli.info.accessToken },
		});
		const handle = cli;
		cli = undefined;
		expect(await handle.stop('SIGTERM')).toBe(0);
		expect(handle.stderr()).toContain(
			'contract violation: [no spec] GET /v3/definitely/not/documented → 404 (request)',
		);
	});

	it('turns the contract off with --no-contract and exits on SIGINT', async () => {
		cli = (await spawnSandboxCli(['--port', '0', '--no-contract', '--latency-ms', '5'], {
			viaNpm: false,
		})) as CliHandle;
		const response = await fetch(`${cli.info.apiPath}/definitely/not/documented`, {
			headers: { 'X-Auth-Token': cli.info.accessToken },
		});
		expect(response.status).toBe(404);
		const info = await (await fetch(`${cli.info.controlUrl}/info`)).json();
		expect(info).toMatchObject({ contract: false, latencyMs: 5 });
		const handle = cli;
		cli = undefined;
		expect(await handle.stop('SIGINT')).toBe(0);
		expect(handle.stderr()).not.toContain('contract violation');
	});

	it('rejects unknown options with the usage', async () => {
		await expect(
			spawnSandboxCli(['--port', '0', '--frobnicate'], { viaNpm: false }),
		).rejects.toThrow(/unknown option --frobnicate[\s\S]*Usage/);
	});
});
