import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { SubResourceConfig } from '../productSubResource';
import { fail } from '../../shared/validate';

function checkText(ctx: IExecuteFunctions, i: number, value: unknown, label: string): string {
	const text = String(value ?? '').trim();
	if (!text || text.length > 250)
		fail(ctx, i, `"${label}" must be 1 to 250 characters; got "${text}"`);
	return text;
}

export const config: SubResourceConfig = {
	resource: 'productCustomField',
	path: 'custom-fields',
	noun: 'custom field',
	plural: 'custom fields',
	id: { name: 'customFieldId', label: 'Custom Field ID' },
	createProperties: [
		{
			displayName: 'Name',
			name: 'fieldName',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. Material',
		},
		{
			displayName: 'Value',
			name: 'fieldValue',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. Cotton',
		},
	],
	createBody(ctx, i) {
		return {
			name: checkText(ctx, i, ctx.getNodeParameter('fieldName', i, ''), 'Name'),
			value: checkText(ctx, i, ctx.getNodeParameter('fieldValue', i, ''), 'Value'),
		};
	},
	updateOptions: [
		{ displayName: 'Name', name: 'fieldName', type: 'string', default: '' },
		{ displayName: 'Value', name: 'fieldValue', type: 'string', default: '' },
	],
	updateBody(ctx, i, fields: IDataObject) {
		const body: IDataObject = {};
		if (fields.fieldName !== undefined) body.name = checkText(ctx, i, fields.fieldName, 'Name');
		if (fields.fieldValue !== undefined) body.value = checkText(ctx, i, fields.fieldValue, 'Value');
		return body;
	},
};
