import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest } from '../../transport';
import { findCustomers, lookedUpCustomerId, readCustomerRef } from './helpers';
import { CUSTOMERS_WRITE } from '../../shared/scopes';
import { customerLocator } from '../../shared/locators';
import { destructiveNotice } from '../../shared/properties';
import { fail } from '../../shared/validate';
import { toItems } from '../../shared/items';

export const option: OperationOption = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a customer',
	description: 'Permanently delete a customer and their addresses (destructive)',
};

export const properties: INodeProperties[] = [
	destructiveNotice(
		'This permanently deletes the customer and their saved addresses (their orders stay). It cannot be undone.',
	),
	customerLocator({
		description:
			'The customer to delete permanently, with their addresses. This cannot be undone; their orders are kept.',
	}),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const ref = readCustomerRef(this, i)!;
	// BigCommerce answers 204 whether or not the ID exists: look first, so a wrong ID is reported
	const [customer] = await findCustomers(
		this,
		i,
		ref.id !== undefined ? { 'id:in': ref.id } : { 'email:in': ref.email },
	);
	if (!customer) {
		fail(
			this,
			i,
			ref.id !== undefined
				? `No customer with ID ${ref.id} exists`
				: `No customer has the email address "${ref.email}"`,
			'Nothing was deleted.',
		);
	}
	// the typed ID, or the checked ID of the customer the email found: never a DELETE without
	// id:in (BigCommerce's delete-by-filter must name exactly this customer)
	const id =
		ref.id ?? lookedUpCustomerId(this, i, customer, `with the email address "${ref.email}"`);
	await bigCommerceApiRequest.call(this, {
		method: 'DELETE',
		version: 'v3',
		path: '/customers',
		qs: { 'id:in': id },
		scope: CUSTOMERS_WRITE,
		itemIndex: i,
	});
	return toItems(this, { id, email: customer.email, deleted: true });
}
