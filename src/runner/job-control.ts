import type {Executor} from '../exec/executor.js';
import type {JobHandle, JobState} from '../exec/job.js';

/** The operations the runner needs on detached jobs; src/exec/detached-job.ts provides them. */
export interface JobControl {
	startJob(exec: Executor, spec: {name: string; command: string; baseDir: string; sudo?: boolean}): Promise<JobHandle>;
	jobState(exec: Executor, handle: JobHandle, options?: {sudo?: boolean}): Promise<JobState>;
	tailJob(exec: Executor, handle: JobHandle, fromByte: number, options?: {sudo?: boolean}): Promise<{text: string; nextByte: number}>;
	/** Ends the job and what it started, for a restart; what it built stays. */
	stopJob(exec: Executor, handle: JobHandle, options?: {sudo?: boolean}): Promise<void>;
}
