import {localized} from '../i18n/localized.js';
import {ClusterError} from '../errors.js';

/** Longest line, and longest event, an event stream may send before it is dropped as broken. */
export const defaultMaxEventChars = 4 * 1024 * 1024;

/** One Server-Sent Event: the `event:` name (default `message`) and its joined `data:` lines. */
export interface SseMessage {
	event: string;
	data: string;
	id?: string;
}

/**
 * Incremental event-stream parser. Chunks may split anywhere, even inside a UTF-8 character or
 * between CR and LF, so bytes are decoded in streaming mode and only complete lines are read.
 */
export class SseParser {
	#decoder = new TextDecoder('utf-8');
	#buffer = '';
	#event = '';
	#data: string[] = [];
	#id: string | undefined;
	#pendingCr = false;
	#dataChars = 0;
	readonly #maxChars: number;

	constructor(options: {maxEventChars?: number} = {}) {
		this.#maxChars = options.maxEventChars ?? defaultMaxEventChars;
	}

	push(chunk: Uint8Array | string): SseMessage[] {
		const textChunk = typeof chunk === 'string' ? chunk : this.#decoder.decode(chunk, {stream: true});
		return this.#consume(textChunk);
	}

	/** Call at the end of the stream; an event not closed by a blank line is dropped, as the spec says. */
	end(): SseMessage[] {
		const rest = this.#decoder.decode();
		const messages = this.#consume(rest);
		this.#buffer = '';
		this.#event = '';
		this.#data = [];
		this.#dataChars = 0;
		return messages;
	}

	#consume(chunk: string): SseMessage[] {
		let input = chunk;
		if (this.#pendingCr && input.startsWith('\n')) {
			input = input.slice(1);
		}
		this.#pendingCr = false;
		this.#buffer += input;
		const messages: SseMessage[] = [];
		let start = 0;
		for (let index = 0; index < this.#buffer.length; index++) {
			const char = this.#buffer[index];
			if (char !== '\n' && char !== '\r') {
				continue;
			}
			const line = this.#buffer.slice(start, index);
			if (char === '\r') {
				if (index + 1 === this.#buffer.length) {
					this.#pendingCr = true;
				} else if (this.#buffer[index + 1] === '\n') {
					index++;
				}
			}
			start = index + 1;
			const message = this.#line(line);
			if (message) {
				messages.push(message);
			}
		}
		this.#buffer = this.#buffer.slice(start);
		if (this.#buffer.length > this.#maxChars || this.#dataChars > this.#maxChars) {
			// A line without end would otherwise grow until the process runs out of memory.
			throw new ClusterError(localized('errTheEventStreamSentA', {maxChars: this.#maxChars}), {hint: localized('errTheEventStreamSentAHint')});
		}
		return messages;
	}

	#line(line: string): SseMessage | undefined {
		if (line === '') {
			if (this.#data.length === 0) {
				this.#event = '';
				return undefined;
			}
			const message: SseMessage = {event: this.#event || 'message', data: this.#data.join('\n'), ...(this.#id === undefined ? {} : {id: this.#id})};
			this.#event = '';
			this.#data = [];
			this.#dataChars = 0;
			return message;
		}
		if (line.startsWith(':')) {
			return undefined;
		}
		const colon = line.indexOf(':');
		const field = colon < 0 ? line : line.slice(0, colon);
		let value = colon < 0 ? '' : line.slice(colon + 1);
		if (value.startsWith(' ')) {
			value = value.slice(1);
		}
		if (field === 'event') {
			this.#event = value;
		} else if (field === 'data') {
			this.#data.push(value);
			this.#dataChars += value.length + 1;
		} else if (field === 'id') {
			this.#id = value;
		}
		return undefined;
	}
}
