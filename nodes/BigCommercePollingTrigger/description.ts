import type { INodeProperties } from 'n8n-workflow';

import {
	changeEventsProperty,
	changeFilterProperties,
	changeOptionsProperty,
} from '../BigCommerce/changes/properties';
import { AUTHENTICATION_PROPERTY } from '../BigCommerce/shared/properties';

export const pollingTriggerProperties: INodeProperties[] = [
	AUTHENTICATION_PROPERTY,
	{
		displayName:
			'Asks BigCommerce for changed records at each Poll Time: works where BigCommerce cannot reach n8n (no public HTTPS address). Each change is output once.',
		name: 'notice',
		type: 'notice',
		default: '',
	},
	changeEventsProperty('The changes that start the workflow'),
	{
		displayName: 'Start From',
		name: 'startFrom',
		type: 'options',
		options: [
			{
				name: 'Now',
				value: 'now',
				description: 'Changes from the first poll after publishing on',
			},
			{
				name: 'A Date',
				value: 'date',
				description:
					'Every change since that moment first (a backfill, each record once), then new ones',
			},
		],
		default: 'now',
		description: 'Where the first poll after publishing starts',
	},
	{
		displayName: 'Start Date',
		name: 'startDate',
		type: 'dateTime',
		required: true,
		default: '',
		displayOptions: { show: { startFrom: ['date'] } },
		description: 'Records modified at or after this moment are output on the first poll',
	},
	...changeFilterProperties,
	changeOptionsProperty(
		'How far back each poll re-reads before the previous one ended (BigCommerce dates are whole seconds, and a list can show a change late). Changes already output are recognised and not output again.',
	),
];
