'use strict';
/** Store information (V2): GET /v2/store, GET /v2/time. Scope: store_v2_information. */
const { v2One } = require('../core/respond');

function seed(sandbox) {
	sandbox.state.storeInfo = {
		id: sandbox.storeHash,
		account_uuid: '5e5c8a1b-0d2f-4c41-9a55-1c2b3d4e5f60',
		domain: 'sandbox-store.example.com',
		secure_url: 'https://sandbox-store.example.com',
		control_panel_base_url: `https://store-${sandbox.storeHash}.mybigcommerce.com`,
		status: 'live',
		name: 'Sandbox Outfitters',
		first_name: 'Sam',
		last_name: 'Sandbox',
		address: '1 Loopback Way\nLocalhost, TX 78701\nUnited States',
		country: 'United States',
		country_code: 'US',
		phone: '512-555-0100',
		admin_email: 'owner@sandbox-store.example.com',
		order_email: 'orders@sandbox-store.example.com',
		favicon_url: 'https://sandbox-store.example.com/favicon.ico',
		timezone: {
			name: 'America/Chicago',
			raw_offset: -21600,
			dst_offset: -18000,
			dst_correction: true,
			date_format: { display: 'M jS Y', export: 'M jS Y', extended_display: 'M jS Y @ g:i A' },
		},
		language: 'en',
		currency: 'USD',
		currency_symbol: '$',
		decimal_separator: '.',
		thousands_separator: ',',
		decimal_places: 2,
		currency_symbol_location: 'left',
		weight_units: 'LBS',
		dimension_units: 'Inches',
		dimension_decimal_places: 2,
		dimension_decimal_token: '.',
		dimension_thousands_token: ',',
		plan_name: 'Standard',
		plan_level: 'Standard',
		plan_is_trial: false,
		industry: 'Apparel',
		logo: [],
		is_price_entered_with_tax: false,
		store_id: Number(sandbox.storeId),
		default_site_id: 1000,
		default_channel_id: 1,
		active_comparison_modules: [],
		features: {
			stencil_enabled: true,
			sitewidehttps_enabled: true,
			facebook_catalog_id: '',
			checkout_type: 'optimized',
			wishlists_enabled: true,
			graphql_storefront_api_enabled: true,
			shopper_consent_tracking_enabled: false,
			multi_storefront_enabled: true,
			storefront_limits: { active: 5, total_including_inactive: 10 },
		},
	};
}

function register(sandbox) {
	const scope = 'store_v2_information';
	sandbox.route('GET', 'v2', '/store', () => v2One(sandbox.state.storeInfo), { scope });
	sandbox.route('GET', 'v2', '/time', () => v2One({ time: Math.floor(sandbox.now() / 1000) }), {
		scope,
	});
}

module.exports = { register, seed };
