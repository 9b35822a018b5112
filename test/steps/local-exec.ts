import {spawn} from 'node:child_process';
import {chmodSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync} from 'node:fs';
import {dirname} from 'node:path';
import type {CommandResult, Executor, RunOptions, UploadOptions} from '../../src/exec/executor.js';

/** Runs step commands on this machine with bash, for tests against real local servers. */
export function localExecutor(): Executor {
	return {
		label: 'local',
		run: (command: string, options: RunOptions = {}) =>
			new Promise<CommandResult>((resolve) => {
				const started = Date.now();
				const child = spawn('bash', ['-c', command], {stdio: ['ignore', 'pipe', 'pipe'], detached: false});
				let stdout = '';
				let stderr = '';
				child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
				child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
				const timer = options.timeoutMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
				child.on('close', (code, signal) => {
					if (timer !== undefined) {
						clearTimeout(timer);
					}
					resolve({exitCode: code, ...(signal === null ? {} : {signal}), stdout, stderr, durationMs: Date.now() - started});
				});
			}),
		upload: async (path: string, content: string | Buffer, options: UploadOptions = {}) => {
			mkdirSync(dirname(path), {recursive: true});
			writeFileSync(`${path}.tmp`, content);
			chmodSync(`${path}.tmp`, options.mode ?? 0o644);
			renameSync(`${path}.tmp`, path);
		},
		download: async (path: string) => ({content: readFileSync(path), mode: statSync(path).mode & 0o777}),
		close: async () => undefined,
	};
}
