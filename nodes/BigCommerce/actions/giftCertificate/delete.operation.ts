import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequest } from '../../transport';
import { giftCertificateIdProperty } from './helpers';
import { destructiveNotice } from '../../shared/properties';
import { requireId } from '../../shared/validate';
import { toItems } from '../../shared/items';
import { MARKETING_WRITE } from '../../shared/scopes';

export const option: OperationOption = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a gift certificate',
	description: 'Permanently delete a gift certificate (destructive)',
};

export const properties: INodeProperties[] = [
	destructiveNotice(
		'This permanently deletes the gift certificate and its remaining balance. It cannot be undone.',
	),
	{
		...giftCertificateIdProperty,
		description: 'The numeric ID of the gift certificate to delete permanently',
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const id = requireId(this, i, 'giftCertificateId', 'Gift Certificate ID');
	// only DELETE /gift_certificates/{id}: the collection DELETE removes every certificate
	await bigCommerceApiRequest.call(this, {
		method: 'DELETE',
		version: 'v2',
		path: `/gift_certificates/${id}`,
		scope: MARKETING_WRITE,
		itemIndex: i,
	});
	return toItems(this, { id, deleted: true });
}
