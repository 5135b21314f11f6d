/**
 * n8n conventions over the whole node description (every resource and operation, discovered):
 * short exact operation texts for AI agents, "Get Many" with Return All / Limit, destructive
 * operations labelled, pickers for the IDs users enter, options sorted, boolean wording.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { BigCommerce } from '../../nodes/BigCommerce/BigCommerce.node';

const description = new BigCommerce().description;
const properties = description.properties;
const resources = properties.find((p) => p.name === 'resource')!.options as INodePropertyOptions[];

interface Operation {
	resource: string;
	option: INodePropertyOptions;
	params: INodeProperties[];
}
const operations: Operation[] = resources.flatMap((resource) => {
	const selector = properties.find(
		(p) =>
			p.name === 'operation' &&
			p.displayOptions?.show?.resource?.includes(resource.value as string),
	)!;
	return (selector.options as INodePropertyOptions[]).map((option) => ({
		resource: resource.value as string,
		option,
		params: properties.filter(
			(p) =>
				p.name !== 'operation' &&
				p.displayOptions?.show?.resource?.includes(resource.value as string) &&
				p.displayOptions?.show?.operation?.includes(option.value as string),
		),
	}));
});
const key = (op: Operation) => `${op.resource}.${String(op.option.value)}`;
/** Every parameter, including the options of collections and fixed collections. */
function flatten(list: INodeProperties[]): INodeProperties[] {
	return list.flatMap((p) => {
		const inner = (p.options ?? []) as Array<INodeProperties & { values?: INodeProperties[] }>;
		if (p.type === 'collection') return [p, ...flatten(inner)];
		if (p.type === 'fixedCollection')
			return [p, ...inner.flatMap((group) => flatten(group.values ?? []))];
		return [p];
	});
}

describe('node description conventions', () => {
	it('is usable as an AI tool', () => {
		expect(description.usableAsTool).toBe(true);
		expect(operations.length).toBeGreaterThan(100);
	});

	it.each(operations.map((op) => [key(op), op] as const))(
		'%s: short, exact action and description',
		(_key, { option }) => {
			expect(option.action).toEqual(expect.any(String));
			expect(option.description).toEqual(expect.any(String));
			expect(option.action!.length).toBeLessThanOrEqual(60);
			expect(option.description!.length).toBeLessThanOrEqual(300);
			for (const text of [option.action!, option.description!]) {
				expect(text).not.toMatch(/\ba [aeio]\w/i); // "a image" ("a URL", "a user" are fine)
				expect(text).not.toMatch(/\s{2}|\s$/);
			}
		},
	);

	it('gives every operation its own action and description (an AI agent tells them apart)', () => {
		const actions = operations.map((op) => op.option.action);
		const descriptions = operations.map((op) => op.option.description);
		expect(new Set(actions).size).toBe(actions.length);
		expect(new Set(descriptions).size).toBe(descriptions.length);
	});

	it('names every list operation "Get Many" with Return All and Limit', () => {
		const lists = operations.filter((op) => op.option.name === 'Get Many');
		expect(lists.length).toBeGreaterThanOrEqual(22);
		for (const op of lists) {
			expect({ op: key(op), action: op.option.action }).toEqual({
				op: key(op),
				action: expect.stringMatching(/^Get many /),
			});
			const names = op.params.map((p) => p.name);
			expect({ op: key(op), names }).toEqual({
				op: key(op),
				names: expect.arrayContaining(['returnAll', 'limit']),
			});
		}
	});

	it('labels destructive operations (delete, archive, cancel) as such', () => {
		const destructive = operations.filter((op) =>
			/^(delete|archive|cancel)$/.test(String(op.option.value)),
		);
		expect(destructive.length).toBeGreaterThanOrEqual(17);
		for (const op of destructive) {
			expect({ op: key(op), description: op.option.description }).toEqual({
				op: key(op),
				description: expect.stringMatching(/destructive/i),
			});
			// and a warning above its parameters in the editor
			const notice = op.params.find((p) => p.type === 'notice');
			expect({ op: key(op), notice: notice?.displayName }).toEqual({
				op: key(op),
				notice: expect.stringMatching(/permanently|Destructive/),
			});
		}
	});

	it('offers a picker (resource locator with list search) for product, customer, order, category, brand and channel IDs', () => {
		const typed: string[] = [];
		for (const op of operations) {
			// (line items of carts are fixed-collection rows, also accepted as JSON: plain numbers there)
			const rows = new Set(
				op.params.filter((p) => p.type === 'fixedCollection').flatMap((p) => flatten([p]).slice(1)),
			);
			for (const p of flatten(op.params).filter((param) => !rows.has(param))) {
				if (
					/^(productId|customerId|orderId|categoryId|brandId|channelId|parentId)$/.test(p.name) &&
					p.type !== 'resourceLocator'
				) {
					typed.push(`${key(op)}: ${p.name} (${p.type})`);
				}
				if (p.type === 'resourceLocator') {
					const list = (p.modes ?? []).find((mode) => mode.name === 'list');
					expect({
						param: `${key(op)}.${p.name}`,
						search: list?.typeOptions?.searchListMethod,
					}).toEqual({
						param: `${key(op)}.${p.name}`,
						search: expect.stringMatching(/^search[A-Z]/),
					});
				}
			}
		}
		expect(typed).toEqual([]);
	});

	it('every list search a picker names exists', () => {
		const methods = new BigCommerce().methods.listSearch as Record<string, unknown>;
		const named = new Set(
			operations.flatMap((op) =>
				flatten(op.params)
					.filter((p) => p.type === 'resourceLocator')
					.flatMap((p) =>
						(p.modes ?? []).map((mode) => mode.typeOptions?.searchListMethod).filter(Boolean),
					),
			),
		);
		for (const name of named) expect(typeof methods[name as string]).toBe('function');
		expect([...named].sort()).toEqual(
			expect.arrayContaining([
				'searchBrands',
				'searchCategories',
				'searchChannels',
				'searchCustomers',
				'searchOrderStatuses',
				'searchOrders',
				'searchProducts',
			]),
		);
	});

	it('sorts options alphabetically and words booleans with "Whether"', () => {
		const problems: string[] = [];
		for (const op of operations) {
			for (const p of flatten(op.params)) {
				if (p.type === 'boolean' && p.description && !/^Whether /.test(p.description)) {
					problems.push(`${key(op)}.${p.name}: boolean description must start with "Whether"`);
				}
				if (p.type === 'collection') {
					const names = ((p.options ?? []) as INodeProperties[]).map((o) => o.displayName);
					const sorted = [...names].sort((a, b) => a.localeCompare(b));
					if (names.join('|') !== sorted.join('|'))
						problems.push(`${key(op)}.${p.name}: ${names.join(', ')}`);
				}
			}
		}
		expect(problems).toEqual([]);
	});
});
