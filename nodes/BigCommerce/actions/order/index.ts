import { defineResource } from '../defineResource';
import * as archive from './archive.operation';
import * as cancel from './cancel.operation';
import * as cancelForShopper from './cancelForShopper.operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getStatusForShopper from './getStatusForShopper.operation';
import * as getStatuses from './getStatuses.operation';
import * as update from './update.operation';

export const order = defineResource(
	{ name: 'Order', value: 'order' },
	[
		archive,
		cancel,
		cancelForShopper,
		create,
		get,
		getAll,
		getStatusForShopper,
		getStatuses,
		update,
	],
	{
		defaultOperation: 'get',
	},
);
