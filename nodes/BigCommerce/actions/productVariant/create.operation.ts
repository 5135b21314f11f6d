import { makeCreate } from '../product/subResource';
import { config } from './config';

export const { option, properties, execute } = makeCreate(config);
