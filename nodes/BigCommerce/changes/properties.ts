import type { INodeProperties } from 'n8n-workflow';

import { ORDER_STATUS_OPTIONS_WITH_ID } from '../shared/orderStatuses';
import { CHANGE_EVENT_OPTIONS } from './index';

/** The parameters of a read of changes: the polling trigger's, and Webhook › Catch Up's. */
export const changeFilterProperties: INodeProperties[] = [
	{
		displayName: 'Include Full Record',
		name: 'includeFullRecord',
		type: 'boolean',
		default: true,
		description:
			'Whether orders come with their products, shipping addresses and shipments (three more requests per changed order), as the webhook trigger outputs them. Products (with variants, images, custom fields) and customers (with addresses) always come whole.',
	},
	{
		displayName: 'Skip Incomplete Orders',
		name: 'skipIncompleteOrders',
		type: 'boolean',
		default: true,
		displayOptions: { show: { events: ['store/order/created', 'store/order/updated'] } },
		description:
			'Whether to leave out orders with status 0 (a checkout not finished). Such an order is output as "Order: Created" once it is complete.',
	},
	{
		displayName: 'Order Status From',
		name: 'orderStatusFrom',
		type: 'multiOptions',
		default: [],
		options: ORDER_STATUS_OPTIONS_WITH_ID,
		displayOptions: { show: { events: ['store/order/statusUpdated'] } },
		description:
			'Only status changes away from one of these statuses (empty: any). Applies to "Order: Status Updated".',
	},
	{
		displayName: 'Order Status To',
		name: 'orderStatusTo',
		type: 'multiOptions',
		default: [],
		options: ORDER_STATUS_OPTIONS_WITH_ID,
		displayOptions: { show: { events: ['store/order/statusUpdated'] } },
		description:
			'Only status changes to one of these statuses (empty: any). Applies to "Order: Status Updated".',
	},
];

/** The Options collection of a read of changes: the overlap re-read each time (see index.ts). */
export function changeOptionsProperty(overlapDescription: string): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Overlap (Seconds)',
				name: 'overlapSeconds',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 86400 },
				default: 300,
				description: overlapDescription,
			},
		],
	};
}

/** The Events parameter of a read of changes. */
export function changeEventsProperty(description: string): INodeProperties {
	return {
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		default: ['store/order/created', 'store/order/updated'],
		options: CHANGE_EVENT_OPTIONS,
		description,
	};
}
