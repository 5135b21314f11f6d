/**
 * Readers for the files the export writes (CSV, TSV, RSS XML) into rows; the rows are checked with
 * feedRowProblems from nodes/BigCommerce/actions/product/feeds/rules.ts (the one table of rules).
 */

/** Splits CSV text (RFC 4180: quoted cells, "" inside quotes) into rows of cells. */
export function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	for (let at = 0; at < text.length; at++) {
		const char = text[at];
		if (quoted) {
			if (char === '"' && text[at + 1] === '"') {
				cell += '"';
				at++;
			} else if (char === '"') quoted = false;
			else cell += char;
		} else if (char === '"') quoted = true;
		else if (char === ',') {
			row.push(cell);
			cell = '';
		} else if (char === '\n') {
			row.push(cell);
			rows.push(row);
			row = [];
			cell = '';
		} else cell += char;
	}
	if (cell !== '' || row.length) rows.push([...row, cell]);
	return rows;
}

export type ParsedRow = Record<string, string | string[]>;

/** Header + rows of cells -> one object per row; empty cells left out, `repeated` columns split on commas. */
export function rowsByHeader(table: string[][], repeated: string[] = []): ParsedRow[] {
	const [header, ...rows] = table;
	return rows.map((cells) => {
		expect(cells).toHaveLength(header.length);
		const row: ParsedRow = {};
		header.forEach((column, at) => {
			if (cells[at] === '') return;
			row[column] = repeated.includes(column) ? cells[at].split(',') : cells[at];
		});
		return row;
	});
}

/** A tab-separated file (Google: no quoting; a header row of attribute names). */
export function parseTsv(text: string, repeated: string[] = []): ParsedRow[] {
	const lines = text.split('\n');
	expect(lines.pop()).toBe('');
	return rowsByHeader(
		lines.map((line) => line.split('\t')),
		repeated,
	);
}

const XML_ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
};

/** The <item>s of a Google RSS feed: each g: element becomes an attribute; repeated elements a list. */
export function parseRssItems(xml: string, repeated: string[] = []): ParsedRow[] {
	return [...xml.matchAll(/<item>([\s\S]*?)<\/item>/g)].map(([, body]) => {
		const row: ParsedRow = {};
		for (const [, name, raw, close] of body.matchAll(/<g:([a-z_]+)>([^<]*)<\/g:([a-z_]+)>/g)) {
			expect(close).toBe(name);
			const value = raw.replace(
				/&(amp|lt|gt|quot|apos);/g,
				(_, entity: string) => XML_ENTITIES[entity],
			);
			const before = row[name];
			if (repeated.includes(name)) row[name] = [...((before as string[] | undefined) ?? []), value];
			else {
				expect(before).toBeUndefined();
				row[name] = value;
			}
		}
		return row;
	});
}
