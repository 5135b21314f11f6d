import type { IDataObject } from 'n8n-workflow';

/**
 * The one shape of a trigger item, whoever produced it: the webhook trigger (a delivery), the
 * polling trigger (a change read with date filters) or Webhook › Catch Up (a change missed while a
 * hook was off). A workflow can switch between them without changing its other nodes; `source`
 * says which one produced the item.
 */
export type TriggerSource = 'webhook' | 'poll' | 'catchUp';

export interface TriggerEventFields {
	/** The event without a channel prefix, e.g. store/order/created. */
	event: string;
	/** The scope as delivered (webhook: may carry store/channel/{id}/…); the event for polled items. */
	scope: string;
	channelId: number | null;
	resourceType: unknown;
	resourceId: unknown;
	storeHash: string | null;
	storeId: unknown;
	/** When the event happened (webhook: created_at; poll: the record's date_modified), ISO 8601. */
	createdAt: string;
	hash: string | null;
	/** The key that makes the item unique (delivery key, or resource/id/date_modified for polls). */
	deliveryKey: string;
	data: IDataObject;
	raw: IDataObject | null;
	source: TriggerSource;
}

export function triggerEvent(fields: TriggerEventFields, extra: IDataObject = {}): IDataObject {
	return { ...fields, ...extra } as unknown as IDataObject;
}
