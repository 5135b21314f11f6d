import type { INodeProperties } from 'n8n-workflow';

import { EVENT_OPTIONS, ORDER_STATUSES } from './events';
import { AUTHENTICATION_PROPERTY } from '../BigCommerce/shared/properties';

export const triggerProperties: INodeProperties[] = [
	AUTHENTICATION_PROPERTY,
	{
		displayName:
			'BigCommerce only delivers to HTTPS URLs on port 443: n8n must be reachable at such an address (its WEBHOOK_URL setting). Activating registers one webhook per event in the store and removes them again on deactivation.',
		name: 'notice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		default: [],
		options: EVENT_OPTIONS,
		description: 'The store events that start the workflow',
	},
	{
		// a list by name (people know their channels by name); the value stays the channel's number,
		// so workflows saved when this was a plain number field keep working
		displayName: 'Channel Name or ID',
		name: 'channelId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getChannels' },
		default: 0,
		description:
			'Only events of this storefront channel (All Channels: every channel). Applies to order, cart, product and category events (BigCommerce has per-channel webhooks for those); other events always arrive for the whole store. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Include Full Record',
		name: 'includeFullRecord',
		type: 'boolean',
		default: true,
		description:
			'Whether to fetch the complete record the event points at (order with products, shipping addresses and shipments; cart with line items and a fresh recovery link; customer with addresses; product with variants; shipment). BigCommerce itself only sends IDs. A record deleted in the meantime is output with "deleted": true.',
	},
	{
		displayName: 'Skip Incomplete Orders',
		name: 'skipIncompleteOrders',
		type: 'boolean',
		default: true,
		displayOptions: { show: { events: ['store/order/created', 'store/order/*'] } },
		description:
			'Whether to drop "Order Created" events of incomplete orders (status 0: a checkout that was not finished). Checked inside the execution (BigCommerce is answered at once); costs one request per new order when Include Full Record is off.',
	},
	{
		displayName: 'Order Status From',
		name: 'orderStatusFrom',
		type: 'multiOptions',
		default: [],
		options: ORDER_STATUSES,
		displayOptions: { show: { events: ['store/order/statusUpdated', 'store/order/*'] } },
		description:
			'Only status changes away from one of these statuses (empty: any). Applies to "Order Status Updated".',
	},
	{
		displayName: 'Order Status To',
		name: 'orderStatusTo',
		type: 'multiOptions',
		default: [],
		options: ORDER_STATUSES,
		displayOptions: { show: { events: ['store/order/statusUpdated', 'store/order/*'] } },
		description:
			'Only status changes to one of these statuses (empty: any). Applies to "Order Status Updated".',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Allow Non-HTTPS URL (Development Only)',
				name: 'allowInsecureUrl',
				type: 'boolean',
				default: false,
				description:
					'Whether to register webhooks even though the URL is not HTTPS on port 443. Real BigCommerce stores refuse such URLs; use this only with a local BigCommerce sandbox.',
			},
			{
				displayName: 'Duplicate Window (Minutes)',
				name: 'dedupWindowMinutes',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 1440,
				description:
					'How long a delivery is remembered: a repeat of it within this time (BigCommerce retries, network duplicates) does not start another execution',
			},
			{
				displayName: 'Signature Tolerance (Seconds)',
				name: 'signatureToleranceSeconds',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 3600 },
				default: 300,
				description:
					'How far the webhook-timestamp may be from now when Verify Signature is on: 1 to 3600 seconds',
			},
			{
				displayName: 'Verify Signature',
				name: 'verifySignature',
				type: 'boolean',
				default: false,
				description:
					'Whether to also require a valid Standard Webhooks signature (the three webhook-* headers) made with the Client Secret of the credential. Deliveries always need the secret header this node registers.',
			},
		],
	},
];
