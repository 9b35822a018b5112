/**
 * The values at chosen paths of one JSON document that arrives in byte chunks, each handed over
 * parsed as soon as its last byte is in: a 100,000-task SUBSCRIBED record is over 100 MB, and
 * parsed whole it becomes a tree several times that size, built only once every byte has come.
 * Here one task's tree exists at a time, and the first tasks are known while the rest travel.
 *
 * Written here because the streaming JSON libraries tokenise and build every value in
 * JavaScript, several times slower than the engine's JSON.parse. This scan only follows the
 * structure down to the chosen paths; below them and beside them it counts brackets and skips
 * strings (with `indexOf`, escapes counted), and JSON.parse judges every value handed over.
 * UTF-8 needs no care: every byte of a multi-byte character is 0x80 or above, never one of the
 * ASCII bytes the scan looks for.
 */

const quote = 0x22;
const backslash = 0x5c;
const comma = 0x2c;
const colon = 0x3a;
const openBrace = 0x7b;
const closeBrace = 0x7d;
const openBracket = 0x5b;
const closeBracket = 0x5d;

/** A path: object keys, and `[]` for "every element of this array". */
export type JsonPath = readonly string[];

interface PathNode {
	/** The name the caller gave this path, when a value here is to be handed over. */
	take?: string;
	children: Map<string, PathNode>;
}

type Expect = 'key' | 'colon' | 'value' | 'next' | 'done';

interface Frame {
	array: boolean;
	node: PathNode;
	expect: Expect;
	/** In an object, the path below the key just read (undefined: nothing wanted there). */
	valueNode: PathNode | undefined;
}

type Mode =
	/** Between tokens, where the path still matters. */
	| {kind: 'structure'}
	/** In a string met in structure: a key (`key`), or a value. */
	| {kind: 'string'; key: boolean; backslashes: number}
	/** In a number or literal met in structure. */
	| {kind: 'scalar'}
	/** In an object or array the scan does not enter: brackets counted, strings skipped. */
	| {kind: 'skip'; depth: number; inString: boolean; backslashes: number};

/**
 * The text of a value whose bytes may span chunks. Bytes that are not UTF-8 become U+FFFD here;
 * the answer's JSON is UTF-8 by RFC 8259, and a replacement character can only appear inside a
 * string, where it changes a name shown on screen and nothing else.
 */
function textOf(parts: Buffer[]): string {
	return (parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts)).toString('utf8');
}

