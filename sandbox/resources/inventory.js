'use strict';
/**
 * Inventory (scope store_inventory) and locations (scope store_locations), V3.
 *
 * Items come from the catalog when it is loaded (sandbox.state.products with variants); otherwise
 * from a small stub list. Stock per location lives in sandbox.state.inventoryLevels:
 *   Map `${variant_id}:${location_id}` -> { on_hand, safety_stock, warning_level, bin_picking_number }
 *   (keys of stub items are prefixed `stub:`)
 * For catalog items the catalog's inventory_level (variant's, or product's when tracked by product)
 * is the total over all locations; the default location (1) holds what the others do not, so
 * catalog writes and inventory adjustments stay consistent.
 */
const { v3List, v3Error, csv } = require('../core/respond');
const { createRandom } = require('../seed/random');
const { STUB_PRODUCTS, seedLocations } = require('../seed/orders');

const SCOPE = 'store_inventory';
const LOC_SCOPE = 'store_locations';
const MAX_ADJUST = 2000;

const problem = (status, title, errors = {}) => ({
	...v3Error(status, title, errors),
	problem: true,
});

function catalogProducts(sandbox) {
	const products = sandbox.state.products;
	if (products instanceof Map) return [...products.values()];
	return Array.isArray(products) ? products : undefined;
}

function variantsOf(sandbox, product) {
	if (Array.isArray(product.variants)) return product.variants;
	const all = sandbox.state.variants;
	if (all instanceof Map) return [...all.values()].filter((v) => v.product_id === product.id);
	if (Array.isArray(all)) return all.filter((v) => v.product_id === product.id);
	return [];
}

/** Every inventory item: { product_id, variant_id, sku, tracking, catalogVariant?, catalogProduct? }. */
function inventoryItems(sandbox) {
	const products = catalogProducts(sandbox);
	if (products && products.length) {
		const items = [];
		for (const product of products) {
			const tracking = product.inventory_tracking || 'none';
			for (const variant of variantsOf(sandbox, product)) {
				items.push({
					product_id: product.id,
					variant_id: variant.id,
					sku: variant.sku || '',
					sku_id: variant.sku_id || variant.id,
					tracking,
					catalogVariant: variant,
					catalogProduct: product,
				});
			}
		}
		return items;
	}
	return sandbox.state.inventoryStub || [];
}

/** The catalog's stock figure for an item (product-level or variant-level by tracking mode). */
function catalogTotal(item) {
	const source = item.tracking === 'product' ? item.catalogProduct : item.catalogVariant;
	return Number(source.inventory_level) || 0;
}

function setCatalogTotal(sandbox, item, total) {
	const product = item.catalogProduct;
	if (item.tracking === 'product') product.inventory_level = total;
	else {
		item.catalogVariant.inventory_level = total;
		// untracked single-variant products report the product-level figure
		if (item.tracking === 'none' && variantsOf(sandbox, product).length === 1)
			product.inventory_level = total;
	}
	if (sandbox.catalog && typeof sandbox.catalog.touch === 'function')
		sandbox.catalog.touch(product, false);
}

/** Settings (and, except for catalog items at the default location, on-hand stock) per location. */
function levelOf(sandbox, item, locationId) {
	const key = `${item.catalogVariant ? '' : 'stub:'}${item.variant_id}:${locationId}`;
	let level = sandbox.state.inventoryLevels.get(key);
	if (!level) {
		const warning = item.catalogProduct
			? Number(item.catalogProduct.inventory_warning_level) || 0
			: 0;
		level = { on_hand: 0, safety_stock: 0, warning_level: warning, bin_picking_number: '' };
		sandbox.state.inventoryLevels.set(key, level);
	}
	return level;
}

function otherLocationsTotal(sandbox, item) {
	let total = 0;
	for (const loc of locations(sandbox))
		if (loc.id !== 1) total += levelOf(sandbox, item, loc.id).on_hand;
	return total;
}

/**
 * Stock on hand at a location. For catalog items the catalog's inventory_level is the total over
 * all locations: the default location (1) holds what the other locations do not.
 */
function onHand(sandbox, item, locationId) {
	if (item.catalogVariant && locationId === 1)
		return Math.max(0, catalogTotal(item) - otherLocationsTotal(sandbox, item));
	return levelOf(sandbox, item, locationId).on_hand;
}

