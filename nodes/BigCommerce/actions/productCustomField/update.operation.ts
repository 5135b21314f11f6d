import { makeUpdate } from '../product/subResource';
import { config } from './config';

export const { option, properties, execute } = makeUpdate(config);
