import {localized} from '../i18n/localized.js';
import {randomBytes} from 'node:crypto';
import {ConnectionError} from '../errors.js';
import type {CommandResult, RunOptions} from './executor.js';
import {shellCommand} from './quote.js';

/** How root commands run for the connected user. */
export type SudoMode = 'root' | 'passwordless' | 'password' | 'unavailable';

/** Writes to a running command's stdin. */
export interface StdinWriter {
	write(data: string | Buffer): void;
	end(data?: string | Buffer): void;
}

/**
 * Holds a command's stdin back and answers what the command prints on stderr instead: how a sudo
 * password reaches sudo only when sudo asks for it. Nothing is written to stdin until the dialog does.
 */
export interface StdinDialog {
	/** Sees each stderr line first; returns true when the line belonged to the dialog, which hides it. */
	onStderrLine(line: string, stdin: StdinWriter): boolean;
}

export type RawRunOptions = Omit<RunOptions, 'sudo' | 'stdin'> & {stdin?: string | Buffer | StdinDialog | undefined};

/** Runs a command without any sudo handling: the transport underneath an executor. */
export type RawRun = (command: string, options?: RawRunOptions) => Promise<CommandResult>;

/** Asks the user for the sudo password; called at most once per connection. */
export type AskSudoPassword = (label: string) => Promise<string>;

export function isStdinDialog(stdin: RawRunOptions['stdin']): stdin is StdinDialog {
	return typeof stdin === 'object' && !Buffer.isBuffer(stdin);
}

export async function detectSudoMode(run: RawRun): Promise<SudoMode> {
	const uid = await run('id -u');
	if (uid.exitCode === 0 && uid.stdout.trim() === '0') {
		return 'root';
	}
	const probe = await run('command -v sudo >/dev/null 2>&1 && sudo -n true');
	if (probe.exitCode === 0) {
		return 'passwordless';
	}
	const present = await run('command -v sudo');
	return present.exitCode === 0 ? 'password' : 'unavailable';
}

/**
 * One `sudo -S` run that is given the password only if sudo prints its prompt. The prompt is a
 * random marker line (`-p`, which sudo writes to stderr under `-S`), and the command announces its
 * own start with a second marker, after which the caller's stdin is written. So the password goes to
 * sudo and nowhere else: a rule that needs no password (NOPASSWD, or a cached ticket) never sees
 * it, and the command never reads it. A second prompt means the password was wrong; stdin is then
 * closed so sudo gives up instead of reading the command's input as another attempt.
 */
class SudoPasswordExchange implements StdinDialog {
	private readonly prompt: string;
	private readonly started: string;
	private phase: 'waiting' | 'answered' | 'refused' | 'started' = 'waiting';

	private readonly password: string;
	private readonly stdin: string | Buffer | undefined;

	constructor(password: string, stdin: string | Buffer | undefined) {
		this.password = password;
		this.stdin = stdin;
		const token = randomBytes(12).toString('hex');
		this.prompt = `mesos-lab-sudo-prompt-${token}`;
		this.started = `mesos-lab-sudo-started-${token}`;
	}

	get refused(): boolean {
		return this.phase === 'refused';
	}

	command(command: string): string {
		return shellCommand(['sudo', '-S', '-p', `${this.prompt}\n`, '--', 'sh', '-c', 'printf "%s\\n" "$0" >&2; exec sh -c "$1"', this.started, command]);
	}

	onStderrLine(line: string, stdin: StdinWriter): boolean {
		if (this.phase === 'started' || this.phase === 'refused') {
			return false;
		}
		if (line === this.prompt) {
			if (this.phase === 'waiting') {
				this.phase = 'answered';
				stdin.write(`${this.password}\n`);
			} else {
				this.phase = 'refused';
				stdin.end();
			}
			return true;
		}
		if (line === this.started) {
			this.phase = 'started';
			stdin.end(this.stdin ?? '');
			return true;
		}
		return false;
	}
}

/**
 * Turns plain runs into root runs for one connection. The password, when sudo needs one, is asked
 * once, kept only in memory and written to sudo's stdin when sudo prompts for it: never argv,
 * environment, disk, or the command's own input.
 */
export class SudoAccess {
	private password: string | undefined;
	private asking: Promise<string> | undefined;

	private readonly label: string;
	readonly mode: SudoMode;
	private readonly askPassword: AskSudoPassword | undefined;

	constructor(label: string, mode: SudoMode, askPassword: AskSudoPassword | undefined) {
		this.label = label;
		this.mode = mode;
		this.askPassword = askPassword;
	}

	async run(raw: RawRun, command: string, options: Omit<RunOptions, 'sudo'>): Promise<CommandResult> {
		switch (this.mode) {
			case 'root': {
				return raw(command, options);
			}
			case 'passwordless': {
				return raw(shellCommand(['sudo', '-n', '--', 'sh', '-c', command]), options);
			}
			case 'password': {
				const exchange = new SudoPasswordExchange(await this.passwordOnce(), options.stdin);
				const result = await raw(exchange.command(command), {...options, stdin: exchange});
				if (exchange.refused) {
					this.password = undefined;
					this.asking = undefined;
					throw new ConnectionError(localized('errSudoDidNotAcceptThe', {label: this.label}), {
						hint: localized('errSudoDidNotAcceptTheHint'),
					});
				}
				return result;
			}
			case 'unavailable': {
				throw new ConnectionError(localized('errThisUserIsNotRoot', {label: this.label}), {
					hint: localized('errThisUserIsNotRootHint'),
				});
			}
		}
	}

	private async passwordOnce(): Promise<string> {
		if (this.password !== undefined) {
			return this.password;
		}
		if (this.askPassword === undefined) {
			throw new ConnectionError(localized('errSudoNeedsAPasswordAnd', {label: this.label}), {
				hint: localized('errSudoNeedsAPasswordAndHint'),
			});
		}
		this.asking ??= this.askPassword(this.label);
		const password = await this.asking;
		if (password.includes('\n')) {
			throw new ConnectionError(localized('errASudoPasswordCannotContain'));
		}
		this.password = password;
		return password;
	}
}
