import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	ICredentialTestRequest,
} from 'n8n-workflow';

import { BigCommerceApi } from '../../credentials/BigCommerceApi.credentials';
import { resolveCredentialExpression } from '../helpers/expression';
import { respond, startServer, STORE_HASH, TOKEN, type TestServer } from '../transport/harness';

/**
 * The credential's test request and authentication are n8n expressions over `$credentials`;
 * they are resolved here with n8n-workflow's own expression engine (as n8n resolves them) and
 * the resulting request is really sent to a local sandbox server.
 */
const credential = new BigCommerceApi();

const resolve = resolveCredentialExpression;

/** The test request's URL for these credential values. */
function testUrl(credentials: IDataObject): string {
	const request = credential.test.request;
	return `${resolve(request.baseURL, credentials)}${resolve(request.url, credentials)}`;
}

/** The test request's URL and headers for these credential values (authenticate applied as n8n does). */
async function testRequest(credentials: IDataObject) {
	const request = credential.test.request;
	const url = testUrl(credentials);
	const authenticated = await credential.authenticate(
		credentials as ICredentialDataDecryptedObject,
		{
			url,
			headers: { ...(request.headers as Record<string, string>) },
		},
	);
	const headers = authenticated.headers as Record<string, string>;
	return { url, headers, method: request.method ?? 'GET' };
}

