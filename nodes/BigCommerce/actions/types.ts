import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

/** One operation: its parameters (already scoped with displayOptions) and its per-item execute. */
export interface OperationModule {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]>;
}

/** One resource: its entry in the Resource dropdown, the Operation selector, and its operations. */
export interface ResourceModule {
	/** e.g. { name: 'Product', value: 'product' } */
	option: { name: string; value: string; description?: string };
	/** The Operation selector and every operation's parameters. */
	description: INodeProperties[];
	operations: Record<string, OperationModule>;
}
