import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { OperationOption } from '../types';
import { bigCommerceApiRequestFull } from '../../transport';
import { CATALOG_WRITE } from '../../shared/scopes';
import { rethrow } from '../../shared/errors';
import { toItems } from '../../shared/items';
import { fail, asPositiveId } from '../../shared/validate';

/** BigCommerce accepts at most 10 products per batch update. */
export const BATCH_SIZE = 10;

export const option: OperationOption = {
	name: 'Update Many',
	value: 'updateMany',
	action: 'Update many products',
	description:
		'Update a batch of products from a JSON array of product IDs with the fields to change, 10 per request; the whole batch is checked before anything is sent',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Products (JSON)',
		name: 'products',
		type: 'json',
		required: true,
		default: '[\n  { "id": 1, "price": 19.99 },\n  { "id": 2, "is_visible": false }\n]',
		description:
			'A JSON array of product changes: each entry holds the product ID and the fields to change, as in the example. Sent in batches of 10. Every entry is checked before anything is sent.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Continue on Per-Item Errors',
				name: 'continueOnItemErrors',
				type: 'boolean',
				default: false,
				description:
					'Whether to keep going when BigCommerce rejects some products (partial success, or a failed batch), returning one result per product with its error, instead of stopping at the first failure',
			},
		],
	},
];

/** Reads and checks the whole batch before any request: a JSON array of objects with numeric ids. */
function readBatch(ctx: IExecuteFunctions, i: number): IDataObject[] {
	const raw = ctx.getNodeParameter('products', i) as unknown;
	let value: unknown = raw;
	if (typeof raw === 'string') {
		try {
			value = JSON.parse(raw);
		} catch (error) {
			fail(
				ctx,
				i,
				`"Products (JSON)" is not valid JSON (${(error as Error).message})`,
				'Enter a JSON array such as [{"id": 1, "price": 19.99}]',
			);
		}
	}
	if (!Array.isArray(value))
		fail(ctx, i, '"Products (JSON)" must be a JSON array such as [{"id": 1, "price": 19.99}]');
	if (!value.length) fail(ctx, i, '"Products (JSON)" is an empty array: nothing to update');
	const problems: string[] = [];
	const seen = new Set<number>();
	value.forEach((entry: unknown, index: number) => {
		if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
			problems.push(`entry ${index} is not an object`);
			return;
		}
		const id = (entry as IDataObject).id;
		const n = asPositiveId(id);
		if (id === undefined || id === null || id === '') problems.push(`entry ${index} has no "id"`);
		else if (n === undefined)
			problems.push(
				`entry ${index} has "id" ${JSON.stringify(id)}, which is not a positive whole number`,
			);
		else if (seen.has(n)) problems.push(`entry ${index} repeats product id ${n}`);
		else {
			seen.add(n);
			if (Object.keys(entry).length < 2)
				problems.push(`entry ${index} (id ${n}) has no field to change`);
		}
	});
	if (problems.length) {
		fail(
			ctx,
			i,
			`"Products (JSON)" has ${problems.length} invalid ${problems.length === 1 ? 'entry' : 'entries'}; nothing was sent: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? '; …' : ''}`,
			'Each entry needs a numeric product "id" and at least one field to change, e.g. {"id": 12, "price": 9.99}.',
		);
	}
	return (value as IDataObject[]).map((entry) => ({ ...entry, id: Number(entry.id) }));
}

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const batch = readBatch(this, i);
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const perItem = options.continueOnItemErrors === true;
	const results: IDataObject[] = [];

	for (let start = 0; start < batch.length; start += BATCH_SIZE) {
		const chunk = batch.slice(start, start + BATCH_SIZE);
		try {
			const response = await bigCommerceApiRequestFull.call(this, {
				method: 'PUT',
				version: 'v3',
				path: '/catalog/products',
				body: chunk,
				scope: CATALOG_WRITE,
				itemIndex: i,
				allowPartial: perItem,
			});
			const body = (response.body ?? {}) as IDataObject;
			const saved = new Map<number, IDataObject>();
			for (const product of (body.data as IDataObject[] | undefined) ?? [])
				saved.set(Number(product.id), product);
			const errorBlock = (body.errors ?? {}) as IDataObject;
			const perId = (errorBlock.errors ?? {}) as IDataObject;
			for (const entry of chunk) {
				const id = Number(entry.id);
				const product = saved.get(id);
				if (product) results.push({ success: true, id, product });
				else
					results.push({
						success: false,
						id,
						error: String(
							perId[String(id)] ??
								errorBlock.title ??
								'BigCommerce did not confirm this product was updated',
						),
						httpCode: String(response.statusCode),
					});
			}
		} catch (error) {
			if (!perItem || !(error instanceof NodeApiError)) {
				if (error instanceof NodeApiError && start > 0) {
					// say what already happened: earlier batches were saved
					error.description =
						`${error.description ?? ''} The first ${start} entries (earlier batches of ${BATCH_SIZE}) were already updated; this batch (entries ${start}–${start + chunk.length - 1}) and later ones were not applied in full. Turn on "Continue on Per-Item Errors" to get one result per product.`.trim();
				}
				rethrow(this, i, error);
			}
			const details = (error.errorResponse ?? {}) as IDataObject;
			const perId = (
				details.errors && typeof details.errors === 'object' ? details.errors : {}
			) as IDataObject;
			for (const entry of chunk) {
				const id = Number(entry.id);
				results.push({
					success: false,
					id,
					error: String(perId[String(id)] ?? error.message),
					httpCode: error.httpCode ?? undefined,
				});
			}
		}
	}
	return toItems(this, results);
}