function setOnHand(sandbox, item, locationId, value) {
	if (!item.catalogVariant) {
		levelOf(sandbox, item, locationId).on_hand = value;
		return;
	}
	const atDefault = locationId === 1 ? value : onHand(sandbox, item, 1);
	if (locationId !== 1) levelOf(sandbox, item, locationId).on_hand = value;
	setCatalogTotal(sandbox, item, atDefault + otherLocationsTotal(sandbox, item));
}

function totalOnHand(sandbox, item) {
	return locations(sandbox).reduce((sum, loc) => sum + onHand(sandbox, item, loc.id), 0);
}

const locations = (sandbox) => sandbox.state.locations || [];

function itemView(sandbox, item, locationList) {
	return {
		identity: {
			sku: item.sku,
			variant_id: item.variant_id,
			product_id: item.product_id,
			sku_id: item.sku_id || item.variant_id,
		},
		locations: locationList.map((loc) => {
			const level = levelOf(sandbox, item, loc.id);
			const stock = onHand(sandbox, item, loc.id);
			return {
				location_id: loc.id,
				location_code: loc.code,
				location_name: loc.label,
				available_to_sell: Math.max(0, stock - level.safety_stock),
				total_inventory_onhand: stock,
				location_enabled: loc.enabled,
				settings: {
					safety_stock: level.safety_stock,
					is_in_stock: stock - level.safety_stock > 0,
					warning_level: level.warning_level,
					bin_picking_number: level.bin_picking_number,
				},
			};
		}),
	};
}

function idList(value) {
	return csv(value)
		.map(Number)
		.filter((n) => Number.isInteger(n));
}

function filterItems(sandbox, query) {
	let items = inventoryItems(sandbox);
	const skus = csv(query['sku:in']);
	const variants = idList(query['variant_id:in']);
	const products = idList(query['product_id:in']);
	if (skus.length) items = items.filter((i) => skus.includes(i.sku));
	if (variants.length) items = items.filter((i) => variants.includes(i.variant_id));
	if (products.length) items = items.filter((i) => products.includes(i.product_id));
	return items;
}

/** Resolves an adjustment line to the inventory items it touches, or an error title. */
function resolveLine(sandbox, line, index) {
	const items = inventoryItems(sandbox);
	if (!line || typeof line !== 'object') return { error: `items[${index}] must be an object` };
	if (
		!Number.isInteger(line.location_id) ||
		!locations(sandbox).some((l) => l.id === line.location_id)
	)
		return { error: `items[${index}]: location_id ${line.location_id} does not exist` };
	if (!Number.isInteger(line.quantity))
		return { error: `items[${index}]: quantity must be an integer` };
	const keys = ['variant_id', 'product_id', 'sku'].filter((k) => line[k] !== undefined);
	if (keys.length !== 1)
		return { error: `items[${index}] needs exactly one of variant_id, product_id or sku` };
	if (line.variant_id !== undefined) {
		const item = items.find((i) => i.variant_id === line.variant_id);
		if (!item) return { error: `Item with variant_id ${line.variant_id} was not found` };
		if (item.tracking === 'product')
			return {
				error: `[Item with variant_id ${line.variant_id} is tracked by product, please update stock by product id]`,
			};
		return { targets: [item] };
	}
	if (line.sku !== undefined) {
		const item = items.find((i) => i.sku === String(line.sku));
		if (!item) return { error: `Item with sku ${line.sku} was not found` };
		if (item.tracking === 'product')
			return {
				error: `[Item with sku ${line.sku} is tracked by product, please update stock by product id]`,
			};
		return { targets: [item] };
	}
	const productItems = items.filter((i) => i.product_id === line.product_id);
	if (!productItems.length)
		return { error: `Item with product_id ${line.product_id} was not found` };
	if (productItems[0].tracking === 'variant')
		return {
			error: `[Item with product_id ${line.product_id} is tracked by variant, please update stock by variant id or sku]`,
		};
	// product-level tracking: stock is held on the base (first) variant
	return { targets: [productItems[0]] };
}

