import type { IDataObject } from 'n8n-workflow';

import {
	bigCommerceApiRequest,
	bigCommerceApiRequestAllItems,
} from '../../nodes/BigCommerce/transport';
import { createExecuteContext } from '../helpers/context';
import { respond, startServer, STORE_HASH, type TestServer } from './harness';

/** Tokens whose characters JSON escapes (quote, backslash), and an ordinary one. */
const QUOTED = 'tok"en\\with-quote-0123456789';
const PLAIN = 'plain-token-abcdefghijklmnop';

let server: TestServer;

function contextWith(token: string) {
	return createExecuteContext({
		params: { authentication: 'accessToken' },
		credentials: {
			bigCommerceApi: { storeHash: STORE_HASH, accessToken: token, apiBaseUrl: server.baseUrl },
		},
	}).ctx;
}

beforeAll(async () => {
	server = await startServer();
	server.addToken(QUOTED, ['*']);
	server.addToken(PLAIN, ['*']);
	server.route('GET', 'v3', '/echo/deep', (ctx) => {
		const token = String(ctx.headers['x-auth-token']);
		return {
			status: 200,
			body: { data: { list: [{ nested: { [`key ${token}`]: `value ${token}` } }] } },
		};
	});
	server.route('GET', 'v3', '/catalog/brands', (ctx) =>
		respond.v3List(
			Array.from({ length: 300 }, (_, i) => ({
				id: i + 1,
				name: `Brand ${i + 1}`,
				note: 'nothing secret',
			})),
			ctx.query,
		),
	);
});
afterAll(async () => server.close());

describe('answers are redacted before anything else sees them', () => {
	it.each([
		['an ordinary token', PLAIN],
		['a token with characters JSON escapes', QUOTED],
	])('%s echoed deep in keys and values is redacted', async (_label, token) => {
		const output = await bigCommerceApiRequest.call(contextWith(token), {
			method: 'GET',
			version: 'v3',
			path: '/echo/deep',
		});
		expect(output).toEqual({ list: [{ nested: { 'key [redacted]': 'value [redacted]' } }] });
		expect(JSON.stringify(output)).not.toContain(token);
	});

	it('answers without a secret come back unchanged (same values, every page)', async () => {
		const items = await bigCommerceApiRequestAllItems.call(
			contextWith(PLAIN),
			{ method: 'GET', version: 'v3', path: '/catalog/brands' },
			{ returnAll: true },
		);
		expect(items).toHaveLength(300);
		expect(items[299]).toEqual({
			id: 300,
			name: 'Brand 300',
			note: 'nothing secret',
		} as IDataObject);
	});
});
