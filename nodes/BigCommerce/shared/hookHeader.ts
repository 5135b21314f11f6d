/**
 * The custom header BigCommerce sends with every delivery of a hook the BigCommerce Trigger
 * registered (its value is the trigger's secret). Webhook › Restore recognises the package's hooks
 * by it; its value never appears in any output.
 */
export const HOOK_HEADER = 'X-N8n-BigCommerce-Secret';
