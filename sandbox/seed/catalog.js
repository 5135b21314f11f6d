'use strict';
/**
 * Deterministic catalog seed: brands, a nested category tree (with one category meant to be
 * restricted to a customer group), and products with variants, options, images, custom fields,
 * videos, modifiers and bulk pricing rules. Records are kept compact (only the fields that vary);
 * `sandbox/resources/catalog.js` fills in the rest of the documented shape when it answers.
 *
 * Product kinds by index i (0-based), so tests can count them:
 *   i % 10 === 3  hidden (is_visible false)
 *   i % 10 === 7  out of stock on every variant (inventory_tracking 'variant', all variants 0)
 *   i % 10 === 9  variant tracking with some variants at 0 and others in stock (still in stock)
 *   i % 15 === 4  only in the "Wholesale Exclusives" category (RESTRICTED_CATEGORY_ID)
 *   i % 4 === 1   on channels 1 and 2;  i % 8 === 6  on channel 2 only;  otherwise channel 1
 */
const { createRandom, SEED_EPOCH } = require('./random');

/** The category the customers seed keeps out of its customer groups' category_access. */
const RESTRICTED_CATEGORY_ID = 31;

const BRANDS = [
	'Acme Outdoor',
	'Northwind',
	'Summit Gear',
	'Blue Harbor',
	'Copperline',
	'Fieldstone',
	'Lumen & Co',
	'Tidewater',
];

/** [id, parent_id, name] — depth up to 3. */
const CATEGORIES = [
	[20, 0, 'Apparel'],
	[21, 20, 'Shirts'],
	[22, 21, 'T-Shirts'],
	[23, 20, 'Jackets'],
	[24, 0, 'Footwear'],
	[25, 24, 'Running'],
	[26, 24, 'Hiking'],
	[27, 0, 'Accessories'],
	[28, 27, 'Bags'],
	[29, 27, 'Hats'],
	[30, 0, 'Sale'],
	[RESTRICTED_CATEGORY_ID, 0, 'Wholesale Exclusives'],
];
/** [id, parent_id, name] of the second channel's category tree (tree 2; the legacy tree is 1). */
const TREE2_CATEGORIES = [
	[40, 0, 'Channel 2 Picks'],
	[41, 40, 'New Arrivals'],
];
/** Category trees (multi-storefront): tree 1 serves channel 1, tree 2 channel 2. */
const TREES = [
	{ id: 1, name: 'Sandbox Outfitters', channels: [1] },
	{ id: 2, name: 'Sandbox Outlet', channels: [2] },
];
const PRODUCT_CATEGORIES = [21, 22, 23, 25, 26, 28, 29];

const ADJECTIVES = [
	'Alpine',
	'Classic',
	'Coastal',
	'Rugged',
	'Urban',
	'Trail',
	'Everyday',
	'Summit',
	'Harbor',
	'Canyon',
	'Midnight',
	'Solar',
];
const NOUNS = [
	'Jacket',
	'Tee',
	'Hoodie',
	'Runner',
	'Boot',
	'Backpack',
	'Cap',
	'Beanie',
	'Tote',
	'Shirt',
	'Vest',
	'Sneaker',
];
const MATERIALS = ['Cotton', 'Merino wool', 'Recycled polyester', 'Leather', 'Canvas', 'Nylon'];
const ORIGINS = ['Portugal', 'Vietnam', 'USA', 'Italy', 'Peru'];
const YT = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-';

const round2 = (n) => Math.round(n * 100) / 100;

/** A product's HTML description: the written one, or the seed's text derived from its material. */
function descriptionOf(product) {
	if (product.description !== undefined) return product.description;
	if (!product.material) return '';
	return `<p>The <strong>${product.name}</strong> is made of ${product.material.toLowerCase()} for everyday wear.</p><ul><li>Material: ${product.material}</li></ul>`;
}

/**
 * Builds the catalog into `sandbox.state.catalog`. Fast enough for 100k products (a few seconds).
 * @returns the catalog state
 */
