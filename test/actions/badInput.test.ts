/**
 * Bad input across EVERY operation of the node, discovered from its description (so a new
 * operation is covered without touching this file): a Limit outside 1..max, an ID that is negative
 * or not a number, an empty required text, a number outside its min/max, JSON that does not parse
 * and a date that is not a date are each refused with a NodeOperationError that names item and
 * parameter, before any request reaches the sandbox.
 */
import type { INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { BigCommerce } from '../../nodes/BigCommerce/BigCommerce.node';
import { createExecuteContext, sandboxCredentials, type Params } from '../helpers/context';
import { useSandbox } from '../helpers/sandbox';
import { locator } from '../helpers/node';

const sandbox = useSandbox();

const properties = new BigCommerce().description.properties;
const UUID = '8a3b2c1d-0e9f-4a8b-9c7d-6e5f4a3b2c1d';

/** Valid values for parameters whose default would fail validation first. */
const VALID: Record<string, Params> = {
	'cart.addItems': {
		cartId: UUID,
		lineItemsInput: 'json',
		lineItemsJson: '[{"product_id": 1, "quantity": 1}]',
	},
	'cart.create': { lineItemsInput: 'json', lineItemsJson: '[{"product_id": 1, "quantity": 1}]' },
	'cart.createRecoveryLink': { cartId: UUID },
	'cart.delete': { cartId: UUID },
	'cart.get': { cartId: UUID },
	'cart.removeItem': { cartId: UUID, itemId: UUID },
	'cart.updateItem': { cartId: UUID, itemId: UUID },
	'checkout.get': { checkoutId: UUID },
	'inventory.adjust': {
		input: 'json',
		itemsJson: '[{"location_id": 1, "variant_id": 1, "quantity": 10}]',
	},
	'order.create': {
		billingAddress: {
			first_name: 'A',
			last_name: 'B',
			street_1: '1 Road',
			city: 'Austin',
			zip: '78701',
			country_iso2: 'US',
			email: 'a@example.com',
		},
	},
	'order.cancelForShopper': { orderNumber: '100' },
	'order.getStatusForShopper': { orderNumber: '100' },
	'orderShipment.create': { itemsMode: 'json' },
	'productVideo.create': { videoId: 'dQw4w9WgXcQ' },
	'customerAddress.create': { countryCode: 'US' },
};
/** Free-text parameters whose names end in "Id" but that are not BigCommerce numeric IDs. */
const NOT_NUMERIC = new Set([
	'cartId',
	'checkoutId',
	'itemId',
	'externalId',
	'externalOrderId',
	'token',
	'videoId',
]);

function operationsOf(resource: string): string[] {
	const selector = properties.find(
		(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource),
	);
	return ((selector?.options ?? []) as Array<{ value: string }>).map((o) => o.value);
}
function parametersOf(resource: string, operation: string): INodeProperties[] {
	return properties.filter(
		(p) =>
			p.name !== 'operation' &&
			p.displayOptions?.show?.resource?.includes(resource) &&
			p.displayOptions?.show?.operation?.includes(operation),
	);
}
function validBase(resource: string, operation: string): Params {
	const base: Params = { authentication: 'accessToken', resource, operation };
	for (const p of parametersOf(resource, operation)) {
		if (p.type === 'resourceLocator') base[p.name] = locator('1');
		else if (p.type === 'collection' || p.type === 'fixedCollection') base[p.name] = {};
		else if (p.type === 'string' && p.required) {
			const lower = p.name.toLowerCase();
			base[p.name] = lower.includes('email')
				? 'a@example.com'
				: /id$/.test(lower)
					? '1'
					: lower === 'destination'
						? 'https://example.com/hook'
						: lower === 'scope'
							? 'store/order/created'
							: lower === 'imageurl'
								? 'https://example.com/a.png'
								: 'X';
		} else base[p.name] = p.default;
	}
	return { ...base, ...(VALID[`${resource}.${operation}`] ?? {}) };
}

/** The values of other parameters that make `p` shown (e.g. Look Up: recent for Max Orders). */
function shownBy(p: INodeProperties): Params {
	const out: Params = {};
	for (const [key, allowed] of Object.entries(p.displayOptions?.show ?? {})) {
		if (key === 'resource' || key === 'operation' || key.startsWith('@') || !Array.isArray(allowed))
			continue;
		out[key] = allowed[0];
	}
	return out;
}

interface Case {
	title: string;
	params: Params;
	names: string;
}
const cases: Case[] = [];
const resources = (
	properties.find((p) => p.name === 'resource')!.options as Array<{ value: string }>
).map((o) => o.value);
for (const resource of resources) {
	for (const operation of operationsOf(resource)) {
		const operationBase = validBase(resource, operation);
		for (const p of parametersOf(resource, operation)) {
			const base = { ...operationBase, ...shownBy(p) };
			const key = `${resource}.${operation}`;
			if (p.name === 'limit') {
				const max = Number(p.typeOptions?.maxValue);
				cases.push({
					title: `${key}: Limit 0`,
					params: { ...base, returnAll: false, limit: 0 },
					names: '"Limit"',
				});
				cases.push({
					title: `${key}: Limit ${max + 1}`,
					params: { ...base, returnAll: false, limit: max + 1 },
					names: '"Limit"',
				});
			}
			if (
				p.type === 'number' &&
				p.name !== 'limit' &&
				typeof p.typeOptions?.minValue === 'number'
			) {
				const min = p.typeOptions.minValue;
				cases.push({
					title: `${key}: ${p.displayName} ${min - 1}`,
					params: { ...base, [p.name]: min - 1 },
					names: `"${p.displayName}"`,
				});
			}
			if (
				p.type === 'number' &&
				p.name !== 'limit' &&
				typeof p.typeOptions?.maxValue === 'number'
			) {
				const max = p.typeOptions.maxValue;
				cases.push({
					title: `${key}: ${p.displayName} ${max + 1}`,
					params: { ...base, [p.name]: max + 1 },
					names: `"${p.displayName}"`,
				});
			}
			const idLike =
				p.type === 'resourceLocator' ||
				(/Id$/.test(p.name) && (p.type === 'string' || p.type === 'number'));
			if (idLike && !NOT_NUMERIC.has(p.name)) {
				for (const bad of ['-5', 'abc']) {
					const value = p.type === 'resourceLocator' ? locator(bad) : bad;
					cases.push({
						title: `${key}: ${p.displayName} "${bad}"`,
						params: { ...base, [p.name]: value },
						names: `"${p.displayName}"`,
					});
				}
			}
			if (p.type === 'string' && /email/i.test(p.name)) {
				cases.push({
					title: `${key}: ${p.displayName} "bob@"`,
					params: { ...base, [p.name]: 'bob@' },
					names: `"${p.displayName}" must be an email address`,
				});
			}
			if (p.type === 'string' && p.required) {
				cases.push({
					title: `${key}: ${p.displayName} empty`,
					params: { ...base, [p.name]: '  ' },
					names: `"${p.displayName}"`,
				});
			}
			if (p.type === 'json') {
				cases.push({
					title: `${key}: ${p.displayName} that does not parse`,
					params: { ...base, [p.name]: '{"a": ' },
					names: `"${p.displayName}" is not valid JSON`,
				});
			}
			if (p.type !== 'collection') continue;
			// options inside Filters / Additional Fields / Update Fields / Options
			for (const option of (p.options ?? []) as INodeProperties[]) {
				const inside = (value: unknown) => ({
					...base,
					[p.name]: { ...(base[p.name] as object), [option.name]: value },
				});
				if (option.type === 'number' && typeof option.typeOptions?.minValue === 'number') {
					const min = option.typeOptions.minValue;
					cases.push({
						title: `${key}: ${p.displayName} › ${option.displayName} ${min - 1}`,
						params: inside(min - 1),
						names: `"${option.displayName}"`,
					});
				}
				if (option.type === 'number' && typeof option.typeOptions?.maxValue === 'number') {
					const max = option.typeOptions.maxValue;
					cases.push({
						title: `${key}: ${p.displayName} › ${option.displayName} ${max + 1}`,
						params: inside(max + 1),
						names: `"${option.displayName}"`,
					});
				}
				if (option.type === 'string' && /email/i.test(option.name)) {
					cases.push({
						title: `${key}: ${p.displayName} › ${option.displayName} "bob@"`,
						params: inside('bob@'),
						names: `${option.displayName}" must be`,
					});
				}
				if (option.type === 'dateTime') {
					cases.push({
						title: `${key}: ${p.displayName} › ${option.displayName} "yesterday-ish"`,
						params: inside('yesterday-ish'),
						names: `"${option.displayName}" must be a date`,
					});
				}
				if (option.type === 'json') {
					cases.push({
						title: `${key}: ${p.displayName} › ${option.displayName} that does not parse`,
						params: inside('{"a": '),
						names: `"${option.displayName}" is not valid JSON`,
					});
				}
				const optionIdLike =
					option.type === 'resourceLocator' ||
					(/Id$/.test(option.name) && (option.type === 'string' || option.type === 'number'));
				if (optionIdLike && !NOT_NUMERIC.has(option.name)) {
					const value =
						option.type === 'resourceLocator'
							? locator('-5')
							: option.type === 'number'
								? -5
								: '-5';
					cases.push({
						title: `${key}: ${p.displayName} › ${option.displayName} -5`,
						params: inside(value),
						names: `"${option.displayName}"`,
					});
				}
			}
		}
	}
}

describe('bad input is refused before any request, naming item and parameter', () => {
	it('covers every Get Many, every ID parameter and every JSON parameter', () => {
		expect(cases.filter((c) => c.names === '"Limit"').length).toBeGreaterThanOrEqual(2 * 24);
		expect(cases.filter((c) => c.names.includes('JSON')).length).toBeGreaterThanOrEqual(8);
		expect(cases.filter((c) => c.names.endsWith('must be a date')).length).toBeGreaterThanOrEqual(
			15,
		);
		expect(cases.filter((c) => c.title.endsWith(' empty')).length).toBeGreaterThanOrEqual(40);
		expect(cases.length).toBeGreaterThan(150);
	});

	it.each(cases.map((c) => [c.title, c] as const))('%s', async (_title, { params, names }) => {
		const mark = sandbox.requests.length;
		const { ctx, sent } = createExecuteContext({
			params,
			credentials: sandboxCredentials(sandbox),
		});
		const error = await new BigCommerce().execute.call(ctx).then(
			() => undefined,
			(e: unknown) => e as Error,
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error!.message).toMatch(/^Item 0: /);
		expect(error!.message).toContain(names);
		expect(sent).toHaveLength(0);
		expect(sandbox.requests.length).toBe(mark);
	});
});
