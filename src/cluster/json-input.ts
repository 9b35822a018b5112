/**
 * Lenient readers for decoded JSON. Upstream answers differ between versions: a field may be
 * missing, renamed or of another type, so every reader falls back to a default instead of throwing.
 */
export type JsonRecord = Record<string, unknown>;

export function record(value: unknown): JsonRecord {
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonRecord) : {};
}

export function isRecord(value: unknown): value is JsonRecord {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function list(value: unknown): unknown[] {
	return Array.isArray(value) ? value : [];
}

export function text(value: unknown, fallback = ''): string {
	if (typeof value === 'string') {
		return value;
	}
	if (typeof value === 'number' || typeof value === 'boolean') {
		return String(value);
	}
	return fallback;
}

export function optionalText(value: unknown): string | undefined {
	const result = text(value);
	return result === '' ? undefined : result;
}

export function num(value: unknown, fallback = 0): number {
	if (typeof value === 'number' && Number.isFinite(value)) {
		return value;
	}
	if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
		return Number(value);
	}
	return fallback;
}

export function flag(value: unknown, fallback = false): boolean {
	return typeof value === 'boolean' ? value : fallback;
}

/** Mesos v1 wraps ids as `{value}`; v0 writes plain strings. */
export function idText(value: unknown): string {
	return isRecord(value) ? text(value.value) : text(value);
}

/** The first of several alternative field names that is present. */
export function firstOf(source: JsonRecord, ...names: string[]): unknown {
	for (const name of names) {
		if (source[name] !== undefined && source[name] !== null) {
			return source[name];
		}
	}
	return undefined;
}

/** A flat map of labels or attributes with every value turned into a string. */
export function stringMap(value: unknown): Record<string, string> {
	const result: Record<string, string> = {};
	for (const [key, item] of Object.entries(record(value))) {
		result[key] = text(item);
	}
	return result;
}

/** Seconds since the epoch (Mesos writes floats) as an ISO timestamp. */
export function secondsToIso(value: unknown): string | undefined {
	const seconds = num(value, Number.NaN);
	return Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000).toISOString() : undefined;
}
