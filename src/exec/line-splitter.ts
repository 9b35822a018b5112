import {StringDecoder} from 'node:string_decoder';

/**
 * Collects a byte stream as text and hands each complete line to `onLine`. A multi-byte character
 * split across chunks is kept whole, and a last line without a newline is delivered by `end()`.
 * `intercept` sees each line first; a line it claims (markers the executor itself printed) is
 * neither passed on nor kept in the collected text.
 */
export class LineSplitter {
	private readonly decoder = new StringDecoder('utf8');
	private pending = '';
	private collected = '';

	private readonly onLine: ((line: string) => void) | undefined;
	private readonly intercept: ((line: string) => boolean) | undefined;

	constructor(onLine?: (line: string) => void, intercept?: (line: string) => boolean) {
		this.onLine = onLine;
		this.intercept = intercept;
	}

	push(chunk: Buffer | string): void {
		this.pending += typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
		this.flushLines();
	}

	/** Delivers the unterminated last line, if any, and returns all text seen. */
	end(): string {
		this.pending += this.decoder.end();
		this.flushLines();
		if (this.pending !== '') {
			this.deliver(this.pending, this.pending);
			this.pending = '';
		}
		return this.collected;
	}

	private flushLines(): void {
		let newline = this.pending.indexOf('\n');
		while (newline !== -1) {
			this.deliver(this.pending.slice(0, newline + 1), this.pending.slice(0, newline).replace(/\r$/, ''));
			this.pending = this.pending.slice(newline + 1);
			newline = this.pending.indexOf('\n');
		}
	}

	private deliver(raw: string, line: string): void {
		if (this.intercept?.(line) === true) {
			return;
		}
		this.collected += raw;
		this.onLine?.(line);
	}
}
