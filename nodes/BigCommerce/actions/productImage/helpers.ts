import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { SubResourceConfig } from '../productSubResource';
import { additionalFields } from '../../shared/properties';
import { fail, sortOrderValue } from '../../shared/validate';

function checkImageUrl(ctx: IExecuteFunctions, i: number, value: unknown): string {
	const url = String(value ?? '').trim();
	let ok = false;
	try {
		const parsed = new URL(url);
		ok = (parsed.protocol === 'http:' || parsed.protocol === 'https:') && url.length <= 255;
	} catch {
		ok = false;
	}
	if (!ok) {
		fail(
			ctx,
			i,
			`"Image URL" must be a public http(s) URL of at most 255 characters, such as https://example.com/shirt.jpg; got "${url}"`,
			'BigCommerce downloads the image from this URL (BMP, GIF, JPEG, PNG, WBMP, XBM or WEBP, up to 8 MB).',
		);
	}
	return url;
}

const options: INodeProperties[] = [
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		default: '',
		description: 'Alt text of the image',
	},
	{
		displayName: 'Is Thumbnail',
		name: 'isThumbnail',
		type: 'boolean',
		default: false,
		description: "Whether this is the product's main (thumbnail) image",
	},
	{ displayName: 'Sort Order', name: 'sortOrder', type: 'number', default: 0 },
];

function imageBody(ctx: IExecuteFunctions, i: number, fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	if (fields.imageUrl !== undefined) body.image_url = checkImageUrl(ctx, i, fields.imageUrl);
	if (fields.description !== undefined) body.description = String(fields.description);
	if (fields.isThumbnail !== undefined) body.is_thumbnail = Boolean(fields.isThumbnail);
	if (fields.sortOrder !== undefined) body.sort_order = sortOrderValue(ctx, i, fields.sortOrder);
	return body;
}

export const config: SubResourceConfig = {
	resource: 'productImage',
	path: 'images',
	noun: 'image',
	plural: 'images',
	id: { name: 'imageId', label: 'Image ID' },
	createProperties: [
		{
			displayName: 'Image URL',
			name: 'imageUrl',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. https://example.com/shirt.jpg',
			description: 'Public URL BigCommerce downloads the image from',
		},
		additionalFields(options),
	],
	createBody(ctx, i) {
		const fields = ctx.getNodeParameter('additionalFields', i, {}) as IDataObject;
		return {
			...imageBody(ctx, i, fields),
			image_url: checkImageUrl(ctx, i, ctx.getNodeParameter('imageUrl', i, '')),
		};
	},
	updateOptions: [
		options[0],
		{ displayName: 'Image URL', name: 'imageUrl', type: 'string', default: '' },
		options[1],
		options[2],
	],
	updateBody: imageBody,
};
