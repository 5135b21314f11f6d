import type { INodeProperties } from 'n8n-workflow';

import { MAX_LIMIT } from './validate';

/** Parameter builders several resources share. */

/** The warning shown above the parameters of a destructive operation (delete, archive, cancel). */
export function destructiveNotice(text: string): INodeProperties {
	return { displayName: text, name: 'deleteNotice', type: 'notice', default: '' };
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

/** Collection options sorted by display name, as n8n lists them. */
export function sortByName(options: INodeProperties[]): INodeProperties[] {
	return [...options].sort((a, b) => a.displayName.localeCompare(b.displayName));
}
