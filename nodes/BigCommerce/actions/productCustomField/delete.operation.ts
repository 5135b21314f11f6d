import { makeDelete } from '../product/subResource';
import { config } from './config';

export const { option, properties, execute } = makeDelete(config);
