import {chooseLanguage, type Language} from '../i18n/language.js';

/** What every command receives: where to keep labs, how to speak, and the process's streams. */
export interface CommandContext {
	/** Folder holding labs, checkpoints and logs (--home, MESOS_LAB_HOME or the per-user default). */
	home: string;
	/** The language of every text, decided by chooseLanguage before any lab file is read. */
	lang: Language;
	/** --lang, when given: it beats a lab file's language (see languageWithLab). */
	langFlag?: Language;
	debug: boolean;
	stdout: NodeJS.WritableStream;
	stderr: NodeJS.WritableStream;
	stdin: NodeJS.ReadableStream;
	/** Whether stdout is an interactive terminal (wizard and colours) or a pipe (plain lines). */
	isTTY: boolean;
	env: NodeJS.ProcessEnv;
}

/** Each file under src/cli/commands exports this as `run`. */
export type CommandRun<Options> = (options: Options, ctx: CommandContext) => Promise<number>;

/** The language once a lab file is read: --lang and MESOS_LAB_LANG still beat the file's `language:`. */
export function languageWithLab(ctx: Pick<CommandContext, 'langFlag' | 'env'>, labFile: Language | undefined): Language {
	return chooseLanguage({flag: ctx.langFlag, env: ctx.env, labFile});
}