function adjust(sandbox, ctx, method) {
	const body = ctx.body;
	if (!body || typeof body !== 'object' || !Array.isArray(body.items))
		return problem(422, 'JSON data is missing or invalid', {
			items: 'items is required and must be an array',
		});
	if (body.items.length > MAX_ADJUST)
		return problem(
			413,
			`The payload holds ${body.items.length} items; the limit is ${MAX_ADJUST}.`,
		);
	const resolved = [];
	for (const [index, line] of body.items.entries()) {
		const r = resolveLine(sandbox, line, index);
		if (r.error) return problem(422, r.error);
		if (method === 'absolute' && line.quantity < 0)
			return problem(422, `items[${index}]: quantity must be 0 or more for an absolute adjustment`);
		for (const target of r.targets) {
			const next =
				method === 'absolute'
					? line.quantity
					: onHand(sandbox, target, line.location_id) + line.quantity;
			if (next < 0)
				return problem(
					422,
					`items[${index}]: the adjustment would make the stock negative (${next})`,
				);
			if (next > 2147483647)
				return problem(422, `items[${index}]: the stock level exceeds the limit`);
			resolved.push({ target, line });
		}
	}
	const touched = new Map();
	for (const { target, line } of resolved) {
		const current = onHand(sandbox, target, line.location_id);
		setOnHand(
			sandbox,
			target,
			line.location_id,
			method === 'absolute' ? line.quantity : current + line.quantity,
		);
		touched.set(target.variant_id, target);
	}
	for (const target of touched.values()) {
		const total = totalOnHand(sandbox, target);
		if (target.tracking === 'product') {
			sandbox.emit('store/product/inventory/updated', {
				type: 'product',
				id: target.product_id,
				inventory: { product_id: target.product_id, method, value: total },
			});
		} else {
			sandbox.emit('store/sku/inventory/updated', {
				type: 'sku',
				id: target.sku_id || target.variant_id,
				inventory: {
					product_id: target.product_id,
					method,
					value: total,
					variant_id: target.variant_id,
				},
			});
		}
	}
	const transaction_id =
		`${sandbox.now().toString(16)}-${sandbox.nextId('inventoryTransactions')}`.padEnd(20, '0');
	sandbox.state.inventoryTransactions.push({
		transaction_id,
		method,
		reason: body.reason || '',
		items: body.items.length,
		at: sandbox.now(),
	});
	return { status: 200, body: { transaction_id } };
}

function locationView(loc) {
	const { is_default, ...rest } = loc;
	void is_default;
	return rest;
}

