import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	wholeNumberValue,
	fail,
	isBlank,
	locatorValue,
	sortOrderValue,
} from '../../shared/validate';
import { locator } from '../../shared/locators';

/**
 * The parent-category picker (From List or By ID; By ID 0 = top level). Left empty it means top
 * level on Create and "no filter / no change" in Filters and Update Fields.
 */
export function parentCategoryField(description: string): INodeProperties {
	const picker = locator('category', {
		name: 'parentId',
		displayName: 'Parent Category',
		required: false,
		description,
	});
	return { ...picker, modes: (picker.modes ?? []).filter((mode) => mode.name !== 'url') };
}

/** The parent category ID from the picker (or a plain number), or undefined when left empty. */
export function parentCategoryId(
	ctx: IExecuteFunctions,
	i: number,
	value: unknown,
): number | undefined {
	if (isBlank(value)) return undefined;
	return wholeNumberValue(ctx, i, locatorValue(value), 'Parent Category');
}

export const categoryFieldOptions: INodeProperties[] = [
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'HTML allowed',
	},
	{ displayName: 'Image URL', name: 'imageUrl', type: 'string', default: '' },
	{ displayName: 'Meta Description', name: 'metaDescription', type: 'string', default: '' },
	{ displayName: 'Page Title', name: 'pageTitle', type: 'string', default: '' },
	{ displayName: 'Search Keywords', name: 'searchKeywords', type: 'string', default: '' },
	{ displayName: 'Sort Order', name: 'sortOrder', type: 'number', default: 0 },
	{
		displayName: 'Visible',
		name: 'isVisible',
		type: 'boolean',
		default: true,
		description: 'Whether the category shows on the storefront',
	},
];

export function checkCategoryName(ctx: IExecuteFunctions, i: number, value: unknown): string {
	const name = String(value ?? '').trim();
	if (!name || name.length > 50) fail(ctx, i, `"Name" must be 1 to 50 characters; got "${name}"`);
	return name;
}

export function categoryBody(ctx: IExecuteFunctions, i: number, fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	if (fields.name !== undefined) body.name = checkCategoryName(ctx, i, fields.name);
	const parentId = parentCategoryId(ctx, i, fields.parentId);
	if (parentId !== undefined) body.parent_id = parentId;
	for (const [param, key] of [
		['description', 'description'],
		['imageUrl', 'image_url'],
		['metaDescription', 'meta_description'],
		['pageTitle', 'page_title'],
		['searchKeywords', 'search_keywords'],
	] as const) {
		if (fields[param] !== undefined) body[key] = String(fields[param]);
	}
	if (fields.sortOrder !== undefined) body.sort_order = sortOrderValue(ctx, i, fields.sortOrder);
	if (fields.isVisible !== undefined) body.is_visible = Boolean(fields.isVisible);
	return body;
}
