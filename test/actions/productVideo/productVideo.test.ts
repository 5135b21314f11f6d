import { NodeOperationError } from 'n8n-workflow';

import { type Json, useSandbox } from '../../helpers/sandbox';
import { locator, runNode, runNodeError } from '../../helpers/node';

const sandbox = useSandbox({ seed: { products: 10 } });

const product = (id: number) => (sandbox.state.catalog.products as Map<number, Json>).get(id);
const base = { resource: 'productVideo', productId: locator(2) };

describe('Product Video', () => {
	it('Create takes a YouTube URL and sends its ID; Get Many, Update and Delete follow', async () => {
		const created = await runNode(sandbox, {
			...base,
			operation: 'create',
			videoId: 'https://youtu.be/dQw4w9WgXcQ?t=3',
			additionalFields: { title: 'Demo' },
		});
		expect(created.requests[0]).toMatchObject({
			method: 'POST',
			path: '/catalog/products/2/videos',
			body: { video_id: 'dQw4w9WgXcQ', title: 'Demo', type: 'youtube' },
		});
		const id = Number(created.json[0].id);
		const list = await runNode(sandbox, { ...base, operation: 'getAll', returnAll: true });
		expect(list.json.map((v) => v.video_id)).toEqual(['dQw4w9WgXcQ']);
		const updated = await runNode(sandbox, {
			...base,
			operation: 'update',
			videoRecordId: String(id),
			updateFields: { videoId: 'https://www.youtube.com/watch?v=9bZkp7q19f0' },
		});
		expect(updated.json[0]).toMatchObject({ id, video_id: '9bZkp7q19f0', title: 'Demo' });
		await runNode(sandbox, { ...base, operation: 'delete', videoRecordId: String(id) });
		expect(product(2).videos).toEqual([]);
	});

	it.each([
		[
			{ operation: 'create', videoId: 'https://vimeo.com/123' },
			/"YouTube Video" must be an 11-character YouTube video ID/,
		],
		[
			{ operation: 'create', videoId: 'short' },
			/"YouTube Video" must be an 11-character YouTube video ID/,
		],
		[
			{ operation: 'update', videoRecordId: 'abc', updateFields: { title: 'x' } },
			/"Video ID" must be a positive whole number/,
		],
	])('rejects %j before any request', async (params, message) => {
		const { error, requests } = await runNodeError(sandbox, {
			...base,
			additionalFields: {},
			...params,
		});
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(message);
		expect(requests).toHaveLength(0);
	});
});
