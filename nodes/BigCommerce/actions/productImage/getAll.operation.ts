import { makeGetAll } from '../product/subResource';
import { config } from './config';

const parts = makeGetAll(config);

export const description = parts.description;
export const execute = parts.execute;
