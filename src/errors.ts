/** Exit codes of the CLI: one table, one meaning each. */
export const exitCodes = {
	ok: 0,
	failure: 1,
	usage: 2,
	/** Stopped by Ctrl-C or a hang-up, as shells report a SIGINT death (128 + 2). */
	interrupted: 130,
} as const;

export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];

/**
 * Every error a user can meet. `message` says what went wrong, `hint` says how to fix it.
 * The CLI prints both; only `--debug` adds the stack.
 */
export class MesosLabError extends Error {
	readonly hint: string | undefined;
	readonly exitCode: ExitCode;
	/** The same message and hint in Chinese, printed instead when the language is zh. */
	readonly zh: LocalizedText | undefined;

	constructor(message: string, options: {hint?: string; exitCode?: ExitCode; cause?: unknown; zh?: LocalizedText} = {}) {
		super(message, {cause: options.cause});
		this.name = new.target.name;
		this.hint = options.hint;
		this.exitCode = options.exitCode ?? exitCodes.failure;
		this.zh = options.zh;
	}
}

/** The user stopped a run (Ctrl-C, a closed terminal); whatever it changed has been put back. */
export class InterruptedError extends MesosLabError {
	constructor(message: string, options: {hint?: string; cause?: unknown} = {}) {
		super(message, {...options, exitCode: exitCodes.interrupted});
	}
}

export interface LocalizedText {
	message: string;
	hint?: string;
}

/** A flag, a command or a lab file that cannot be used as given. */
export class UserInputError extends MesosLabError {
	constructor(message: string, options: {hint?: string; cause?: unknown; zh?: LocalizedText} = {}) {
		super(message, {...options, exitCode: exitCodes.usage});
	}
}

/** The target could not be reached, authenticated or trusted. */
export class ConnectionError extends MesosLabError {}

/** A host key did not match what known_hosts says, or was not accepted. */
export class HostKeyError extends ConnectionError {}

/** A command on the target ended badly where the caller needed it to succeed. */
export class CommandFailedError extends MesosLabError {
	readonly host: string;
	readonly command: string;
	readonly result: {exitCode: number | null; stdout: string; stderr: string};

	constructor(host: string, command: string, result: {exitCode: number | null; stdout: string; stderr: string}, hint?: string) {
		const tail = result.stderr.trim().split('\n').slice(-20).join('\n');
		super(`Command failed on ${host} (exit ${result.exitCode ?? 'signal'}): ${command}${tail ? `\n${tail}` : ''}`, {hint});
		this.host = host;
		this.command = command;
		this.result = result;
	}
}

/** The checkpoint store could not be read or written; the file is left untouched. */
export class StoreError extends MesosLabError {}

/** Another run holds the lab's lock. */
export class LockedError extends MesosLabError {}

/** A cluster endpoint (Mesos, Marathon, HAProxy, ZooKeeper) did not answer as expected. */
export class ClusterError extends MesosLabError {}

/** A cluster that asks for credentials it was not given: waiting will not change its answer. */
export class CredentialsRequiredError extends UserInputError {}

/** An invariant broke: this is our bug, not the user's. */
export class BugError extends MesosLabError {}

export function isMesosLabError(error: unknown): error is MesosLabError {
	return error instanceof MesosLabError;
}
