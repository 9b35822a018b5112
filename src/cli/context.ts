import type {Language} from '../steps/step.js';

/** What every command receives: where to keep labs, how to speak, and the process's streams. */
export interface CommandContext {
	/** Folder holding labs, checkpoints and logs (--home, MESOS_LAB_HOME or the per-user default). */
	home: string;
	lang: Language;
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
