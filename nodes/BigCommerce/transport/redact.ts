/**
 * Keeping secrets (the access token, the client secret) out of everything the node shows or
 * logs: error messages, error bodies, log metadata.
 */
import { isRecord } from './errorBody';

/** Replaces every occurrence of a secret in a string. */
export function redactText(text: string, secrets: readonly string[]): string {
	let out = text;
	for (const secret of secrets) {
		if (secret && secret.length >= 4) out = out.split(secret).join('[redacted]');
	}
	return out;
}

function containsSecret(value: unknown, secrets: readonly string[]): boolean {
	if (typeof value === 'string')
		return secrets.some((secret) => secret.length >= 4 && value.includes(secret));
	if (Array.isArray(value)) return value.some((entry) => containsSecret(entry, secrets));
	if (isRecord(value)) {
		for (const [key, entry] of Object.entries(value)) {
			if (containsSecret(key, secrets) || containsSecret(entry, secrets)) return true;
		}
	}
	return false;
}

/**
 * A JSON value with every secret replaced (keys and values): the value itself when it holds no
 * secret (no copy), a deep copy otherwise.
 */
export function redactValue<T>(value: T, secrets: readonly string[]): T {
	if (!secrets.some((secret) => secret.length >= 4) || !containsSecret(value, secrets))
		return value;
	return redactDeep(value, secrets);
}

function redactDeep<T>(value: T, secrets: readonly string[]): T {
	if (typeof value === 'string') return redactText(value, secrets) as unknown as T;
	if (Array.isArray(value)) return value.map((entry) => redactDeep(entry, secrets)) as unknown as T;
	if (isRecord(value)) {
		const out: Record<string, unknown> = {};
		for (const [key, entry] of Object.entries(value)) {
			out[redactText(key, secrets)] = redactDeep(entry, secrets);
		}
		return out as T;
	}
	return value;
}
