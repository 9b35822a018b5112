/**
 * Results derived from one of a snapshot's lists, remembered for as long as that list lives.
 * The dashboard keeps an unchanged list across refreshes (see snapshot-change.ts), so sorting,
 * filtering and joining 20,000 tasks happens once per change rather than once per frame.
 */
export class ListCache<T> {
	readonly #entries = new WeakMap<object, Map<string, T>>();

	/** What is remembered for the list under this key, without making it. */
	peek(list: object, key: string): T | undefined {
		return this.#entries.get(list)?.get(key);
	}

	get(list: object, key: string, make: () => T): T {
		let byKey = this.#entries.get(list);
		if (!byKey) {
			byKey = new Map();
			this.#entries.set(list, byKey);
		}
		let value = byKey.get(key);
		if (value === undefined) {
			value = make();
			// A list is shown under a handful of views and filters; forget the oldest beyond that.
			if (byKey.size >= 16) {
				const oldest = byKey.keys().next().value;
				if (oldest !== undefined) {
					byKey.delete(oldest);
				}
			}
			byKey.set(key, value);
		}
		return value;
	}
}
