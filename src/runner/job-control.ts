import type {Executor} from '../exec/executor.js';
import type {JobHandle, JobState} from '../exec/job.js';

/** The three operations the runner needs on detached jobs; src/exec/detached-job.ts provides them. */
export interface JobControl {
	startJob(exec: Executor, spec: {name: string; command: string; baseDir: string}): Promise<JobHandle>;
	jobState(exec: Executor, handle: JobHandle): Promise<JobState>;
	tailJob(exec: Executor, handle: JobHandle, fromByte: number): Promise<{text: string; nextByte: number}>;
}
