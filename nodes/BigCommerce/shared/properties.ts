import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

import { MAX_LIMIT } from './validate';

/** Parameter builders several resources share. */

/**
 * The credential choice every node of the package offers (action node, webhook trigger, polling
 * trigger): the Authentication parameter and the two credentials it switches between.
 */
export const AUTHENTICATION_PROPERTY: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'Access Token', value: 'accessToken' },
		{ name: 'OAuth2', value: 'oAuth2' },
	],
	default: 'accessToken',
};

export const NODE_CREDENTIALS: INodeCredentialDescription[] = [
	{
		name: 'bigCommerceApi',
		required: true,
		displayOptions: { show: { authentication: ['accessToken'] } },
	},
	{
		name: 'bigCommerceOAuth2Api',
		required: true,
		displayOptions: { show: { authentication: ['oAuth2'] } },
	},
];

/** The warning shown above the parameters of a destructive operation (delete, archive, cancel). */
export function destructiveNotice(text: string): INodeProperties {
	return { displayName: text, name: 'deleteNotice', type: 'notice', default: '' };
}

/** An amount of money in the store currency (a price, a discount): 0 or more, two decimals. */
export function moneyProperty(
	displayName: string,
	name: string,
	description?: string,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 0,
		...(description === undefined ? {} : { description }),
	};
}

/** The optional fields of a Create, as the "Additional Fields" collection. */
export function additionalFields(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options,
	};
}

/** The standard Return All + Limit parameters. */
export function returnAllOrLimit(maxValue = MAX_LIMIT): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1, maxValue },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
	];
}

/**
 * Parameters (by display name) or dropdown options (by name) sorted as n8n lists them; a copy.
 * n8n's lint wants static lists sorted; lists built from shared parts are sorted with this.
 */
export function sortByName<T extends { name: string; displayName?: string }>(items: T[]): T[] {
	const label = (item: T) => item.displayName ?? item.name;
	return [...items].sort((a, b) => label(a).localeCompare(label(b)));
}
