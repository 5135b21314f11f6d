/**
 * Reading BigCommerce's error bodies: the message and field errors of a failed answer, and the
 * failed items of a 207 Multi-Status answer. No n8n types here; errors.ts builds the NodeApiError.
 */

/** The BigCommerce error body, in any of its documented shapes, reduced to text. */
export interface ParsedApiError {
	message: string;
	/** Field errors and further explanations, one line each ("sku: must be unique"). */
	details: string[];
}

/** One failed item of a 207 Multi-Status answer. */
export interface ItemFailure {
	/** The key BigCommerce used for the item (an index, an ID or a field), if any. */
	item?: string;
	message: string;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
	return Boolean(value) && typeof value === 'object' && !Array.isArray(value);
}

export function asText(value: unknown): string {
	if (typeof value === 'string') return value;
	if (value === undefined || value === null) return '';
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (Array.isArray(value)) return value.map(asText).filter(Boolean).join(', ');
	return JSON.stringify(value);
}

/** `errors` as BigCommerce writes it: a map of field → message, a list, or a string. */
function fieldErrors(errors: unknown): string[] {
	if (typeof errors === 'string') return errors ? [errors] : [];
	if (Array.isArray(errors)) {
		const out: string[] = [];
		for (const entry of errors) {
			if (isRecord(entry)) {
				const text = asText(entry.message ?? entry.title ?? entry.detail ?? '');
				const nested = fieldErrors(entry.errors ?? entry.details);
				if (text) out.push(nested.length ? `${text} (${nested.join('; ')})` : text);
				else out.push(...nested);
			} else if (entry !== undefined && entry !== null && entry !== '') out.push(asText(entry));
		}
		return out;
	}
	if (isRecord(errors)) {
		return Object.entries(errors).map(([field, message]) =>
			isRecord(message) || Array.isArray(message)
				? `${field}: ${fieldErrors(message).join('; ') || asText(message)}`
				: `${field}: ${asText(message)}`,
		);
	}
	return [];
}

/**
 * Accepts a V2 bare array `[{status, message, details?}]`, a V3 `{title, detail, errors}` object
 * (errors as a map or a list), a `{errors: [{status, title}]}` wrapper (customers V2) and text.
 */
export function parseErrorBody(body: unknown): ParsedApiError {
	if (Array.isArray(body)) {
		const messages: string[] = [];
		const details: string[] = [];
		for (const entry of body) {
			if (isRecord(entry)) {
				const text = asText(entry.message ?? entry.title ?? entry.detail ?? '');
				if (text) messages.push(text);
				details.push(...fieldErrors(entry.details ?? entry.errors));
			} else if (entry !== undefined && entry !== null) messages.push(asText(entry));
		}
		return { message: messages.filter(Boolean).join('; '), details };
	}
	if (isRecord(body)) {
		const details: string[] = [];
		const title = asText(body.title ?? body.message ?? '');
		const detail = asText(body.detail ?? '');
		if (detail && detail !== title) details.push(detail);
		const listed = fieldErrors(body.errors ?? body.details);
		if (!title && Array.isArray(body.errors) && listed.length) {
			// customers V2: { errors: [{ status, title }] } — the titles are the message
			return { message: listed.join('; '), details };
		}
		details.push(...listed);
		return { message: title || details.shift() || '', details };
	}
	return { message: asText(body).trim().slice(0, 500), details: [] };
}

/**
 * The failed items of a 207 Multi-Status answer. V3 catalog writes send
 * `errors: {status, title, type, errors: {<key>: <message>}}`; metafield batches send
 * `errors: [{status, title, type, errors: {<key>: <message>}}]`.
 */
export function multiStatusFailures(body: unknown): ItemFailure[] {
	if (!isRecord(body)) return [];
	const blocks = Array.isArray(body.errors) ? body.errors : body.errors ? [body.errors] : [];
	const failures: ItemFailure[] = [];
	for (const block of blocks) {
		if (!isRecord(block)) {
			if (block) failures.push({ message: asText(block) });
			continue;
		}
		const title = asText(block.title ?? block.message ?? block.detail ?? '');
		const inner = block.errors;
		if (isRecord(inner) && Object.keys(inner).length) {
			for (const [key, message] of Object.entries(inner)) {
				const text =
					isRecord(message) || Array.isArray(message)
						? fieldErrors(message).join('; ')
						: asText(message);
				failures.push({
					item: key,
					message: title && text !== title ? `${text} (${title})` : text,
				});
			}
		} else if (Array.isArray(inner) && inner.length) {
			for (const text of fieldErrors(inner))
				failures.push({ message: title ? `${text} (${title})` : text });
		} else if (title) failures.push({ message: title });
	}
	return failures;
}
