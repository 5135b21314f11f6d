import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

/** An operation's entry in its resource's Operation selector. */
export interface OperationOption {
	/** e.g. 'Get Many' */
	name: string;
	/** e.g. 'getAll': the value saved in workflows and the key the router dispatches on */
	value: string;
	/** e.g. 'Get many orders' (shown in the node's action list and to AI agents) */
	action: string;
	description: string;
}

/**
 * One operation, declared once: its selector option, its parameters (unscoped: defineResource adds
 * the resource/operation displayOptions) and its per-item execute.
 */
export interface OperationModule {
	option: OperationOption;
	properties: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]>;
	/**
	 * The most items of this operation the router runs at once; the node's "Items in Parallel"
	 * setting caps it further. Omitted: as many as that setting allows. 1: one item after the other,
	 * for operations that read and then write state other items may share, that paginate a whole
	 * list themselves, or whose items' order is the point. Between: an endpoint's documented
	 * concurrency cap (e.g. PUT /v3/customers allows 3).
	 */
	itemsInParallel?: number;
}

/** One resource: its entry in the Resource dropdown, the Operation selector, and its operations. */
export interface ResourceModule {
	/** e.g. { name: 'Product', value: 'product' } */
	option: { name: string; value: string; description?: string };
	/** The Operation selector and every operation's parameters, scoped to it. */
	description: INodeProperties[];
	/** The router's dispatch map: operation value → module. */
	operations: Record<string, OperationModule>;
}
