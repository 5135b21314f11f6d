import { makeCreate } from '../productSubResource';
import { config } from './helpers';

export const { option, properties, execute } = makeCreate(config);
