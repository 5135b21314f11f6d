import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { resources } from './actions/resources';
import { itemsInParallelProperty, router } from './actions/router';
import { methods } from './methods';
import { MAIN_CONNECTION } from './shared/connections';
import { NODES_PANEL_DESCRIPTION } from './shared/panelEntry';
import { AUTHENTICATION_PROPERTY, NODE_CREDENTIALS, sortByName } from './shared/properties';

const resourceOptions = sortByName(resources.map((resource) => resource.option));

export class BigCommerce implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'BigCommerce',
		name: 'bigCommerce',
		icon: { light: 'file:bigcommerce.svg', dark: 'file:bigcommerce.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: NODES_PANEL_DESCRIPTION,
		defaults: { name: 'BigCommerce' },
		usableAsTool: true,
		inputs: [MAIN_CONNECTION],
		outputs: [MAIN_CONNECTION],
		credentials: NODE_CREDENTIALS,
		properties: [
			AUTHENTICATION_PROPERTY,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: resourceOptions,
				default: 'product',
			},
			...resources.flatMap((resource) => resource.description),
			itemsInParallelProperty,
		],
	};

	methods = methods;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
