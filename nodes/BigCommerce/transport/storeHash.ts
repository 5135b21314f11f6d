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

const PATTERNS: RegExp[] = [
	/^([a-z0-9]+)$/,
	/^\/?stores\/([a-z0-9]+)\/?$/,
	/^(?:https?:\/\/)?api\.bigcommerce\.com\/stores\/([a-z0-9]+)(?:\/.*)?$/,
	/^(?:https?:\/\/)?store-([a-z0-9]+)(?:-\d+)?\.mybigcommerce\.com(?:[/?#].*)?$/,
];

/** Returns the bare store hash, or undefined when the input is not one of the accepted forms. */
export function parseStoreHash(input: unknown): string | undefined {
	if (typeof input !== 'string') return undefined;
	const value = input.trim().toLowerCase();
	if (!value) return undefined;
	for (const pattern of PATTERNS) {
		const match = pattern.exec(value);
		if (match) return match[1];
	}
	return undefined;
}

/**
 * The same normalisation as one n8n expression, for the credential test request (which cannot
 * call code). Unknown forms fall through unchanged, so the test request answers 404 and the
 * credential test's rule explains the accepted forms.
 */
export const STORE_HASH_EXPRESSION =
	"$credentials.storeHash.trim().toLowerCase()" +
	".replace(/^(?:https?:\\/\\/)?store-([a-z0-9]+)(?:-\\d+)?\\.mybigcommerce\\.com(?:[\\/?#].*)?$/, '$1')" +
	".replace(/^(?:https?:\\/\\/)?api\\.bigcommerce\\.com\\/stores\\/([a-z0-9]+)(?:\\/.*)?$/, '$1')" +
	".replace(/^\\/?stores\\/([a-z0-9]+)\\/?$/, '$1')";

export const DEFAULT_API_BASE_URL = 'https://api.bigcommerce.com';

/** Normalises the API base URL field: trims and drops trailing slashes. */
export function normaliseBaseUrl(input: unknown): string {
	const value = typeof input === 'string' && input.trim() ? input.trim() : DEFAULT_API_BASE_URL;
	return value.replace(/\/+$/, '');
}
