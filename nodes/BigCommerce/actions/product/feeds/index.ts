import { aiKnowledge } from './aiKnowledge';
import { googleTsv, googleXml } from './google';
import { metaCsv } from './meta';
import type { FeedFormat } from './types';

/** The feed formats Export Catalog offers beside its own CSV and JSON Lines, by option value. */
export const FEED_FORMATS: Readonly<Record<string, FeedFormat>> = Object.fromEntries(
	[googleTsv, googleXml, metaCsv, aiKnowledge].map((format) => [format.option.value, format]),
);

export { readStoreFacts } from './storeFacts';
export type { FeedFormat } from './types';
