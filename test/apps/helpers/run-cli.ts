import {PassThrough} from 'node:stream';
import {main} from '../../../src/cli/main.js';

/** Runs `mesos-lab ARGV` in-process with captured output. */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<{code: number; stdout: string; stderr: string}> {
	const stdout = new PassThrough();
	const stderr = new PassThrough();
	let out = '';
	let err = '';
	stdout.on('data', chunk => (out += String(chunk)));
	stderr.on('data', chunk => (err += String(chunk)));
	const code = await main(argv, {stdout, stderr, stdin: new PassThrough(), isTTY: false, env: {...env, MESOS_LAB_HOME: env['MESOS_LAB_HOME'] ?? '/nonexistent-home'}});
	return {code, stdout: out, stderr: err};
}
