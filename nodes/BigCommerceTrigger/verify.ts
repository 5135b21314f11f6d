import { createHash, createHmac, randomBytes, timingSafeEqual } from 'crypto';

/** The custom header BigCommerce sends with every delivery of a hook this node registered. */
export const HOOK_HEADER = 'X-N8n-BigCommerce-Secret';

export function newSecret(): string {
	return randomBytes(32).toString('hex');
}

/** Constant-time comparison (digests first, so different lengths leak nothing either). */
export function safeEqual(a: string, b: string): boolean {
	const left = createHash('sha256').update(a, 'utf8').digest();
	const right = createHash('sha256').update(b, 'utf8').digest();
	return timingSafeEqual(left, right) && a.length === b.length;
}

/** A header's value, whatever its case; the first one when repeated. */
export function headerValue(
	headers: Record<string, string | string[] | undefined>,
	name: string,
): string | undefined {
	const wanted = name.toLowerCase();
	for (const [key, value] of Object.entries(headers)) {
		if (key.toLowerCase() !== wanted) continue;
		return Array.isArray(value) ? value[0] : value;
	}
	return undefined;
}

/** Whether a hook's stored custom headers carry this secret. */
export function hookCarriesSecret(headers: unknown, secret: string): boolean {
	if (!headers || typeof headers !== 'object') return false;
	const value = headerValue(headers as Record<string, string>, HOOK_HEADER);
	return typeof value === 'string' && safeEqual(value, secret);
}

/** The HMAC key of a Standard Webhooks secret: `whsec_<base64>` or the raw client secret. */
function signingKey(secret: string): Buffer {
	if (secret.startsWith('whsec_')) return Buffer.from(secret.slice('whsec_'.length), 'base64');
	return Buffer.from(secret, 'utf8');
}

/**
 * Verifies a Standard Webhooks signature (`webhook-id`, `webhook-timestamp`,
 * `webhook-signature: v1,<base64>` — several may be listed, space-separated) over the raw body.
 * Returns undefined when valid, else the reason.
 */
export function verifyStandardWebhook(
	headers: Record<string, string | string[] | undefined>,
	rawBody: string,
	secret: string,
	toleranceSeconds: number,
	nowSeconds: number,
): string | undefined {
	const id = headerValue(headers, 'webhook-id');
	const timestamp = headerValue(headers, 'webhook-timestamp');
	const signatures = headerValue(headers, 'webhook-signature');
	if (!id || !timestamp || !signatures) return 'the webhook-id, webhook-timestamp or webhook-signature header is missing';
	const sentAt = Number(timestamp);
	if (!Number.isFinite(sentAt)) return 'the webhook-timestamp header is not a number';
	if (Math.abs(nowSeconds - sentAt) > toleranceSeconds) {
		return `the webhook-timestamp is more than ${toleranceSeconds} seconds away from now`;
	}
	const expected = createHmac('sha256', signingKey(secret))
		.update(`${id}.${timestamp}.${rawBody}`)
		.digest('base64');
	for (const entry of signatures.split(' ')) {
		const [version, signature] = entry.split(',');
		if (version === 'v1' && signature && safeEqual(signature, expected)) return undefined;
	}
	return 'the webhook-signature does not match';
}
