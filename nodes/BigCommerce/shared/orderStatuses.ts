import { sortByName } from './properties';
import type { INodePropertyOptions } from 'n8n-workflow';

/** BigCommerce's 15 order statuses (V2 `status_id`), for the action node and the trigger alike. */
export const ORDER_STATUSES: Record<number, string> = {
	0: 'Incomplete',
	1: 'Pending',
	2: 'Shipped',
	3: 'Partially Shipped',
	4: 'Refunded',
	5: 'Cancelled',
	6: 'Declined',
	7: 'Awaiting Payment',
	8: 'Awaiting Pickup',
	9: 'Awaiting Shipment',
	10: 'Completed',
	11: 'Awaiting Fulfillment',
	12: 'Manual Verification Required',
	13: 'Disputed',
	14: 'Partially Refunded',
};

export const CANCELLED_STATUS_ID = 5;

/** The status name of a status ID (a number or digits), or undefined for an unknown ID. */
export function orderStatusName(id: unknown): string | undefined {
	return ORDER_STATUSES[Number(id)];
}

/** Status dropdown options sorted by name; values are the status IDs as strings (order filters). */
export const ORDER_STATUS_OPTIONS = sortByName(
	Object.entries(ORDER_STATUSES).map(([id, name]) => ({ name, value: id })),
);

/** Status options named "Shipped (2)" with numeric values, sorted by name (the trigger's filters). */
export const ORDER_STATUS_OPTIONS_WITH_ID: INodePropertyOptions[] = sortByName(
	Object.entries(ORDER_STATUSES).map(([id, name]) => ({
		name: `${name} (${id})`,
		value: Number(id),
	})),
);
