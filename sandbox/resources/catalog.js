'use strict';
/**
 * Catalog V3 (scope store_v2_products): products with variants, options (+values), modifiers (read),
 * images, custom fields, videos, bulk pricing rules (read), /catalog/variants, legacy categories and
 * brands. Records are stored compactly (see sandbox/seed/catalog.js) and expanded to the documented
 * response shape on the way out.
 *
 * State: `sandbox.state.catalog = { products, variants, categories, brands }` (Maps by id); the same
 * Maps are also exposed as `sandbox.state.products`, `.variants`, `.categories`, `.brands`.
 * Helpers for other resource modules: `sandbox.catalog.{getProduct, getVariant, touch, inventoryOf,
 * productOut, variantOut}`.
 */
const { v3List, v3One, v3Error, noContent, csv, selectFields } = require('../core/respond');
const { seedCatalog, descriptionOf } = require('../seed/catalog');

const SCOPE = 'store_v2_products';
const CDN = 'https://cdn.sandbox-store.example.com';

const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');
const slug = (text) =>
	`/${String(text)
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '')}/`;
const isNum = (v) => typeof v === 'number' && Number.isFinite(v);
const isInt = (v) => Number.isInteger(v);
const isStr = (v) => typeof v === 'string';
const isBool = (v) => typeof v === 'boolean';

const PRODUCT_TYPES = ['physical', 'digital'];
const TRACKING = ['none', 'product', 'variant'];
const AVAILABILITY = ['available', 'disabled', 'preorder'];
const CONDITIONS = ['New', 'Used', 'Refurbished'];
const INCLUDES = [
	'variants',
	'images',
	'custom_fields',
	'bulk_pricing_rules',
	'primary_image',
	'modifiers',
	'options',
	'videos',
	'reviews',
	'channels',
	'parent_relations',
];

/** Writable product fields with their checks; anything else documented is kept in `extra`. */
const PRODUCT_FIELDS = {
	name: (v) =>
		(isStr(v) && v.trim().length >= 1 && v.length <= 250) ||
		'must be a string of 1 to 250 characters',
	type: (v) => PRODUCT_TYPES.includes(v) || 'must be physical or digital',
	sku: (v) => (isStr(v) && v.length <= 255) || 'must be a string of at most 255 characters',
	description: (v) => isStr(v) || 'must be a string',
	weight: (v) => (isNum(v) && v >= 0) || 'must be a number of 0 or more',
	width: (v) => (isNum(v) && v >= 0) || 'must be a number of 0 or more',
	depth: (v) => (isNum(v) && v >= 0) || 'must be a number of 0 or more',
	height: (v) => (isNum(v) && v >= 0) || 'must be a number of 0 or more',
	price: (v) => (isNum(v) && v >= 0) || 'must be a number of 0 or more',
	cost_price: (v) => (isNum(v) && v >= 0) || 'must be a number of 0 or more',
	retail_price: (v) => (isNum(v) && v >= 0) || 'must be a number of 0 or more',
	sale_price: (v) => (isNum(v) && v >= 0) || 'must be a number of 0 or more',
	categories: (v) =>
		(Array.isArray(v) && v.every((c) => isInt(c) && c >= 0)) || 'must be an array of category IDs',
	brand_id: (v) => (isInt(v) && v >= 0) || 'must be a brand ID',
	inventory_level: (v) => (isInt(v) && v >= 0) || 'must be a whole number of 0 or more',
	inventory_warning_level: (v) => (isInt(v) && v >= 0) || 'must be a whole number of 0 or more',
	inventory_tracking: (v) => TRACKING.includes(v) || 'must be none, product or variant',
	is_visible: (v) => isBool(v) || 'must be a boolean',
	is_featured: (v) => isBool(v) || 'must be a boolean',
	availability: (v) => AVAILABILITY.includes(v) || 'must be available, disabled or preorder',
	condition: (v) => CONDITIONS.includes(v) || 'must be New, Used or Refurbished',
	custom_url: (v) =>
		(v && typeof v === 'object' && isStr(v.url) && v.url.length >= 1) ||
		'must be an object with a url',
};
const READ_ONLY = new Set([
	'id',
	'date_created',
	'date_modified',
	'calculated_price',
	'base_variant_id',
	'reviews_rating_sum',
	'reviews_count',
	'total_sold',
	'view_count',
	'option_set_id',
	'option_set_display',
]);
const NESTED = new Set([
	'variants',
	'images',
	'custom_fields',
	'videos',
	'bulk_pricing_rules',
	'options',
	'modifiers',
]);

/**
 * Copies the writable `fields` a category or brand body sets onto the record: arrays copied,
 * custom_url merged (a URL sent without is_customized counts as customized, as BigCommerce does).
 */
function applyFields(record, body, fields) {
	for (const f of fields) {
		if (body[f] === undefined) continue;
		record[f] =
			f === 'custom_url'
				? {
						url: body.custom_url.url ?? record.custom_url.url,
						is_customized: body.custom_url.is_customized ?? true,
					}
				: Array.isArray(body[f])
					? [...body[f]]
					: body[f];
	}
}

