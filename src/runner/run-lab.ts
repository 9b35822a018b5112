import type {Executor} from '../exec/executor.js';
import type {Lab} from '../lab/lab-schema.js';
import {CheckpointStore} from '../state/checkpoint-store.js';
import type {RunOutcome} from '../state/journal.js';
import {acquireLabLock, type LabLock, type LockOptions} from '../state/lock.js';
import type {Step} from '../steps/step.js';
import type {RunnerEvent} from './events.js';
import type {JobControl} from './job-control.js';
import {Runner, type RunnerOptions} from './runner.js';

export interface RunLabInput {
	home: string;
	labId: string;
	steps: readonly Step[];
	executorFor(host: string): Executor | Promise<Executor>;
	jobs?: JobControl;
	resumed: boolean;
	/** The lab configuration to keep beside the journal (secrets are dropped before saving). */
	lab?: Lab;
	listeners?: ReadonlyArray<(event: RunnerEvent) => void>;
	/** Called with the runner before it starts, so a UI can send retry/skip/stop. */
	onRunner?: (runner: Runner) => void;
	/** Told when a dead holder's lock was taken over. */
	onLockTakenOver?: (lock: LabLock) => void;
	lockOptions?: LockOptions;
	runner?: Omit<RunnerOptions, 'labId' | 'steps' | 'store' | 'executorFor' | 'jobs'>;
}

/**
 * One run of a lab under its lock: open the journal, take the lock (or throw LockedError naming the
 * holder), walk the plan, release the lock. Used by `init` for a new run and by `resume`.
 */
export async function runLab(input: RunLabInput): Promise<Exclude<RunOutcome, 'running'>> {
	const store = CheckpointStore.open(input.home, input.labId);
	const lock = acquireLabLock(store.dir, input.lockOptions);
	try {
		if (lock.tookOver) {
			input.onLockTakenOver?.(lock);
		}
		if (input.lab) {
			store.saveLab(input.lab);
		}
		const runner = new Runner({
			...input.runner,
			labId: input.labId,
			steps: input.steps,
			store,
			executorFor: input.executorFor,
			...(input.jobs ? {jobs: input.jobs} : {}),
		});
		for (const listener of input.listeners ?? []) {
			runner.on(listener);
		}
		input.onRunner?.(runner);
		return await runner.run({resumed: input.resumed});
	} finally {
		lock.release();
	}
}
