import {localized} from './i18n/localized.js';
import type {Language, Localized} from './steps/step.js';

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
 * A message or hint: from the catalog in both languages (`localized(key, params)`), or a plain
 * string where the text quotes something from outside as it is (a server's answer, a tool's output).
 */
export type ErrorText = Localized | string;

export interface ErrorOptions {
	hint?: ErrorText;
	cause?: unknown;
	/** The Chinese of a plain-string message and hint. */
	zh?: LocalizedText;
}

/**
 * Every error a user can meet. `message` says what went wrong, `hint` says how to fix it, both in
 * English for logs and tests; `textIn(language)` gives them in the reader's language.
 * The CLI prints both; only `--debug` adds the stack.
 */
export class MesosLabError extends Error {
	readonly hint: string | undefined;
	readonly exitCode: ExitCode;
	readonly #text: Record<Language, LocalizedText>;

	constructor(message: ErrorText, options: ErrorOptions & {exitCode?: ExitCode} = {}) {
		const text = both(message, options.zh?.message);
		const hint = options.hint === undefined ? undefined : both(options.hint, options.zh?.hint);
		super(text.en, {cause: options.cause});
		this.name = new.target.name;
		this.hint = hint?.en;
		this.exitCode = options.exitCode ?? exitCodes.failure;
		this.#text = {
			en: {message: text.en, ...(hint === undefined ? {} : {hint: hint.en})},
			zh: {message: text.zh, ...(hint === undefined ? {} : {hint: hint.zh})},
		};
	}

	/** The message and hint in `language`. */
	textIn(language: Language): LocalizedText {
		return this.#text[language];
	}
}

/** A plain string reads the same in both languages unless its Chinese is given. */
function both(text: ErrorText, zh: string | undefined): Localized {
	return typeof text === 'string' ? {en: text, zh: zh ?? text} : text;
}

/** The user stopped a run (Ctrl-C, a closed terminal); whatever it changed has been put back. */
export class InterruptedError extends MesosLabError {
	constructor(message: ErrorText, options: ErrorOptions = {}) {
		super(message, {...options, exitCode: exitCodes.interrupted});
	}
}

export interface LocalizedText {
	message: string;
	hint?: string;
}

/** A flag, a command or a lab file that cannot be used as given. */
export class UserInputError extends MesosLabError {
	constructor(message: ErrorText, options: ErrorOptions = {}) {
		super(message, {...options, exitCode: exitCodes.usage});
	}
}

/** The target could not be reached, authenticated or trusted. */
export class ConnectionError extends MesosLabError {}

/** A host key did not match what known_hosts says, or was not accepted. */
export class HostKeyError extends ConnectionError {}

/**
 * The link went down under a command that had been sent: the target may or may not have run it, and
 * the executor connects anew for the next command. Only this, of the connection errors, says nothing
 * about the target itself; a refused login, key or sudo password would fail the same way again.
 */
export class LinkDroppedError extends ConnectionError {}

/** A command on the target ended badly where the caller needed it to succeed. */
export class CommandFailedError extends MesosLabError {
	readonly host: string;
	readonly command: string;
	readonly result: {exitCode: number | null; stdout: string; stderr: string};

	/** `command` is the command line, or what it was doing in words. */
	constructor(host: string, command: ErrorText, result: {exitCode: number | null; stdout: string; stderr: string}, hint?: ErrorText) {
		const tail = result.stderr.trim().split('\n').slice(-20).join('\n');
		const exit = result.exitCode === null ? 'signal' : String(result.exitCode);
		const message = (language: Language) => localized('errCommandFailed', {host, exit, command: typeof command === 'string' ? command : command[language], output: tail ? `\n${tail}` : ''})[language];
		super({en: message('en'), zh: message('zh')}, {...(hint === undefined ? {} : {hint})});
		this.host = host;
		this.command = typeof command === 'string' ? command : command.en;
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

/** What went wrong, in both languages: an error of ours as it says in each, any other as it was thrown. */
export function problemIn(error: unknown): Localized {
	if (error instanceof MesosLabError) {
		return {en: error.textIn('en').message, zh: error.textIn('zh').message};
	}
	const message = error instanceof Error ? error.message : String(error);
	return {en: message, zh: message};
}

export function isMesosLabError(error: unknown): error is MesosLabError {
	return error instanceof MesosLabError;
}
