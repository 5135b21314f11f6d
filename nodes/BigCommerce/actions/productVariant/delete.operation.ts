import { makeDelete } from '../productSubResource';
import { config } from './helpers';

export const { option, properties, execute } = makeDelete(config);
