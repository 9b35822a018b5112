import {spawn, type ChildProcess} from 'node:child_process';
import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';

const bin = fileURLToPath(new URL('../../bin/mesos-lab.js', import.meta.url));

export function assertBuilt(): void {
	if (!existsSync(fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url)))) {
		throw new Error('dist/ is missing: run `npm run build` before these tests (npm test does).');
	}
}

export interface BuiltCli {
	child: ChildProcess;
	/** stdout and stderr so far, interleaved. */
	output(): string;
	exited: Promise<number | null>;
}

/** Runs bin/mesos-lab.js as its own process, the way a user runs it, so that signals reach it. */
export function startBuiltCli(args: readonly string[], env: NodeJS.ProcessEnv = {}): BuiltCli {
	const child = spawn(process.execPath, [bin, ...args], {env: {...process.env, NO_COLOR: '1', LANG: 'C', ...env}, stdio: ['ignore', 'pipe', 'pipe']});
	let text = '';
	child.stdout?.on('data', chunk => {
		text += String(chunk);
	});
	child.stderr?.on('data', chunk => {
		text += String(chunk);
	});
	const exited = new Promise<number | null>(resolve => child.once('exit', code => resolve(code)));
	return {child, output: () => text, exited};
}

/** The `name: N ms` lines an experiment ends with. */
export function measurementsIn(output: string): Record<string, number> {
	return Object.fromEntries([...output.matchAll(/^([a-z-]+): (\d+) (?:ms|count)$/gm)].map(m => [m[1] ?? '', Number(m[2])]));
}
