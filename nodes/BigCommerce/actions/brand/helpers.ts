import { fail } from '../../shared/validate';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

export const brandFieldOptions: INodeProperties[] = [
	{
		displayName: 'Image URL',
		name: 'imageUrl',
		type: 'string',
		default: '',
		description: 'Public URL of the brand logo',
	},
	{ displayName: 'Meta Description', name: 'metaDescription', type: 'string', default: '' },
	{ displayName: 'Page Title', name: 'pageTitle', type: 'string', default: '' },
	{ displayName: 'Search Keywords', name: 'searchKeywords', type: 'string', default: '' },
];

export function checkBrandName(ctx: IExecuteFunctions, i: number, value: unknown): string {
	const name = String(value ?? '').trim();
	if (!name || name.length > 255) fail(ctx, i, `"Name" must be 1 to 255 characters; got "${name}"`);
	return name;
}

export function brandBody(ctx: IExecuteFunctions, i: number, fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	if (fields.name !== undefined) body.name = checkBrandName(ctx, i, fields.name);
	for (const [param, key] of [
		['imageUrl', 'image_url'],
		['metaDescription', 'meta_description'],
		['pageTitle', 'page_title'],
		['searchKeywords', 'search_keywords'],
	] as const) {
		if (fields[param] !== undefined) body[key] = String(fields[param]);
	}
	return body;
}
