/**
 * Mesos RecordIO framing: `<decimal byte length>\n<that many bytes>`, repeated. Chunks split
 * anywhere, so bytes are buffered and counted, never split by line.
 */
export class RecordIoParser {
	#buffer: Uint8Array = new Uint8Array(0);
	#decoder = new TextDecoder('utf-8', {fatal: true});
	readonly #maxRecordBytes: number;

	constructor(maxRecordBytes = 64 * 1024 * 1024) {
		this.#maxRecordBytes = maxRecordBytes;
	}

	push(chunk: Uint8Array): string[] {
		const joined = new Uint8Array(this.#buffer.length + chunk.length);
		joined.set(this.#buffer);
		joined.set(chunk, this.#buffer.length);
		const records: string[] = [];
		let offset = 0;
		for (;;) {
			const newline = joined.indexOf(10, offset);
			if (newline < 0) {
				this.#checkLengthPrefix(joined.subarray(offset));
				break;
			}
			const header = new TextDecoder().decode(joined.subarray(offset, newline));
			if (!/^\d+$/.test(header)) {
				throw new Error(`RecordIO: expected a decimal record length, got ${JSON.stringify(header.slice(0, 40))}`);
			}
			const length = Number(header);
			if (length > this.#maxRecordBytes) {
				throw new Error(`RecordIO: a record of ${length} bytes is over the ${this.#maxRecordBytes} byte limit`);
			}
			if (joined.length - (newline + 1) < length) {
				break;
			}
			records.push(this.#decoder.decode(joined.subarray(newline + 1, newline + 1 + length)));
			offset = newline + 1 + length;
		}
		this.#buffer = joined.slice(offset);
		return records;
	}

	/** At the end of the stream: an unfinished record is an error. */
	end(): void {
		if (this.#buffer.length > 0) {
			throw new Error(`RecordIO: the stream ended inside a record (${this.#buffer.length} bytes left)`);
		}
	}

	#checkLengthPrefix(rest: Uint8Array): void {
		const text = new TextDecoder().decode(rest.subarray(0, 24));
		if (!/^\d*$/.test(text) || text.length > 20) {
			throw new Error(`RecordIO: expected a decimal record length, got ${JSON.stringify(text)}`);
		}
	}
}
