import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { OperationOption } from '../types';
import { fetchOrder, setOrderCancelled, withStatusName } from './helpers';
import { CANCELLED_STATUS_ID, orderStatusName } from '../../shared/orderStatuses';
import { orderLocator } from '../../shared/locators';
import { requireId } from '../../shared/validate';
import { toItems } from '../../shared/items';

/** Statuses in which an order may no longer be cancelled (something shipped, or it is closed). */
export const NOT_CANCELLABLE = new Set([2, 3, 4, 5, 6, 10, 13, 14]);

export const option: OperationOption = {
	name: 'Cancel',
	value: 'cancel',
	action: 'Cancel an order',
	description:
		'Destructive, back office: cancel an order by its ID alone, checking no identity; never give it to shoppers or an agent facing them (use Cancel for Shopper)',
};

export const properties: INodeProperties[] = [
	{
		displayName:
			'Destructive: sets the order to Cancelled. Refused when anything has shipped or the order is already closed (Shipped, Partially Shipped, Completed, Refunded, Partially Refunded, Cancelled, Declined, Disputed). Back office only: it takes an order ID alone and checks no identity, and order numbers are sequential. Never give it to shoppers or to an AI agent that talks to them: use Order › Cancel for Shopper there.',
		name: 'cancelNotice',
		type: 'notice',
		default: '',
	},
	orderLocator({ description: 'The order to cancel' }),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const orderId = requireId(this, i, 'orderId', 'Order');
	const order = await fetchOrder(this, i, orderId);
	if (!order || order.is_deleted === true) {
		throw new NodeOperationError(
			this.getNode(),
			`Item ${i}: Order ${orderId} was not found, so it was not cancelled`,
			{
				itemIndex: i,
				description:
					'Check the order number: it must be an existing, non-archived order of this store.',
			},
		);
	}
	const statusId = Number(order.status_id);
	const status = String(order.status || orderStatusName(statusId) || `status ${statusId}`);
	const shipped = Number(order.items_shipped ?? 0);
	if (NOT_CANCELLABLE.has(statusId) || shipped > 0) {
		const reason =
			statusId === CANCELLED_STATUS_ID
				? 'it is already Cancelled'
				: shipped > 0 && !NOT_CANCELLABLE.has(statusId)
					? `${shipped} item${shipped === 1 ? ' has' : 's have'} already shipped (status "${status}")`
					: `its status is "${status}"`;
		throw new NodeOperationError(
			this.getNode(),
			`Item ${i}: Order ${orderId} cannot be cancelled: ${reason}`,
			{
				itemIndex: i,
				description:
					'Only orders where nothing has shipped and that are not completed, refunded, declined, disputed or already cancelled can be cancelled. Nothing was changed.',
			},
		);
	}
	const updated = await setOrderCancelled(this, i, orderId);
	const out = withStatusName(updated);
	out.previous_status_id = statusId;
	out.previous_status = status;
	return toItems(this, out);
}
