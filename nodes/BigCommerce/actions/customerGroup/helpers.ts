import type { IDataObject } from 'n8n-workflow';

/** Adds a plain-words summary of what the group may see (`category_access`). */
export function describeGroup(group: IDataObject): IDataObject {
	const access = (group.category_access ?? {}) as IDataObject;
	const categories = Array.isArray(access.categories) ? (access.categories as number[]) : [];
	let summary: string;
	if (access.type === 'all') summary = 'All categories';
	else if (access.type === 'none') summary = 'No categories';
	else if (access.type === 'specific')
		summary = `${categories.length} specific categor${categories.length === 1 ? 'y' : 'ies'}`;
	else summary = 'Unknown';
	return { ...group, category_access_summary: summary };
}
