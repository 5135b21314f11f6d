import { makeGetAll } from '../productSubResource';
import { config } from './helpers';

export const { option, properties, execute } = makeGetAll(config);
