import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest } from '../../transport';
import { productBodyFromFields, productFieldOptions } from './helpers';
import { CATALOG_WRITE } from '../../shared/scopes';
import { amountValue, fail } from '../../shared/validate';
import { toItems } from '../../shared/items';

export const option: OperationOption = {
	name: 'Create',
	value: 'create',
	action: 'Create a product',
	description: 'Create a product with name, type, price, weight and optional fields',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		description: 'Product name, unique in the store (at most 250 characters)',
	},
	{
		displayName: 'Type',
		name: 'productType',
		type: 'options',
		options: [
			{ name: 'Digital', value: 'digital' },
			{ name: 'Physical', value: 'physical' },
		],
		default: 'physical',
	},
	{
		displayName: 'Price',
		name: 'price',
		type: 'number',
		required: true,
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 0,
		description: "Price in the store's default currency",
	},
	{
		displayName: 'Weight',
		name: 'weight',
		type: 'number',
		required: true,
		typeOptions: { minValue: 0 },
		default: 0,
		description: "Weight in the store's weight unit (0 for digital products)",
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: productFieldOptions(false),
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const name = String(this.getNodeParameter('name', i, '') ?? '').trim();
	if (!name || name.length > 250)
		fail(this, i, `"Name" must be 1 to 250 characters; got "${name}"`);
	const type = this.getNodeParameter('productType', i, 'physical') as string;
	if (type !== 'physical' && type !== 'digital')
		fail(this, i, `"Type" must be physical or digital; got "${type}"`);
	const price = amountValue(this, i, this.getNodeParameter('price', i, undefined), 'Price');
	const weight = amountValue(this, i, this.getNodeParameter('weight', i, undefined), 'Weight');
	const fields = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const body: IDataObject = {
		...productBodyFromFields(this, i, fields),
		name,
		type,
		price,
		weight,
	};
	const product = (await bigCommerceApiRequest.call(this, {
		method: 'POST',
		version: 'v3',
		path: '/catalog/products',
		body,
		scope: CATALOG_WRITE,
		itemIndex: i,
	})) as IDataObject;
	return toItems(this, product);
}
