/** V2 returns RFC-2822 dates ("Tue, 20 Nov 2012 00:00:00 +0000"); the node returns ISO 8601. */
const RFC2822 =
	/^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$/;

export function rfc2822ToIso(value: string): string {
	if (!RFC2822.test(value)) return value;
	const time = Date.parse(value);
	return Number.isNaN(time) ? value : new Date(time).toISOString();
}

/** Recursively converts every RFC-2822 date string in a V2 response to ISO 8601. */
export function convertV2Dates<T>(value: T): T {
	if (typeof value === 'string') return rfc2822ToIso(value) as unknown as T;
	if (Array.isArray(value)) return value.map((entry) => convertV2Dates(entry)) as unknown as T;
	if (value && typeof value === 'object') {
		const out: Record<string, unknown> = {};
		for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
			out[key] = convertV2Dates(entry);
		}
		return out as T;
	}
	return value;
}
