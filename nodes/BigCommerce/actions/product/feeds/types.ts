import type { IDataObject } from 'n8n-workflow';

import type { StoreFacts } from './offers';

/** A feed file format of Export Catalog: how the file starts, the rows of one product, how it ends. */
export interface FeedFormat {
	/** The entry of Export Catalog's "Also Output File" list. */
	option: { name: string; value: string; description: string };
	extension: string;
	mimeType: string;
	/** Why a product has no row in this format (counted in the summary's `skipped`), or undefined. */
	skipReason(product: IDataObject): string | undefined;
	/** Every reason skipReason can give, so the summary always shows them (0 when none). */
	skipReasons: readonly string[];
	head(facts: StoreFacts): string;
	/** The product's rows, each a complete line (or XML element) ending with a line break; none when it has no offer. */
	rows(product: IDataObject, facts: StoreFacts): string[];
	tail(facts: StoreFacts): string;
}

/** A feed row: attribute name -> value (a repeated attribute has several). */
export type FeedRow = Record<string, string | string[]>;
