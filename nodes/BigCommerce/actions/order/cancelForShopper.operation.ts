import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { OperationOption } from '../types';
import { setOrderCancelled, shopperIdentityFields, verifyShopperOrder } from './helpers';
import { CANCELLED_STATUS_ID, orderStatusName } from '../../shared/orderStatuses';
import { toNumber } from '../../shared/simplify';
import { toItems } from '../../shared/items';

/**
 * The statuses a shopper may cancel by themselves: the order is placed and nothing is on its way
 * yet. An allow-list on purpose: Incomplete (never checked out), Manual Verification Required
 * (the merchant is reviewing it) and every shipped, closed or disputed status stay with the store.
 */
export const SHOPPER_CANCELLABLE = new Set([
	1, // Pending
	7, // Awaiting Payment
	8, // Awaiting Pickup
	9, // Awaiting Shipment
	11, // Awaiting Fulfillment
]);

export const option: OperationOption = {
	name: 'Cancel for Shopper',
	value: 'cancelForShopper',
	action: 'Cancel an order for a shopper',
	description:
		"Destructive: cancel a shopper's unshipped order only if the order number and the order's billing email both match; built for AI agents facing shoppers",
};

export const properties: INodeProperties[] = [
	{
		displayName:
			"Destructive: sets the shopper's order to Cancelled, only when the order number AND the order's billing email both match and nothing has shipped (Pending, Awaiting Payment, Awaiting Pickup, Awaiting Shipment, Awaiting Fulfillment). Built to be given to an AI agent that talks to shoppers.",
		name: 'cancelForShopperNotice',
		type: 'notice',
		default: '',
	},
	...shopperIdentityFields('with the email, it identifies the order to cancel'),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// every identity failure throws the same answer before anything is changed
	const order = await verifyShopperOrder(this, i);
	const orderId = Number(order.id);
	const statusId = Number(order.status_id);
	const status = String(order.status || orderStatusName(statusId) || `status ${statusId}`);
	const shipped = Number(order.items_shipped ?? 0);
	if (!SHOPPER_CANCELLABLE.has(statusId) || shipped > 0) {
		// the shopper proved who they are: telling them their own order's status is fine
		const reason =
			statusId === CANCELLED_STATUS_ID
				? 'it is already cancelled'
				: SHOPPER_CANCELLABLE.has(statusId)
					? 'part of it has already shipped'
					: `its status is "${status}"`;
		throw new NodeOperationError(
			this.getNode(),
			`Item ${i}: Order #${orderId} cannot be cancelled: ${reason}`,
			{
				itemIndex: i,
				description:
					'Only orders where nothing has shipped yet (Pending, Awaiting Payment, Awaiting Pickup, Awaiting Shipment, Awaiting Fulfillment) can be cancelled this way; the shopper should contact the store. Nothing was changed.',
			},
		);
	}
	const updated = await setOrderCancelled(this, i, orderId);
	return toItems(this, {
		order_number: orderId,
		cancelled: true,
		status: String(updated.status || orderStatusName(updated.status_id) || ''),
		status_id: updated.status_id,
		previous_status: status,
		total: toNumber(order.total_inc_tax),
		currency: order.currency_code,
		message: `Order #${orderId} has been cancelled.`,
	});
}
