import type { IDataObject } from 'n8n-workflow';

import {
	ACCEPTED_STORE_HASH_FORMS,
	normaliseBaseUrl,
	parseStoreHash,
	STORE_HASH_EXPRESSION,
	storeHashExpression,
} from '../../nodes/BigCommerce/transport/storeHash';
import { resolveCredentialExpression } from '../helpers/expression';

const GOOD: Array<[string, string]> = [
	['abc1d2ef', 'abc1d2ef'],
	['  ABC1D2EF\n', 'abc1d2ef'],
	['g5cd38', 'g5cd38'],
	['17hoqh4ddx', '17hoqh4ddx'],
	['stores/abc1d2ef', 'abc1d2ef'],
	['/stores/abc1d2ef/', 'abc1d2ef'],
	['stores/abc1d2ef/v3', 'abc1d2ef'],
	['Stores/G5CD38', 'g5cd38'],
	['https://api.bigcommerce.com/stores/abc1d2ef/v3/', 'abc1d2ef'],
	['https://api.bigcommerce.com/stores/abc1d2ef/v2/', 'abc1d2ef'],
	['https://api.bigcommerce.com/stores/abc1d2ef/v3', 'abc1d2ef'],
	['https://api.bigcommerce.com/stores/abc1d2ef', 'abc1d2ef'],
	['https://api.bigcommerce.com/stores/abc1d2ef/', 'abc1d2ef'],
	['http://api.bigcommerce.com/stores/abc1d2ef/v3/catalog/products', 'abc1d2ef'],
	['api.bigcommerce.com/stores/abc1d2ef/v3/', 'abc1d2ef'],
	['HTTPS://API.BIGCOMMERCE.COM/STORES/ABC1D2EF/V3/', 'abc1d2ef'],
	['https://store-abc1d2ef.mybigcommerce.com/manage/dashboard', 'abc1d2ef'],
	['https://store-abc1d2ef.mybigcommerce.com', 'abc1d2ef'],
	['https://store-abc1d2ef.mybigcommerce.com/', 'abc1d2ef'],
	['store-abc1d2ef.mybigcommerce.com/manage', 'abc1d2ef'],
	['https://store-abc1d2ef-2.mybigcommerce.com/manage/orders?page=2', 'abc1d2ef'],
	['https://store-et7xe3pz-1654321.mybigcommerce.com/', 'et7xe3pz'],
	['https://store-abc1d2ef.mybigcommerce.com#/settings', 'abc1d2ef'],
];

const BAD: unknown[] = [
	'',
	'   ',
	undefined,
	null,
	42,
	{ storeHash: 'abc1d2ef' },
	'abc 1d2ef',
	'abc-1d2ef',
	'abc_1d2ef',
	'stores/',
	'stores/abc1d2ef/extra',
	'stores/abc-1d2ef',
	'https://shop.example.com',
	'https://shop.example.com/stores/abc1d2ef/v3/',
	'https://api.bigcommerce.com/stores/',
	'https://api.bigcommerce.com/v3/stores/abc1d2ef',
	'https://api.bigcommerce.com.evil.io/stores/abc1d2ef/v3/',
	'https://store-.mybigcommerce.com/manage',
	'https://store-abc1d2ef.mybigcommerce.com.evil.io/manage',
	'https://abc1d2ef.mybigcommerce.com/manage',
	'https://store-abc1d2ef-x.mybigcommerce.com/',
	'ftp://api.bigcommerce.com/stores/abc1d2ef/v3/',
	'abc1d2ef/v3',
	'ábc1d2ef',
];

describe('parseStoreHash', () => {
	it.each(GOOD)('accepts %j as %s', (input, expected) => {
		expect(parseStoreHash(input)).toBe(expected);
	});

	it.each(BAD.map((input) => [input]))('rejects %j', (input) => {
		expect(parseStoreHash(input)).toBeUndefined();
	});

	it('names every accepted form in its message', () => {
		expect(ACCEPTED_STORE_HASH_FORMS).toContain('abc1d2ef');
		expect(ACCEPTED_STORE_HASH_FORMS).toContain('stores/abc1d2ef');
		expect(ACCEPTED_STORE_HASH_FORMS).toContain('https://api.bigcommerce.com/stores/abc1d2ef/v3/');
		expect(ACCEPTED_STORE_HASH_FORMS).toContain(
			'https://store-abc1d2ef.mybigcommerce.com/manage/dashboard',
		);
	});
});

describe('STORE_HASH_EXPRESSION (the credential test request cannot call code)', () => {
	/**
	 * The expression as n8n itself evaluates it: n8n-workflow's expression engine, with
	 * `$credentials` (credential test requests) or `$self` (hidden credential fields).
	 */
	const evaluate = (expression: string, credentials: Record<string, unknown>) =>
		resolveCredentialExpression(`={{ ${expression} }}`, credentials as IDataObject);
	const inN8n = (storeHash: unknown) => evaluate(STORE_HASH_EXPRESSION, { storeHash });

	it.each(GOOD)('reduces %j to %s, as parseStoreHash does', (input, expected) => {
		expect(inN8n(input)).toBe(expected);
		expect(parseStoreHash(input)).toBe(expected);
	});

	it.each(BAD.filter((input) => typeof input === 'string').map((input) => [input]))(
		'leaves %j as something that is not a bare hash (the test request then fails with the 404 rule)',
		(input) => {
			const output = inN8n(input);
			expect(typeof output).toBe('string');
			expect(/^[a-z0-9]+$/.test(output)).toBe(false);
		},
	);

	it('copes with a missing store hash', () => {
		expect(evaluate(STORE_HASH_EXPRESSION, {})).toBe('');
	});

	it('can be built over any source, e.g. $self in the OAuth2 credential', () => {
		const overSelf = storeHashExpression('$self["storeHash"]');
		for (const [input, expected] of GOOD)
			expect(evaluate(overSelf, { storeHash: input })).toBe(expected);
	});
});

describe('normaliseBaseUrl', () => {
	it.each([
		[undefined, 'https://api.bigcommerce.com'],
		['', 'https://api.bigcommerce.com'],
		['  ', 'https://api.bigcommerce.com'],
		['https://api.bigcommerce.com/', 'https://api.bigcommerce.com'],
		[' http://127.0.0.1:3000// ', 'http://127.0.0.1:3000'],
		['https://proxy.example.com/bc', 'https://proxy.example.com/bc'],
	])('%j → %s', (input, expected) => {
		expect(normaliseBaseUrl(input)).toBe(expected);
	});
});
