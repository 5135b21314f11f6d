import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { SubResourceConfig } from '../productSubResource';
import { additionalFields } from '../../shared/properties';
import { fail, sortOrderValue } from '../../shared/validate';

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;

/** A YouTube video ID, or a YouTube URL (watch, youtu.be, embed, shorts) reduced to its ID. */
export function youTubeId(ctx: IExecuteFunctions, i: number, value: unknown): string {
	const text = String(value ?? '').trim();
	if (YOUTUBE_ID.test(text)) return text;
	const match =
		/^https?:\/\/(?:www\.|m\.)?(?:youtube\.com\/(?:watch\?(?:.*&)?v=|embed\/|shorts\/)|youtu\.be\/)([A-Za-z0-9_-]{11})(?:[?&#/].*)?$/.exec(
			text,
		);
	if (!match) {
		fail(
			ctx,
			i,
			`"YouTube Video" must be an 11-character YouTube video ID such as dQw4w9WgXcQ or a YouTube URL; got "${text}"`,
			'BigCommerce product videos are YouTube videos only.',
		);
	}
	return match[1];
}

const options: INodeProperties[] = [
	{ displayName: 'Description', name: 'description', type: 'string', default: '' },
	{ displayName: 'Sort Order', name: 'sortOrder', type: 'number', default: 0 },
	{ displayName: 'Title', name: 'title', type: 'string', default: '' },
];

function videoBody(ctx: IExecuteFunctions, i: number, fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	if (fields.videoId !== undefined) body.video_id = youTubeId(ctx, i, fields.videoId);
	if (fields.title !== undefined) {
		const title = String(fields.title);
		if (title.length > 255) fail(ctx, i, '"Title" must be at most 255 characters');
		body.title = title;
	}
	if (fields.description !== undefined) body.description = String(fields.description);
	if (fields.sortOrder !== undefined) body.sort_order = sortOrderValue(ctx, i, fields.sortOrder);
	return body;
}

export const config: SubResourceConfig = {
	resource: 'productVideo',
	path: 'videos',
	noun: 'video',
	plural: 'videos',
	id: { name: 'videoRecordId', label: 'Video ID' },
	createProperties: [
		{
			displayName: 'YouTube Video',
			name: 'videoId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. dQw4w9WgXcQ or https://www.youtube.com/watch?v=dQw4w9WgXcQ',
			description: 'The YouTube video ID or URL',
		},
		additionalFields(options),
	],
	createBody(ctx, i) {
		const fields = ctx.getNodeParameter('additionalFields', i, {}) as IDataObject;
		return {
			...videoBody(ctx, i, fields),
			video_id: youTubeId(ctx, i, ctx.getNodeParameter('videoId', i, '')),
			type: 'youtube',
		};
	},
	updateOptions: [
		options[0],
		options[1],
		options[2],
		{
			displayName: 'YouTube Video',
			name: 'videoId',
			type: 'string',
			default: '',
			description: 'A new YouTube video ID or URL',
		},
	],
	updateBody: videoBody,
};
