import {localized} from '../i18n/localized.js';
import {UserInputError} from '../errors.js';

const safeWord = /^[\w@%+=:,./-]+$/;

/** Quotes one argument for a POSIX shell so it reaches the command as exactly one word. */
export function quoteShellArg(argument: string): string {
	if (argument === '') {
		return "''";
	}
	if (safeWord.test(argument)) {
		return argument;
	}
	return `'${argument.replaceAll("'", `'"'"'`)}'`;
}

/** Builds a command line from an argument array: the only way commands are assembled. */
export function shellCommand(argv: readonly string[]): string {
	if (argv.length === 0) {
		throw new UserInputError(localized('errAnEmptyCommandCannotBe'));
	}
	return argv.map(quoteShellArg).join(' ');
}

/** Joins already-built command lines so each runs only when the one before succeeded. */
export function andThen(...commands: readonly string[]): string {
	return commands.join(' && ');
}
