import { makeDelete } from '../product/subResource';
import { config } from './config';

const parts = makeDelete(config);

export const description = parts.description;
export const execute = parts.execute;
