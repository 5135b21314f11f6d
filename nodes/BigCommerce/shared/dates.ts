/** Date conversions for requests and outputs (the transport converts V2 response dates itself). */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

const pad = (n: number) => String(n).padStart(2, '0');

/** RFC-2822 as V2 expects it: "Tue, 20 Nov 2012 00:00:00 +0000". */
export function toRfc2822(ms: number): string {
	const d = new Date(ms);
	return `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

/** ISO 8601 in UTC without milliseconds: "2026-12-31T23:59:00Z". */
export function toIso(ms: number): string {
	return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** An API date (ISO, RFC-2822 or empty) as ISO 8601, or null when there is none. */
export function isoOrNull(value: unknown): string | null {
	if (value === undefined || value === null || value === '') return null;
	const time = Date.parse(String(value));
	return Number.isNaN(time) ? null : toIso(time);
}
