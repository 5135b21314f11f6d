import { makeUpdate } from '../product/subResource';
import { config } from './config';

const parts = makeUpdate(config);

export const description = parts.description;
export const execute = parts.execute;
