import type {Executor} from '../exec/executor.js';
import type {JobHandle} from '../exec/job.js';
import {shellCommand} from '../exec/quote.js';

/** Ends a detached job and everything it started; the files it built stay where they are. */
export type JobStopper = (exec: Executor, handle: JobHandle) => Promise<void>;

/**
 * A detached job runs in its own session, and its first process (whose pid is in `pid`) leads the
 * process group, so signalling the group reaches make and every compiler it spawned.
 */
export const stopDetachedJob: JobStopper = async (exec, handle) => {
	const pidFile = shellCommand([`${handle.dir}/pid`]);
	await exec.run(`p=$(cat ${pidFile} 2>/dev/null) && [ -n "$p" ] && kill -s TERM -- "-$p"`);
};
