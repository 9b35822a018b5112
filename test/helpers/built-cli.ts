import {spawn, type ChildProcess} from 'node:child_process';
import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {quoteShellArg} from '../../src/exec/quote.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/mesos-lab.js', import.meta.url));

/** Why the built CLI cannot be run, or undefined when it can. */
export function builtCliMissing(): string | undefined {
	return existsSync(fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url))) ? undefined : 'dist/ is missing: run `npm run build` first';
}

export interface BuiltCliRun {
	child: ChildProcess;
	/** Everything printed so far, stdout and stderr interleaved (on a terminal, as the terminal showed it). */
	output(): string;
	/** Types a line at the terminal (or into stdin when there is none). */
	type(line: string): void;
	exited: Promise<number | null>;
	/** Resolves once `pattern` has been printed; rejects when the CLI exits first or the wait runs out. */
	waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
}

export interface BuiltCliOptions {
	/** Added to this process's environment (SSH_AUTH_SOCK is always left out, so no agent answers). */
	env?: NodeJS.ProcessEnv;
	/** Run on a pseudo-terminal (util-linux `script`), as a person at a terminal would. */
	terminal?: boolean;
	/** Flags for node itself, before the script (such as --import of a hook). */
	nodeArgs?: readonly string[];
}

/** Runs `node bin/mesos-lab.js ARGS` as a user would run the installed command. */
export function runBuiltCli(args: readonly string[], options: BuiltCliOptions = {}): BuiltCliRun {
	const env: NodeJS.ProcessEnv = {...process.env, NO_COLOR: '1', LANG: 'C.UTF-8', ...options.env};
	delete env['SSH_AUTH_SOCK'];
	delete env['CI'];
	const node = [process.execPath, ...(options.nodeArgs ?? []), bin];
	const command = [...node, ...args].map(quoteShellArg).join(' ');
	const child = options.terminal === true
		? spawn('script', ['-qefc', `stty cols 200 rows 50; exec ${command}`, '/dev/null'], {cwd: root, env: {...env, TERM: 'xterm-256color'}, stdio: ['pipe', 'pipe', 'pipe']})
		: spawn(node[0]!, [...node.slice(1), ...args], {cwd: root, env, stdio: ['pipe', 'pipe', 'pipe']});
	let text = '';
	const waiters = new Set<() => void>();
	const collect = (chunk: Buffer) => {
		text += chunk.toString();
		for (const waiter of waiters) {
			waiter();
		}
	};
	child.stdout?.on('data', collect);
	child.stderr?.on('data', collect);
	let done = false;
	const exited = new Promise<number | null>(resolve => child.once('exit', code => {
		done = true;
		for (const waiter of waiters) {
			waiter();
		}
		resolve(code);
	}));
	return {
		child,
		output: () => text,
		type: line => child.stdin?.write(`${line}${options.terminal === true ? '\r' : '\n'}`),
		exited,
		waitFor: (pattern, timeoutMs = 60_000) => new Promise<void>((resolve, reject) => {
			const timer = setTimeout(() => {
				waiters.delete(check);
				reject(new Error(`timed out waiting for ${pattern} in:\n${text}`));
			}, timeoutMs);
			const check = () => {
				if (pattern.test(text)) {
					clearTimeout(timer);
					waiters.delete(check);
					resolve();
				} else if (done) {
					clearTimeout(timer);
					waiters.delete(check);
					reject(new Error(`the CLI exited before printing ${pattern}:\n${text}`));
				}
			};
			waiters.add(check);
			check();
		}),
	};
}

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
