import type { IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/** Handling an error the transport already turned into an n8n error. */

/** Throws an error caught from the transport again, as the n8n error it already is. */
export function rethrow(ctx: IExecuteFunctions, i: number, error: unknown): never {
	if (error instanceof NodeOperationError)
		throw new NodeOperationError(ctx.getNode(), error, { itemIndex: i });
	throw new NodeApiError(ctx.getNode(), error as JsonObject, { itemIndex: i });
}

/** Whether a NodeApiError carries this HTTP status. */
export function isHttpError(error: unknown, status: number): boolean {
	return error instanceof NodeApiError && String(error.httpCode) === String(status);
}
