import { makeCreate } from '../product/subResource';
import { config } from './config';

const parts = makeCreate(config);

export const description = parts.description;
export const execute = parts.execute;
