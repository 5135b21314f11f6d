import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequestAllItems } from '../../transport';
import { customerIdOf, readCustomerRef } from '../customer/helpers';
import { CUSTOMERS_READ } from '../../shared/scopes';
import { idListValue, getPagination } from '../../shared/validate';
import { customerLocator } from '../../shared/locators';
import { returnAllOrLimit } from '../../shared/properties';
import { toItems } from '../../shared/items';

export const option: OperationOption = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many customer addresses',
	description: 'List saved addresses, of one customer or of all',
};

export const properties: INodeProperties[] = [
	customerLocator({
		required: false,
		description: "Only this customer's addresses (leave empty for the addresses of every customer)",
	}),
	...returnAllOrLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Address IDs',
				name: 'ids',
				type: 'string',
				default: '',
				placeholder: 'e.g. 3,7',
				description: 'Comma-separated address IDs',
			},
			{
				displayName: 'Company',
				name: 'company',
				type: 'string',
				default: '',
				description: 'Exact company name on the address',
			},
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				placeholder: 'e.g. Jane Doe',
				description: 'Exact first and last name on the address',
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const ref = readCustomerRef(this, i, 'customerId', true);
	const pagination = getPagination(this, i);
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const qs: IDataObject = {};
	const present = (key: string) => filters[key] !== undefined && String(filters[key]).trim() !== '';
	if (present('ids'))
		qs['id:in'] = idListValue(this, i, filters.ids, 'Address IDs', {
			allowZero: true,
			allowEmpty: true,
		}).join(',');
	if (present('company')) qs['company:in'] = String(filters.company).trim();
	if (present('name')) qs['name:in'] = String(filters.name).trim();
	if (ref) qs['customer_id:in'] = await customerIdOf(this, i, ref);
	const addresses = await bigCommerceApiRequestAllItems.call(
		this,
		{
			method: 'GET',
			version: 'v3',
			path: '/customers/addresses',
			qs,
			scope: CUSTOMERS_READ,
			itemIndex: i,
		},
		pagination,
	);
	return toItems(this, addresses);
}
