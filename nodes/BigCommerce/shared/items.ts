import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

/** What an operation sends and returns: request bodies without empty fields, records as n8n items. */

/** Wraps records as n8n items (the router adds pairedItem). */
export function toItems(
	ctx: IExecuteFunctions,
	data: IDataObject | IDataObject[],
): INodeExecutionData[] {
	return ctx.helpers.returnJsonArray(data);
}

/** Drops undefined, empty-string and empty-array values from a fields collection. */
export function compact(fields: IDataObject): IDataObject {
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(fields)) {
		if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0))
			continue;
		out[key] = value;
	}
	return out;
}
