import {EventEmitter} from 'node:events';

/** A terminal of a given size that keeps the last frame Ink drew. */
export class Terminal extends EventEmitter {
	readonly columns: number;
	readonly rows: number;
	frame = '';

	constructor(columns: number, rows: number) {
		super();
		this.columns = columns;
		this.rows = rows;
	}

	write = (frame: string, done?: () => void) => {
		if (frame !== '') {
			this.frame = frame;
		}

		done?.();
		return true;
	};
}

/** Keys typed by the test. */
export class Keyboard extends EventEmitter {
	readonly isTTY = true;
	#data: string | null = null;

	type(data: string): void {
		this.#data = data;
		this.emit('readable');
		this.emit('data', data);
	}

	read = () => {
		const data = this.#data;
		this.#data = null;
		return data;
	};

	setEncoding() {}
	setRawMode() {}
	resume() {}
	pause() {}
	ref() {}
	unref() {}
}
