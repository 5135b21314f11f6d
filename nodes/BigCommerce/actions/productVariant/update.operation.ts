import { makeUpdate } from '../productSubResource';
import { config } from './helpers';

export const { option, properties, execute } = makeUpdate(config);
