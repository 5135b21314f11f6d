/**
 * Every OAuth scope the node names, once (the README's Scopes table lists the same). Each request
 * names the least scope it needs: the read-only one for reads; the transport puts it in the 403 hint.
 */

/** Products, variants, images, custom fields, videos, categories, brands. */
export const CATALOG_READ = 'store_v2_products_read_only';
export const CATALOG_WRITE = 'store_v2_products';

/** Orders, shipments, order products, order statuses. */
export const ORDERS_READ = 'store_v2_orders_read_only';
export const ORDERS_WRITE = 'store_v2_orders';

/** Order transactions (read only). */
export const TRANSACTIONS_READ = 'store_v2_transactions_read_only';

/** Customers, addresses, customer groups. */
export const CUSTOMERS_READ = 'store_v2_customers_read_only';
export const CUSTOMERS_WRITE = 'store_v2_customers';

/** Carts (and their recovery links). */
export const CART_READ = 'store_cart_read_only';
export const CART_WRITE = 'store_cart';

/** Upstream spells the scope two ways (checkouts spec: store_checkouts; scope docs: store_checkout). */
export const CHECKOUT_READ =
	'store_checkouts_read_only (listed as "Checkouts" read-only; some BigCommerce docs spell it store_checkout_read_only)';

/** Store information, shipping, tax classes, abandoned carts. */
export const INFORMATION_READ = 'store_v2_information_read_only';

/** Coupons, gift certificates, promotions. */
export const MARKETING_READ = 'store_v2_marketing_read_only';
export const MARKETING_WRITE = 'store_v2_marketing';

export const INVENTORY_READ = 'store_inventory_read_only';
export const INVENTORY_WRITE = 'store_inventory';
export const LOCATIONS_READ = 'store_locations_read_only';

export const CHANNELS_READ = 'store_channel_settings_read_only';
export const CHANNELS_WRITE = 'store_channel_settings';

export const CHANNEL_LISTINGS_READ = 'store_channel_listings_read_only';
export const CHANNEL_LISTINGS_WRITE = 'store_channel_listings';

export const PAYMENT_METHODS_READ = 'store_payments_methods_read';

/** A channel's storefront site (its URL), "Sites & Routes" in the control panel. */
export const SITES_READ = 'store_sites_read_only';
