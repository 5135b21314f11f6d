import type { IDataObject, INodeProperties } from 'n8n-workflow';

import {
	BigCommerceOAuth2Api,
	DEFAULT_OAUTH_SCOPES,
} from '../../credentials/BigCommerceOAuth2Api.credentials';
import { resolveCredentialExpression } from '../helpers/expression';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { sourceScopes } = require('./sourceScopes');

/**
 * The hidden OAuth2 fields are n8n expressions over the credential's own values (`$self`);
 * they are resolved here with n8n-workflow's expression engine, as n8n resolves them before the
 * authorization redirect and the token exchange. (The full flow against the sandbox's OAuth
 * endpoints in a real n8n is the e2e suite's job.)
 */
const credential = new BigCommerceOAuth2Api();
const byName = Object.fromEntries(credential.properties.map((p) => [p.name, p])) as Record<
	string,
	INodeProperties
>;

/** The credential's values as n8n holds them: the defaults, overridden by what the user typed. */
function values(typed: IDataObject): IDataObject {
	const out: IDataObject = {};
	for (const property of credential.properties)
		out[property.name] = property.default as IDataObject[string];
	return { ...out, ...typed };
}
function resolveHidden(name: string, typed: IDataObject): string {
	const self = values(typed);
	return resolveCredentialExpression(byName[name].default, self);
}

describe('bigCommerceOAuth2Api credential', () => {
	it('extends n8n’s OAuth2 credential with the authorization-code grant', () => {
		expect(credential.name).toBe('bigCommerceOAuth2Api');
		expect(credential.displayName).toBe('BigCommerce OAuth2 API');
		expect(credential.extends).toEqual(['oAuth2Api']);
		expect(byName.grantType).toMatchObject({ type: 'hidden', default: 'authorizationCode' });
	});

	it('derives the hidden authorize and token URLs from the Login Service URL', () => {
		for (const name of [
			'authUrl',
			'accessTokenUrl',
			'authQueryParameters',
			'authentication',
			'additionalBodyProperties',
		])
			expect(byName[name].type).toBe('hidden');
		expect(resolveHidden('authUrl', {})).toBe('https://login.bigcommerce.com/oauth2/authorize');
		expect(resolveHidden('accessTokenUrl', {})).toBe('https://login.bigcommerce.com/oauth2/token');
		expect(resolveHidden('authUrl', { loginUrl: 'http://127.0.0.1:4010/' })).toBe(
			'http://127.0.0.1:4010/oauth2/authorize',
		);
		expect(resolveHidden('accessTokenUrl', { loginUrl: 'http://127.0.0.1:4010//' })).toBe(
			'http://127.0.0.1:4010/oauth2/token',
		);
	});

	it.each([
		['abc1d2ef'],
		['ABC1D2EF'],
		['stores/abc1d2ef'],
		['https://api.bigcommerce.com/stores/abc1d2ef/v3/'],
		['https://store-abc1d2ef.mybigcommerce.com/manage/dashboard'],
	])(
		'store hash %j: context=stores/abc1d2ef on the authorize URL and in the token body',
		(storeHash) => {
			expect(resolveHidden('authQueryParameters', { storeHash })).toBe('context=stores/abc1d2ef');
			const body = JSON.parse(
				resolveHidden('additionalBodyProperties', { storeHash }),
			) as IDataObject;
			expect(body).toEqual({ context: 'stores/abc1d2ef', scope: DEFAULT_OAUTH_SCOPES });
		},
	);

	it('sends client credentials and the extra properties in the token request body', () => {
		expect(byName.authentication.default).toBe('body');
		expect(byName.sendAdditionalBodyProperties).toMatchObject({ type: 'hidden', default: true });
		const body = JSON.parse(
			resolveHidden('additionalBodyProperties', {
				storeHash: 'abc1d2ef',
				scope: 'store_v2_orders_read_only',
			}),
		) as IDataObject;
		expect(body.scope).toBe('store_v2_orders_read_only');
	});

	it('has user-editable Scope (space-separated), Login Service URL and API Base URL', () => {
		expect(byName.scope).toMatchObject({ type: 'string', default: DEFAULT_OAUTH_SCOPES });
		expect(DEFAULT_OAUTH_SCOPES).not.toContain(',');
		expect(byName.loginUrl).toMatchObject({
			type: 'string',
			default: 'https://login.bigcommerce.com',
		});
		expect(byName.apiBaseUrl).toMatchObject({
			type: 'string',
			default: 'https://api.bigcommerce.com',
		});
	});

	it('the default scopes cover every scope the node’s operations pass to the transport', () => {
		const granted = new Set(DEFAULT_OAUTH_SCOPES.split(' '));
		const used = sourceScopes() as Record<string, string[]>;
		expect(Object.keys(used).length).toBeGreaterThan(0);
		// the modify scope covers its read-only variant; the node only reads transactions, so the
		// read-only transactions scope counts for a hint that names the modify one
		const covered = (scope: string) =>
			granted.has(scope) ||
			granted.has(scope.replace(/_read_only$/, '')) ||
			(scope === 'store_v2_transactions' && granted.has('store_v2_transactions_read_only'));
		const missing = Object.keys(used).filter((scope) => !covered(scope));
		// a scope listed here is used by the node but not requested by default: add it to
		// DEFAULT_OAUTH_SCOPES in credentials/BigCommerceOAuth2Api.credentials.ts
		expect(missing.map((scope) => `${scope} (${used[scope].join(', ')})`)).toEqual([]);
	});
});