function register(sandbox) {
	const cat = () => sandbox.state.catalog;
	// BigCommerce keeps catalog dates to the second
	const now = () => Math.floor(sandbox.now() / 1000) * 1000;
	const route = (method, pattern, handler) =>
		sandbox.route(method, 'v3', pattern, handler, { scope: SCOPE });

	// ---------- shapes ----------

	function inventoryOf(p) {
		if (p.inventory_tracking === 'variant')
			return p.variants.reduce((sum, v) => sum + (v.inventory_level || 0), 0);
		return p.inventory_level || 0;
	}
	const calculated = (p) => (p.sale_price > 0 ? p.sale_price : p.price);

	function imageOut(img) {
		const base = `${CDN}/images/stencil`;
		const file = `products/${img.product_id}/${img.id}/image.jpg`;
		return {
			id: img.id,
			product_id: img.product_id,
			is_thumbnail: img.is_thumbnail,
			sort_order: img.sort_order,
			description: img.description || '',
			image_url: img.image_url,
			url_zoom: `${base}/1280x1280/${file}`,
			url_standard: `${base}/500x659/${file}`,
			url_thumbnail: `${base}/100x100/${file}`,
			url_tiny: `${base}/44x44/${file}`,
			date_modified: iso(img.date_modified),
		};
	}

	function variantOut(v, p) {
		return {
			id: v.id,
			product_id: v.product_id,
			sku: v.sku,
			sku_id: v.sku_id,
			price: v.price,
			calculated_price: v.price ?? calculated(p),
			sale_price: v.sale_price,
			retail_price: v.retail_price ?? null,
			map_price: 0,
			cost_price: v.cost_price ?? null,
			weight: v.weight ?? null,
			calculated_weight: v.weight ?? p.weight,
			width: null,
			height: null,
			depth: null,
			is_free_shipping: false,
			fixed_cost_shipping_price: null,
			purchasing_disabled: v.purchasing_disabled || false,
			purchasing_disabled_message: v.purchasing_disabled_message || '',
			image_url: v.image_url || '',
			upc: v.upc || '',
			mpn: v.mpn || '',
			gtin: v.gtin || '',
			inventory_level: v.inventory_level,
			inventory_warning_level: v.inventory_warning_level || 0,
			bin_picking_number: v.bin_picking_number || '',
			option_values: v.option_values.map((o) => ({
				id: o.id,
				label: o.label,
				option_id: o.option_id,
				option_display_name: o.option_display_name,
			})),
		};
	}

	const optionOut = (o) => ({
		id: o.id,
		product_id: o.product_id,
		display_name: o.display_name,
		name: o.name,
		type: o.type,
		sort_order: o.sort_order,
		config: o.config || {},
		option_values: o.option_values.map((v) => ({ ...v })),
	});
	const modifierOut = (m) => ({
		id: m.id,
		product_id: m.product_id,
		name: m.name,
		display_name: m.display_name,
		type: m.type,
		required: m.required,
		sort_order: m.sort_order,
		config: { ...(m.config || {}) },
		option_values: (m.option_values || []).map((v) => ({ ...v })),
	});
	const videoOut = (v) => ({
		id: v.id,
		product_id: v.product_id,
		video_id: v.video_id,
		title: v.title,
		description: v.description,
		sort_order: v.sort_order,
		type: 'youtube',
		length: v.length || '',
	});
	const fieldOut = (f) => ({ id: f.id, name: f.name, value: f.value });
	const ruleOut = (r) => ({
		id: r.id,
		quantity_min: r.quantity_min,
		quantity_max: r.quantity_max,
		type: r.type,
		amount: r.amount,
	});

	function productOut(p, includes = []) {
		const out = {
			id: p.id,
			name: p.name,
			type: p.type,
			sku: p.sku,
			description: descriptionOf(p),
			weight: p.weight,
			width: p.width || 0,
			depth: p.depth || 0,
			height: p.height || 0,
			price: p.price,
			cost_price: p.cost_price || 0,
			retail_price: p.retail_price || 0,
			sale_price: p.sale_price || 0,
			map_price: 0,
			tax_class_id: 0,
			product_tax_code: '',
			calculated_price: calculated(p),
			categories: [...p.categories],
			brand_id: p.brand_id || 0,
			option_set_display: 'right',
			inventory_level: inventoryOf(p),
			inventory_warning_level: p.inventory_warning_level || 0,
			inventory_tracking: p.inventory_tracking,
			reviews_rating_sum: 0,
			reviews_count: 0,
			total_sold: p.total_sold || 0,
			fixed_cost_shipping_price: 0,
			is_free_shipping: false,
			is_visible: p.is_visible,
			is_featured: p.is_featured,
			related_products: [],
			warranty: '',
			bin_picking_number: '',
			layout_file: 'product.html',
			upc: '',
			mpn: '',
			gtin: '',
			search_keywords: '',
			availability: p.availability,
			availability_description: '',
			gift_wrapping_options_type: 'any',
			gift_wrapping_options_list: [],
			sort_order: 0,
			condition: p.condition,
			is_condition_shown: false,
			order_quantity_minimum: 0,
			order_quantity_maximum: 0,
			page_title: '',
			meta_keywords: [],
			meta_description: '',
			date_created: iso(p.date_created),
			date_modified: iso(p.date_modified),
			view_count: 0,
			preorder_release_date: null,
			preorder_message: '',
			is_preorder_only: false,
			is_price_hidden: false,
			price_hidden_label: '',
			custom_url: p.custom_url ? { ...p.custom_url } : { url: slug(p.name), is_customized: false },
			open_graph_type: 'product',
			open_graph_title: '',
			open_graph_description: '',
			open_graph_use_meta_description: true,
			open_graph_use_product_name: true,
			open_graph_use_image: true,
			...(p.extra || {}),
		};
		if (!p.options || !p.options.length)
			out.base_variant_id = p.variants[0] ? p.variants[0].id : undefined;
		if (out.base_variant_id === undefined) delete out.base_variant_id;
		for (const inc of includes) {
			if (inc === 'variants') out.variants = p.variants.map((v) => variantOut(v, p));
			else if (inc === 'images') out.images = p.images.map(imageOut);
			else if (inc === 'custom_fields') out.custom_fields = (p.custom_fields || []).map(fieldOut);
			else if (inc === 'videos') out.videos = (p.videos || []).map(videoOut);
			else if (inc === 'options') out.options = (p.options || []).map(optionOut);
			else if (inc === 'modifiers') out.modifiers = (p.modifiers || []).map(modifierOut);
			else if (inc === 'bulk_pricing_rules')
				out.bulk_pricing_rules = (p.bulk_pricing_rules || []).map(ruleOut);
			else if (inc === 'channels') out.channels = [...p.channels];
			else if (inc === 'parent_relations') out.parent_relations = [];
			else if (inc === 'primary_image') {
				const img = p.images.find((i) => i.is_thumbnail) || p.images[0];
				if (img) {
					const full = imageOut(img);
					out.primary_image = {
						id: full.id,
						product_id: full.product_id,
						is_thumbnail: full.is_thumbnail,
						sort_order: full.sort_order,
						description: full.description,
						image_file: `products/${img.product_id}/${img.id}/image.jpg`,
						url_zoom: full.url_zoom,
						url_standard: full.url_standard,
						url_thumbnail: full.url_thumbnail,
						url_tiny: full.url_tiny,
						date_modified: full.date_modified,
					};
				}
			}
		}
		return out;
	}

	// ---------- helpers ----------

	const err422 = (errors, title = 'JSON data is missing or invalid') => v3Error(422, title, errors);
	const notFound = (what = 'The requested resource was not found.') => v3Error(404, what);
	function touch(p, emit = true) {
		p.date_modified = now();
		if (emit) sandbox.emit('store/product/updated', { type: 'product', id: p.id });
	}
	const skuEvent = (scope, v) =>
		sandbox.emit(scope, {
			type: 'sku',
			id: v.sku_id ?? v.id,
			sku: { product_id: v.product_id, variant_id: v.id },
		});

	function parseIncludes(query) {
		const list = csv(query.include);
		const bad = list.filter((i) => !INCLUDES.includes(i));
		return { list, bad };
	}
	function productOr404(ctx) {
		const id = Number(ctx.params.product_id);
		const p = cat().products.get(id);
		return p || null;
	}
	function findSkuOwner(sku, except = {}) {
		const needle = String(sku).toLowerCase();
		if (!needle) return null;
		for (const p of cat().products.values()) {
			if (p.id !== except.productId && p.sku && p.sku.toLowerCase() === needle) return p;
		}
		for (const v of cat().variants.values()) {
			if (
				v.id !== except.variantId &&
				v.product_id !== except.productId &&
				v.sku.toLowerCase() === needle
			)
				return v;
		}
		return null;
	}
	function findNameOwner(name, exceptId) {
		const needle = String(name).trim().toLowerCase();
		for (const p of cat().products.values())
			if (p.id !== exceptId && p.name.toLowerCase() === needle) return p;
		return null;
	}

	/** Checks a product body; returns { errors } (422), { conflict } (409) or {}. */
	function checkProductBody(body, { create, productId }) {
		const errors = {};
		if (create)
			for (const f of ['name', 'type', 'weight', 'price'])
				if (body[f] === undefined) errors[f] = `error.path.missing. The field '${f}' is required.`;
		for (const [field, value] of Object.entries(body)) {
			const check = PRODUCT_FIELDS[field];
			if (check) {
				const ok = check(value);
				if (ok !== true) errors[field] = `The field '${field}' ${ok}.`;
			}
		}
		if (Array.isArray(body.categories)) {
			const missing = body.categories.filter((c) => !cat().categories.has(c));
			if (missing.length) errors.categories = `Categories not found: ${missing.join(', ')}.`;
		}
		if (isInt(body.brand_id) && body.brand_id > 0 && !cat().brands.has(body.brand_id))
			errors.brand_id = `Brand ${body.brand_id} not found.`;
		if (Object.keys(errors).length) return { errors };
		if (body.name !== undefined && findNameOwner(body.name, productId))
			return { conflict: { name: `The product name "${body.name}" is a duplicate.` } };
		if (body.sku && findSkuOwner(body.sku, { productId }))
			return { conflict: { sku: `The SKU "${body.sku}" is already in use.` } };
		return {};
	}

	function applyProductFields(p, body) {
		for (const [field, value] of Object.entries(body)) {
			if (READ_ONLY.has(field) || NESTED.has(field)) continue;
			if (field in PRODUCT_FIELDS) {
				p[field] = Array.isArray(value)
					? [...value]
					: value && typeof value === 'object'
						? { ...value }
						: value;
				if (field === 'sku' && (!p.options || !p.options.length) && p.variants[0])
					p.variants[0].sku = value;
				if (
					field === 'inventory_level' &&
					p.inventory_tracking !== 'variant' &&
					p.variants[0] &&
					(!p.options || !p.options.length)
				)
					p.variants[0].inventory_level = value;
			} else {
				p.extra = { ...(p.extra || {}), [field]: value };
			}
		}
	}

	function ensureOption(p, displayName, label) {
		p.options = p.options ? p.options : [];
		let option = p.options.find(
			(o) => o.display_name.toLowerCase() === String(displayName).toLowerCase(),
		);
		if (!option) {
			option = {
				id: sandbox.nextId('option'),
				product_id: p.id,
				display_name: displayName,
				name: `${displayName}-${p.id}`,
				type: 'dropdown',
				sort_order: p.options.length,
				option_values: [],
			};
			p.options = [...p.options, option];
		}
		let value = option.option_values.find(
			(v) => v.label.toLowerCase() === String(label).toLowerCase(),
		);
		if (!value) {
			value = {
				id: sandbox.nextId('optionValue'),
				label,
				sort_order: option.option_values.length,
				is_default: false,
				value_data: null,
			};
			option.option_values.push(value);
		}
		return {
			id: value.id,
			label: value.label,
			option_id: option.id,
			option_display_name: option.display_name,
		};
	}

	/** Resolves a variant body's option_values ({id, option_id} or {option_display_name, label}). */
	function resolveOptionValues(p, list) {
		if (!Array.isArray(list)) return { error: 'option_values must be an array' };
		const out = [];
		for (const entry of list) {
			if (!entry || typeof entry !== 'object')
				return { error: 'option_values entries must be objects' };
			if (isInt(entry.id) && isInt(entry.option_id)) {
				const option = (p.options || []).find((o) => o.id === entry.option_id);
				const value = option && option.option_values.find((v) => v.id === entry.id);
				if (!value)
					return {
						error: `option value ${entry.id} of option ${entry.option_id} does not exist on product ${p.id}`,
					};
				out.push({
					id: value.id,
					label: value.label,
					option_id: option.id,
					option_display_name: option.display_name,
				});
			} else if (isStr(entry.option_display_name) && isStr(entry.label) && entry.label) {
				out.push(ensureOption(p, entry.option_display_name, entry.label));
			} else
				return {
					error: 'each option value needs id and option_id, or option_display_name and label',
				};
		}
		return { values: out };
	}

	const VARIANT_FIELDS = {
		sku: (v) =>
			(isStr(v) && v.length >= 1 && v.length <= 255) || 'must be a string of 1 to 255 characters',
		price: (v) => v === null || (isNum(v) && v >= 0) || 'must be a number of 0 or more, or null',
		sale_price: (v) =>
			v === null || (isNum(v) && v >= 0) || 'must be a number of 0 or more, or null',
		retail_price: (v) =>
			v === null || (isNum(v) && v >= 0) || 'must be a number of 0 or more, or null',
		cost_price: (v) =>
			v === null || (isNum(v) && v >= 0) || 'must be a number of 0 or more, or null',
		weight: (v) => v === null || (isNum(v) && v >= 0) || 'must be a number of 0 or more, or null',
		inventory_level: (v) => (isInt(v) && v >= 0) || 'must be a whole number of 0 or more',
		inventory_warning_level: (v) => (isInt(v) && v >= 0) || 'must be a whole number of 0 or more',
		purchasing_disabled: (v) => isBool(v) || 'must be a boolean',
		purchasing_disabled_message: (v) => (isStr(v) && v.length <= 255) || 'must be a string',
		image_url: (v) => isStr(v) || 'must be a string',
		upc: (v) => isStr(v) || 'must be a string',
		mpn: (v) => isStr(v) || 'must be a string',
		gtin: (v) => isStr(v) || 'must be a string',
		bin_picking_number: (v) => isStr(v) || 'must be a string',
	};
	function checkVariantFields(body) {
		const errors = {};
		for (const [field, value] of Object.entries(body)) {
			const check = VARIANT_FIELDS[field];
			if (check) {
				const ok = check(value);
				if (ok !== true) errors[field] = `The field '${field}' ${ok}.`;
			}
		}
		return errors;
	}
	function applyVariantFields(v, body, emitInventory = true) {
		const before = v.inventory_level;
		for (const field of Object.keys(VARIANT_FIELDS))
			if (body[field] !== undefined) v[field] = body[field];
		if (
			emitInventory &&
			body.inventory_level !== undefined &&
			v.inventory_level !== before &&
			v.option_values.length
		) {
			sandbox.emit('store/sku/inventory/updated', {
				type: 'sku',
				id: v.sku_id ?? v.id,
				inventory: {
					product_id: v.product_id,
					method: 'absolute',
					value: v.inventory_level,
					variant_id: v.id,
				},
			});
		}
	}

	function createVariant(p, body) {
		const errors = checkVariantFields(body);
		if (!isStr(body.sku) || !body.sku) errors.sku = "The field 'sku' is required.";
		if (Object.keys(errors).length) return err422(errors);
		if (findSkuOwner(body.sku))
			return v3Error(409, 'The SKU is already in use.', {
				sku: `The SKU "${body.sku}" is already in use.`,
			});
		if (!Array.isArray(body.option_values) || !body.option_values.length)
			return err422({
				option_values: "A variant needs option_values (the product's base variant already exists).",
			});
		const resolved = resolveOptionValues(p, body.option_values);
		if (resolved.error) return err422({ option_values: resolved.error });
		const key = (vals) =>
			vals
				.map((o) => o.id)
				.sort()
				.join(',');
		const wanted = key(resolved.values);
		if (p.variants.some((v) => v.option_values.length && key(v.option_values) === wanted))
			return v3Error(409, 'A variant with these option values already exists.', {
				option_values: 'duplicate combination',
			});
		const v = {
			id: sandbox.nextId('variant'),
			product_id: p.id,
			sku: body.sku,
			sku_id: sandbox.nextId('sku'),
			price: null,
			sale_price: null,
			inventory_level: 0,
			option_values: resolved.values,
		};
		applyVariantFields(v, body, false);
		// the base variant (no option values) gives way to the first real variant
		const base = p.variants.find((x) => !x.option_values.length);
		if (base) {
			p.variants = p.variants.filter((x) => x !== base);
			cat().variants.delete(base.id);
		}
		p.variants = [...p.variants, v];
		cat().variants.set(v.id, v);
		skuEvent('store/sku/created', v);
		return v;
	}

	function createProduct(body) {
		if (!body || typeof body !== 'object' || Array.isArray(body))
			return err422({ body: 'The request body must be a JSON object.' });
		const check = checkProductBody(body, { create: true });
		if (check.errors) return err422(check.errors);
		if (check.conflict)
			return v3Error(409, 'The product conflicts with another product.', check.conflict);
		const t = now();
		const p = {
			id: sandbox.nextId('product'),
			name: body.name.trim(),
			type: body.type,
			sku: body.sku || '',
			description: body.description ?? '',
			weight: body.weight,
			price: body.price,
			cost_price: 0,
			retail_price: 0,
			sale_price: 0,
			categories: [],
			brand_id: 0,
			inventory_level: 0,
			inventory_warning_level: 0,
			inventory_tracking: 'none',
			is_visible: true,
			is_featured: false,
			availability: 'available',
			condition: 'New',
			date_created: t,
			date_modified: t,
			channels: [1],
			variants: [],
			images: [],
		};
		applyProductFields(p, body);
		p.variants = [
			{
				id: sandbox.nextId('variant'),
				product_id: p.id,
				sku: p.sku,
				sku_id: null,
				price: null,
				sale_price: null,
				inventory_level: p.inventory_tracking === 'product' ? p.inventory_level : 0,
				option_values: [],
			},
		];
		cat().products.set(p.id, p);
		invalidateProducts();
		cat().variants.set(p.variants[0].id, p.variants[0]);
		sandbox.emit('store/product/created', { type: 'product', id: p.id });
		if (Array.isArray(body.variants)) {
			for (const vb of body.variants) {
				if (!vb || !Array.isArray(vb.option_values) || !vb.option_values.length) continue;
				const res = createVariant(p, vb);
				if (res && res.status) {
					removeProduct(p, false);
					return res;
				}
			}
		}
		if (Array.isArray(body.custom_fields)) {
			p.custom_fields = body.custom_fields
				.filter((f) => f && isStr(f.name) && isStr(f.value))
				.map((f) => ({ id: sandbox.nextId('customField'), name: f.name, value: f.value }));
		}
		if (Array.isArray(body.images)) {
			p.images = body.images
				.filter((i) => i && isStr(i.image_url))
				.map((i, k) => ({
					id: sandbox.nextId('image'),
					product_id: p.id,
					image_url: i.image_url,
					is_thumbnail: i.is_thumbnail ?? k === 0,
					sort_order: i.sort_order ?? k,
					description: i.description || '',
					date_modified: t,
				}));
		}
		if (Array.isArray(body.videos)) {
			p.videos = body.videos
				.filter((v) => v && isStr(v.video_id))
				.map((v, k) => ({
					id: sandbox.nextId('video'),
					product_id: p.id,
					video_id: v.video_id,
					title: v.title || '',
					description: v.description || '',
					sort_order: v.sort_order ?? k,
					type: 'youtube',
					length: '',
				}));
		}
		return p;
	}

	function removeProduct(p, emit = true) {
		cat().products.delete(p.id);
		invalidateProducts();
		for (const v of p.variants) {
			cat().variants.delete(v.id);
			if (emit && v.sku_id) skuEvent('store/sku/deleted', v);
		}
		if (emit) sandbox.emit('store/product/deleted', { type: 'product', id: p.id });
	}

	function updateProduct(p, body) {
		const check = checkProductBody(body, { create: false, productId: p.id });
		if (check.errors) return { status: 422, errors: check.errors };
		if (check.conflict) return { status: 409, errors: check.conflict };
		const stockBefore = inventoryOf(p);
		applyProductFields(p, body);
		touch(p);
		if (
			p.inventory_tracking === 'product' &&
			body.inventory_level !== undefined &&
			inventoryOf(p) !== stockBefore
		) {
			sandbox.emit('store/product/inventory/updated', {
				type: 'product',
				id: p.id,
				inventory: { product_id: p.id, method: 'absolute', value: inventoryOf(p) },
			});
		}
		return null;
	}

	// ---------- product list filters ----------

	const FILTER_INT = (v) => /^-?\d+$/.test(String(v));
	function buildProductFilter(query) {
		const tests = [];
		const bad = [];
		const ints = (name) => {
			const list = csv(query[name]);
			if (list.some((v) => !FILTER_INT(v))) bad.push(name);
			return list.map(Number);
		};
		const int = (name) => {
			if (!FILTER_INT(query[name])) bad.push(name);
			return Number(query[name]);
		};
		const time = (name) => {
			const t = Date.parse(
				/^\d+$/.test(String(query[name])) ? Number(query[name]) * 1000 : query[name],
			);
			if (Number.isNaN(t)) bad.push(name);
			return t;
		};
		const has = (name) => query[name] !== undefined && query[name] !== '';
		if (has('id')) {
			const v = int('id');
			tests.push((p) => p.id === v);
		}
		if (has('id:in')) {
			const s = new Set(ints('id:in'));
			tests.push((p) => s.has(p.id));
		}
		if (has('id:not_in')) {
			const s = new Set(ints('id:not_in'));
			tests.push((p) => !s.has(p.id));
		}
		if (has('id:min')) {
			const v = int('id:min');
			tests.push((p) => p.id >= v);
		}
		if (has('id:max')) {
			const v = int('id:max');
			tests.push((p) => p.id <= v);
		}
		if (has('id:greater')) {
			const v = int('id:greater');
			tests.push((p) => p.id > v);
		}
		if (has('id:less')) {
			const v = int('id:less');
			tests.push((p) => p.id < v);
		}
		if (has('name')) {
			const v = query.name.toLowerCase();
			tests.push((p) => p.name.toLowerCase() === v);
		}
		if (has('name:like')) {
			const v = query['name:like'].toLowerCase().replace(/%/g, '');
			tests.push((p) => p.name.toLowerCase().includes(v));
		}
		if (has('sku')) {
			const v = query.sku.toLowerCase();
			tests.push((p) => (p.sku || '').toLowerCase() === v);
		}
		if (has('sku:in')) {
			const s = new Set(csv(query['sku:in']).map((x) => x.toLowerCase()));
			tests.push((p) => s.has((p.sku || '').toLowerCase()));
		}
		if (has('keyword')) {
			const v = query.keyword.toLowerCase();
			tests.push((p) => {
				const brand = p.brand_id ? cat().brands.get(p.brand_id) : undefined;
				return (
					p.name.toLowerCase().includes(v) ||
					(p.sku || '').toLowerCase().includes(v) ||
					descriptionOf(p).toLowerCase().includes(v) ||
					(brand ? brand.name.toLowerCase().includes(v) : false)
				);
			});
		}
		if (has('categories')) {
			const v = int('categories');
			tests.push((p) => p.categories.length === 1 && p.categories[0] === v);
		}
		if (has('categories:in')) {
			const list = ints('categories:in');
			tests.push((p) => list.every((c) => p.categories.includes(c)));
		}
		if (has('brand_id')) {
			const v = int('brand_id');
			tests.push((p) => (p.brand_id || 0) === v);
		}
		if (has('is_visible')) {
			const raw = String(query.is_visible);
			if (!['true', 'false', '1', '0'].includes(raw)) bad.push('is_visible');
			const v = raw === 'true' || raw === '1';
			tests.push((p) => p.is_visible === v);
		}
		if (has('is_featured')) {
			const v = int('is_featured') === 1;
			tests.push((p) => p.is_featured === v);
		}
		if (has('availability')) {
			const v = query.availability;
			if (!AVAILABILITY.includes(v)) bad.push('availability');
			tests.push((p) => p.availability === v);
		}
		if (has('type')) {
			const v = query.type;
			if (!PRODUCT_TYPES.includes(v)) bad.push('type');
			tests.push((p) => p.type === v);
		}
		if (has('condition')) {
			const v = String(query.condition).toLowerCase();
			tests.push((p) => p.condition.toLowerCase() === v);
		}
		if (has('price')) {
			const v = Number(query.price);
			tests.push((p) => p.price === v);
		}
		if (has('inventory_level')) {
			const v = int('inventory_level');
			tests.push((p) => inventoryOf(p) === v);
		}
		if (has('inventory_level:in')) {
			const s = new Set(ints('inventory_level:in'));
			tests.push((p) => s.has(inventoryOf(p)));
		}
		if (has('inventory_level:min')) {
			const v = int('inventory_level:min');
			tests.push((p) => inventoryOf(p) >= v);
		}
		if (has('inventory_level:max')) {
			const v = int('inventory_level:max');
			tests.push((p) => inventoryOf(p) <= v);
		}
		if (has('inventory_level:greater')) {
			const v = int('inventory_level:greater');
			tests.push((p) => inventoryOf(p) > v);
		}
		if (has('inventory_level:less')) {
			const v = int('inventory_level:less');
			tests.push((p) => inventoryOf(p) < v);
		}
		if (has('inventory_low')) {
			const v = int('inventory_low') === 1;
			tests.push(
				(p) =>
					(p.inventory_tracking !== 'none' &&
						inventoryOf(p) <= (p.inventory_warning_level || 0)) === v,
			);
		}
		if (has('out_of_stock')) {
			const v = int('out_of_stock') === 1;
			tests.push((p) => (p.inventory_tracking !== 'none' && inventoryOf(p) === 0) === v);
		}
		if (has('date_modified')) {
			const v = time('date_modified');
			tests.push((p) => p.date_modified === v);
		}
		if (has('date_modified:min')) {
			const v = time('date_modified:min');
			tests.push((p) => p.date_modified >= v);
		}
		if (has('date_modified:max')) {
			const v = time('date_modified:max');
			tests.push((p) => p.date_modified <= v);
		}
		if (has('channel_id:in')) {
			const list = ints('channel_id:in');
			tests.push((p) => p.channels.some((c) => list.includes(c)));
		}
		return { test: (p) => tests.every((t) => t(p)), bad, empty: !tests.length };
	}

	/** Products in id order, cached between writes (100k-product stores page through it quickly). */
	let byIdCache = null;
	function productsById() {
		const map = cat().products;
		if (
			!byIdCache ||
			byIdCache.map !== map ||
			byIdCache.list.length !== map.size ||
			byIdCache.dirty
		) {
			const list = [...map.values()];
			for (let k = 1; k < list.length; k++) {
				if (list[k - 1].id > list[k].id) {
					list.sort((a, b) => a.id - b.id);
					break;
				}
			}
			byIdCache = { map, list, dirty: false };
		}
		return byIdCache.list;
	}
	const invalidateProducts = () => {
		if (byIdCache) byIdCache.dirty = true;
	};

	const SORTS = {
		id: (p) => p.id,
		name: (p) => p.name.toLowerCase(),
		sku: (p) => p.sku || '',
		price: (p) => p.price,
		date_modified: (p) => p.date_modified,
		date_last_imported: (p) => p.id,
		inventory_level: inventoryOf,
		is_visible: (p) => (p.is_visible ? 1 : 0),
		total_sold: (p) => p.total_sold || 0,
		calculated_price: calculated,
	};

	function listProducts(ctx) {
		const { query } = ctx;
		const inc = parseIncludes(query);
		if (inc.bad.length)
			return v3Error(400, `The include value "${inc.bad.join(',')}" is not valid.`, {
				include: `must be one of ${INCLUDES.join(', ')}`,
			});
		const filter = buildProductFilter(query);
		if (filter.bad.length)
			return err422(
				Object.fromEntries(filter.bad.map((b) => [b, `The filter '${b}' has an invalid value.`])),
				'The filter is invalid',
			);
		if (query.sort !== undefined && !SORTS[query.sort])
			return err422({ sort: `sort must be one of ${Object.keys(SORTS).join(', ')}` });
		if (query.direction !== undefined && !['asc', 'desc'].includes(query.direction))
			return err422({ direction: 'direction must be asc or desc' });
		let list;
		if (filter.empty) list = productsById();
		else {
			list = [];
			for (const p of productsById()) if (filter.test(p)) list.push(p);
		}
		const key = SORTS[query.sort || 'id'];
		const dir = query.direction === 'desc' ? -1 : 1;
		if (query.sort && query.sort !== 'id')
			list = [...list].sort((a, b) =>
				key(a) < key(b) ? -dir : key(a) > key(b) ? dir : a.id - b.id,
			);
		else if (dir === -1) list = [...list].reverse();
		let q = query;
		// with options or modifiers included, BigCommerce answers at most 10 products per page
		if (
			(inc.list.includes('options') || inc.list.includes('modifiers')) &&
			Number(query.limit ?? 50) > 10
		)
			q = { ...query, limit: '10' };
		return v3List(list, q, { map: (p) => productOut(p, inc.list) });
	}

	// ---------- routes: products ----------

	route('GET', '/catalog/products', listProducts);

	route('POST', '/catalog/products', (ctx) => {
		const result = createProduct(ctx.body);
		if (result.status) return result;
		const inc = parseIncludes(ctx.query);
		return v3One(productOut(result, inc.bad.length ? [] : inc.list));
	});

	route('PUT', '/catalog/products', (ctx) => {
		const body = ctx.body;
		if (!Array.isArray(body))
			return err422({ body: 'The request body must be an array of products.' });
		if (body.length > 10) return v3Error(413, 'The maximum items allowed in the array is 10');
		const missing = body
			.map((item, index) => (!item || !isInt(item.id) ? index : -1))
			.filter((x) => x >= 0);
		if (missing.length)
			return err422(
				Object.fromEntries(missing.map((i) => [`${i}.id`, "The field 'id' is required."])),
			);
		const done = [];
		const failed = {};
		let firstStatus = 0;
		const seen = new Set();
		for (const item of body) {
			const p = cat().products.get(item.id);
			if (!p) {
				failed[item.id] = `Product ${item.id} not found.`;
				firstStatus = firstStatus || 404;
				continue;
			}
			const { id, ...fields } = item;
			if (seen.has(id)) continue;
			seen.add(id);
			const problem = updateProduct(p, fields);
			if (problem) {
				failed[item.id] = Object.values(problem.errors).join(' ');
				firstStatus = firstStatus || problem.status;
				continue;
			}
			done.push(p);
		}
		const inc = parseIncludes(ctx.query);
		const data = done.map((p) => productOut(p, inc.bad.length ? [] : inc.list));
		if (!Object.keys(failed).length) return { status: 200, body: { data, meta: {} } };
		if (!done.length) return v3Error(firstStatus, 'None of the products were updated.', failed);
		return {
			status: 207,
			body: {
				data,
				errors: {
					status: firstStatus,
					title: 'Some products were not updated.',
					type: 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes',
					errors: failed,
				},
				meta: {},
			},
		};
	});

	route('DELETE', '/catalog/products', (ctx) => {
		const ids = csv(ctx.query['id:in']);
		if (!ids.length)
			return err422(
				{
					'id:in':
						'Deleting products requires an id:in filter in this sandbox (a broader filter would delete more than intended).',
				},
				'A filter is required',
			);
		if (ids.some((v) => !FILTER_INT(v)))
			return err422({ 'id:in': 'must be a comma-separated list of product IDs' });
		for (const id of ids.map(Number)) {
			const p = cat().products.get(id);
			if (p) removeProduct(p);
		}
		return noContent();
	});

	// ---------- channel and category assignments ----------

	function assignments(query, key) {
		const products = csv(query['product_id:in']).map(Number);
		const targets = csv(query[`${key}_id:in`]).map(Number);
		const out = [];
		for (const p of productsById()) {
			if (products.length && !products.includes(p.id)) continue;
			for (const target of key === 'channel' ? p.channels : p.categories) {
				if (targets.length && !targets.includes(target)) continue;
				out.push({ product_id: p.id, [`${key}_id`]: target });
			}
		}
		return out;
	}
	function assign(ctx, key) {
		const body = ctx.body;
		const field = `${key}_id`;
		if (!Array.isArray(body) || !body.length)
			return err422({
				body: `The request body must be a non-empty array of {product_id, ${field}}.`,
			});
		const errors = {};
		body.forEach((a, k) => {
			if (!a || !isInt(a.product_id) || !cat().products.has(a.product_id))
				errors[`${k}.product_id`] = 'Unknown product.';
			if (!a || !isInt(a[field])) errors[`${k}.${field}`] = `The field '${field}' is required.`;
			else if (key === 'category' && !cat().categories.has(a[field]))
				errors[`${k}.${field}`] = 'Unknown category.';
		});
		if (Object.keys(errors).length) return err422(errors);
		for (const a of body) {
			const p = cat().products.get(a.product_id);
			const list = key === 'channel' ? p.channels : p.categories;
			if (list.includes(a[field])) continue;
			if (key === 'channel') p.channels = [...list, a[field]];
			else p.categories = [...list, a[field]];
			touch(p);
		}
		return noContent();
	}
	function unassign(ctx, key) {
		const products = csv(ctx.query['product_id:in']).map(Number);
		const targets = csv(ctx.query[`${key}_id:in`]).map(Number);
		if (!products.length && !targets.length)
			return err422({ filter: `A product_id:in or ${key}_id:in filter is required.` });
		for (const p of productsById()) {
			if (products.length && !products.includes(p.id)) continue;
			const list = key === 'channel' ? p.channels : p.categories;
			const kept = list.filter((t) => targets.length && !targets.includes(t));
			if (kept.length === list.length) continue;
			if (key === 'channel') p.channels = kept;
			else p.categories = kept;
			touch(p);
		}
		return noContent();
	}
	route('GET', '/catalog/products/channel-assignments', (ctx) =>
		v3List(assignments(ctx.query, 'channel'), ctx.query),
	);
	route('PUT', '/catalog/products/channel-assignments', (ctx) => assign(ctx, 'channel'));
	route('DELETE', '/catalog/products/channel-assignments', (ctx) => unassign(ctx, 'channel'));
	route('GET', '/catalog/products/category-assignments', (ctx) =>
		v3List(assignments(ctx.query, 'category'), ctx.query),
	);
	route('PUT', '/catalog/products/category-assignments', (ctx) => assign(ctx, 'category'));
	route('DELETE', '/catalog/products/category-assignments', (ctx) => unassign(ctx, 'category'));

	route('GET', '/catalog/products/:product_id', (ctx) => {
		const p = productOr404(ctx);
		if (!p) return notFound('The requested product was not found.');
		const inc = parseIncludes(ctx.query);
		if (inc.bad.length)
			return v3Error(400, `The include value "${inc.bad.join(',')}" is not valid.`);
		return v3One(productOut(p, inc.list), 200, ctx.query);
	});

	route('PUT', '/catalog/products/:product_id', (ctx) => {
		const p = productOr404(ctx);
		if (!p) return notFound('The requested product was not found.');
		if (!ctx.body || typeof ctx.body !== 'object' || Array.isArray(ctx.body))
			return err422({ body: 'The request body must be a JSON object.' });
		const problem = updateProduct(p, ctx.body);
		if (problem)
			return problem.status === 409
				? v3Error(409, 'The product conflicts with another product.', problem.errors)
				: err422(problem.errors);
		const inc = parseIncludes(ctx.query);
		return v3One(productOut(p, inc.bad.length ? [] : inc.list));
	});

	route('DELETE', '/catalog/products/:product_id', (ctx) => {
		const p = productOr404(ctx);
		if (p) removeProduct(p);
		return noContent();
	});

	// ---------- variants ----------

	route('GET', '/catalog/products/:product_id/variants', (ctx) => {
		const p = productOr404(ctx);
		if (!p) return notFound('The requested product was not found.');
		return v3List(p.variants, ctx.query, { map: (v) => variantOut(v, p) });
	});
	route('POST', '/catalog/products/:product_id/variants', (ctx) => {
		const p = productOr404(ctx);
		if (!p) return notFound('The requested product was not found.');
		if (!ctx.body || typeof ctx.body !== 'object' || Array.isArray(ctx.body))
			return err422({ body: 'The request body must be a JSON object.' });
		const res = createVariant(p, ctx.body);
		if (res.status) return res;
		touch(p);
		return v3One(variantOut(res, p));
	});
	const variantOf = (ctx) => {
		const p = productOr404(ctx);
		const v = p && p.variants.find((x) => x.id === Number(ctx.params.variant_id));
		return { p, v };
	};
	route('GET', '/catalog/products/:product_id/variants/:variant_id', (ctx) => {
		const { p, v } = variantOf(ctx);
		if (!v) return notFound('The requested variant was not found.');
		return v3One(variantOut(v, p), 200, ctx.query);
	});
	route('PUT', '/catalog/products/:product_id/variants/:variant_id', (ctx) => {
		const { p, v } = variantOf(ctx);
		if (!v) return notFound('The requested variant was not found.');
		const body = ctx.body || {};
		const errors = checkVariantFields(body);
		if (Object.keys(errors).length) return err422(errors);
		if (
			body.sku &&
			findSkuOwner(body.sku, {
				variantId: v.id,
				productId: p.options && p.options.length ? undefined : p.id,
			})
		)
			return v3Error(409, 'The SKU is already in use.', {
				sku: `The SKU "${body.sku}" is already in use.`,
			});
		applyVariantFields(v, body);
		if (body.sku && !v.option_values.length) p.sku = body.sku;
		touch(p);
		skuEvent('store/sku/updated', v);
		return v3One(variantOut(v, p));
	});
	route('DELETE', '/catalog/products/:product_id/variants/:variant_id', (ctx) => {
		const { p, v } = variantOf(ctx);
		if (v) {
			p.variants = p.variants.filter((x) => x !== v);
			cat().variants.delete(v.id);
			touch(p);
			skuEvent('store/sku/deleted', v);
		}
		return noContent();
	});

	route('GET', '/catalog/variants', (ctx) => {
		const q = ctx.query;
		let list = [...cat().variants.values()];
		if (q.id !== undefined) list = list.filter((v) => v.id === Number(q.id));
		if (q['id:in'] !== undefined) {
			const s = new Set(csv(q['id:in']).map(Number));
			list = list.filter((v) => s.has(v.id));
		}
		if (q.sku !== undefined) {
			const s = String(q.sku).toLowerCase();
			list = list.filter((v) => v.sku.toLowerCase() === s);
		}
		if (q.upc !== undefined) list = list.filter((v) => (v.upc || '') === q.upc);
		if (q['product_id:in'] !== undefined) {
			const s = new Set(csv(q['product_id:in']).map(Number));
			list = list.filter((v) => s.has(v.product_id));
		}
		list.sort((a, b) => a.id - b.id);
		return v3List(list, q, { map: (v) => variantOut(v, cat().products.get(v.product_id)) });
	});
	route('PUT', '/catalog/variants', (ctx) => {
		const body = ctx.body;
		if (!Array.isArray(body))
			return err422({ body: 'The request body must be an array of variants.' });
		if (body.length > 50) return v3Error(413, 'The maximum items allowed in the array is 50');
		const errors = {};
		body.forEach((item, index) => {
			if (!item || !isInt(item.id)) errors[`${index}.id`] = "The field 'id' is required.";
			else if (!cat().variants.has(item.id))
				errors[`${index}.id`] = `Variant ${item.id} not found.`;
			else
				Object.assign(
					errors,
					Object.fromEntries(
						Object.entries(checkVariantFields(item)).map(([k, m]) => [`${index}.${k}`, m]),
					),
				);
		});
		if (Object.keys(errors).length) return err422(errors);
		const out = [];
		const touched = new Set();
		for (const item of body) {
			const v = cat().variants.get(item.id);
			applyVariantFields(v, item);
			const p = cat().products.get(v.product_id);
			if (!touched.has(p)) touch(p);
			touched.add(p);
			skuEvent('store/sku/updated', v);
			out.push(variantOut(v, p));
		}
		return { status: 200, body: { data: out, meta: {} } };
	});

	// ---------- options, modifiers ----------

	route('GET', '/catalog/products/:product_id/options', (ctx) => {
		const p = productOr404(ctx);
		if (!p) return notFound('The requested product was not found.');
		return v3List(p.options || [], ctx.query, { map: optionOut });
	});
	route('POST', '/catalog/products/:product_id/options', (ctx) => {
		const p = productOr404(ctx);
		if (!p) return notFound('The requested product was not found.');
		const b = ctx.body || {};
		const types = [
			'radio_buttons',
			'rectangles',
			'dropdown',
			'product_list',
			'product_list_with_images',
			'swatch',
		];
		const errors = {};
		if (!isStr(b.display_name) || !b.display_name)
			errors.display_name = "The field 'display_name' is required.";
		if (!types.includes(b.type))
			errors.type = `The field 'type' must be one of ${types.join(', ')}.`;
		if (
			!Array.isArray(b.option_values) ||
			!b.option_values.length ||
			b.option_values.some((v) => !v || !isStr(v.label) || !v.label)
		)
			errors.option_values = 'option_values must be a non-empty array of {label, sort_order}.';
		if (Object.keys(errors).length) return err422(errors);
		if (
			(p.options || []).some((o) => o.display_name.toLowerCase() === b.display_name.toLowerCase())
		)
			return v3Error(409, 'An option with this display name already exists.', {
				display_name: 'duplicate',
			});
		const option = {
			id: sandbox.nextId('option'),
			product_id: p.id,
			display_name: b.display_name,
			name: `${b.display_name}-${p.id}`,
			type: b.type,
			sort_order: isInt(b.sort_order) ? b.sort_order : (p.options || []).length,
			option_values: b.option_values.map((v, k) => ({
				id: sandbox.nextId('optionValue'),
				label: v.label,
				sort_order: isInt(v.sort_order) ? v.sort_order : k,
				is_default: !!v.is_default,
				value_data: v.value_data ?? null,
			})),
		};
		p.options = [...(p.options || []), option];
		touch(p);
		return v3One(optionOut(option));
	});
	const optionOf = (ctx) => {
		const p = productOr404(ctx);
		return { p, o: p && (p.options || []).find((x) => x.id === Number(ctx.params.option_id)) };
	};
	route('GET', '/catalog/products/:product_id/options/:option_id', (ctx) => {
		const { o } = optionOf(ctx);
		return o
			? v3One(optionOut(o), 200, ctx.query)
			: notFound('The requested option was not found.');
	});
	route('PUT', '/catalog/products/:product_id/options/:option_id', (ctx) => {
		const { p, o } = optionOf(ctx);
		if (!o) return notFound('The requested option was not found.');
		const b = ctx.body || {};
		if (b.display_name !== undefined) {
			if (!isStr(b.display_name) || !b.display_name)
				return err422({ display_name: 'must be a non-empty string' });
			o.display_name = b.display_name;
			for (const v of p.variants)
				for (const ov of v.option_values)
					if (ov.option_id === o.id) ov.option_display_name = b.display_name;
		}
		if (isInt(b.sort_order)) o.sort_order = b.sort_order;
		touch(p);
		sandbox.emit('store/option/updated', { type: 'option', id: o.id, product_id: p.id });
		return v3One(optionOut(o));
	});
	route('DELETE', '/catalog/products/:product_id/options/:option_id', (ctx) => {
		const { p, o } = optionOf(ctx);
		if (o) {
			p.options = p.options.filter((x) => x !== o);
			for (const v of p.variants.filter((x) =>
				x.option_values.some((ov) => ov.option_id === o.id),
			)) {
				cat().variants.delete(v.id);
				skuEvent('store/sku/deleted', v);
			}
			p.variants = p.variants.filter((x) => !x.option_values.some((ov) => ov.option_id === o.id));
			touch(p);
		}
		return noContent();
	});
	route('GET', '/catalog/products/:product_id/options/:option_id/values', (ctx) => {
		const { o } = optionOf(ctx);
		if (!o) return notFound('The requested option was not found.');
		return v3List(o.option_values, ctx.query, { map: (v) => ({ ...v }) });
	});
	route('GET', '/catalog/products/:product_id/options/:option_id/values/:value_id', (ctx) => {
		const { o } = optionOf(ctx);
		const v = o && o.option_values.find((x) => x.id === Number(ctx.params.value_id));
		return v
			? v3One({ ...v }, 200, ctx.query)
			: notFound('The requested option value was not found.');
	});
	route('POST', '/catalog/products/:product_id/options/:option_id/values', (ctx) => {
		const { p, o } = optionOf(ctx);
		if (!o) return notFound('The requested option was not found.');
		const b = ctx.body || {};
		if (!isStr(b.label) || !b.label) return err422({ label: "The field 'label' is required." });
		if (!isInt(b.sort_order)) return err422({ sort_order: "The field 'sort_order' is required." });
		const v = {
			id: sandbox.nextId('optionValue'),
			label: b.label,
			sort_order: b.sort_order,
			is_default: !!b.is_default,
			value_data: b.value_data ?? null,
		};
		o.option_values.push(v);
		touch(p);
		return v3One({ ...v });
	});

	route('GET', '/catalog/products/:product_id/modifiers', (ctx) => {
		const p = productOr404(ctx);
		if (!p) return notFound('The requested product was not found.');
		return v3List(p.modifiers || [], ctx.query, { map: modifierOut });
	});
	route('GET', '/catalog/products/:product_id/modifiers/:modifier_id', (ctx) => {
		const p = productOr404(ctx);
		const m = p && (p.modifiers || []).find((x) => x.id === Number(ctx.params.modifier_id));
		return m
			? v3One(modifierOut(m), 200, ctx.query)
			: notFound('The requested modifier was not found.');
	});

	// ---------- bulk pricing (read) ----------

	route('GET', '/catalog/products/:product_id/bulk-pricing-rules', (ctx) => {
		const p = productOr404(ctx);
		if (!p) return notFound('The requested product was not found.');
		return v3List(p.bulk_pricing_rules || [], ctx.query, { map: ruleOut });
	});
	route('GET', '/catalog/products/:product_id/bulk-pricing-rules/:rule_id', (ctx) => {
		const p = productOr404(ctx);
		const r = p && (p.bulk_pricing_rules || []).find((x) => x.id === Number(ctx.params.rule_id));
		return r ? v3One(ruleOut(r)) : notFound('The requested bulk pricing rule was not found.');
	});

	// ---------- images, videos, custom fields (one generic sub-collection) ----------

	function subCollection({ path, param, key, out, check, create, update, label }) {
		const find = (ctx) => {
			const p = productOr404(ctx);
			const list = p ? p[key] || [] : [];
			return { p, item: list.find((x) => x.id === Number(ctx.params[param])) };
		};
		route('GET', `/catalog/products/:product_id/${path}`, (ctx) => {
			const p = productOr404(ctx);
			if (!p) return notFound('The requested product was not found.');
			return v3List(p[key] || [], ctx.query, { map: out });
		});
		route('POST', `/catalog/products/:product_id/${path}`, (ctx) => {
			const p = productOr404(ctx);
			if (!p) return notFound('The requested product was not found.');
			const body = ctx.body;
			if (!body || typeof body !== 'object' || Array.isArray(body))
				return err422({ body: 'The request body must be a JSON object.' });
			const problem = check(body, true, p);
			if (problem) return problem;
			const item = create(body, p);
			p[key] = [...(p[key] || []), item];
			touch(p);
			return v3One(out(item));
		});
		route('GET', `/catalog/products/:product_id/${path}/:${param}`, (ctx) => {
			const { item } = find(ctx);
			return item
				? v3One(out(item), 200, ctx.query)
				: notFound(`The requested ${label} was not found.`);
		});
		route('PUT', `/catalog/products/:product_id/${path}/:${param}`, (ctx) => {
			const { p, item } = find(ctx);
			if (!item) return notFound(`The requested ${label} was not found.`);
			const body = ctx.body;
			if (!body || typeof body !== 'object' || Array.isArray(body))
				return err422({ body: 'The request body must be a JSON object.' });
			const problem = check(body, false, p, item);
			if (problem) return problem;
			update(item, body, p);
			touch(p);
			return v3One(out(item));
		});
		route('DELETE', `/catalog/products/:product_id/${path}/:${param}`, (ctx) => {
			const { p, item } = find(ctx);
			if (item) {
				p[key] = p[key].filter((x) => x !== item);
				touch(p);
			}
			return noContent();
		});
	}

	const IMAGE_URL = /^https?:\/\/[^\s/]+\/\S*\.(bmp|gif|jpe?g|png|wbmp|xbm|webp)(\?\S*)?$/i;
	subCollection({
		path: 'images',
		param: 'image_id',
		key: 'images',
		label: 'image',
		out: imageOut,
		check(body, create) {
			if (create && body.image_url === undefined)
				return err422({
					image_url:
						"The field 'image_url' is required (or upload image_file as multipart/form-data).",
				});
			if (
				body.image_url !== undefined &&
				(!isStr(body.image_url) || body.image_url.length > 255 || !IMAGE_URL.test(body.image_url))
			)
				return v3Error(400, 'The image URL is invalid.', {
					image_url:
						'must be an http(s) URL of a BMP, GIF, JPEG, PNG, WBMP, XBM or WEBP image, at most 255 characters',
				});
			if (body.is_thumbnail !== undefined && !isBool(body.is_thumbnail))
				return err422({ is_thumbnail: 'must be a boolean' });
			if (body.sort_order !== undefined && !isInt(body.sort_order))
				return err422({ sort_order: 'must be an integer' });
			if (body.description !== undefined && !isStr(body.description))
				return err422({ description: 'must be a string' });
			return null;
		},
		create(body, p) {
			const first = !p.images.length;
			const img = {
				id: sandbox.nextId('image'),
				product_id: p.id,
				image_url: body.image_url,
				is_thumbnail: body.is_thumbnail ?? first,
				sort_order: body.sort_order ?? p.images.length,
				description: body.description || '',
				date_modified: now(),
			};
			if (img.is_thumbnail) for (const other of p.images) other.is_thumbnail = false;
			return img;
		},
		update(img, body, p) {
			if (body.is_thumbnail === true) for (const other of p.images) other.is_thumbnail = false;
			for (const f of ['image_url', 'is_thumbnail', 'sort_order', 'description'])
				if (body[f] !== undefined) img[f] = body[f];
			img.date_modified = now();
		},
	});

	subCollection({
		path: 'videos',
		param: 'id',
		key: 'videos',
		label: 'video',
		out: videoOut,
		check(body, create) {
			if (create && (!isStr(body.video_id) || !body.video_id))
				return err422({ video_id: "The field 'video_id' is required." });
			if (body.video_id !== undefined && (!isStr(body.video_id) || body.video_id.length > 25))
				return err422({ video_id: 'must be a YouTube video ID of at most 25 characters' });
			if (body.type !== undefined && body.type !== 'youtube')
				return err422({ type: 'must be youtube' });
			if (body.title !== undefined && (!isStr(body.title) || body.title.length > 255))
				return err422({ title: 'must be a string of at most 255 characters' });
			return null;
		},
		create(body, p) {
			return {
				id: sandbox.nextId('video'),
				product_id: p.id,
				video_id: body.video_id,
				title: body.title || '',
				description: body.description || '',
				sort_order: isInt(body.sort_order) ? body.sort_order : (p.videos || []).length,
				type: 'youtube',
				length: '',
			};
		},
		update(video, body) {
			for (const f of ['video_id', 'title', 'description', 'sort_order'])
				if (body[f] !== undefined) video[f] = body[f];
		},
	});

	subCollection({
		path: 'custom-fields',
		param: 'custom_field_id',
		key: 'custom_fields',
		label: 'custom field',
		out: fieldOut,
		check(body, create, p, item) {
			const errors = {};
			for (const f of ['name', 'value']) {
				if (create && body[f] === undefined) errors[f] = `The field '${f}' is required.`;
				else if (
					body[f] !== undefined &&
					(!isStr(body[f]) || body[f].length < 1 || body[f].length > 250)
				)
					errors[f] = `The field '${f}' must be a string of 1 to 250 characters.`;
			}
			if (Object.keys(errors).length) return err422(errors);
			const name = body.name ?? item?.name;
			const value = body.value ?? item?.value;
			if ((p.custom_fields || []).some((f) => f !== item && f.name === name && f.value === value))
				return err422({
					name: 'A custom field with this name and value already exists on the product.',
				});
			if (create && (p.custom_fields || []).length >= 200)
				return err422({ custom_fields: 'A product can have at most 200 custom fields.' });
			return null;
		},
		create(body) {
			return { id: sandbox.nextId('customField'), name: body.name, value: body.value };
		},
		update(field, body) {
			if (body.name !== undefined) field.name = body.name;
			if (body.value !== undefined) field.value = body.value;
		},
	});

	// ---------- categories (legacy single tree) ----------

	const CATEGORY_SORTS = ['name', 'id', 'parent_id', 'sort_order'];
	const CATEGORY_FIELDS = [
		'name',
		'parent_id',
		'description',
		'views',
		'sort_order',
		'page_title',
		'search_keywords',
		'meta_keywords',
		'meta_description',
		'layout_file',
		'is_visible',
		'default_product_sort',
		'image_url',
		'custom_url',
	];
	const categoryOut = (c) => {
		const out = { ...c, meta_keywords: [...c.meta_keywords], custom_url: { ...c.custom_url } };
		delete out.tree_id; // the legacy shape has no tree
		return out;
	};
	/** The legacy /catalog/categories endpoints see only the default channel's tree (1). */
	const legacyTree = (c) => (c.tree_id ?? 1) === 1;

	function filterByIds(query, list, field = 'id') {
		const num = (k) => Number(query[k]);
		if (query[field] !== undefined) list = list.filter((x) => x[field] === num(field));
		if (query[`${field}:in`] !== undefined) {
			const s = new Set(csv(query[`${field}:in`]).map(Number));
			list = list.filter((x) => s.has(x[field]));
		}
		if (query[`${field}:not_in`] !== undefined) {
			const s = new Set(csv(query[`${field}:not_in`]).map(Number));
			list = list.filter((x) => !s.has(x[field]));
		}
		if (query[`${field}:min`] !== undefined)
			list = list.filter((x) => x[field] >= num(`${field}:min`));
		if (query[`${field}:max`] !== undefined)
			list = list.filter((x) => x[field] <= num(`${field}:max`));
		if (query[`${field}:greater`] !== undefined)
			list = list.filter((x) => x[field] > num(`${field}:greater`));
		if (query[`${field}:less`] !== undefined)
			list = list.filter((x) => x[field] < num(`${field}:less`));
		return list;
	}
	function filterCategories(query) {
		let list = [...cat().categories.values()].filter(legacyTree);
		list = filterByIds(query, list, 'id');
		list = filterByIds(query, list, 'parent_id');
		if (query.name !== undefined)
			list = list.filter((c) => c.name.toLowerCase() === String(query.name).toLowerCase());
		if (query['name:like'] !== undefined)
			list = list.filter((c) =>
				c.name.toLowerCase().includes(String(query['name:like']).toLowerCase().replace(/%/g, '')),
			);
		if (query.page_title !== undefined)
			list = list.filter((c) => c.page_title === query.page_title);
		if (query['page_title:like'] !== undefined)
			list = list.filter((c) =>
				c.page_title.toLowerCase().includes(String(query['page_title:like']).toLowerCase()),
			);
		if (query.keyword !== undefined) {
			const k = String(query.keyword).toLowerCase();
			list = list.filter(
				(c) =>
					c.name.toLowerCase().includes(k) ||
					c.description.toLowerCase().includes(k) ||
					c.search_keywords.toLowerCase().includes(k),
			);
		}
		if (query.is_visible !== undefined) {
			const v = query.is_visible === 'true' || query.is_visible === '1';
			list = list.filter((c) => c.is_visible === v);
		}
		return list;
	}
	function checkCategory(body, create, existing) {
		const errors = {};
		if (create && (!isStr(body.name) || !body.name.trim()))
			errors.name = "The field 'name' is required.";
		if (create && body.parent_id === undefined)
			errors.parent_id = "The field 'parent_id' is required.";
		if (
			body.name !== undefined &&
			(!isStr(body.name) || body.name.length < 1 || body.name.length > 50)
		)
			errors.name = "The field 'name' must be a string of 1 to 50 characters.";
		if (body.parent_id !== undefined) {
			if (!isInt(body.parent_id) || body.parent_id < 0)
				errors.parent_id = "The field 'parent_id' must be a category ID or 0.";
			else if (
				body.parent_id !== 0 &&
				!(
					cat().categories.has(body.parent_id) &&
					(cat().categories.get(body.parent_id).tree_id ?? 1) ===
						(existing ? (existing.tree_id ?? 1) : 1)
				)
			)
				errors.parent_id = `Parent category ${body.parent_id} not found.`;
			else if (existing) {
				for (
					let c = cat().categories.get(body.parent_id);
					c;
					c = cat().categories.get(c.parent_id)
				) {
					if (c.id === existing.id) {
						errors.parent_id = 'A category cannot be moved below itself.';
						break;
					}
				}
			}
		}
		if (body.is_visible !== undefined && !isBool(body.is_visible))
			errors.is_visible = "The field 'is_visible' must be a boolean.";
		if (body.sort_order !== undefined && !isInt(body.sort_order))
			errors.sort_order = "The field 'sort_order' must be an integer.";
		if (
			body.meta_keywords !== undefined &&
			(!Array.isArray(body.meta_keywords) || body.meta_keywords.some((k) => !isStr(k)))
		)
			errors.meta_keywords = 'must be an array of strings';
		for (const f of [
			'description',
			'page_title',
			'search_keywords',
			'meta_description',
			'layout_file',
			'image_url',
		])
			if (body[f] !== undefined && !isStr(body[f]))
				errors[f] = `The field '${f}' must be a string.`;
		if (Object.keys(errors).length) return err422(errors);
		const name = body.name ?? existing?.name;
		const parent = body.parent_id ?? existing?.parent_id;
		for (const c of cat().categories.values()) {
			if (
				c !== existing &&
				(c.tree_id ?? 1) === (existing ? (existing.tree_id ?? 1) : 1) &&
				c.parent_id === parent &&
				c.name.toLowerCase() === String(name).trim().toLowerCase()
			)
				return v3Error(409, 'Category name conflicts with an existing category at this level.', {
					name: `"${name}" already exists under parent ${parent}.`,
				});
		}
		return null;
	}
	function deleteCategory(c) {
		const doomed = [c.id];
		for (let k = 0; k < doomed.length; k++)
			for (const x of cat().categories.values()) if (x.parent_id === doomed[k]) doomed.push(x.id);
		for (const id of doomed) {
			cat().categories.delete(id);
			sandbox.emit('store/category/deleted', { type: 'category', id });
		}
		const gone = new Set(doomed);
		for (const p of cat().products.values()) {
			if (p.categories.some((x) => gone.has(x))) {
				p.categories = p.categories.filter((x) => !gone.has(x));
				touch(p, false);
			}
		}
	}

	route('GET', '/catalog/categories', (ctx) => {
		const q = ctx.query;
		if (q.sort !== undefined && !CATEGORY_SORTS.includes(q.sort))
			return err422({ sort: `sort must be one of ${CATEGORY_SORTS.join(', ')}` });
		const list = filterCategories(q);
		const key = q.sort || 'id';
		list.sort((a, b) => (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : a.id - b.id));
		if (q.direction === 'desc') list.reverse();
		return v3List(list, q, { map: categoryOut });
	});
	route('POST', '/catalog/categories', (ctx) => {
		const body = ctx.body;
		if (!body || typeof body !== 'object' || Array.isArray(body))
			return err422({ body: 'The request body must be a JSON object.' });
		const problem = checkCategory(body, true);
		if (problem) return problem;
		const c = {
			id: sandbox.nextId('category'),
			tree_id: 1,
			parent_id: 0,
			name: '',
			description: '',
			views: 0,
			sort_order: 0,
			page_title: '',
			meta_keywords: [],
			meta_description: '',
			layout_file: 'category.html',
			image_url: '',
			is_visible: true,
			search_keywords: '',
			default_product_sort: 'use_store_settings',
			custom_url: { url: slug(body.name), is_customized: false },
		};
		applyFields(c, body, CATEGORY_FIELDS);
		c.name = c.name.trim();
		cat().categories.set(c.id, c);
		sandbox.emit('store/category/created', { type: 'category', id: c.id });
		return v3One(categoryOut(c));
	});
	route('DELETE', '/catalog/categories', (ctx) => {
		const q = ctx.query;
		const filters = Object.keys(q).filter((k) =>
			/^(id|parent_id|name|page_title|keyword|is_visible)(:|$)/.test(k),
		);
		if (!filters.length)
			return err422(
				{ filter: 'Deleting categories requires a filter such as id:in.' },
				'A filter is required',
			);
		for (const c of filterCategories(q)) if (cat().categories.has(c.id)) deleteCategory(c);
		return noContent();
	});
	const categoryOf = (ctx) => {
		const c = cat().categories.get(Number(ctx.params.category_id));
		return c && legacyTree(c) ? c : undefined;
	};
	route('GET', '/catalog/categories/:category_id', (ctx) => {
		const c = categoryOf(ctx);
		return c
			? v3One(categoryOut(c), 200, ctx.query)
			: notFound('The requested category was not found.');
	});
	route('PUT', '/catalog/categories/:category_id', (ctx) => {
		const c = categoryOf(ctx);
		if (!c) return notFound('The requested category was not found.');
		const body = ctx.body;
		if (!body || typeof body !== 'object' || Array.isArray(body))
			return err422({ body: 'The request body must be a JSON object.' });
		const problem = checkCategory(body, false, c);
		if (problem) return problem;
		applyFields(c, body, CATEGORY_FIELDS);
		sandbox.emit('store/category/updated', { type: 'category', id: c.id });
		return v3One(categoryOut(c));
	});
	route('DELETE', '/catalog/categories/:category_id', (ctx) => {
		const c = categoryOf(ctx);
		if (c) deleteCategory(c);
		return noContent();
	});

	// ---------- brands ----------

	const BRAND_FIELDS = [
		'name',
		'page_title',
		'meta_keywords',
		'meta_description',
		'search_keywords',
		'image_url',
		'custom_url',
	];
	const brandOut = (b) => ({
		...b,
		meta_keywords: [...b.meta_keywords],
		custom_url: { ...b.custom_url },
	});
	function filterBrands(query) {
		let list = filterByIds(query, [...cat().brands.values()], 'id');
		if (query.name !== undefined)
			list = list.filter((b) => b.name.toLowerCase() === String(query.name).toLowerCase());
		if (query['name:like'] !== undefined)
			list = list.filter((b) =>
				b.name.toLowerCase().includes(String(query['name:like']).toLowerCase().replace(/%/g, '')),
			);
		if (query.page_title !== undefined)
			list = list.filter((b) => b.page_title === query.page_title);
		return list;
	}
	function checkBrand(body, create, existing) {
		const errors = {};
		if (create && body.name === undefined) errors.name = "The field 'name' is required.";
		if (
			body.name !== undefined &&
			(!isStr(body.name) || !body.name.trim() || body.name.length > 255)
		)
			errors.name = "The field 'name' must be a string of 1 to 255 characters.";
		if (
			body.meta_keywords !== undefined &&
			(!Array.isArray(body.meta_keywords) || body.meta_keywords.some((k) => !isStr(k)))
		)
			errors.meta_keywords = 'must be an array of strings';
		for (const f of ['page_title', 'meta_description', 'search_keywords', 'image_url'])
			if (body[f] !== undefined && !isStr(body[f]))
				errors[f] = `The field '${f}' must be a string.`;
		if (Object.keys(errors).length) return err422(errors);
		if (body.name !== undefined) {
			for (const b of cat().brands.values())
				if (b !== existing && b.name.toLowerCase() === body.name.trim().toLowerCase())
					return v3Error(409, 'Brand name is a duplicate.', {
						name: `A brand named "${body.name}" already exists.`,
					});
		}
		return null;
	}
	function deleteBrand(b) {
		cat().brands.delete(b.id);
		for (const p of cat().products.values()) if (p.brand_id === b.id) p.brand_id = 0;
	}
	route('GET', '/catalog/brands', (ctx) => {
		const q = ctx.query;
		if (q.sort !== undefined && q.sort !== 'name') return err422({ sort: 'sort must be name' });
		const list = filterBrands(q);
		if (q.sort === 'name') list.sort((a, b) => a.name.localeCompare(b.name));
		else list.sort((a, b) => a.id - b.id);
		if (q.direction === 'desc') list.reverse();
		return v3List(list, q, { map: brandOut });
	});
	route('POST', '/catalog/brands', (ctx) => {
		const body = ctx.body;
		if (!body || typeof body !== 'object' || Array.isArray(body))
			return err422({ body: 'The request body must be a JSON object.' });
		const problem = checkBrand(body, true);
		if (problem) return problem;
		const b = {
			id: sandbox.nextId('brand'),
			name: '',
			page_title: '',
			meta_keywords: [],
			meta_description: '',
			search_keywords: '',
			image_url: '',
			custom_url: { url: slug(`brands ${body.name}`), is_customized: false },
		};
		applyFields(b, body, BRAND_FIELDS);
		b.name = b.name.trim();
		cat().brands.set(b.id, b);
		return v3One(brandOut(b));
	});
	route('DELETE', '/catalog/brands', (ctx) => {
		const q = ctx.query;
		if (q.name === undefined && q.page_title === undefined && q['id:in'] === undefined)
			return err422(
				{ filter: 'Deleting brands requires a name, page_title or id:in filter.' },
				'A filter is required',
			);
		for (const b of filterBrands(q)) deleteBrand(b);
		return noContent();
	});
	const brandOf = (ctx) => cat().brands.get(Number(ctx.params.brand_id));
	route('GET', '/catalog/brands/:brand_id', (ctx) => {
		const b = brandOf(ctx);
		return b ? v3One(brandOut(b), 200, ctx.query) : notFound('The requested brand was not found.');
	});
	route('PUT', '/catalog/brands/:brand_id', (ctx) => {
		const b = brandOf(ctx);
		if (!b) return notFound('The requested brand was not found.');
		const body = ctx.body;
		if (!body || typeof body !== 'object' || Array.isArray(body))
			return err422({ body: 'The request body must be a JSON object.' });
		const problem = checkBrand(body, false, b);
		if (problem) return problem;
		applyFields(b, body, BRAND_FIELDS);
		return v3One(brandOut(b));
	});
	route('DELETE', '/catalog/brands/:brand_id', (ctx) => {
		const b = brandOf(ctx);
		if (b) deleteBrand(b);
		return noContent();
	});

	// ---------- category trees (multi-storefront) ----------

	const uuidOf = (id) => `c0000000-0000-4000-8000-${String(id).padStart(12, '0')}`;
	const treeCategoryOut = (c) => ({
		category_id: c.id,
		category_uuid: uuidOf(c.id),
		tree_id: c.tree_id ?? 1,
		parent_id: c.parent_id,
		name: c.name,
		description: c.description,
		views: c.views,
		sort_order: c.sort_order,
		page_title: c.page_title,
		meta_keywords: [...c.meta_keywords],
		meta_description: c.meta_description,
		layout_file: c.layout_file,
		image_url: c.image_url,
		is_visible: c.is_visible,
		search_keywords: c.search_keywords,
		default_product_sort: c.default_product_sort,
		url: { path: c.custom_url.url, is_customized: c.custom_url.is_customized },
	});
	const trees = () => cat().trees;
	function filterTreeCategories(query) {
		let list = [...cat().categories.values()];
		const inSet = (key, fn) => {
			if (query[`${key}:in`] !== undefined) {
				const set = new Set(csv(query[`${key}:in`]));
				list = list.filter((c) => set.has(String(fn(c))));
			}
			if (query[`${key}:not_in`] !== undefined) {
				const set = new Set(csv(query[`${key}:not_in`]));
				list = list.filter((c) => !set.has(String(fn(c))));
			}
		};
		inSet('category_id', (c) => c.id);
		inSet('category_uuid', (c) => uuidOf(c.id));
		inSet('tree_id', (c) => c.tree_id ?? 1);
		inSet('parent_id', (c) => c.parent_id);
		if (query.name !== undefined)
			list = list.filter((c) => c.name.toLowerCase() === String(query.name).toLowerCase());
		if (query['name:like'] !== undefined)
			list = list.filter((c) =>
				c.name.toLowerCase().includes(String(query['name:like']).toLowerCase()),
			);
		if (query.page_title !== undefined)
			list = list.filter((c) => c.page_title === query.page_title);
		if (query['page_title:like'] !== undefined)
			list = list.filter((c) =>
				c.page_title.toLowerCase().includes(String(query['page_title:like']).toLowerCase()),
			);
		if (query.keyword !== undefined) {
			const k = String(query.keyword).toLowerCase();
			list = list.filter(
				(c) => c.name.toLowerCase().includes(k) || c.description.toLowerCase().includes(k),
			);
		}
		if (query.is_visible !== undefined) {
			const v = query.is_visible === 'true' || query.is_visible === '1';
			list = list.filter((c) => c.is_visible === v);
		}
		return list.sort((a, b) => a.id - b.id);
	}
	// the legacy category fields but custom_url (tree categories carry their URL elsewhere)
	const TREE_CATEGORY_FIELDS = CATEGORY_FIELDS.filter((f) => f !== 'custom_url');
	function checkTreeCategory(body, existing) {
		const errors = {};
		const name = body.name ?? existing?.name;
		if (!isStr(name) || !name.trim() || name.length > 50)
			errors.name = "The field 'name' must be a string of 1 to 50 characters.";
		let treeId = existing ? (existing.tree_id ?? 1) : body.tree_id;
		if (!existing && body.parent_id === undefined && body.tree_id === undefined)
			errors.tree_id = 'Either tree_id or parent_id is required.';
		if (body.tree_id !== undefined && !existing && !trees().has(body.tree_id))
			errors.tree_id = `Tree ${body.tree_id} not found.`;
		const parentId = body.parent_id ?? existing?.parent_id ?? 0;
		if (!isInt(parentId) || parentId < 0)
			errors.parent_id = "The field 'parent_id' must be a category ID or 0.";
		else if (parentId > 0) {
			const parent = cat().categories.get(parentId);
			if (!parent) errors.parent_id = `Parent category ${parentId} not found.`;
			else if (treeId !== undefined && (parent.tree_id ?? 1) !== treeId)
				errors.parent_id = `Parent category ${parentId} is in another tree.`;
			else treeId = parent.tree_id ?? 1;
		}
		if (body.is_visible !== undefined && !isBool(body.is_visible))
			errors.is_visible = 'must be a boolean';
		if (Object.keys(errors).length) return { errors };
		for (const c of cat().categories.values()) {
			if (
				c !== existing &&
				(c.tree_id ?? 1) === treeId &&
				c.parent_id === parentId &&
				c.name.toLowerCase() === String(name).trim().toLowerCase()
			)
				return { errors: { name: `"${name}" already exists under parent ${parentId}.` } };
		}
		return { treeId, parentId };
	}
	function batchAnswer(okStatus, done, failed, total) {
		const meta = { total, success: done.length, failed: Object.keys(failed).length };
		if (!meta.failed) return { status: okStatus, body: { data: done.map(treeCategoryOut), meta } };
		if (!done.length) return v3Error(422, 'No categories were saved.', failed);
		return {
			status: 207,
			body: {
				data: done.map(treeCategoryOut),
				errors: {
					status: 422,
					title: 'Some categories were not saved.',
					type: 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes',
					errors: failed,
				},
				meta,
			},
		};
	}

	route('GET', '/catalog/trees', (ctx) => {
		let list = [...trees().values()];
		if (ctx.query['id:in'] !== undefined) {
			const set = new Set(csv(ctx.query['id:in']).map(Number));
			list = list.filter((t) => set.has(t.id));
		}
		if (ctx.query['channel_id:in'] !== undefined) {
			const set = csv(ctx.query['channel_id:in']).map(Number);
			list = list.filter((t) => t.channels.some((c) => set.includes(c)));
		}
		return v3List(list, ctx.query, {
			map: (t) => ({ id: t.id, name: t.name, channels: [...t.channels] }),
		});
	});
	route('PUT', '/catalog/trees', (ctx) => {
		const body = ctx.body;
		if (!Array.isArray(body))
			return err422({ body: 'The request body must be an array of trees.' });
		if (body.length > 50) return v3Error(413, 'The maximum items allowed in the array is 50');
		const errors = {};
		body.forEach((t, k) => {
			if (!t || !isStr(t.name) || !t.name.trim())
				errors[`${k}.name`] = "The field 'name' is required.";
			if (
				t &&
				t.channels !== undefined &&
				(!Array.isArray(t.channels) || t.channels.some((c) => !isInt(c)))
			)
				errors[`${k}.channels`] = 'must be an array of channel IDs';
			if (t && t.id !== undefined && !trees().has(t.id))
				errors[`${k}.id`] = `Tree ${t.id} not found.`;
		});
		if (Object.keys(errors).length) return err422(errors);
		const out = body.map((t) => {
			const tree =
				t.id !== undefined
					? trees().get(t.id)
					: { id: Math.max(0, ...trees().keys()) + 1, channels: [] };
			tree.name = t.name;
			if (t.channels) tree.channels = [...t.channels];
			trees().set(tree.id, tree);
			return { id: tree.id, name: tree.name, channels: [...tree.channels] };
		});
		return {
			status: 200,
			body: { data: out, meta: { total: out.length, success: out.length, failed: 0 } },
		};
	});
	route('DELETE', '/catalog/trees', (ctx) => {
		const ids = csv(ctx.query['id:in']).map(Number);
		if (!ids.length) return err422({ 'id:in': 'Deleting trees requires id:in.' });
		for (const id of ids) {
			if (!trees().has(id)) continue;
			trees().delete(id);
			for (const c of [...cat().categories.values()])
				if ((c.tree_id ?? 1) === id) deleteCategory(c);
		}
		return noContent();
	});
	route('GET', '/catalog/trees/categories', (ctx) =>
		v3List(filterTreeCategories(ctx.query), ctx.query, { map: treeCategoryOut }),
	);
	route('POST', '/catalog/trees/categories', (ctx) => {
		const body = ctx.body;
		if (!Array.isArray(body) || !body.length)
			return err422({ body: 'The request body must be a non-empty array of categories.' });
		const done = [];
		const failed = {};
		body.forEach((item, k) => {
			if (!item || typeof item !== 'object') return (failed[k] = 'must be an object');
			const check = checkTreeCategory(item);
			if (check.errors) return (failed[k] = Object.values(check.errors).join(' '));
			const c = {
				id: sandbox.nextId('category'),
				tree_id: check.treeId,
				parent_id: check.parentId,
				name: '',
				description: '',
				views: 0,
				sort_order: 0,
				page_title: '',
				meta_keywords: [],
				meta_description: '',
				layout_file: 'category.html',
				image_url: '',
				is_visible: true,
				search_keywords: '',
				default_product_sort: 'use_store_settings',
				custom_url: { url: item.url?.path ?? slug(item.name), is_customized: !!item.url },
			};
			for (const f of TREE_CATEGORY_FIELDS)
				if (item[f] !== undefined && f !== 'parent_id')
					c[f] = Array.isArray(item[f]) ? [...item[f]] : item[f];
			c.name = c.name.trim();
			cat().categories.set(c.id, c);
			sandbox.emit('store/category/created', { type: 'category', id: c.id });
			done.push(c);
		});
		return batchAnswer(201, done, failed, body.length);
	});
	route('PUT', '/catalog/trees/categories', (ctx) => {
		const body = ctx.body;
		if (!Array.isArray(body) || !body.length)
			return err422({ body: 'The request body must be a non-empty array of categories.' });
		const done = [];
		const failed = {};
		body.forEach((item, k) => {
			const c =
				item && isInt(item.category_id) ? cat().categories.get(item.category_id) : undefined;
			if (!c)
				return (failed[k] =
					item && isInt(item.category_id)
						? `Category ${item.category_id} not found.`
						: "The field 'category_id' is required.");
			const check = checkTreeCategory(item, c);
			if (check.errors) return (failed[k] = Object.values(check.errors).join(' '));
			for (const f of TREE_CATEGORY_FIELDS)
				if (item[f] !== undefined) c[f] = Array.isArray(item[f]) ? [...item[f]] : item[f];
			if (item.url && isStr(item.url.path))
				c.custom_url = { url: item.url.path, is_customized: true };
			sandbox.emit('store/category/updated', { type: 'category', id: c.id });
			done.push(c);
		});
		return batchAnswer(200, done, failed, body.length);
	});
	route('DELETE', '/catalog/trees/categories', (ctx) => {
		const q = ctx.query;
		if (
			!['category_uuid:in', 'category_id:in', 'tree_id:in', 'parent_id:in'].some(
				(k) => q[k] !== undefined,
			)
		)
			return err422({
				filter:
					'A filter is required: category_uuid:in, category_id:in, tree_id:in or parent_id:in.',
			});
		for (const c of filterTreeCategories(q)) if (cat().categories.has(c.id)) deleteCategory(c);
		return { status: 202, body: { meta: {} } };
	});
	route('GET', '/catalog/trees/:tree_id/categories', (ctx) => {
		const treeId = Number(ctx.params.tree_id);
		if (!trees().has(treeId)) return notFound('The requested category tree was not found.');
		const maxDepth = ctx.query.depth === undefined ? Infinity : Number(ctx.query.depth);
		const inTree = [...cat().categories.values()]
			.filter((c) => (c.tree_id ?? 1) === treeId)
			.sort((a, b) => a.sort_order - b.sort_order || a.id - b.id);
		const build = (parentId, depth, path) =>
			inTree
				.filter((c) => c.parent_id === parentId)
				.map((c) => ({
					id: c.id,
					parent_id: c.parent_id,
					depth,
					path,
					name: c.name,
					is_visible: c.is_visible,
					url: c.custom_url.url,
					children: depth < maxDepth ? build(c.id, depth + 1, [...path, c.id]) : [],
				}));
		return v3One(build(0, 1, []));
	});

	sandbox.catalog = {
		getProduct: (id) => cat().products.get(Number(id)),
		getVariant: (id) => cat().variants.get(Number(id)),
		touch,
		inventoryOf,
		productOut,
		variantOut,
		selectFields,
	};
}

function seed(sandbox, seedOptions) {
	const catalog = seedCatalog(sandbox, seedOptions);
	// aliases other resource modules look for
	sandbox.state.products = catalog.products;
	sandbox.state.variants = catalog.variants;
	sandbox.state.categories = catalog.categories;
	sandbox.state.brands = catalog.brands;
}

module.exports = { register, seed, SCOPE };
