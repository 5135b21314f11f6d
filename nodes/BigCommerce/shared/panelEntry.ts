/**
 * The text of the "BigCommerce" entry in n8n's nodes panel.
 *
 * n8n merges a node and its trigger into one panel entry when the trigger's type name minus
 * "Trigger" is the node's type name (bigCommerceTrigger → bigCommerce), and that entry shows the
 * TRIGGER's description (n8n 2.40.7, editor `generateMergedNodesAndActions`). The entry holds the
 * 110 actions and the trigger's events, so both nodes carry this one text: otherwise people see a
 * trigger-only sentence over the actions.
 */
export const NODES_PANEL_DESCRIPTION =
	'Read and write every part of a BigCommerce store (catalog, orders, customers, carts, marketing and more) and start workflows on its events';
