import {ConnectionError} from '../errors.js';
import type {CommandResult, RunOptions} from './executor.js';
import {shellCommand} from './quote.js';

/** How root commands run for the connected user. */
export type SudoMode = 'root' | 'passwordless' | 'password' | 'unavailable';

/** Runs a command without any sudo handling: the transport underneath an executor. */
export type RawRun = (command: string, options?: Omit<RunOptions, 'sudo'>) => Promise<CommandResult>;

/** Asks the user for the sudo password; called at most once per connection. */
export type AskSudoPassword = (label: string) => Promise<string>;

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
 * Turns plain runs into root runs for one connection. The password, when sudo needs one, is asked
 * once, kept only in memory and fed to `sudo -S` on stdin: never argv, environment or disk.
 * `-k` makes sudo always read it, so it can never leak into the command's own stdin.
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

	async wrap(command: string, stdin: string | Buffer | undefined): Promise<{command: string; stdin: string | Buffer | undefined}> {
		switch (this.mode) {
			case 'root': {
				return {command, stdin};
			}
			case 'passwordless': {
				return {command: shellCommand(['sudo', '-n', '--', 'sh', '-c', command]), stdin};
			}
			case 'password': {
				const password = await this.passwordOnce();
				const prefixed = Buffer.concat([Buffer.from(`${password}\n`), Buffer.from(stdin ?? '')]);
				return {command: shellCommand(['sudo', '-k', '-S', '-p', '', '--', 'sh', '-c', command]), stdin: prefixed};
			}
			case 'unavailable': {
				throw new ConnectionError(`${this.label}: this user is not root and sudo is not installed.`, {
					hint: 'Connect as root, or install sudo and give this user sudo rights.',
				});
			}
		}
	}

	private async passwordOnce(): Promise<string> {
		if (this.password !== undefined) {
			return this.password;
		}
		if (this.askPassword === undefined) {
			throw new ConnectionError(`${this.label}: sudo needs a password and none can be asked for here.`, {
				hint: 'Run interactively so the password can be asked, or give the user passwordless sudo.',
			});
		}
		this.asking ??= this.askPassword(this.label);
		const password = await this.asking;
		if (password.includes('\n')) {
			throw new ConnectionError('A sudo password cannot contain a line break.');
		}
		this.password = password;
		return password;
	}
}
