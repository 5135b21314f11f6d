import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import {
	findCustomers,
	includeList,
	includeOptions,
	readCustomerRef,
	simplifyCustomer,
	withGroupNames,
} from './helpers';
import { customerLocator } from '../../shared/locators';
import { fail } from '../../shared/validate';
import { toItems } from '../../shared/items';

export const option: OperationOption = {
	name: 'Get',
	value: 'get',
	action: 'Get a customer',
	description: 'Get one customer by ID or email, with addresses and group name',
};

export const properties: INodeProperties[] = [
	customerLocator(),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: includeOptions,
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const ref = readCustomerRef(this, i)!;
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const qs: IDataObject = ref.id !== undefined ? { 'id:in': ref.id } : { 'email:in': ref.email };
	const include = includeList(options);
	if (include) qs.include = include;
	const [customer] = await findCustomers(this, i, qs);
	if (!customer) {
		fail(
			this,
			i,
			ref.id !== undefined
				? `No customer with ID ${ref.id} exists`
				: `No customer has the email address "${ref.email}"`,
		);
	}
	const named = await withGroupNames(this, i, [customer]);
	return toItems(this, options.simplify ? named.map(simplifyCustomer) : named);
}
