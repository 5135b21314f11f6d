import type { IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { resourcesByValue } from './resources';

/** Runs the selected operation once per input item: one result set per item, pairedItem on all. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const returnData: INodeExecutionData[] = [];

	for (let i = 0; i < items.length; i++) {
		try {
			const resource = this.getNodeParameter('resource', i) as string;
			const operation = this.getNodeParameter('operation', i) as string;
			const operationModule = resourcesByValue[resource]?.operations[operation];
			if (!operationModule) {
				throw new NodeOperationError(
					this.getNode(),
					`The operation "${operation}" is not supported for resource "${resource}"`,
					{ itemIndex: i },
				);
			}
			const output = await operationModule.execute.call(this, i);
			returnData.push(
				...this.helpers.constructExecutionMetaData(output, { itemData: { item: i } }),
			);
		} catch (error) {
			if (this.continueOnFail()) {
				const failure = error as NodeApiError;
				returnData.push(
					...this.helpers.constructExecutionMetaData(
						this.helpers.returnJsonArray({
							error: failure.message,
							description: failure.description ?? undefined,
							httpCode: failure.httpCode ?? undefined,
						}),
						{ itemData: { item: i } },
					),
				);
				continue;
			}
			// re-wrapping a NodeOperationError/NodeApiError hands back the same instance
			if (error instanceof NodeOperationError) {
				throw new NodeOperationError(this.getNode(), error, { itemIndex: i });
			}
			throw new NodeApiError(this.getNode(), error as JsonObject, { itemIndex: i });
		}
	}
	return [returnData];
}
