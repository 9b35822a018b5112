import {PassThrough, Writable} from 'node:stream';
import type {CommandContext} from '../../src/cli/context.js';

/** A writable stream that keeps what it is given, for reading a command's output. */
export class Capture extends Writable {
	text = '';
	override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
		this.text += chunk.toString();
		done();
	}
}

/** A command context over a temp home and captured streams; `input` is what the user types. */
export function testContext(home: string, input = ''): CommandContext & {stdout: Capture; stderr: Capture} {
	const stdin = new PassThrough();
	stdin.end(input);
	return {home, lang: 'en', debug: false, stdout: new Capture(), stderr: new Capture(), stdin, isTTY: false, env: {}};
}
