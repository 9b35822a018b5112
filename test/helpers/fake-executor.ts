import type {CommandResult, Executor, RunOptions, UploadOptions} from '../../src/exec/executor.js';

/** One scripted answer: which command lines it answers, and what they print and return. */
export interface FakeCommand {
	match: string | RegExp;
	stdout?: string;
	stderr?: string;
	exitCode?: number;
	/** Answer at most this many times (default: any number). */
	times?: number;
	/** Throw this instead of answering, as a dropped SSH link does (ConnectionError). */
	throws?: Error;
}

export interface FakeExecutorOptions {
	/**
	 * The answer to a command the script does not name. Without it such a command throws, so a test
	 * notices a step running something new; a probe table may instead let unnamed probes fail.
	 */
	unmatched?: {exitCode: number; stderr?: string};
}

/**
 * The one scripted executor of the tests: it answers from a script (first match wins), records every
 * command it was asked, and fails loudly on any command nobody expected unless told how to answer it.
 */
export class FakeExecutor implements Executor {
	readonly label: string;
	readonly commands: string[] = [];
	readonly uploads = new Map<string, {content: string; mode: number | undefined}>();
	closed = false;
	readonly #script: FakeCommand[];
	readonly #used = new Map<FakeCommand, number>();
	readonly #unmatched: FakeExecutorOptions['unmatched'];

	constructor(script: readonly FakeCommand[], label = 'fake', options: FakeExecutorOptions = {}) {
		this.#script = [...script];
		this.label = label;
		this.#unmatched = options.unmatched;
	}

	/** Adds answers after construction, for commands that depend on earlier results. */
	expect(...commands: FakeCommand[]): void {
		this.#script.push(...commands);
	}

	async run(command: string, options: RunOptions = {}): Promise<CommandResult> {
		const entry = this.#script.find(candidate =>
			(typeof candidate.match === 'string' ? candidate.match === command : candidate.match.test(command))
			&& (candidate.times === undefined || (this.#used.get(candidate) ?? 0) < candidate.times));
		if (!entry) {
			if (this.#unmatched) {
				this.commands.push(command);
				return {exitCode: this.#unmatched.exitCode, stdout: '', stderr: this.#unmatched.stderr ?? '', durationMs: 1};
			}
			throw new Error(`FakeExecutor(${this.label}) got an unexpected command: ${command}`);
		}
		this.#used.set(entry, (this.#used.get(entry) ?? 0) + 1);
		this.commands.push(command);
		if (entry.throws) {
			throw entry.throws;
		}
		const stdout = entry.stdout ?? '';
		const stderr = entry.stderr ?? '';
		for (const line of lines(stdout)) {
			options.onStdoutLine?.(line);
		}
		for (const line of lines(stderr)) {
			options.onStderrLine?.(line);
		}
		return {exitCode: entry.exitCode ?? 0, stdout, stderr, durationMs: 1};
	}

	async upload(path: string, content: string | Buffer, options: UploadOptions = {}): Promise<void> {
		this.uploads.set(path, {content: content.toString(), mode: options.mode});
	}

	async download(path: string): Promise<{content: Buffer; mode: number}> {
		const file = this.uploads.get(path);
		if (!file) {
			throw new Error(`FakeExecutor(${this.label}) has no file ${path}`);
		}
		return {content: Buffer.from(file.content), mode: file.mode ?? 0o644};
	}

	async close(): Promise<void> {
		this.closed = true;
	}
}

function lines(text: string): string[] {
	return text === '' ? [] : text.replace(/\n$/, '').split('\n');
}
