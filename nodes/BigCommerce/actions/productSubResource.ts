import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationModule } from './types';
import { bigCommerceApiRequest, bigCommerceApiRequestAllItems } from '../transport';
import { CATALOG_READ, CATALOG_WRITE } from '../shared/scopes';
import { locator, requireLocatorId } from '../shared/locators';
import { requireId, getPagination, requireSomeChange } from '../shared/validate';
import { returnAllOrLimit } from '../shared/properties';
import { toItems } from '../shared/items';

/**
 * The four product sub-resources (variants, images, custom fields, videos) share one shape:
 * /catalog/products/{product_id}/<path>[/<id>] with Get Many, Create, Update and Delete.
 * Each operation file builds its module from a config with the helpers below.
 */
export interface SubResourceConfig {
	/** Resource value, e.g. 'productImage'. */
	resource: string;
	/** Path below the product, e.g. 'images'. */
	path: string;
	/** Lower-case noun, e.g. 'image'. */
	noun: string;
	/** Lower-case plural, e.g. 'images' or 'custom fields'. */
	plural: string;
	/** The record-ID parameter, e.g. { name: 'imageId', label: 'Image ID' }. */
	id: { name: string; label: string };
	/** Parameters of Create (besides the product). */
	createProperties: INodeProperties[];
	/** Builds and validates the Create body. */
	createBody(ctx: IExecuteFunctions, i: number): IDataObject;
	/** Options of the Update Fields collection. */
	updateOptions: INodeProperties[];
	/** Builds and validates the Update body from the Update Fields collection. */
	updateBody(ctx: IExecuteFunctions, i: number, fields: IDataObject): IDataObject;
}

/** "a" or "an" before a noun ("an image", "a video"). */
function article(noun: string): string {
	return /^[aeiou]/i.test(noun) ? 'an' : 'a';
}

function idProperty(config: SubResourceConfig): INodeProperties {
	return {
		displayName: config.id.label,
		name: config.id.name,
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 12',
		description: `ID of the ${config.noun} (see Get Many)`,
	};
}

export function makeGetAll(config: SubResourceConfig): OperationModule {
	return {
		option: {
			name: 'Get Many',
			value: 'getAll',
			action: `Get many product ${config.plural}`,
			description: `List the ${config.plural} of a product`,
		},
		properties: [locator('product'), ...returnAllOrLimit()],
		async execute(this: IExecuteFunctions, i: number) {
			const productId = requireLocatorId(this, i, 'product');
			const pagination = getPagination(this, i);
			const records = await bigCommerceApiRequestAllItems.call(
				this,
				{
					method: 'GET',
					version: 'v3',
					path: `/catalog/products/${productId}/${config.path}`,
					scope: CATALOG_READ,
					itemIndex: i,
				},
				pagination,
			);
			return toItems(this, records);
		},
	};
}

export function makeCreate(config: SubResourceConfig): OperationModule {
	return {
		option: {
			name: 'Create',
			value: 'create',
			action: `Create a product ${config.noun}`,
			description: `Add ${article(config.noun)} ${config.noun} to a product`,
		},
		properties: [locator('product'), ...config.createProperties],
		async execute(this: IExecuteFunctions, i: number) {
			const productId = requireLocatorId(this, i, 'product');
			const body = config.createBody(this, i);
			const record = (await bigCommerceApiRequest.call(this, {
				method: 'POST',
				version: 'v3',
				path: `/catalog/products/${productId}/${config.path}`,
				body,
				scope: CATALOG_WRITE,
				itemIndex: i,
			})) as IDataObject;
			return toItems(this, record);
		},
	};
}

export function makeUpdate(config: SubResourceConfig): OperationModule {
	return {
		option: {
			name: 'Update',
			value: 'update',
			action: `Update a product ${config.noun}`,
			description: `Change ${article(config.noun)} ${config.noun} of a product`,
		},
		properties: [
			locator('product'),
			idProperty(config),
			{
				displayName: 'Update Fields',
				name: 'updateFields',
				type: 'collection',
				placeholder: 'Add Field',
				default: {},
				options: config.updateOptions,
			},
		],
		async execute(this: IExecuteFunctions, i: number) {
			const productId = requireLocatorId(this, i, 'product');
			const id = requireId(this, i, config.id.name, config.id.label);
			const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
			const body = config.updateBody(this, i, fields);
			requireSomeChange(this, i, body);
			const record = (await bigCommerceApiRequest.call(this, {
				method: 'PUT',
				version: 'v3',
				path: `/catalog/products/${productId}/${config.path}/${id}`,
				body,
				scope: CATALOG_WRITE,
				itemIndex: i,
			})) as IDataObject;
			return toItems(this, record);
		},
	};
}

export function makeDelete(config: SubResourceConfig): OperationModule {
	return {
		option: {
			name: 'Delete',
			value: 'delete',
			action: `Delete a product ${config.noun}`,
			description: `Permanently delete ${article(config.noun)} ${config.noun} of a product (destructive)`,
		},
		properties: [
			{
				displayName: `This permanently deletes the ${config.noun}. It cannot be undone.`,
				name: 'deleteNotice',
				type: 'notice',
				default: '',
			},
			locator('product'),
			idProperty(config),
		],
		async execute(this: IExecuteFunctions, i: number) {
			const productId = requireLocatorId(this, i, 'product');
			const id = requireId(this, i, config.id.name, config.id.label);
			await bigCommerceApiRequest.call(this, {
				method: 'DELETE',
				version: 'v3',
				path: `/catalog/products/${productId}/${config.path}/${id}`,
				scope: CATALOG_WRITE,
				itemIndex: i,
			});
			return toItems(this, { id, product_id: productId, deleted: true });
		},
	};
}
