import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { gateRequests, wasNotSent } from '../transport';
import { wholeNumberValue } from '../shared/validate';
import { resourcesByValue } from './resources';
import type { OperationModule } from './types';

/** Items in flight at once unless the node's setting says otherwise. */
export const DEFAULT_ITEMS_IN_PARALLEL = 32;
/** The highest setting accepted (each item in flight holds a connection and its answer). */
export const MAX_ITEMS_IN_PARALLEL = 32;

/** The node's setting; operations may declare a lower cap (OperationModule.itemsInParallel). */
export const itemsInParallelProperty: INodeProperties = {
	displayName: 'Items in Parallel',
	name: 'itemsInParallel',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: MAX_ITEMS_IN_PARALLEL },
	noDataExpression: true,
	default: DEFAULT_ITEMS_IN_PARALLEL,
	description:
		"How many input items are worked on at once (every request still waits for the store's rate limit). Output keeps the input order either way. Set 1 to run them strictly one after another. Some operations always run one at a time.",
};

function operationFor(ctx: IExecuteFunctions, i: number): OperationModule {
	const resource = ctx.getNodeParameter('resource', i) as string;
	const operation = ctx.getNodeParameter('operation', i) as string;
	const operationModule = resourcesByValue[resource]?.operations[operation];
	if (!operationModule) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The operation "${operation}" is not supported for resource "${resource}"`,
			{ itemIndex: i },
		);
	}
	return operationModule;
}

/**
 * How many items run at once: the node's setting, capped by what the operation declares. Resource
 * and Operation take no expressions, so item 0's operation is every item's; an unknown one runs
 * one at a time (each item then fails on its own).
 */
function itemsAtOnce(ctx: IExecuteFunctions, itemCount: number): number {
	const setting = wholeNumberValue(
		ctx,
		0,
		ctx.getNodeParameter('itemsInParallel', 0, DEFAULT_ITEMS_IN_PARALLEL),
		'Items in Parallel',
		{ min: 1, max: MAX_ITEMS_IN_PARALLEL },
	);
	let declared = 1;
	try {
		declared = operationFor(ctx, 0).itemsInParallel ?? setting;
	} catch {
		// reported per item below
	}
	return Math.max(1, Math.min(setting, declared, itemCount));
}

/**
 * Runs the selected operation once per input item, several items at once (see itemsAtOnce), every
 * request under the store's rate-limit governor: a bulk job is paced by the store's quota, not by
 * round trips. Output: one result set per item, in input order, pairedItem on all.
 *
 * - Continue On Fail: a failing item becomes an error item in its place; the others run.
 * - Otherwise the first failure stops the node: no further item starts and no request not yet on
 *   the wire is sent (the gate); requests already sent finish. The error thrown is that of the
 *   lowest item index that failed on its own, as if the items had run one after another.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const results: INodeExecutionData[][] = new Array(items.length);
	const limit = itemsAtOnce(this, items.length);
	const continueOnFail = this.continueOnFail();
	const gate = gateRequests(this);
	let failed: { index: number; error: unknown } | undefined;
	let next = 0;

	const runItem = async (i: number) => {
		try {
			const output = await operationFor(this, i).execute.call(this, i);
			results[i] = this.helpers.constructExecutionMetaData(output, { itemData: { item: i } });
		} catch (error) {
			if (continueOnFail) {
				const failure = error as NodeApiError;
				results[i] = this.helpers.constructExecutionMetaData(
					this.helpers.returnJsonArray({
						error: failure.message,
						description: failure.description ?? undefined,
						httpCode: failure.httpCode ?? undefined,
					}),
					{ itemData: { item: i } },
				);
				return;
			}
			// a request held back because another item failed is not this item's failure
			if (wasNotSent(error)) return;
			if (!failed || i < failed.index) failed = { index: i, error };
			gate.close();
		}
	};
	const worker = async () => {
		while (!failed && next < items.length) await runItem(next++);
	};

	try {
		await Promise.all(Array.from({ length: limit }, worker));
	} finally {
		gate.release();
	}
	if (failed) {
		const { index, error } = failed;
		// re-wrapping a NodeOperationError/NodeApiError hands back the same instance
		if (error instanceof NodeOperationError) {
			throw new NodeOperationError(this.getNode(), error, { itemIndex: index });
		}
		throw new NodeApiError(this.getNode(), error as JsonObject, { itemIndex: index });
	}
	return [results.flat()];
}
