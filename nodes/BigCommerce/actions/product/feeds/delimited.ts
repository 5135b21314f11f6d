import type { IDataObject } from 'n8n-workflow';

import { imageFeedSkipReason, IMAGE_FEED_SKIP_REASONS, offersWithImage } from './offers';
import type { Offer, StoreFacts } from './offers';
import type { FeedFormat, FeedRow } from './types';

/**
 * A feed file of a header row and one line per offer (Google's TSV, Meta's CSV): the format gives
 * its columns, how an offer becomes a row and how a value becomes a cell.
 */
export function delimitedFeed(spec: {
	option: FeedFormat['option'];
	extension: string;
	mimeType: string;
	columns: readonly string[];
	separator: string;
	row: (offer: Offer, facts: StoreFacts) => FeedRow;
	cell: (value: string | string[] | undefined) => string;
}): FeedFormat {
	return {
		option: spec.option,
		extension: spec.extension,
		mimeType: spec.mimeType,
		skipReason: imageFeedSkipReason,
		skipReasons: IMAGE_FEED_SKIP_REASONS,
		head: () => `${spec.columns.join(spec.separator)}\n`,
		rows: (product: IDataObject, facts: StoreFacts) =>
			offersWithImage(product, facts).map((offer) => {
				const row = spec.row(offer, facts);
				return `${spec.columns.map((column) => spec.cell(row[column])).join(spec.separator)}\n`;
			}),
		tail: () => '',
	};
}
