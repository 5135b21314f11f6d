/**
 * The NodeApiErrors the transport throws: for a non-2xx (or 207) answer, with BigCommerce's
 * message and a hint, and for a request that got no answer; both redacted. Also the network
 * error classification request.ts uses to decide whether a request may be sent again.
 */
import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { asText, isRecord, multiStatusFailures, parseErrorBody } from './errorBody';
import { apiErrorHint, networkErrorHint, networkSummary } from './hints';
import { redactText, redactValue } from './redact';
import type { ApiErrorContext, NetworkErrorContext } from './types';

/** Builds the NodeApiError for a non-2xx (or 207) answer: BigCommerce's message, the code and a hint. */
export function toNodeApiError(node: INode, ctx: ApiErrorContext): NodeApiError {
	const secrets = ctx.secrets ?? [];
	const body = redactValue(ctx.body, secrets);
	const parsed = parseErrorBody(body);
	let text = parsed.message;
	if (ctx.statusCode === 207) {
		const failed = multiStatusFailures(body).length;
		text = `partly saved, ${failed || 'some'} item${failed === 1 ? '' : 's'} failed`;
	}
	const message = text
		? `BigCommerce error ${ctx.statusCode}: ${text}`
		: `BigCommerce error ${ctx.statusCode}`;
	let errorBody: JsonObject;
	if (isRecord(body)) errorBody = JSON.parse(JSON.stringify(body)) as JsonObject;
	else if (Array.isArray(body))
		errorBody = { errors: JSON.parse(JSON.stringify(body)) as JsonObject[] };
	else errorBody = { message: parsed.message };
	return new NodeApiError(node, errorBody, {
		message: redactText(message, secrets),
		description: redactText(apiErrorHint({ ...ctx, body }, parsed), secrets),
		httpCode: String(ctx.statusCode),
		itemIndex: ctx.itemIndex,
	});
}

/** The low-level code of a failed request (ECONNRESET, ETIMEDOUT…), wherever the client put it. */
export function networkErrorCode(error: unknown): string {
	let current: unknown = error;
	for (let depth = 0; depth < 4 && isRecord(current); depth++) {
		const code = current.code;
		if (typeof code === 'string' && code) return code;
		current = current.cause;
	}
	const message =
		isRecord(error) || error instanceof Error
			? asText((error as { message?: unknown }).message)
			: '';
	if (/timeout|timed out/i.test(message)) return 'ETIMEDOUT';
	if (/socket hang up|other side closed|closed unexpectedly/i.test(message)) return 'ECONNRESET';
	return 'ERROR';
}

/** Errors where the request certainly never reached BigCommerce (safe to send again, even a POST). */
export function neverSent(code: string): boolean {
	return ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'].includes(code.toUpperCase());
}

/**
 * A request that got no answer. The message avoids Node's error codes on purpose: n8n would
 * otherwise replace it with a generic text; the code is in the description.
 */
export function toNetworkError(node: INode, ctx: NetworkErrorContext): NodeApiError {
	const secrets = ctx.secrets ?? [];
	const code = networkErrorCode(ctx.error);
	const summary = networkSummary(code);
	const raw = ctx.error instanceof Error ? ctx.error.message : asText(ctx.error);
	const description = networkErrorHint(ctx, code, raw, neverSent(code));
	return new NodeApiError(
		node,
		{ message: redactText(`Could not reach BigCommerce: ${summary}`, secrets), networkCode: code },
		{
			message: redactText(`Could not reach BigCommerce: ${summary}`, secrets),
			description: redactText(description, secrets),
			itemIndex: ctx.itemIndex,
		},
	);
}
