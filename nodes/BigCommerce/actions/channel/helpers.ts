import { fail } from '../../shared/validate';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

export const channelStatusOptions = [
	{ name: 'Active', value: 'active' },
	{ name: 'Archived', value: 'archived' },
	{ name: 'Connected', value: 'connected' },
	{ name: 'Deleted', value: 'deleted' },
	{ name: 'Disconnected', value: 'disconnected' },
	{ name: 'Inactive', value: 'inactive' },
	{ name: 'Prelaunch', value: 'prelaunch' },
	{ name: 'Terminated', value: 'terminated' },
];

export const channelTypeOptions = [
	{ name: 'Marketing', value: 'marketing' },
	{ name: 'Marketplace', value: 'marketplace' },
	{ name: 'POS', value: 'pos' },
	{ name: 'Storefront', value: 'storefront' },
];

/** Optional fields shared by Create (Additional Fields) and Update (Update Fields). */
export const optionalChannelFields: INodeProperties[] = [
	{
		displayName: 'External ID',
		name: 'externalId',
		type: 'string',
		default: '',
		description: "The channel's ID on the external platform",
	},
	{
		displayName: 'Listable From UI',
		name: 'isListableFromUi',
		type: 'boolean',
		default: true,
		description: 'Whether products can be listed to the channel from the control panel',
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: channelStatusOptions,
		default: 'active',
		description: 'Channel status (there is no delete: archive a channel through its status)',
	},
	{
		displayName: 'Visible',
		name: 'isVisible',
		type: 'boolean',
		default: true,
		description: 'Whether the channel shows in the control panel',
	},
];

export function channelBody(ctx: IExecuteFunctions, i: number, fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	if (fields.name !== undefined) {
		const name = String(fields.name).trim();
		if (!name) fail(ctx, i, '"Name" must not be empty');
		body.name = name;
	}
	if (fields.externalId !== undefined && fields.externalId !== '')
		body.external_id = String(fields.externalId).trim();
	if (fields.isListableFromUi !== undefined)
		body.is_listable_from_ui = Boolean(fields.isListableFromUi);
	if (fields.isVisible !== undefined) body.is_visible = Boolean(fields.isVisible);
	if (fields.status !== undefined) {
		if (!channelStatusOptions.some((option) => option.value === fields.status)) {
			fail(
				ctx,
				i,
				`"Status" must be one of ${channelStatusOptions.map((o) => o.value).join(', ')}; got "${String(fields.status)}"`,
			);
		}
		body.status = fields.status;
	}
	return body;
}
