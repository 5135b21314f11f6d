import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';

import { cartIdParameter, createRedirectUrls } from './helpers';
import { fail, requireUuid } from '../../shared/validate';
import { toItems } from '../../shared/items';

export const option: OperationOption = {
	name: 'Create Recovery Link',
	value: 'createRecoveryLink',
	action: 'Create a cart recovery link',
	description: 'Create single-use links that restore the cart or open its checkout',
};

export const properties: INodeProperties[] = [
	cartIdParameter,
	{
		displayName: 'Query Parameters',
		name: 'queryParameters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Query Parameter',
		default: {},
		description: 'Extra parameters appended to the links, e.g. utm_source=email',
		options: [
			{
				displayName: 'Parameter',
				name: 'parameter',
				values: [
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'e.g. utm_source',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						placeholder: 'e.g. email',
					},
				],
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const cartId = requireUuid(this, i, 'cartId', 'Cart ID');
	const collection = this.getNodeParameter('queryParameters', i, {}) as {
		parameter?: IDataObject[];
	};
	const queryParams: IDataObject = {};
	for (const [index, entry] of (collection.parameter ?? []).entries()) {
		const name = String(entry.name ?? '').trim();
		if (!name) fail(this, i, `"Query Parameters" entry ${index + 1} needs a name`);
		queryParams[name] = String(entry.value ?? '');
	}
	const urls = await createRedirectUrls(this, i, cartId, queryParams);
	return toItems(this, { cart_id: cartId, ...urls });
}
