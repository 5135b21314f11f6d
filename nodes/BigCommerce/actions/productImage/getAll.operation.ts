import { makeGetAll } from '../product/subResource';
import { config } from './config';

export const { option, properties, execute } = makeGetAll(config);
