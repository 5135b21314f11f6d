import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { sortByName } from '../shared/properties';
import type { OperationModule, ResourceModule } from './types';

/**
 * Builds a resource from its list of operation modules: the Operation selector (options sorted by
 * name), each operation's parameters scoped to resource + operation, and the router's dispatch map,
 * all keyed by the one `option.value` each module declares. An operation therefore cannot be
 * dispatched without being offered, offered without a module, or scoped to a value it does not have.
 */
export function defineResource(
	option: ResourceModule['option'],
	operations: OperationModule[],
	{ defaultOperation }: { defaultOperation?: string } = {},
): ResourceModule {
	const byValue: Record<string, OperationModule> = {};
	for (const operation of operations) {
		const { value } = operation.option;
		if (byValue[value]) {
			throw new Error(`Resource "${option.value}" lists operation "${value}" twice`);
		}
		byValue[value] = operation;
	}
	const selectorDefault = defaultOperation ?? operations[0]?.option.value;
	if (!selectorDefault || !byValue[selectorDefault]) {
		throw new Error(
			`Resource "${option.value}": default operation "${String(selectorDefault)}" is not one of its operations`,
		);
	}
	const selector: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [option.value] } },
		options: sortByName(operations.map((operation) => ({ ...operation.option }))),
		default: selectorDefault,
	};
	return {
		option,
		description: [
			selector,
			...operations.flatMap((operation) =>
				updateDisplayOptions(
					{ show: { resource: [option.value], operation: [operation.option.value] } },
					operation.properties,
				),
			),
		],
		operations: byValue,
	};
}
