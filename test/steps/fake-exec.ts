import type {CommandResult, Executor} from '../../src/exec/executor.js';

export interface Scripted {
	when: RegExp;
	exitCode?: number;
	stdout?: string;
	stderr?: string;
}

/** An executor that answers from a script (first match wins, unmatched commands exit 1) and records calls. */
export function fakeExecutor(script: readonly Scripted[]): Executor & {calls: string[]} {
	const calls: string[] = [];
	return {
		label: 'fake',
		calls,
		run: async (command: string): Promise<CommandResult> => {
			calls.push(command);
			const answer = script.find((entry) => entry.when.test(command));
			return {exitCode: answer?.exitCode ?? (answer === undefined ? 1 : 0), stdout: answer?.stdout ?? '', stderr: answer?.stderr ?? '', durationMs: 1};
		},
		upload: async (path: string) => {
			calls.push(`upload ${path}`);
		},
		download: async () => ({content: Buffer.from(''), mode: 0o644}),
		close: async () => undefined,
	};
}
