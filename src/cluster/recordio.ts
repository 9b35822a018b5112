/**
 * Mesos RecordIO framing: `<decimal byte length>\n<that many bytes>`, repeated. Chunks split
 * anywhere, so bytes are buffered and counted, never split by line. A record is joined once, when
 * its last byte has arrived: a first record as large as the cluster's state costs one copy, not
 * one per chunk. The length is checked against the limit before any of the record is kept.
 * The first record can instead be handed on in pieces as they arrive (`onFirstRecordBytes`): the
 * SUBSCRIBED record is as large as the cluster's state, and its reader need not wait for all of it.
 */
export class RecordIoParser {
	#chunks: Uint8Array[] = [];
	#buffered = 0;
	/** Length of the record being read, once its header line is complete. */
	#expected: number | undefined;
	#records = 0;
	#decoder = new TextDecoder('utf-8', {fatal: true});
	readonly #maxRecordBytes: number;
	readonly #maxFirstRecordBytes: number;
	readonly #onFirstRecordBytes: ((bytes: Uint8Array, last: boolean) => void) | undefined;
	/** Bytes of the first record handed on so far, when it is handed on in pieces. */
	#handed = 0;

	/**
	 * `maxFirstRecordBytes` lets the first record (the SUBSCRIBED snapshot, as large as the state)
	 * have its own limit; with `onFirstRecordBytes`, that record's bytes go there, in order, and
	 * `push` returns only the records after it.
	 */
	constructor(maxRecordBytes = 64 * 1024 * 1024, maxFirstRecordBytes = maxRecordBytes, onFirstRecordBytes?: (bytes: Uint8Array, last: boolean) => void) {
		this.#maxRecordBytes = maxRecordBytes;
		this.#maxFirstRecordBytes = maxFirstRecordBytes;
		this.#onFirstRecordBytes = onFirstRecordBytes;
	}

	/** Bytes of the first record read so far, when it is handed on in pieces. */
	get handed(): number {
		return this.#handed;
	}

	/** Bytes held for a record not yet complete. */
	get buffered(): number {
		return this.#buffered;
	}

	/** Length the current record announced, when its header has been read. */
	get expected(): number | undefined {
		return this.#expected;
	}

	push(chunk: Uint8Array): string[] {
		if (chunk.length > 0) {
			this.#chunks.push(chunk);
			this.#buffered += chunk.length;
		}
		const records: string[] = [];
		for (;;) {
			if (this.#expected === undefined && !this.#readHeader()) {
				break;
			}
			const length = this.#expected ?? 0;
			if (this.#records === 0 && this.#onFirstRecordBytes !== undefined) {
				// Chunk by chunk as they came, each a view, never a copy.
				while (this.#handed < length && this.#buffered > 0) {
					const count = Math.min((this.#chunks[0] as Uint8Array).length, length - this.#handed);
					this.#handed += count;
					this.#onFirstRecordBytes(this.#take(count), this.#handed === length);
				}
				if (this.#handed < length) {
					break;
				}
				if (length === 0) {
					this.#onFirstRecordBytes(new Uint8Array(0), true);
				}
				this.#expected = undefined;
				this.#records++;
				continue;
			}
			if (this.#buffered < length) {
				break;
			}
			records.push(this.#decoder.decode(this.#take(length)));
			this.#expected = undefined;
			this.#records++;
		}
		return records;
	}

	/** At the end of the stream: an unfinished record is an error. */
	end(): void {
		if (this.#buffered > 0 || this.#expected !== undefined) {
			const read = this.#records === 0 && this.#onFirstRecordBytes !== undefined ? this.#handed + this.#buffered : this.#buffered;
			throw new Error(`RecordIO: the stream ended inside a record (${read} of ${this.#expected ?? '?'} bytes)`);
		}
	}

	#readHeader(): boolean {
		const head = this.#peek(Math.min(this.#buffered, 24));
		const newline = head.indexOf(10);
		if (newline < 0) {
			const text = new TextDecoder().decode(head);
			if (!/^\d*$/.test(text) || text.length > 20) {
				throw new Error(`RecordIO: expected a decimal record length, got ${JSON.stringify(text)}`);
			}
			return false;
		}
		const header = new TextDecoder().decode(head.subarray(0, newline));
		if (!/^\d+$/.test(header)) {
			throw new Error(`RecordIO: expected a decimal record length, got ${JSON.stringify(header.slice(0, 40))}`);
		}
		const length = Number(header);
		const limit = this.#records === 0 ? this.#maxFirstRecordBytes : this.#maxRecordBytes;
		if (length > limit) {
			throw new Error(`RecordIO: a record of ${length} bytes is over the ${limit} byte limit`);
		}
		this.#take(newline + 1);
		this.#expected = length;
		return true;
	}

	/** The first `count` buffered bytes, without consuming them. */
	#peek(count: number): Uint8Array {
		const first = this.#chunks[0];
		if (first !== undefined && first.length >= count) {
			return first.subarray(0, count);
		}
		const out = new Uint8Array(count);
		let filled = 0;
		for (const chunk of this.#chunks) {
			if (filled >= count) {
				break;
			}
			const part = chunk.subarray(0, count - filled);
			out.set(part, filled);
			filled += part.length;
		}
		return out;
	}

	/** Removes and returns the first `count` buffered bytes. */
	#take(count: number): Uint8Array {
		const first = this.#chunks[0];
		let out: Uint8Array;
		if (first !== undefined && first.length >= count) {
			out = first.subarray(0, count);
			if (first.length === count) {
				this.#chunks.shift();
			} else {
				this.#chunks[0] = first.subarray(count);
			}
		} else {
			out = new Uint8Array(count);
			let filled = 0;
			while (filled < count) {
				const chunk = this.#chunks[0] as Uint8Array;
				const part = chunk.subarray(0, count - filled);
				out.set(part, filled);
				filled += part.length;
				if (part.length === chunk.length) {
					this.#chunks.shift();
				} else {
					this.#chunks[0] = chunk.subarray(part.length);
				}
			}
		}
		this.#buffered -= count;
		return out;
	}
}
