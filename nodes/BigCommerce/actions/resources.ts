import type { ResourceModule } from './types';
import { store } from './store';
import { coupon } from './coupon';
import { order } from './order';
import { giftCertificate } from './giftCertificate';

/**
 * Every resource of the node. Add a resource by importing its module and listing it here;
 * the Resource dropdown, the parameters and the router all follow from this list.
 */
export const resources: ResourceModule[] = [store, coupon, order, giftCertificate];

export const resourcesByValue: Record<string, ResourceModule> = Object.fromEntries(
	resources.map((resource) => [resource.option.value, resource]),
);
