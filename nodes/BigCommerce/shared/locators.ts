import type { IExecuteFunctions, INodeProperties, INodePropertyMode } from 'n8n-workflow';

import {
	fail,
	isBlank,
	locatorValue,
	wholeNumberValue,
	numberText,
	asPositiveId,
} from './validate';

/**
 * The resource locators several resources share (a product picker in variants, a customer picker
 * in orders, ...), with the readers that turn a locator's value into a checked ID.
 */

/**
 * The first two modes of an ID resource locator: From List (searching with `searchListMethod`)
 * and By ID (checked in the editor against `regex`, digits by default). The objects sit in a
 * `modes` property, where n8n's lint knows that modes have no default.
 */
function listAndIdModes(
	searchListMethod: string,
	placeholder: string,
	errorMessage: string,
	regex = '^[0-9]+$',
): INodePropertyMode[] {
	const picker: Pick<INodeProperties, 'modes'> = {
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder,
				validation: [{ type: 'regex', properties: { regex, errorMessage } }],
			},
		],
	};
	return picker.modes ?? [];
}

type LocatorKind = 'product' | 'category' | 'brand';

const LOCATOR: Record<
	LocatorKind,
	{ label: string; search: string; plural: string; urlExample: string }
> = {
	product: {
		label: 'Product',
		search: 'searchProducts',
		plural: 'products',
		urlExample: 'https://store-abc123.mybigcommerce.com/manage/products/edit/123',
	},
	category: {
		label: 'Category',
		search: 'searchCategories',
		plural: 'categories',
		urlExample: 'https://store-abc123.mybigcommerce.com/manage/products/categories/123/edit',
	},
	brand: {
		label: 'Brand',
		search: 'searchBrands',
		plural: 'brands',
		urlExample: 'https://store-abc123.mybigcommerce.com/manage/products/brands/123/edit',
	},
};

const URL_ID: Record<LocatorKind, RegExp> = {
	product: /\/products\/(?:edit\/)?(\d+)/,
	category: /\/categories\/(?:edit\/)?(\d+)/,
	brand: /\/brands\/(?:edit\/)?(\d+)/,
};

/** A resource locator for a product, category or brand: From List, By ID, By URL. */
export function locator(
	kind: LocatorKind,
	overrides: Partial<INodeProperties> = {},
): INodeProperties {
	const info = LOCATOR[kind];
	const lower = info.label.toLowerCase();
	return {
		displayName: info.label,
		name: `${kind}Id`,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: `The ${lower}: pick it from the list, or give its ID or control-panel URL`,
		modes: [
			...listAndIdModes(info.search, 'e.g. 123', `A ${lower} ID is a whole number such as 123`),
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: `e.g. ${info.urlExample}`,
				extractValue: { type: 'regex', regex: URL_ID[kind].source },
				validation: [
					{
						type: 'regex',
						properties: {
							regex: `.*${URL_ID[kind].source}.*`,
							errorMessage: `Paste the ${lower}'s edit URL from the BigCommerce control panel`,
						},
					},
				],
			},
		],
		...overrides,
	};
}

/**
 * An optional brand or category picker for collections (filters, fields): From List or By ID.
 * (No URL mode: collection values are read without n8n's value extraction.)
 */
export function optionalLocator(
	kind: LocatorKind,
	overrides: Partial<INodeProperties> = {},
): INodeProperties {
	const picker = locator(kind, { required: false, ...overrides });
	return { ...picker, modes: (picker.modes ?? []).filter((mode) => mode.name !== 'url') };
}

/** The whole-number ID in an optional picker (or plain number), or undefined when left empty. */
export function optionalLocatorId(
	ctx: IExecuteFunctions,
	i: number,
	value: unknown,
	label: string,
): number | undefined {
	if (isBlank(value)) return undefined;
	return wholeNumberValue(ctx, i, locatorValue(value), label);
}

/**
 * Reads a product/category/brand locator (any mode) or a plain ID parameter and returns the
 * validated numeric ID. A control-panel URL is accepted too.
 */
export function requireLocatorId(
	ctx: IExecuteFunctions,
	i: number,
	kind: LocatorKind,
	name = `${kind}Id`,
): number {
	let text = numberText(
		locatorValue(ctx.getNodeParameter(name, i, undefined, { extractValue: true })),
	);
	const fromUrl = URL_ID[kind].exec(text);
	if (fromUrl && /^https?:\/\//i.test(text)) text = fromUrl[1];
	const id = asPositiveId(text);
	if (id === undefined) {
		const info = LOCATOR[kind];
		fail(
			ctx,
			i,
			`"${info.label}" must be a positive whole-number ${info.label.toLowerCase()} ID such as 123, or its control-panel URL; got "${text}"`,
			`Pick the ${info.label.toLowerCase()} from the list, enter its numeric ID, or paste a URL like ${info.urlExample}.`,
		);
	}
	return id;
}

/** The Order resource locator (list search or ID). */
export function orderLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Order',
		name: 'orderId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The order (its order number / ID)',
		modes: [
			...listAndIdModes('searchOrders', 'e.g. 123', 'An order ID is a whole number such as 123'),
		],
		...overrides,
	};
}

/** An order-status resource locator (list search shows the store's labels, or an ID 0-14). */
export function statusLocator(description: string): INodeProperties {
	return {
		displayName: 'Status',
		name: 'statusId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		description,
		modes: [
			...listAndIdModes(
				'searchOrderStatuses',
				'e.g. 11',
				'An order status ID is a number from 0 to 14',
				'^([0-9]|1[0-4])$',
			),
		],
	};
}

/** The Customer resource locator: from a searchable list, by ID, or by email address. */
export function customerLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Customer',
		name: 'customerId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The customer, picked from the list, by ID, or by email address',
		modes: [
			...listAndIdModes('searchCustomers', 'e.g. 42', 'A customer ID is a whole number such as 42'),
			{
				displayName: 'By Email',
				name: 'email',
				type: 'string',
				placeholder: 'e.g. jane@example.com',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$',
							errorMessage: 'Enter an email address such as jane@example.com',
						},
					},
				],
			},
		],
		...overrides,
	};
}

/**
 * An optional customer picker for collections (filters, additional fields): From List or By ID
 * (By ID 0 = guest where the API allows it). No email mode: resolving it would need a request.
 */
export function customerField(description: string): INodeProperties {
	const picker = customerLocator({ required: false, description });
	return { ...picker, modes: (picker.modes ?? []).filter((mode) => mode.name !== 'email') };
}

/** The channel picker: from the list (searchChannels) or by ID. */
export function channelLocator(
	description = 'The channel, picked from the list or by ID (1 is the default storefront)',
): INodeProperties {
	return {
		displayName: 'Channel',
		name: 'channelId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		modes: [
			...listAndIdModes('searchChannels', 'e.g. 1', 'A channel ID is a whole number such as 1'),
		],
	};
}

/** An optional channel picker (From List or By ID) for collections and optional filters. */
export function channelField(description: string): INodeProperties {
	return { ...channelLocator(description), required: false };
}
