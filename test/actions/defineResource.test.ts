/**
 * One declaration per operation (actions/defineResource.ts): each operation module exports its
 * selector option beside its parameters and execute, and defineResource() builds the Operation
 * selector, the scoped parameters and the dispatch map from one list. So an operation cannot be
 * reachable without a selector entry, offered without a module, or left out of its resource.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { defineResource } from '../../nodes/BigCommerce/actions/defineResource';
import { resources } from '../../nodes/BigCommerce/actions/resources';
import type { OperationModule } from '../../nodes/BigCommerce/actions/types';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { listRepoDir } = require('../helpers/repoFile') as {
	listRepoDir(relativePath: string): Array<{ name: string; isDirectory: boolean }>;
};

const ACTIONS = 'nodes/BigCommerce/actions';

const operation = (value: string, name: string): OperationModule => ({
	option: { name, value, action: `${name} a thing`, description: `${name} a thing` },
	properties: [{ displayName: 'Thing ID', name: 'thingId', type: 'string', default: '' }],
	execute: async () => [],
});

const selectorOf = (description: INodeProperties[]) =>
	description.find((p) => p.name === 'operation')!.options as INodePropertyOptions[];

describe('defineResource', () => {
	it('builds the selector, the scoped parameters and the dispatch map from one list', () => {
		const thing = defineResource(
			{ name: 'Thing', value: 'thing' },
			[operation('get', 'Get'), operation('create', 'Create')],
			{
				defaultOperation: 'get',
			},
		);
		const selector = thing.description.find((p) => p.name === 'operation')!;
		expect(selector.displayOptions).toEqual({ show: { resource: ['thing'] } });
		expect(selector.default).toBe('get');
		// sorted by name, as n8n's lint wants of a static list
		expect(selectorOf(thing.description).map((o) => o.value)).toEqual(['create', 'get']);
		expect(Object.keys(thing.operations).sort()).toEqual(['create', 'get']);
		const params = thing.description.filter((p) => p.name === 'thingId');
		expect(params.map((p) => p.displayOptions?.show)).toEqual([
			{ resource: ['thing'], operation: ['get'] },
			{ resource: ['thing'], operation: ['create'] },
		]);
	});

	it('refuses two operations with one value, and a default that is not offered', () => {
		expect(() =>
			defineResource({ name: 'Thing', value: 'thing' }, [
				operation('get', 'Get'),
				operation('get', 'Fetch'),
			]),
		).toThrow(/"get".*twice/);
		expect(() =>
			defineResource({ name: 'Thing', value: 'thing' }, [operation('get', 'Get')], {
				defaultOperation: 'getAll',
			}),
		).toThrow(/default operation "getAll"/);
	});
});

describe('every resource of the node', () => {
	it.each(resources.map((r) => [r.option.value, r] as const))(
		'%s: selector, dispatch map and parameter scopes name the same operations',
		(value, resource) => {
			const offered = selectorOf(resource.description)
				.map((o) => o.value as string)
				.sort();
			expect(Object.keys(resource.operations).sort()).toEqual(offered);
			const scoped = new Set(
				resource.description
					.filter((p) => p.name !== 'operation')
					.flatMap((p) => (p.displayOptions?.show?.operation as string[] | undefined) ?? []),
			);
			for (const op of scoped) expect(offered).toContain(op);
			for (const [key, module] of Object.entries(resource.operations))
				expect(module.option.value).toBe(key);
		},
	);

	it('every *.operation.ts file on disk is registered in its resource', () => {
		const registered = new Set(
			resources.flatMap((r) =>
				Object.values(r.operations).map((m) => `${r.option.value}/${m.option.value}`),
			),
		);
		const files = listRepoDir(ACTIONS)
			.filter((d) => d.isDirectory)
			.flatMap((d) =>
				listRepoDir(`${ACTIONS}/${d.name}`)
					.map((f) => f.name)
					.filter((name) => name.endsWith('.operation.ts'))
					.map((name) => `${d.name}/${name.replace('.operation.ts', '')}`),
			);
		expect(files.length).toBeGreaterThan(100);
		expect(files.filter((f) => !registered.has(f))).toEqual([]);
	});

	it('uses one value for listing operations: getAll, never getMany', () => {
		const values = resources.flatMap((r) =>
			selectorOf(r.description).map((o) => `${r.option.value}.${o.value as string}`),
		);
		expect(values.filter((v) => v.endsWith('.getMany'))).toEqual([]);
	});
});
