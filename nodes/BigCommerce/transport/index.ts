/**
 * The node's single way to BigCommerce, split by responsibility:
 * credentials.ts (which credential, store hash, base URL, secrets), request.ts (one request with
 * retry and unwrapping), pagination.ts (lists across pages), rateLimit.ts (the per-store governor),
 * errorBody.ts (reading error bodies), hints.ts (what to do about an error), errors.ts (the
 * NodeApiErrors), redact.ts (secrets out of errors and logs), dates.ts, storeHash.ts.
 * Callers import from here.
 */
export type {
	ApiVersion,
	BigCommerceContext,
	BigCommerceRequest,
	BigCommerceResponse,
} from './types';
export { credentialTypeFor, resolveStore } from './credentials';
export {
	backoffMs,
	bigCommerceApiRequest,
	bigCommerceApiRequestFull,
	buildQuery,
	gateRequests,
	retrySettings,
	unwrapResponse,
	wasNotSent,
} from './request';
export { MAX_PAGE_SIZE, bigCommerceApiRequestAllItems, type PaginationOptions } from './pagination';
export { multiStatusFailures, type ItemFailure } from './errorBody';
