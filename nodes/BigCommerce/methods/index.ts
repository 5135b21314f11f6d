import { listSearch } from './listSearch';

export const methods = { listSearch };
