import { defineResource } from '../defineResource';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export const taxClass = defineResource({ name: 'Tax Class', value: 'taxClass' }, [get, getAll], {
	defaultOperation: 'getAll',
});
