/** What one command produced. A non-zero exit is a value here, never an exception. */
export interface CommandResult {
	/** The exit status, or null when the command was ended by a signal, a timeout or a cancel. */
	exitCode: number | null;
	/** The signal that ended the command, when one did. */
	signal?: string;
	/** True when the command was stopped because it ran past `timeoutMs`. */
	timedOut?: boolean;
	/** True when the caller's AbortSignal stopped the command. */
	cancelled?: boolean;
	stdout: string;
	stderr: string;
	durationMs: number;
}

export interface RunOptions {
	/** Called with each complete line of stdout, without its newline. */
	onStdoutLine?: ((line: string) => void) | undefined;
	/** Called with each complete line of stderr, without its newline. */
	onStderrLine?: ((line: string) => void) | undefined;
	/** Written to the command's stdin, which is then closed. */
	stdin?: string | Buffer | undefined;
	timeoutMs?: number | undefined;
	signal?: AbortSignal | undefined;
	/** Run as root: directly when already root, through sudo otherwise. */
	sudo?: boolean | undefined;
}

export interface UploadOptions {
	/** File mode, for example 0o644. */
	mode?: number;
	sudo?: boolean;
}

/** Where commands run: the target over SSH, or this machine. Both keep the same contract. */
export interface Executor {
	/** A short name for messages and logs, such as `root@10.0.0.5` or `local`. */
	readonly label: string;
	/** Runs a shell command line (build it with `shellCommand`). */
	run(command: string, options?: RunOptions): Promise<CommandResult>;
	/** Writes a file through a temporary name and an atomic rename. */
	upload(path: string, content: string | Buffer, options?: UploadOptions): Promise<void>;
	/** Reads a file back, with its mode. */
	download(path: string, options?: {sudo?: boolean}): Promise<{content: Buffer; mode: number}>;
	close(): Promise<void>;
}