/** n8n's credential tester: a failing status matched by a responseCode rule, or the body rule. */
type Rule = { type: string; properties: { value?: unknown; key?: string; message: string } };
async function runCredentialTest(
	credentials: IDataObject,
): Promise<{ status: 'OK' | 'Error'; message: string }> {
	const { url, headers, method } = await testRequest(credentials);
	const response = await fetch(url, { method, headers });
	const rules = (credential.test.rules ?? []) as unknown as Rule[];
	if (response.status >= 400) {
		const rule = rules.find(
			(r) => r.type === 'responseCode' && r.properties.value === response.status,
		);
		return { status: 'Error', message: rule?.properties.message ?? `HTTP ${response.status}` };
	}
	const body = (await response.json()) as IDataObject;
	for (const rule of rules.filter((r) => r.type === 'responseSuccessBody')) {
		if (body[rule.properties.key as string] === rule.properties.value) {
			return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'OK', message: 'Connection tested successfully' };
}

let server: TestServer;
let storeBody: IDataObject = { id: 'abc1d2ef', name: 'Sandbox Outfitters', domain: 'example.com' };
const NO_SCOPE_TOKEN = `noscope${STORE_HASH}${TOKEN.slice(0, 8)}`;
beforeAll(async () => {
	server = await startServer();
	server.route('GET', 'v2', '/store', () => respond.v2One(storeBody), {
		scope: 'store_v2_information',
	});
	server.addToken(NO_SCOPE_TOKEN, ['store_v2_products']);
});
afterAll(async () => server.close());

describe('bigCommerceApi credential', () => {
	it('has Store Hash, a password Access Token and an API Base URL defaulting to BigCommerce', () => {
		expect(credential.name).toBe('bigCommerceApi');
		expect(credential.displayName).toBe('BigCommerce API');
		const byName = Object.fromEntries(credential.properties.map((p) => [p.name, p]));
		expect(byName.storeHash).toMatchObject({ type: 'string', required: true });
		expect(byName.accessToken).toMatchObject({
			type: 'string',
			required: true,
			typeOptions: { password: true },
		});
		expect(byName.apiBaseUrl).toMatchObject({
			type: 'string',
			default: 'https://api.bigcommerce.com',
		});
	});

	it.each([
		['abc1d2ef'],
		[' ABC1D2EF '],
		['stores/abc1d2ef'],
		['https://api.bigcommerce.com/stores/abc1d2ef/v3/'],
		['https://api.bigcommerce.com/stores/abc1d2ef/v2/'],
		['https://store-abc1d2ef.mybigcommerce.com/manage/dashboard'],
		['https://store-abc1d2ef-1.mybigcommerce.com/manage/orders'],
	])(
		'the test request for store hash %j reads GET {base}/stores/abc1d2ef/v2/store',
		(storeHash) => {
			const url = testUrl({
				storeHash,
				accessToken: TOKEN,
				apiBaseUrl: 'https://api.bigcommerce.com',
			});
			expect(url).toBe('https://api.bigcommerce.com/stores/abc1d2ef/v2/store');
		},
	);

	it('uses the API Base URL (trailing slashes dropped, empty = BigCommerce)', () => {
		expect(
			testUrl({
				storeHash: 'abc1d2ef',
				accessToken: TOKEN,
				apiBaseUrl: 'http://127.0.0.1:4010//',
			}),
		).toBe('http://127.0.0.1:4010/stores/abc1d2ef/v2/store');
		expect(testUrl({ storeHash: 'abc1d2ef', accessToken: TOKEN, apiBaseUrl: '' })).toBe(
			'https://api.bigcommerce.com/stores/abc1d2ef/v2/store',
		);
	});

	it('authenticates without an n8n expression (n8n 2.40 would evaluate one in an isolate for every execution)', async () => {
		// a template such as ={{$credentials.accessToken}} goes through n8n's expression engine;
		// a function is called with the decrypted values and evaluates nothing
		expect(typeof credential.authenticate).toBe('function');
		const options = {
			url: 'https://api.bigcommerce.com/x',
			headers: { Accept: 'application/json' },
		};
		const authenticated = await credential.authenticate({ accessToken: TOKEN }, options);
		expect(authenticated.headers).toEqual({ Accept: 'application/json', 'X-Auth-Token': TOKEN });
		expect(options.headers).toEqual({ Accept: 'application/json' }); // the caller's options untouched
	});

	it('authenticate sends the token as X-Auth-Token (and asks for JSON)', async () => {
		const { headers } = await testRequest({
			storeHash: 'abc1d2ef',
			accessToken: TOKEN,
			apiBaseUrl: '',
		});
		expect(headers['X-Auth-Token']).toBe(TOKEN);
		expect(headers.Accept).toBe('application/json');
		expect(headers.Authorization).toBeUndefined();
	});

	it('succeeds against the sandbox for every accepted form, and the server received X-Auth-Token', async () => {
		for (const storeHash of [
			STORE_HASH,
			`https://api.bigcommerce.com/stores/${STORE_HASH}/v3/`,
			`https://store-${STORE_HASH}.mybigcommerce.com/manage/dashboard`,
		]) {
			const before = server.requests.length;
			expect(
				await runCredentialTest({ storeHash, accessToken: TOKEN, apiBaseUrl: server.baseUrl }),
			).toEqual({
				status: 'OK',
				message: 'Connection tested successfully',
			});
			const request = server.requests[before];
			expect(request).toMatchObject({ method: 'GET', version: 'v2', path: '/store', status: 200 });
			expect(request.headers['x-auth-token']).toBe(TOKEN);
		}
	});

	it('401: says the token is invalid or revoked and where store-level tokens come from', async () => {
		const result = await runCredentialTest({
			storeHash: STORE_HASH,
			accessToken: 'wrong-token',
			apiBaseUrl: server.baseUrl,
		});
		expect(result.status).toBe('Error');
		expect(result.message).toContain('invalid or has been revoked');
		expect(result.message).toContain('Settings › API › API Accounts');
	});

	it('403: names the missing scope', async () => {
		const result = await runCredentialTest({
			storeHash: STORE_HASH,
			accessToken: NO_SCOPE_TOKEN,
			apiBaseUrl: server.baseUrl,
		});
		expect(result.status).toBe('Error');
		expect(result.message).toContain('store_v2_information_read_only');
	});

	it('404 (wrong or unrecognised store hash): lists the accepted forms', async () => {
		for (const storeHash of ['zzz999', 'https://shop.example.com']) {
			const result = await runCredentialTest({
				storeHash,
				accessToken: TOKEN,
				apiBaseUrl: server.baseUrl,
			});
			expect(result.status).toBe('Error');
			expect(result.message).toContain('No store found for this Store Hash');
			expect(result.message).toContain('https://api.bigcommerce.com/stores/abc1d2ef/v3/');
		}
	});

	it('an answer without a store ID (not a BigCommerce store) fails the body rule', async () => {
		const saved = storeBody;
		storeBody = { hello: 'proxy page' };
		try {
			const result = await runCredentialTest({
				storeHash: STORE_HASH,
				accessToken: TOKEN,
				apiBaseUrl: server.baseUrl,
			});
			expect(result).toEqual({
				status: 'Error',
				message: 'The answer did not come from a BigCommerce store (no store ID in it).',
			});
		} finally {
			storeBody = saved;
		}
	});

	it('declares its rules in the shape n8n reads', () => {
		const rules = credential.test.rules as unknown as Rule[];
		expect(rules.filter((r) => r.type === 'responseCode').map((r) => r.properties.value)).toEqual([
			401, 403, 404,
		]);
		expect(rules.some((r) => r.type === 'responseSuccessBody' && r.properties.key === 'id')).toBe(
			true,
		);
		const request: ICredentialTestRequest['request'] = credential.test.request;
		expect(request.url).toBe('/store');
	});
});
