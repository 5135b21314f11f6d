/**
 * Store-hash normalisation shared by both credentials and every request.
 *
 * Accepted forms (case-insensitive, surrounding whitespace ignored):
 * - a bare hash: `abc1d2ef`
 * - `stores/abc1d2ef` (the OAuth `context` form)
 * - the API path: `https://api.bigcommerce.com/stores/abc1d2ef/v3/`
 * - the control-panel URL: `https://store-abc1d2ef.mybigcommerce.com/manage/...`
 *   (also the channel form `store-abc1d2ef-2.mybigcommerce.com`)
 */

export const ACCEPTED_STORE_HASH_FORMS =
	'a bare store hash (e.g. "abc1d2ef"), "stores/abc1d2ef", the API path ' +
	'("https://api.bigcommerce.com/stores/abc1d2ef/v3/") or the control-panel URL ' +
	'("https://store-abc1d2ef.mybigcommerce.com/manage/dashboard")';

/** A bare hash: lower-case letters and digits (no fixed length is published). */
const BARE = /^([a-z0-9]+)$/;
/** The OAuth `context` form, optionally with the API version: `stores/abc1d2ef`, `/stores/abc1d2ef/v3/`. */
const CONTEXT = /^\/?stores\/([a-z0-9]+)(?:\/v[23])?\/?$/;
/** The API path: `https://api.bigcommerce.com/stores/abc1d2ef/v3/` (any version or sub-path). */
const API_PATH = /^(?:https?:\/\/)?api\.bigcommerce\.com\/stores\/([a-z0-9]+)(?:(?:\/|[?#]).*)?$/;
/** The control panel: `https://store-abc1d2ef.mybigcommerce.com/manage/...`, also `store-abc1d2ef-2.…`. */
const CONTROL_PANEL =
	/^(?:https?:\/\/)?store-([a-z0-9]+)(?:-\d+)?\.mybigcommerce\.com(?::\d+)?(?:(?:\/|[?#]).*)?$/;

/** The URL forms, each reduced to its captured hash; a bare hash must be left once they ran. */
const URL_FORMS: RegExp[] = [CONTROL_PANEL, API_PATH, CONTEXT];

/** Returns the bare store hash, or undefined when the input is not one of the accepted forms. */
export function parseStoreHash(input: unknown): string | undefined {
	if (typeof input !== 'string') return undefined;
	const value = input.trim().toLowerCase();
	if (!value) return undefined;
	for (const pattern of [BARE, ...URL_FORMS]) {
		const match = pattern.exec(value);
		if (match) return match[1];
	}
	return undefined;
}

/**
 * The same normalisation as one n8n expression (without the `{{ }}`) over `source`, e.g.
 * `$credentials.storeHash` in the credential test request or `$self["storeHash"]` in the OAuth2
 * credential's hidden fields (which cannot call code). It is built from the very patterns
 * parseStoreHash uses. Unknown forms fall through unchanged, so the test request answers 404
 * and the credential test's rule explains the accepted forms.
 */
export function storeHashExpression(source: string): string {
	return (
		`String(${source} || '').trim().toLowerCase()` +
		URL_FORMS.map((pattern) => `.replace(/${pattern.source}/, '$1')`).join('')
	);
}

export const STORE_HASH_EXPRESSION = storeHashExpression('$credentials.storeHash');

export const DEFAULT_API_BASE_URL = 'https://api.bigcommerce.com';

/** Normalises the API base URL field: trims and drops trailing slashes. */
export function normaliseBaseUrl(input: unknown): string {
	const value = typeof input === 'string' && input.trim() ? input.trim() : DEFAULT_API_BASE_URL;
	return value.replace(/\/+$/, '');
}
