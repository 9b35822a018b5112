import {PassThrough} from 'node:stream';
import {main} from '../../../src/cli/main.js';

export interface RunCliOptions {
	/** Typed at the terminal, as answers to questions. */
	input?: string;
	/** Whether the command believes it talks to a terminal (false: a pipe). */
	isTTY?: boolean;
}

/** Runs `mesos-lab ARGV` in-process with captured output. */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv = {}, options: RunCliOptions = {}): Promise<{code: number; stdout: string; stderr: string}> {
	const stdout = new PassThrough();
	const stderr = new PassThrough();
	const stdin = new PassThrough();
	let out = '';
	let err = '';
	stdout.on('data', chunk => (out += String(chunk)));
	stderr.on('data', chunk => (err += String(chunk)));
	if (options.input !== undefined) {
		stdin.end(options.input);
	}
	const code = await main(argv, {stdout, stderr, stdin, isTTY: options.isTTY ?? false, env: {...env, MESOS_LAB_HOME: env['MESOS_LAB_HOME'] ?? '/nonexistent-home'}});
	return {code, stdout: out, stderr: err};
}
