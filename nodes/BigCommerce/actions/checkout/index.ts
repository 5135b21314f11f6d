import { defineResource } from '../defineResource';
import * as get from './get.operation';

export const checkout = defineResource({ name: 'Checkout', value: 'checkout' }, [get], {
	defaultOperation: 'get',
});
