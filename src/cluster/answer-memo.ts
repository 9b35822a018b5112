import type {HttpOptions} from './http.js';

/** How a source is read: the transport, and optionally a memo that remembers the last answers. */
export interface SourceReadOptions extends HttpOptions {
	memo?: AnswerMemo | undefined;
}

/**
 * Remembers, per named slot, the last decoded answer. An idle cluster answers the same bytes at
 * every refresh, or bytes that differ only in counters the snapshot does not keep: then the previous
 * value comes back, the very same arrays, so decoding is skipped where the bytes match and every
 * later stage (the join, the derived events, the dashboard) can tell "unchanged" by identity.
 */
export class AnswerMemo {
	readonly #bodies = new Map<string, {body: string; value: unknown}>();
	readonly #values = new Map<string, unknown>();

	/** `decode(body)`, or the value it gave last time for the same slot and the same bytes. */
	decode<T>(slot: string, body: string, decode: (body: string) => T): T {
		const last = this.#bodies.get(slot);
		if (last !== undefined && last.body === body) {
			return last.value as T;
		}
		const value = decode(body);
		this.#bodies.set(slot, {body, value});
		return value;
	}

	/** `value`, or the slot's previous value when the two hold the same data. */
	settle<T>(slot: string, value: T): T {
		const last = this.#values.get(slot);
		if (last !== undefined && (last === value || sameData(last, value))) {
			return last as T;
		}
		this.#values.set(slot, value);
		return value;
	}
}

/** Decodes through the memo when there is one. */
export function decodeAnswer<T>(memo: AnswerMemo | undefined, slot: string, body: string, decode: (body: string) => T): T {
	return memo === undefined ? decode(body) : memo.decode(slot, body, decode);
}

/** Settles through the memo when there is one. */
export function settleValue<T>(memo: AnswerMemo | undefined, slot: string, value: T): T {
	return memo === undefined ? value : memo.settle(slot, value);
}

/** Deep equality of plain data: primitives, arrays, plain objects (with `undefined` properties as absent) and Maps. */
export function sameData(left: unknown, right: unknown): boolean {
	if (left === right) {
		return true;
	}
	if (typeof left !== 'object' || typeof right !== 'object' || left === null || right === null) {
		return false;
	}
	if (Array.isArray(left)) {
		return Array.isArray(right) && left.length === right.length && left.every((item, index) => sameData(item, right[index]));
	}
	if (left instanceof Map) {
		return right instanceof Map && left.size === right.size && [...left].every(([key, item]) => right.has(key) && sameData(item, right.get(key)));
	}
	if (Array.isArray(right) || right instanceof Map) {
		return false;
	}
	const leftRecord = left as Record<string, unknown>;
	const rightRecord = right as Record<string, unknown>;
	let leftCount = 0;
	for (const key in leftRecord) {
		if (leftRecord[key] === undefined) {
			continue;
		}
		leftCount++;
		if (!sameData(leftRecord[key], rightRecord[key])) {
			return false;
		}
	}
	let rightCount = 0;
	for (const key in rightRecord) {
		if (rightRecord[key] !== undefined) {
			rightCount++;
		}
	}
	return leftCount === rightCount;
}
