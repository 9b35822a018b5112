import {localized} from '../i18n/localized.js';
import {accessSync, constants, readFileSync, statSync, type Stats} from 'node:fs';
import {resolve} from 'node:path';
import {CommanderError} from 'commander';
import {exitCodes, StoreError, UserInputError} from '../errors.js';
import {chooseLanguage, localeLanguage} from '../i18n/language.js';
import {defaultHome} from '../state/paths.js';
import type {Language} from '../steps/step.js';
import type {CommandContext} from './context.js';
import {handleError} from './error-handler.js';
import {buildProgram, type Invocation} from './program.js';

/** Streams and environment a caller (a test, or the bin shim) may replace. */
export type MainIo = Partial<Pick<CommandContext, 'stdout' | 'stderr' | 'stdin' | 'isTTY' | 'env'>>;

/** Runs the CLI with `argv` (without node and script) and resolves with the exit code. Never exits the process. */
export async function main(argv: readonly string[], io: MainIo = {}): Promise<number> {
	const stdout = io.stdout ?? process.stdout;
	const stderr = io.stderr ?? process.stderr;
	const env = io.env ?? process.env;
	const debug = argv.includes('--debug');
	const langFlag = flagValue(argv, '--lang');
	let lang: Language = localeLanguage(env);
	try {
		lang = chooseLanguage({flag: langFlag, env});
	} catch (error) {
		return handleError(error, {stderr, debug, lang});
	}

	const stdin = io.stdin ?? process.stdin;
	const isTTY = io.isTTY ?? Boolean((stdout as NodeJS.WriteStream).isTTY);
	const chosen: {invocation?: Invocation} = {};
	const program = buildProgram(lang, packageVersion(), {writeOut: text => stdout.write(text), writeErr: text => stderr.write(text)}, chosen);
	const interactive = isTTY && (stdin as NodeJS.ReadStream).isTTY === true;
	if (onlyGlobalOptions(argv) && !interactive) {
		stdout.write(program.helpInformation());
		return exitCodes.ok;
	}
	// Bare `mesos-lab` at a terminal is `mesos-lab init`: the wizard.
	const words = onlyGlobalOptions(argv) ? [...argv, 'init'] : argv;
	try {
		await program.parseAsync(helpAsFlag(words, program.commands.map(command => command.name())), {from: 'user'});
	} catch (error) {
		if (error instanceof CommanderError) {
			return error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
		}
		return handleError(error, {stderr, debug, lang});
	}
	if (!chosen.invocation) {
		stdout.write(program.helpInformation());
		return exitCodes.ok;
	}
	const {options, start} = chosen.invocation;
	let home: string;
	try {
		home = chooseHome(options['home'], env);
	} catch (error) {
		return handleError(error, {stderr, debug, lang});
	}
	const ctx: CommandContext = {
		home,
		lang,
		...(langFlag === undefined ? {} : {langFlag: lang}),
		debug,
		stdout,
		stderr,
		stdin,
		isTTY,
		env,
	};
	try {
		return await start(ctx);
	} catch (error) {
		return handleError(error, ctx);
	}
}

/** --home, then MESOS_LAB_HOME, then the per-user default; something that is not a folder is refused early. */
function chooseHome(flag: unknown, env: NodeJS.ProcessEnv): string {
	const [home, source] = typeof flag === 'string' ? [flag, '--home'] : env['MESOS_LAB_HOME'] ? [env['MESOS_LAB_HOME'], 'MESOS_LAB_HOME'] : [defaultHome(env), 'the default home'];
	if (home.trim() === '') {
		throw new UserInputError(localized('errIsEmpty', {source}), {hint: localized('errIsEmptyHint')});
	}
	let info: Stats | undefined;
	try {
		info = statSync(resolve(home));
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOTDIR') {
			throw new UserInputError(localized('errLiesInsideAFileNot', {source, home}), {hint: localized('errLiesInsideAFileNotHint')});
		}
		if (code !== 'ENOENT') {
			throw new StoreError(localized('errCannotBeUsed', {source, home, code: code ?? String(error)}), {hint: localized('errCannotBeUsedHint'), cause: error});
		}
	}
	if (info !== undefined && !info.isDirectory()) {
		throw new UserInputError(localized('errIsAFileNotA', {source, home}), {hint: localized('errIsAFileNotAHint')});
	}
	if (info !== undefined) {
		try {
			accessSync(home, constants.R_OK | constants.X_OK);
		} catch (error) {
			throw new StoreError(localized('errCannotBeReadByThis', {source, home, code: (error as NodeJS.ErrnoException).code ?? 'no access'}), {
				hint: localized('errCannotBeReadByThisHint'),
				cause: error,
			});
		}
	}
	return resolve(home);
}

/**
 * `help status` becomes `status --help`; `help stauts` becomes plain `stauts`, so a misspelt name
 * meets the same nearest-command answer as anywhere else instead of commander's general help.
 */
function helpAsFlag(argv: readonly string[], commands: readonly string[]): string[] {
	let index = 0;
	while (index < argv.length && argv[index]!.startsWith('-')) {
		index += argv[index] === '--home' || argv[index] === '--lang' ? 2 : 1;
	}
	if (argv[index] !== 'help' || index + 1 >= argv.length) {
		return [...argv];
	}
	const rest = [...argv.slice(0, index), ...argv.slice(index + 1)];
	return commands.includes(argv[index + 1]!) ? [...rest, '--help'] : rest;
}

/** No command and no word but `--home DIR`, `--lang LANG` and `--debug`. */
function onlyGlobalOptions(argv: readonly string[]): boolean {
	for (let index = 0; index < argv.length; index++) {
		const word = argv[index]!;
		if (word === '--home' || word === '--lang') {
			index++;
		} else if (word !== '--debug' && !word.startsWith('--home=') && !word.startsWith('--lang=')) {
			return false;
		}
	}
	return true;
}

function flagValue(argv: readonly string[], flag: string): string | undefined {
	for (const [index, arg] of argv.entries()) {
		if (arg === flag) {
			return argv[index + 1];
		}
		if (arg.startsWith(`${flag}=`)) {
			return arg.slice(flag.length + 1);
		}
	}
	return undefined;
}

function packageVersion(): string {
	const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
	return (JSON.parse(text) as {version: string}).version;
}
