import {UserInputError} from '../errors.js';
import {t} from '../i18n/messages.js';
import type {Language} from '../steps/step.js';

/** How the install talks to the user. */
export type StartMode =
	| {kind: 'wizard'; ask: boolean}
	| {kind: 'plain'; ask: false};

export interface StartFlags {
	config?: string;
	yes?: boolean;
	plain?: boolean;
}

/**
 * Decides between the interactive wizard and plain lines. Without a terminal nobody can answer a
 * question, so a run with nothing to replay stops at once and says which flag is missing.
 */
export function chooseStartMode(flags: StartFlags, terminal: {stdinIsTTY: boolean; stdoutIsTTY: boolean}, language: Language): StartMode {
	const interactive = terminal.stdinIsTTY && terminal.stdoutIsTTY;
	if (!interactive && flags.config === undefined) {
		throw new UserInputError(t(language, 'noTerminal'), {hint: t(language, 'noTerminalHint')});
	}

	if (flags.plain === true || !interactive) {
		return {kind: 'plain', ask: false};
	}

	return {kind: 'wizard', ask: flags.config === undefined && flags.yes !== true};
}
