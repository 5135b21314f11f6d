/**
 * The hints (NodeApiError descriptions) that tell the user what to do about a failed request:
 * per HTTP status, and for requests that got no answer (retried or not, maybe processed).
 */
import { multiStatusFailures, type ParsedApiError } from './errorBody';
import type { ApiErrorContext, NetworkErrorContext } from './types';

/**
 * Gateway answers: the gateway in front of BigCommerce gave up waiting, or got a bad answer from
 * behind it, possibly after BigCommerce processed the request (like a dropped connection).
 */
const GATEWAY_STATUS = new Set<number>([502, 504]);

/** The hint for a write whose outcome is unknown (no answer, or a gateway error) and that was not repeated. */
function outcomeUnknownHint(method: string, path: string, what: string): string {
	return `${method} ${path} ${what}, so BigCommerce may or may not have processed it. It was not sent again, to avoid creating duplicates: check the store before retrying.`;
}

function listed(lines: string[]): string {
	return lines.length ? ` ${lines.join('; ')}.` : '';
}

export function apiErrorHint(ctx: ApiErrorContext, parsed: ParsedApiError): string {
	switch (ctx.statusCode) {
		case 401:
			return (
				'The access token is invalid or has been revoked. Use the Access Token of a store-level ' +
				'API account (Settings › API › API Accounts in the BigCommerce control panel), or reconnect ' +
				'the OAuth2 credential.'
			);
		case 403:
			return ctx.scope
				? `The API account lacks the OAuth scope this operation needs: "${ctx.scope}". Edit the API account in BigCommerce (Settings › API › API Accounts), grant that scope (modify, or read-only for reads), then try again.`
				: "The API account lacks an OAuth scope this operation needs, or a store limit was reached. Check the API account's scopes in BigCommerce (Settings › API › API Accounts).";
		case 404:
			return `Nothing found at ${ctx.method} ${ctx.path}: check the ID (it must exist in this store) and the store hash.`;
		case 409:
			return `BigCommerce reports a conflict (for example a duplicate name or SKU).${listed(parsed.details) || ' Change the conflicting values and try again.'}`;
		case 422:
			return `BigCommerce rejected the data.${listed(parsed.details) || ' Check the fields sent.'}`;
		case 413:
			return 'Too many items in one request (or a page size above the maximum of 250). Send smaller batches.';
		case 207: {
			const failures = multiStatusFailures(ctx.body);
			const lines = failures.map((f) =>
				f.item !== undefined ? `${f.item}: ${f.message}` : f.message,
			);
			return `BigCommerce saved part of the request; these items failed:${listed(lines) || ' (no details given).'}`;
		}
		case 429:
			return `The store's API rate limit was still exhausted after ${ctx.rateLimitRetries ?? 0} retries. Try again later, lower the request volume, or check other apps using the same store's quota.`;
		default:
			if (GATEWAY_STATUS.has(ctx.statusCode) && ctx.safe === false)
				return (
					outcomeUnknownHint(
						ctx.method,
						ctx.path,
						`got a gateway error (${ctx.statusCode}) instead of BigCommerce's answer`,
					) + listed(parsed.details)
				);
			if (ctx.statusCode >= 500)
				return `BigCommerce answered with a server error (${ctx.statusCode}).${listed(parsed.details)} Try again later.`;
			return listed(parsed.details).trim() || 'Check the parameters sent.';
	}
}

/** A request without an answer, in words (the NodeApiError message; Node's codes stay out of it). */
export function networkSummary(code: string): string {
	const upper = code.toUpperCase();
	if (upper === 'ERR_CANCELED' || upper === 'ABORT_ERR') return 'the request was cancelled';
	if (upper.includes('TIMEOUT') || upper === 'ETIMEDOUT' || upper === 'ECONNABORTED')
		return 'no answer arrived in time';
	if (upper === 'ECONNREFUSED') return 'the connection was refused';
	if (upper === 'ENOTFOUND' || upper === 'EAI_AGAIN')
		return 'the API host name could not be resolved';
	return 'the connection was closed before an answer arrived';
}

/** The description of a request that got no answer: what happened, and whether to retry. */
export function networkErrorHint(
	ctx: NetworkErrorContext,
	code: string,
	raw: string,
	certainlyNotSent: boolean,
): string {
	if (ctx.safe)
		return `${ctx.method} ${ctx.path} failed ${ctx.attempts} time${ctx.attempts === 1 ? '' : 's'} (${code}: ${raw}). Check the API Base URL and the network, then try again.`;
	if (certainlyNotSent)
		return `${ctx.method} ${ctx.path} could not be sent (${code}: ${raw}). Check the API Base URL and the network, then try again.`;
	return outcomeUnknownHint(ctx.method, ctx.path, `got no answer (${code}: ${raw})`);
}
