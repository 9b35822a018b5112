import {StringDecoder} from 'node:string_decoder';

/**
 * Collects a byte stream as text and hands each complete line to `onLine`. A multi-byte character
 * split across chunks is kept whole, and a last line without a newline is delivered by `end()`.
 */
export class LineSplitter {
	private readonly decoder = new StringDecoder('utf8');
	private pending = '';
	private collected = '';

	private readonly onLine: ((line: string) => void) | undefined;

	constructor(onLine?: (line: string) => void) {
		this.onLine = onLine;
	}

	push(chunk: Buffer | string): void {
		const text = typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
		this.collected += text;
		this.pending += text;
		this.flushLines();
	}

	/** Delivers the unterminated last line, if any, and returns all text seen. */
	end(): string {
		const rest = this.decoder.end();
		this.collected += rest;
		this.pending += rest;
		this.flushLines();
		if (this.pending !== '') {
			this.onLine?.(this.pending);
			this.pending = '';
		}
		return this.collected;
	}

	private flushLines(): void {
		let newline = this.pending.indexOf('\n');
		while (newline !== -1) {
			this.onLine?.(this.pending.slice(0, newline).replace(/\r$/, ''));
			this.pending = this.pending.slice(newline + 1);
			newline = this.pending.indexOf('\n');
		}
	}
}
