import {readFileSync} from 'node:fs';
import {CommanderError} from 'commander';
import {exitCodes} from '../errors.js';
import {chooseLanguage} from '../i18n/language.js';
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
	let lang: Language = 'en';
	try {
		lang = chooseLanguage(flagValue(argv, '--lang'), env);
	} catch (error) {
		return handleError(error, {stderr, debug, lang});
	}

	const chosen: {invocation?: Invocation} = {};
	const program = buildProgram(lang, packageVersion(), {writeOut: text => stdout.write(text), writeErr: text => stderr.write(text)}, chosen);
	if (argv.length === 0) {
		stdout.write(program.helpInformation());
		return exitCodes.ok;
	}
	try {
		await program.parseAsync([...argv], {from: 'user'});
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
	const {options, load} = chosen.invocation;
	const ctx: CommandContext = {
		home: typeof options['home'] === 'string' ? options['home'] : (env['MESOS_LAB_HOME'] || defaultHome(env)),
		lang,
		debug,
		stdout,
		stderr,
		stdin: io.stdin ?? process.stdin,
		isTTY: io.isTTY ?? Boolean((stdout as NodeJS.WriteStream).isTTY),
		env,
	};
	try {
		const module = await load();
		return await module.run(options as never, ctx);
	} catch (error) {
		return handleError(error, ctx);
	}
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