function isSpace(byte: number): boolean {
	return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

export class JsonPathValues {
	readonly #root: PathNode = {children: new Map()};
	readonly #each: (name: string, value: unknown) => void;
	#frames: Frame[] = [];
	#rootExpect: Expect = 'value';
	#mode: Mode = {kind: 'structure'};
	/** The value being handed over: its name and its bytes from earlier chunks. */
	#capture: {name: string; parts: Buffer[]} | undefined;
	#keyParts: Buffer[] = [];
	/**
	 * Elements of one array that lie whole in the current chunk, one after another: parsed with one
	 * JSON.parse when the run ends, which costs far less than a call, and a decode, per element.
	 */
	#run: {name: string; frame: Frame; chunk: Buffer; from: number; to: number} | undefined;
	#offset = 0;

	/** `paths` maps a name to a path; `each` gets the name and the parsed value of every match, in document order. */
	constructor(paths: Record<string, JsonPath>, each: (name: string, value: unknown) => void) {
		for (const [name, path] of Object.entries(paths)) {
			let node = this.#root;
			for (const step of path) {
				let child = node.children.get(step);
				if (child === undefined) {
					child = {children: new Map()};
					node.children.set(step, child);
				}
				node = child;
			}
			node.take = name;
		}
		this.#each = each;
	}

	push(bytes: Uint8Array): void {
		// A Buffer over the same memory: its native toString decodes one value at a time far faster
		// than a TextDecoder call per value.
		this.#scan(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length));
		this.#offset += bytes.length;
	}

	#scan(chunk: Buffer): void {
		// Where in this chunk the value being handed over (or the key being read) begins.
		let captureFrom = 0;
		let keyFrom = 0;
		let at = 0;
		while (at < chunk.length) {
			const mode = this.#mode;
			if (mode.kind === 'skip') {
				at = this.#skip(chunk, at, mode);
				if (mode.depth === 0) {
					this.#valueEnded(chunk, captureFrom, at);
				}
				continue;
			}
			if (mode.kind === 'string') {
				const end = this.#stringEnd(chunk, at, mode);
				if (end < 0) {
					at = chunk.length;
					continue;
				}
				at = end + 1;
				this.#mode = {kind: 'structure'};
				if (mode.key) {
					this.#keyParts.push(chunk.subarray(keyFrom, at));
					this.#keyRead();
				} else {
					this.#valueEnded(chunk, captureFrom, at);
				}
				continue;
			}
			const byte = chunk[at] as number;
			if (mode.kind === 'scalar') {
				if (byte === comma || byte === closeBrace || byte === closeBracket || isSpace(byte)) {
					this.#mode = {kind: 'structure'};
					this.#valueEnded(chunk, captureFrom, at);
				} else {
					at++;
				}
				continue;
			}
			if (isSpace(byte)) {
				at++;
				continue;
			}
			const frame = this.#frames.at(-1);
			const expect = frame === undefined ? this.#rootExpect : frame.expect;
			if (expect === 'value' && !(byte === closeBracket && frame?.array === true)) {
				const node = frame === undefined ? this.#root : frame.array ? frame.node.children.get('[]') : frame.valueNode;
				captureFrom = at;
				this.#valueStarts(byte, node, at);
				at++;
				continue;
			}
			if (frame === undefined) {
				throw this.#malformed(byte, at);
			}
			if (expect === 'key' && byte === quote) {
				keyFrom = at;
				this.#keyParts = [];
				this.#mode = {kind: 'string', key: true, backslashes: 0};
				at++;
			} else if (expect === 'colon' && byte === colon) {
				frame.expect = 'value';
				at++;
			} else if (expect === 'next' && byte === comma) {
				frame.expect = frame.array ? 'value' : 'key';
				at++;
			} else if ((expect === 'next' || expect === 'key') && byte === closeBrace && !frame.array) {
				this.#frames.pop();
				this.#afterValue();
				at++;
			} else if ((expect === 'next' || expect === 'value') && byte === closeBracket && frame.array) {
				this.#frames.pop();
				this.#afterValue();
				at++;
			} else {
				throw this.#malformed(byte, at);
			}
		}
		this.#flushRun();
		// What is still open carries on in the next chunk.
		if (this.#capture !== undefined && this.#mode.kind !== 'structure') {
			this.#capture.parts.push(chunk.subarray(captureFrom));
		}
		if (this.#mode.kind === 'string' && this.#mode.key) {
			this.#keyParts.push(chunk.subarray(keyFrom));
		}
	}

	/** At the end of the document: anything left open is an error. */
	end(): void {
		if (this.#mode.kind === 'scalar') {
			this.#mode = {kind: 'structure'};
			this.#valueEnded(Buffer.alloc(0), 0, 0);
		}
		this.#flushRun();
		if (this.#frames.length > 0 || this.#mode.kind !== 'structure' || this.#rootExpect !== 'done') {
			throw new Error(`JSON: the document ended after ${this.#offset} bytes with a value still open`);
		}
	}

	#valueStarts(byte: number, node: PathNode | undefined, at: number): void {
		const take = node?.take;
		if (take !== undefined) {
			this.#capture = {name: take, parts: []};
		}
		if (byte === openBrace || byte === openBracket) {
			if (take === undefined && node !== undefined && node.children.size > 0) {
				this.#frames.push({array: byte === openBracket, node, expect: byte === openBracket ? 'value' : 'key', valueNode: undefined});
				return;
			}
			this.#mode = {kind: 'skip', depth: 1, inString: false, backslashes: 0};
		} else if (byte === quote) {
			this.#mode = {kind: 'string', key: false, backslashes: 0};
		} else if (byte === comma || byte === colon || byte === closeBrace || byte === closeBracket) {
			throw this.#malformed(byte, at);
		} else {
			this.#mode = {kind: 'scalar'};
		}
	}

	/** A value (not a container the scan entered) ended just before `end`: hand it over if wanted. */
	#valueEnded(chunk: Buffer, from: number, end: number): void {
		const capture = this.#capture;
		if (capture !== undefined) {
			this.#capture = undefined;
			const frame = this.#frames.at(-1);
			const run = this.#run;
			if (capture.parts.length > 0 || frame?.array !== true) {
				this.#flushRun();
				capture.parts.push(chunk.subarray(from, end));
				this.#each(capture.name, JSON.parse(textOf(capture.parts)) as unknown);
			} else if (run !== undefined && run.frame === frame && run.chunk === chunk && run.name === capture.name) {
				// Only a comma and spaces lie between this element and the one before it.
				run.to = end;
			} else {
				this.#flushRun();
				this.#run = {name: capture.name, frame, chunk, from, to: end};
			}
		}
		this.#afterValue();
	}

	#flushRun(): void {
		const run = this.#run;
		if (run === undefined) {
			return;
		}
		this.#run = undefined;
		for (const value of JSON.parse(`[${run.chunk.toString('utf8', run.from, run.to)}]`) as unknown[]) {
			this.#each(run.name, value);
		}
	}

	#afterValue(): void {
		const frame = this.#frames.at(-1);
		if (frame === undefined) {
			this.#rootExpect = 'done';
		} else {
			frame.expect = 'next';
		}
	}

	#keyRead(): void {
		const frame = this.#frames.at(-1) as Frame;
		const key = JSON.parse(textOf(this.#keyParts)) as string;
		frame.valueNode = frame.node.children.get(key);
		frame.expect = 'colon';
	}

	/**
	 * Index of the quote that closes the string, or -1 when it goes on past this chunk. A quote
	 * after an odd run of backslashes is part of the string; the run may begin in an earlier chunk.
	 */
	#stringEnd(chunk: Buffer, from: number, state: {backslashes: number}): number {
		let at = from;
		for (;;) {
			const found = chunk.indexOf(quote, at);
			const stop = found < 0 ? chunk.length : found;
			// Only the backslashes right before the stop matter; the count carries across chunks.
			let run = 0;
			let back = stop - 1;
			while (back >= at && chunk[back] === backslash) {
				run++;
				back--;
			}
			const escapes = back < at ? state.backslashes + run : run;
			if (found < 0) {
				state.backslashes = escapes;
				return -1;
			}
			state.backslashes = 0;
			if (escapes % 2 === 0) {
				return found;
			}
			at = found + 1;
		}
	}

	/** Skips through a container the scan does not enter; returns where it stopped. */
	#skip(chunk: Buffer, from: number, state: Extract<Mode, {kind: 'skip'}>): number {
		let at = from;
		while (at < chunk.length) {
			if (state.inString) {
				const end = this.#stringEnd(chunk, at, state);
				if (end < 0) {
					return chunk.length;
				}
				state.inString = false;
				at = end + 1;
				continue;
			}
			const byte = chunk[at] as number;
			at++;
			if (byte === quote) {
				state.inString = true;
				state.backslashes = 0;
			} else if (byte === openBrace || byte === openBracket) {
				state.depth++;
			} else if (byte === closeBrace || byte === closeBracket) {
				state.depth--;
				if (state.depth === 0) {
					this.#mode = {kind: 'structure'};
					return at;
				}
			}
		}
		return at;
	}

	#malformed(byte: number, at: number): Error {
		return new Error(`JSON: unexpected ${JSON.stringify(String.fromCharCode(byte))} near byte ${this.#offset + at}`);
	}
}