function seedCatalog(sandbox, seedOptions = {}) {
	const rnd = createRandom((seedOptions.seed ?? 42) + 1000);
	const count = seedOptions.products ?? 30;
	const counters = sandbox.state.counters;
	const catalog = {
		products: new Map(),
		categories: new Map(),
		brands: new Map(),
		/** variant id -> variant (for /catalog/variants) */
		variants: new Map(),
	};

	BRANDS.forEach((name, index) => {
		const id = index + 1;
		catalog.brands.set(id, {
			id,
			name,
			page_title: name,
			meta_keywords: [],
			meta_description: '',
			search_keywords: name.toLowerCase(),
			image_url: `https://cdn.sandbox-store.example.com/brands/${id}.png`,
			custom_url: {
				url: `/brands/${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}/`,
				is_customized: false,
			},
		});
	});
	counters.brand = BRANDS.length;

	const trees = [...CATEGORIES.map((c) => [...c, 1]), ...TREE2_CATEGORIES.map((c) => [...c, 2])];
	for (const [id, parent, name, treeId] of trees) {
		catalog.categories.set(id, {
			id,
			tree_id: treeId,
			parent_id: parent,
			name,
			description: `<p>${name}</p>`,
			views: 0,
			sort_order: id,
			page_title: name,
			meta_keywords: [],
			meta_description: '',
			layout_file: 'category.html',
			image_url: '',
			is_visible: true,
			search_keywords: '',
			default_product_sort: 'use_store_settings',
			custom_url: {
				url: `/${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}/`,
				is_customized: false,
			},
		});
	}
	counters.category = Math.max(...trees.map((c) => c[0]));
	catalog.trees = new Map(TREES.map((t) => [t.id, { ...t, channels: [...t.channels] }]));

	let variantId = 0;
	let skuId = 0;
	let optionId = 0;
	let valueId = 0;
	let imageId = 0;
	let fieldId = 0;
	let videoId = 0;
	let modifierId = 0;
	let ruleId = 0;
	const hour = 3600 * 1000;
	// identical small arrays are shared between products (handlers replace arrays, never mutate them)
	const sharedArrays = new Map();
	const shared = (list) => {
		const key = list.join(',');
		if (!sharedArrays.has(key)) sharedArrays.set(key, Object.freeze(list));
		return sharedArrays.get(key);
	};

	for (let i = 0; i < count; i++) {
		const id = i + 1;
		const name = `${ADJECTIVES[i % ADJECTIVES.length]} ${NOUNS[Math.floor(i / ADJECTIVES.length) % NOUNS.length]} ${id}`;
		const material = MATERIALS[rnd.int(0, MATERIALS.length - 1)];
		const price = rnd.int(9, 240) + 0.99;
		const kind = i % 10;
		const restricted = i % 15 === 4;
		const hasOptions = kind === 7 || kind === 9 || i % 3 === 2;
		const tracking =
			kind === 7 || kind === 9 ? 'variant' : hasOptions ? 'variant' : ['none', 'product'][i % 2];
		const created = SEED_EPOCH - (count - i) * hour;
		const product = {
			id,
			name,
			type: i % 20 === 13 ? 'digital' : 'physical',
			sku: `SKU-${id}`,
			// description is derived on read from `material` (see descriptionOf) to keep 100k products small
			material,
			weight: rnd.int(1, 40) / 10,
			price,
			cost_price: round2(price * 0.4),
			retail_price: round2(price * 1.2),
			sale_price: i % 5 === 1 ? round2(price * 0.8) : 0,
			categories: shared(
				restricted
					? [RESTRICTED_CATEGORY_ID]
					: i % 6 === 0
						? [PRODUCT_CATEGORIES[i % 7], 30]
						: [PRODUCT_CATEGORIES[i % 7]],
			),
			brand_id: (i % BRANDS.length) + 1,
			inventory_level: 0,
			inventory_warning_level: 2,
			inventory_tracking: tracking,
			is_visible: kind !== 3,
			is_featured: i % 11 === 0,
			availability: i % 25 === 24 ? 'preorder' : 'available',
			condition: 'New',
			date_created: created,
			date_modified: Math.min(SEED_EPOCH, created + rnd.int(0, 48) * hour),
			channels: shared(i % 4 === 1 ? [1, 2] : i % 8 === 6 ? [2] : [1]),
			variants: [],
			images: [],
		};
		if (tracking === 'product') product.inventory_level = rnd.int(1, 80);

		// options and variants (every product has at least its base variant)
		const combos = [[]];
		if (hasOptions) {
			product.options = [];
			const sizes = ['S', 'M', 'L'].slice(0, i % 4 === 0 ? 2 : 3);
			const axes = [['Size', sizes]];
			if (i % 6 === 5) axes.push(['Color', ['Red', 'Blue']]);
			for (const [display, labels] of axes) {
				const option = {
					id: ++optionId,
					product_id: id,
					display_name: display,
					name: `${display}-${id}`,
					type: display === 'Size' ? 'rectangles' : 'swatch',
					sort_order: product.options.length,
					option_values: [],
				};
				const refs = labels.map((label, sort) => {
					const value = {
						id: ++valueId,
						label,
						sort_order: sort,
						is_default: false,
						value_data:
							display === 'Color' ? { colors: [label === 'Red' ? '#CC0000' : '#0033CC'] } : null,
					};
					option.option_values.push(value);
					return { id: value.id, label, option_id: option.id, option_display_name: display };
				});
				product.options.push(option);
				const next = [];
				for (const combo of combos) for (const ref of refs) next.push([...combo, ref]);
				combos.splice(0, combos.length, ...next);
			}
		}
		combos.forEach((optionValues, index) => {
			let stock = 0;
			if (tracking === 'variant')
				stock = kind === 7 ? 0 : kind === 9 && index % 2 === 0 ? 0 : rnd.int(1, 40);
			const variant = {
				id: ++variantId,
				product_id: id,
				sku: optionValues.length
					? `SKU-${id}-${optionValues.map((v) => v.label[0]).join('')}${index}`
					: product.sku,
				sku_id: optionValues.length ? ++skuId : null,
				price: null,
				sale_price: null,
				inventory_level: stock,
				option_values: optionValues,
			};
			product.variants.push(variant);
			catalog.variants.set(variant.id, variant);
		});

		const imageCount = 1 + (i % 3 === 0 ? 1 : 0);
		for (let k = 0; k < imageCount; k++) {
			product.images.push({
				id: ++imageId,
				product_id: id,
				image_url: `https://cdn.sandbox-store.example.com/products/${id}/${k + 1}.jpg`,
				is_thumbnail: k === 0,
				sort_order: k,
				description: k === 0 ? name : `${name} detail`,
				date_modified: product.date_modified,
			});
		}
		if (i % 2 === 0 || i % 5 === 0) product.custom_fields = [];
		if (i % 2 === 0)
			product.custom_fields.push({ id: ++fieldId, name: 'Material', value: material });
		if (i % 5 === 0)
			product.custom_fields.push({
				id: ++fieldId,
				name: 'Origin',
				value: ORIGINS[i % ORIGINS.length],
			});
		if (i % 7 === 0) {
			product.videos = [];
			let code = '';
			for (let k = 0; k < 11; k++) code += YT[rnd.int(0, YT.length - 1)];
			product.videos.push({
				id: ++videoId,
				product_id: id,
				video_id: code,
				title: `${name} in action`,
				description: `A short look at the ${name}.`,
				sort_order: 0,
				type: 'youtube',
				length: '01:30',
			});
		}
		if (i % 12 === 0) {
			product.modifiers = [];
			product.modifiers.push({
				id: ++modifierId,
				product_id: id,
				name: `Gift wrap-${id}`,
				display_name: 'Gift wrap',
				type: 'checkbox',
				required: false,
				sort_order: 0,
				config: { checkbox_label: 'Add gift wrap', checked_by_default: false },
				option_values: [],
			});
		}
		if (i % 9 === 0) {
			product.bulk_pricing_rules = [];
			product.bulk_pricing_rules.push({
				id: ++ruleId,
				quantity_min: 5,
				quantity_max: 9,
				type: 'percent',
				amount: 10,
			});
		}
		catalog.products.set(id, product);
	}
	Object.assign(counters, {
		product: count,
		variant: variantId,
		sku: skuId,
		option: optionId,
		optionValue: valueId,
		image: imageId,
		customField: fieldId,
		video: videoId,
		modifier: modifierId,
		bulkPricingRule: ruleId,
	});
	sandbox.state.catalog = catalog;
	return catalog;
}

module.exports = {
	seedCatalog,
	descriptionOf,
	RESTRICTED_CATEGORY_ID,
	BRANDS,
	CATEGORIES,
	TREE2_CATEGORIES,
	TREES,
};
