import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { resources } from './actions/resources';
import { itemsInParallelProperty, router } from './actions/router';
import { methods } from './methods';
import { NODES_PANEL_DESCRIPTION } from './shared/panelEntry';
import { sortByName } from './shared/properties';

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
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'bigCommerceApi',
				required: true,
				displayOptions: { show: { authentication: ['accessToken'] } },
			},
			{
				name: 'bigCommerceOAuth2Api',
				required: true,
				displayOptions: { show: { authentication: ['oAuth2'] } },
			},
		],
		properties: [
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				options: [
					{ name: 'Access Token', value: 'accessToken' },
					{ name: 'OAuth2', value: 'oAuth2' },
				],
				default: 'accessToken',
			},
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
