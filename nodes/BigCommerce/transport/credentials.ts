import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { redactText } from './redact';
import { ACCEPTED_STORE_HASH_FORMS, normaliseBaseUrl, parseStoreHash } from './storeHash';
import type { BigCommerceContext } from './types';

/** Credential resolution: which credential, the store hash, the base URL and the secrets to redact. */

/** The credential type behind the node's Authentication choice. */
export function credentialTypeFor(authentication: string): string {
	return authentication === 'oAuth2' ? 'bigCommerceOAuth2Api' : 'bigCommerceApi';
}
export const isOAuth2 = (credentialType: string) => credentialType === credentialTypeFor('oAuth2');

export interface ResolvedStore {
	credentialType: string;
	baseUrl: string;
	storeHash: string;
	/** Secrets that must never appear in output, errors or logs. */
	secrets: string[];
}

function authenticationOf(ctx: BigCommerceContext): string {
	try {
		// item index 0 in an execute context; the fallback in hook/load-options/webhook contexts
		const value = (ctx as IExecuteFunctions).getNodeParameter('authentication', 0) as unknown;
		return typeof value === 'string' ? value : 'accessToken';
	} catch {
		return 'accessToken';
	}
}

function secretStrings(...values: unknown[]): string[] {
	return values.filter((value): value is string => typeof value === 'string' && value.length >= 4);
}

/**
 * What each node run resolved: n8n hands one context to a node run, and the router works on all
 * its items (many at once) through it, so the credential is read and decrypted once per run, not
 * once per request (each read is a database query and a decryption in n8n). A failed read is not
 * kept: the next request tries again.
 */
const resolvedStores = new WeakMap<object, Promise<ResolvedStore>>();

/** Reads the credential chosen on the node and works out base URL and store hash. */
export async function resolveStore(this: BigCommerceContext): Promise<ResolvedStore> {
	let resolved = resolvedStores.get(this);
	if (!resolved) {
		resolved = readStore.call(this);
		resolvedStores.set(this, resolved);
		resolved.catch(() => resolvedStores.delete(this));
	}
	return await resolved;
}

async function readStore(this: BigCommerceContext): Promise<ResolvedStore> {
	const authentication = authenticationOf(this);
	const credentialType = credentialTypeFor(authentication);
	const credentials = await this.getCredentials(credentialType);
	let rawHash: unknown = credentials.storeHash;
	let secrets: string[];
	if (isOAuth2(credentialType)) {
		const tokenData = (credentials.oauthTokenData ?? {}) as IDataObject;
		// the store the token belongs to, from the token answer's context "stores/{hash}"
		if (typeof tokenData.context === 'string' && tokenData.context) rawHash = tokenData.context;
		secrets = secretStrings(
			tokenData.access_token,
			tokenData.refresh_token,
			credentials.clientSecret,
		);
	} else {
		secrets = secretStrings(credentials.accessToken);
	}
	const storeHash = parseStoreHash(rawHash);
	if (!storeHash) {
		throw new NodeOperationError(
			this.getNode(),
			redactText(
				`The credential's Store Hash "${String(rawHash ?? '')}" is not recognised`,
				secrets,
			),
			{ description: `Enter ${ACCEPTED_STORE_HASH_FORMS}.` },
		);
	}
	return {
		credentialType,
		baseUrl: normaliseBaseUrl(credentials.apiBaseUrl),
		storeHash,
		secrets,
	};
}
