import { createHash, createHmac, randomBytes, timingSafeEqual } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

// the header lives in shared/ so that Webhook › Restore recognises this node's hooks by it
import { HOOK_HEADER } from '../BigCommerce/shared/hookHeader';
export { HOOK_HEADER };

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
	if (!id || !timestamp || !signatures)
		return 'the webhook-id, webhook-timestamp or webhook-signature header is missing';
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

/** Bounds of the Signature Tolerance option (seconds). */
export const MIN_TOLERANCE_SECONDS = 1;
export const MAX_TOLERANCE_SECONDS = 3600;

export interface SignatureSettings {
	/** Verify Signature is off. */
	off?: true;
	/** Why the settings cannot verify anything (a message naming the parameter and the accepted form). */
	problem?: string;
	clientSecret?: string;
	toleranceSeconds?: number;
}

/**
 * Verify Signature's settings: the client secret comes from the credential (encrypted at rest by
 * n8n), never from a node parameter (workflow JSON is exported, shared and versioned in clear).
 */
export function signatureSettings(
	options: IDataObject,
	credentials: IDataObject | undefined,
): SignatureSettings {
	if (options.verifySignature !== true) return { off: true };
	if (options.clientSecret !== undefined && options.clientSecret !== '') {
		return {
			problem:
				'The Client Secret is set in the node\'s options, where it is stored in clear in the workflow. Remove it there (Options › Client Secret) and enter it in the credential ("Client Secret (for Webhook Signatures)" for an access token; OAuth2 credentials already hold it).',
		};
	}
	const raw = options.signatureToleranceSeconds ?? 300;
	const tolerance = typeof raw === 'number' ? raw : Number.NaN;
	if (
		!Number.isInteger(tolerance) ||
		tolerance < MIN_TOLERANCE_SECONDS ||
		tolerance > MAX_TOLERANCE_SECONDS
	) {
		return {
			problem: `Signature Tolerance (Seconds) must be a whole number from ${MIN_TOLERANCE_SECONDS} to ${MAX_TOLERANCE_SECONDS}; it is ${JSON.stringify(raw)}.`,
		};
	}
	const clientSecret =
		typeof credentials?.clientSecret === 'string' ? credentials.clientSecret : '';
	if (!clientSecret) {
		return {
			problem:
				'Verify Signature is on but the credential has no Client Secret: enter the API account\'s Client Secret in the credential ("Client Secret (for Webhook Signatures)").',
		};
	}
	return { clientSecret, toleranceSeconds: tolerance };
}
