import {localized} from '../i18n/localized.js';
import {CommandFailedError, UserInputError} from '../errors.js';
import {assertAbsolutePath} from '../lab/validate.js';
import type {Executor} from './executor.js';
import type {JobHandle, JobState} from './job.js';
import {shellCommand} from './quote.js';

const jobNamePattern = /^[a-z\d][a-z\d._-]{0,63}$/i;

// Runs in its own session on the target: it records its pid, runs the job with all output in
// `log`, and writes the exit status through a rename so a reader never sees half of it.
const jobScript = [
	'echo $$ > "$1/pid.tmp" && mv -f "$1/pid.tmp" "$1/pid"',
	'sh -c "$2" > "$1/log" 2>&1 < /dev/null',
	'echo $? > "$1/exit.tmp" && mv -f "$1/exit.tmp" "$1/exit"',
].join('; ');

export interface StartJobOptions {
	/** Names the job's folder under `baseDir`: letters, digits, `.`, `_`, `-`. */
	name: string;
	command: string;
	/** Absolute folder on the target that holds one folder per job. */
	baseDir: string;
	sudo?: boolean;
}

export function assertJobName(name: string): string {
	if (!jobNamePattern.test(name) || name.includes('..')) {
		throw new UserInputError(localized('errJobNameCannotBe', {slice: JSON.stringify(name).slice(1, -1)}), {
			hint: localized('errJobNameCannotBeHint'),
		});
	}
	return name;
}

/** Starts a command that outlives the connection that started it. A job of the same name is replaced. */
export async function startJob(exec: Executor, options: StartJobOptions): Promise<JobHandle> {
	const dir = `${assertAbsolutePath('Job folder', options.baseDir).replace(/\/+$/, '')}/${assertJobName(options.name)}`;
	const prepare = `${shellCommand(['mkdir', '-p', dir])} && ${shellCommand(['rm', '-f', `${dir}/log`, `${dir}/exit`, `${dir}/pid`])}`;
	const launch = `${shellCommand(['setsid', 'nohup', 'sh', '-c', jobScript, 'mesos-lab-job', dir, options.command])} > /dev/null 2>&1 < /dev/null &`;
	// Wait until the pid is on disk, so the job is visibly running once this returns.
	const waitForPid = `i=0; while [ ! -f ${shellCommand([`${dir}/pid`])} ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i+1)); done; [ -f ${shellCommand([`${dir}/pid`])} ]`;
	const command = `${prepare} && { ${launch} } && ${waitForPid}`;
	const result = await exec.run(command, {sudo: options.sudo, timeoutMs: 30_000});
	if (result.exitCode !== 0) {
		throw new CommandFailedError(exec.label, localized('errJobStart', {name: options.name}), result, localized('errJobStartHint'));
	}
	return {name: options.name, dir, command: options.command, startedAt: new Date().toISOString()};
}

/** Whether the job still runs, ended (with its own exit status), or vanished without one. */
export async function jobState(exec: Executor, handle: JobHandle, options: {sudo?: boolean} = {}): Promise<JobState> {
	const dir = shellCommand([handle.dir]);
	const probe = [
		`d=${dir}`,
		'if [ -f "$d/exit" ]; then echo "exit $(cat "$d/exit")"',
		'elif [ -f "$d/pid" ]; then p=$(cat "$d/pid"); if kill -0 "$p" 2>/dev/null || [ -d "/proc/$p" ]; then echo "running $p"; elif [ -f "$d/exit" ]; then echo "exit $(cat "$d/exit")"; else echo "gone $p"; fi',
		'else echo missing; fi',
	].join('; ');
	const result = await exec.run(probe, {sudo: options.sudo});
	const [kind, value] = result.stdout.trim().split(' ');
	switch (kind) {
		case 'exit': {
			return {kind: 'exited', exitCode: Number(value)};
		}
		case 'running': {
			return {kind: 'running', pid: Number(value)};
		}
		case 'gone': {
			return {kind: 'lost', reason: `process ${value} ended without writing an exit status (the machine may have rebooted)`};
		}
		default: {
			return {kind: 'lost', reason: `${handle.dir} holds no job (it was removed, or the job never started)`};
		}
	}
}

export interface TailOptions {
	/** Also return a last line that has no newline yet; pass true once the job has exited. */
	includePartialLine?: boolean;
	maxBytes?: number;
	sudo?: boolean;
}

/**
 * Reads the job's log from a byte offset. Only whole lines are returned (unless asked otherwise)
 * and `nextByte` points just past them, so a reader that saves it prints every line exactly once.
 */
export async function tailJob(exec: Executor, handle: JobHandle, fromByte: number, options: TailOptions = {}): Promise<{text: string; nextByte: number}> {
	if (!Number.isSafeInteger(fromByte) || fromByte < 0) {
		throw new UserInputError(localized('errLogOffsetIsNotA', {fromByte}));
	}
	const maxBytes = options.maxBytes ?? 1024 * 1024;
	const log = shellCommand([`${handle.dir}/log`]);
	const result = await exec.run(`if [ -f ${log} ]; then tail -c +${fromByte + 1} ${log} | head -c ${maxBytes} | base64; fi`, {sudo: options.sudo});
	if (result.exitCode !== 0) {
		throw new CommandFailedError(exec.label, localized('errJobReadLog', {name: handle.name}), result);
	}
	const bytes = Buffer.from(result.stdout, 'base64');
	const wholeLines = bytes.lastIndexOf(0x0a) + 1;
	// A single line longer than maxBytes is handed over in pieces rather than never.
	const end = options.includePartialLine || (wholeLines === 0 && bytes.length === maxBytes) ? bytes.length : wholeLines;
	return {text: bytes.subarray(0, end).toString('utf8'), nextByte: fromByte + end};
}

/**
 * Ends a detached job and everything it started; the files it built stay where they are. The job
 * runs in its own session and its first process (whose pid is in `pid`) leads the process group, so
 * signalling the group reaches make and every compiler it spawned. A job started with sudo runs as
 * root, so it is stopped with sudo too.
 */
export async function stopJob(exec: Executor, handle: JobHandle, options: {sudo?: boolean} = {}): Promise<void> {
	const pidFile = shellCommand([`${handle.dir}/pid`]);
	const result = await exec.run(`p=$(cat ${pidFile} 2>/dev/null) && [ -n "$p" ] && kill -s TERM -- "-$p"`, {sudo: options.sudo});
	if (result.exitCode !== 0) {
		throw new CommandFailedError(exec.label, localized('errStopJobFailed', {name: handle.name}), result, localized('errStopJobFailedHint'));
	}
}
