import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequestAllItems } from '../../transport';
import { includeList, includeOptions, simplifyCustomer, withGroupNames } from './helpers';
import { CUSTOMERS_READ } from '../../shared/scopes';
import { idListValue, isoDateValue, fail, getPagination, isEmail } from '../../shared/validate';
import { returnAllOrLimit } from '../../shared/properties';
import { toItems } from '../../shared/items';

export const option: OperationOption = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many customers',
	description: 'List customers filtered by email, name, group, company or change date',
};

export const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Company',
				name: 'company',
				type: 'string',
				default: '',
				description: 'Exact company name',
			},
			{
				displayName: 'Created After',
				name: 'createdAfter',
				type: 'dateTime',
				default: '',
				description: 'Only customers created at or after this time',
			},
			{
				displayName: 'Customer Group IDs',
				name: 'customerGroupIds',
				type: 'string',
				default: '',
				placeholder: 'e.g. 1,2',
				description: 'Comma-separated customer group IDs (0 = customers without a group)',
			},
			{
				displayName: 'Customer IDs',
				name: 'ids',
				type: 'string',
				default: '',
				placeholder: 'e.g. 12,15',
				description: 'Comma-separated customer IDs',
			},
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				default: '',
				placeholder: 'e.g. jane@example.com',
				description: 'Exact email address; separate several with commas',
			},
			{
				displayName: 'Modified After',
				name: 'modifiedAfter',
				type: 'dateTime',
				default: '',
				description: 'Only customers changed at or after this time',
			},
			{
				displayName: 'Name Contains',
				name: 'name',
				type: 'string',
				default: '',
				placeholder: 'e.g. Jane',
				description: "Part of the customer's first or last name",
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			...includeOptions,
			{
				displayName: 'Sort',
				name: 'sort',
				type: 'options',
				default: 'date_created:asc',
				options: [
					{ name: 'Date Created (Newest First)', value: 'date_created:desc' },
					{ name: 'Date Created (Oldest First)', value: 'date_created:asc' },
					{ name: 'Date Modified (Newest First)', value: 'date_modified:desc' },
					{ name: 'Date Modified (Oldest First)', value: 'date_modified:asc' },
					{ name: 'Last Name (A-Z)', value: 'last_name:asc' },
					{ name: 'Last Name (Z-A)', value: 'last_name:desc' },
				],
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const pagination = getPagination(this, i);
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const qs: IDataObject = {};
	const present = (key: string) => filters[key] !== undefined && String(filters[key]).trim() !== '';
	if (present('email')) {
		const emails = String(filters.email)
			.split(',')
			.map((e) => e.trim())
			.filter(Boolean);
		for (const email of emails) {
			if (!isEmail(email))
				fail(this, i, `"Email" must be email addresses such as jane@example.com; got "${email}"`);
		}
		qs['email:in'] = emails.join(',');
	}
	if (present('name')) qs['name:like'] = String(filters.name).trim();
	if (present('company')) qs['company:in'] = String(filters.company).trim();
	if (present('ids'))
		qs['id:in'] = idListValue(this, i, filters.ids, 'Customer IDs', {
			allowZero: true,
			allowEmpty: true,
		}).join(',');
	if (present('customerGroupIds')) {
		qs['customer_group_id:in'] = idListValue(
			this,
			i,
			filters.customerGroupIds,
			'Customer Group IDs',
			{ allowZero: true, allowEmpty: true },
		).join(',');
	}
	if (present('modifiedAfter'))
		qs['date_modified:min'] = isoDateValue(this, i, filters.modifiedAfter, 'Modified After');
	if (present('createdAfter'))
		qs['date_created:min'] = isoDateValue(this, i, filters.createdAfter, 'Created After');
	if (options.sort) qs.sort = options.sort;
	const include = includeList(options);
	if (include) qs.include = include;

	const customers = await bigCommerceApiRequestAllItems.call(
		this,
		{ method: 'GET', version: 'v3', path: '/customers', qs, scope: CUSTOMERS_READ, itemIndex: i },
		pagination,
	);
	const named = await withGroupNames(this, i, customers);
	return toItems(this, options.simplify ? named.map(simplifyCustomer) : named);
}
