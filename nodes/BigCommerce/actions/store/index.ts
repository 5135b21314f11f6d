import { defineResource } from '../defineResource';
import * as get from './get.operation';

export const store = defineResource({ name: 'Store', value: 'store' }, [get], {
	defaultOperation: 'get',
});
