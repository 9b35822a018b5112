import type {CommandResult, Executor, RunOptions, UploadOptions} from '../../src/exec/executor.js';

/** One scripted answer: which command lines it answers, and what they print and return. */
export interface FakeCommand {
	match: string | RegExp;
	stdout?: string;
	stderr?: string;
	exitCode?: number;
	/** Answer at most this many times (default: any number). */
	times?: number;
}

/**
 * An executor that answers from a script and fails loudly on any command nobody expected, so a
 * test notices a step running something new.
 */
export class FakeExecutor implements Executor {
	readonly label: string;
	readonly commands: string[] = [];
	readonly uploads = new Map<string, {content: string; mode: number | undefined}>();
	readonly #script: FakeCommand[];
	readonly #used = new Map<FakeCommand, number>();

	constructor(script: FakeCommand[], label = 'fake') {
		this.#script = script;
		this.label = label;
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
			throw new Error(`FakeExecutor(${this.label}) got an unexpected command: ${command}`);
		}
		this.#used.set(entry, (this.#used.get(entry) ?? 0) + 1);
		this.commands.push(command);
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

	async close(): Promise<void> {}
}

function lines(text: string): string[] {
	return text === '' ? [] : text.replace(/\n$/, '').split('\n');
}
