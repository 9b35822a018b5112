import {spawn} from 'node:child_process';
import type {CommandResult, Executor, RunOptions, UploadOptions} from './executor.js';
import {downloadThroughShell, uploadThroughShell} from './file-transfer.js';
import {LineSplitter} from './line-splitter.js';
import {type AskSudoPassword, type RawRun, SudoAccess, detectSudoMode, isStdinDialog} from './sudo.js';

export interface LocalExecutorOptions {
	askSudoPassword?: AskSudoPassword;
	/** How long a timed-out or cancelled command gets between SIGTERM and SIGKILL. */
	killGraceMs?: number;
}

/** Runs commands on this machine, for when the wizard runs on the target itself. */
export class LocalExecutor implements Executor {
	readonly label = 'local';
	private sudo: Promise<SudoAccess> | undefined;

	private readonly options: LocalExecutorOptions;

	constructor(options: LocalExecutorOptions = {}) {
		this.options = options;
	}

	async run(command: string, options: RunOptions = {}): Promise<CommandResult> {
		if (!options.sudo) {
			return this.runRaw(command, options);
		}
		this.sudo ??= detectSudoMode(this.runRaw).then(mode => new SudoAccess(this.label, mode, this.options.askSudoPassword));
		return (await this.sudo).run(this.runRaw, command, options);
	}

	upload(path: string, content: string | Buffer, options?: UploadOptions): Promise<void> {
		return uploadThroughShell(this.run.bind(this), this.label, path, content, options);
	}

	download(path: string, options?: {sudo?: boolean}): Promise<{content: Buffer; mode: number}> {
		return downloadThroughShell(this.run.bind(this), this.label, path, options);
	}

	async close(): Promise<void> {}

	private readonly runRaw: RawRun = (command, options = {}) => {
		const started = performance.now();
		const graceMs = this.options.killGraceMs ?? 2000;
		return new Promise<CommandResult>(resolve => {
			// Its own process group, so a timeout or cancel ends the command's children too.
			const child = spawn('sh', ['-c', command], {detached: true, stdio: ['pipe', 'pipe', 'pipe']});
			const out = new LineSplitter(options.onStdoutLine);
			const dialog = isStdinDialog(options.stdin) ? options.stdin : undefined;
			const err = new LineSplitter(options.onStderrLine, line => dialog?.onStderrLine(line, child.stdin) ?? false);
			let stopReason: 'timedOut' | 'cancelled' | undefined;
			let killTimer: NodeJS.Timeout | undefined;
			const stop = (reason: 'timedOut' | 'cancelled') => {
				if (stopReason !== undefined || child.pid === undefined) {
					return;
				}
				stopReason = reason;
				signalGroup(child.pid, 'SIGTERM');
				killTimer = setTimeout(() => signalGroup(child.pid!, 'SIGKILL'), graceMs);
			};
			const timer = options.timeoutMs === undefined ? undefined : setTimeout(() => stop('timedOut'), options.timeoutMs);
			const onAbort = () => stop('cancelled');
			if (options.signal?.aborted) {
				queueMicrotask(onAbort);
			}
			options.signal?.addEventListener('abort', onAbort, {once: true});
			child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
			child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
			// A command that exits without reading its stdin must not crash us with EPIPE.
			child.stdin.on('error', () => {});
			if (!isStdinDialog(options.stdin)) {
				child.stdin.end(options.stdin ?? '');
			}
			const finish = (exitCode: number | null, signal: NodeJS.Signals | null) => {
				clearTimeout(timer);
				clearTimeout(killTimer);
				options.signal?.removeEventListener('abort', onAbort);
				resolve({
					exitCode: stopReason === undefined ? exitCode : null,
					...(signal === null ? {} : {signal}),
					...(stopReason === 'timedOut' ? {timedOut: true} : {}),
					...(stopReason === 'cancelled' ? {cancelled: true} : {}),
					stdout: out.end(),
					stderr: err.end(),
					durationMs: performance.now() - started,
				});
			};
			child.on('error', error => {
				err.push(`${error.message}\n`);
				finish(127, null);
			});
			child.on('close', finish);
		});
	};
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
	try {
		process.kill(-pid, signal);
	} catch {
		// The group is already gone.
	}
}