function register(sandbox) {
	const state = sandbox.state;
	state.inventoryLevels = state.inventoryLevels || new Map();
	state.inventoryTransactions = state.inventoryTransactions || [];

	sandbox.route(
		'GET',
		'v3',
		'/inventory/items',
		(ctx) => {
			const wanted = idList(ctx.query['location_id:in']);
			const codes = csv(ctx.query['location_code:in']);
			const locs = locations(sandbox).filter(
				(l) =>
					(!wanted.length || wanted.includes(l.id)) && (!codes.length || codes.includes(l.code)),
			);
			return v3List(filterItems(sandbox, ctx.query), ctx.query, {
				maxLimit: 1000,
				map: (item) => itemView(sandbox, item, locs),
			});
		},
		{ scope: SCOPE },
	);

	sandbox.route(
		'GET',
		'v3',
		'/inventory/locations/:location_id/items',
		(ctx) => {
			const loc = locations(sandbox).find((l) => String(l.id) === ctx.params.location_id);
			if (!loc) return problem(404, `Location ${ctx.params.location_id} was not found`);
			return v3List(filterItems(sandbox, ctx.query), ctx.query, {
				maxLimit: 1000,
				map: (item) => {
					const view = itemView(sandbox, item, [loc]);
					const at = view.locations[0];
					return {
						identity: { sku: item.sku, variant_id: item.variant_id, product_id: item.product_id },
						available_to_sell: at.available_to_sell,
						total_inventory_onhand: at.total_inventory_onhand,
						settings: at.settings,
					};
				},
			});
		},
		{ scope: SCOPE },
	);

	sandbox.route(
		'PUT',
		'v3',
		'/inventory/adjustments/absolute',
		(ctx) => adjust(sandbox, ctx, 'absolute'),
		{ scope: SCOPE },
	);
	sandbox.route(
		'POST',
		'v3',
		'/inventory/adjustments/relative',
		(ctx) => adjust(sandbox, ctx, 'relative'),
		{ scope: SCOPE },
	);

	sandbox.route(
		'GET',
		'v3',
		'/inventory/locations',
		(ctx) => {
			const q = ctx.query;
			const ids = idList(q['location_id:in']);
			const codes = csv(q['location_code:in']);
			const types = csv(q['type_id:in']);
			const bool = (v) => (v === undefined ? undefined : v === 'true' || v === '1');
			const isDefault = bool(q.is_default);
			const active = bool(q.is_active);
			const visible = bool(q.storefront_visibility);
			const list = locations(sandbox).filter(
				(l) =>
					(!ids.length || ids.includes(l.id)) &&
					(!codes.length || codes.includes(l.code)) &&
					(!types.length || types.includes(l.type_id)) &&
					(isDefault === undefined || Boolean(l.is_default) === isDefault) &&
					(active === undefined || l.enabled === active) &&
					(visible === undefined || l.storefront_visibility === visible),
			);
			return v3List(list, q, { map: locationView });
		},
		{ scope: LOC_SCOPE },
	);

	sandbox.route(
		'POST',
		'v3',
		'/inventory/locations',
		(ctx) => {
			const body = ctx.body;
			if (!Array.isArray(body) || !body.length)
				return problem(422, 'JSON data is missing or invalid', {
					body: 'an array of locations is required',
				});
			if (body.length > 1000) return problem(413, 'The payload is limited to 1000 locations.');
			for (const [index, entry] of body.entries()) {
				if (!entry || !entry.label || !entry.code)
					return problem(422, `[${index}]: label and code are required`);
				if (locations(sandbox).some((l) => l.code === entry.code))
					return problem(422, `[${index}]: the code ${entry.code} is already used`);
			}
			const at = new Date(sandbox.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
			for (const entry of body) {
				const id = sandbox.nextId('locations');
				state.locations.push({
					id,
					code: String(entry.code),
					label: String(entry.label),
					managed_by_external_source: Boolean(entry.managed_by_external_source),
					type_id: entry.type_id || 'PHYSICAL',
					enabled: entry.enabled !== false,
					operating_hours: entry.operating_hours || state.locations[0].operating_hours,
					time_zone: entry.time_zone || 'America/Chicago',
					created_at: at,
					updated_at: at,
					address: entry.address || state.locations[0].address,
					storefront_visibility: entry.storefront_visibility !== false,
					special_hours: entry.special_hours || [],
					is_default: false,
				});
				sandbox.emit('store/inventory/location/created', { type: 'location', id });
			}
			return {
				status: 200,
				body: { transaction_id: `loc-${sandbox.nextId('inventoryTransactions')}` },
			};
		},
		{ scope: LOC_SCOPE },
	);

	sandbox.route(
		'PUT',
		'v3',
		'/inventory/locations',
		(ctx) => {
			const body = ctx.body;
			if (!Array.isArray(body) || !body.length)
				return problem(422, 'JSON data is missing or invalid', {
					body: 'an array of locations is required',
				});
			for (const [index, entry] of body.entries()) {
				if (!entry || !locations(sandbox).some((l) => l.id === entry.id))
					return problem(422, `[${index}]: location ${entry && entry.id} does not exist`);
			}
			const at = new Date(sandbox.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
			for (const entry of body) {
				const loc = state.locations.find((l) => l.id === entry.id);
				for (const key of [
					'code',
					'label',
					'managed_by_external_source',
					'type_id',
					'enabled',
					'operating_hours',
					'time_zone',
					'address',
					'storefront_visibility',
					'special_hours',
				]) {
					if (entry[key] !== undefined) loc[key] = entry[key];
				}
				loc.updated_at = at;
				sandbox.emit('store/inventory/location/updated', { type: 'location', id: loc.id });
			}
			return {
				status: 200,
				body: { transaction_id: `loc-${sandbox.nextId('inventoryTransactions')}` },
			};
		},
		{ scope: LOC_SCOPE },
	);
}

function seed(sandbox, seedOptions = {}) {
	seedLocations(sandbox);
	const r = createRandom((Number(seedOptions.seed) || 42) + 9001);
	sandbox.state.inventoryLevels = new Map();
	// stub items (used only while no catalog is loaded): products 1-5 track by variant, 6-10 by product
	sandbox.state.inventoryStub = STUB_PRODUCTS.map((p) => ({
		product_id: p.product_id,
		variant_id: p.variant_id,
		sku: p.sku,
		sku_id: p.variant_id,
		tracking: p.product_id <= 5 ? 'variant' : 'product',
	}));
	for (const item of sandbox.state.inventoryStub) {
		const out = item.product_id === 3; // out of stock everywhere
		sandbox.state.inventoryLevels.set(`stub:${item.variant_id}:1`, {
			on_hand: out ? 0 : r.int(5, 60),
			safety_stock: item.product_id === 1 ? 2 : 0,
			warning_level: 3,
			bin_picking_number: `A-${item.product_id}`,
		});
		sandbox.state.inventoryLevels.set(`stub:${item.variant_id}:2`, {
			on_hand: out ? 0 : r.int(0, 200),
			safety_stock: 0,
			warning_level: 10,
			bin_picking_number: `W-${item.product_id}`,
		});
	}
}

module.exports = { register, seed, inventoryItems, levelOf, onHand, totalOnHand };
