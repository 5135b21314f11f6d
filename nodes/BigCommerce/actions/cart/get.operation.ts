import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest } from '../../transport';
import { cartIdParameter, includeOptionsProperty, simplifyCart } from './helpers';
import { CART_READ } from '../../shared/scopes';
import { requireUuid } from '../../shared/validate';
import { toItems } from '../../shared/items';

export const option: OperationOption = {
	name: 'Get',
	value: 'get',
	action: 'Get a cart',
	description: 'Get a cart with its line items and totals',
};

export const properties: INodeProperties[] = [
	cartIdParameter,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			includeOptionsProperty,
			{
				displayName: 'Simplify',
				name: 'simplify',
				type: 'boolean',
				default: false,
				description:
					'Whether to return a compact cart: totals, shopper and one flat list of line items',
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const cartId = requireUuid(this, i, 'cartId', 'Cart ID');
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const cart = (await bigCommerceApiRequest.call(this, {
		method: 'GET',
		version: 'v3',
		path: `/carts/${cartId}`,
		qs: options.includeOptions
			? { include: 'line_items.physical_items.options,line_items.digital_items.options' }
			: undefined,
		scope: CART_READ,
		itemIndex: i,
	})) as IDataObject;
	return toItems(this, options.simplify ? simplifyCart(cart) : cart);
}
