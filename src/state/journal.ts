import type {JobHandle} from '../exec/job.js';
import type {Lab} from '../lab/lab-schema.js';
import type {StepStatus} from '../steps/step.js';

/** The journal format this build writes. Bump it and extend `migrateJournal` together. */
export const journalSchemaVersion = 1;

/** A detached job as the journal keeps it: the handle plus how much of its log was already read. */
export type JournalJob = JobHandle & {readBytes: number};

/** One step on one host, as recorded. */
export interface StepRecord {
	status: StepStatus;
	attempts: number;
	startedAt?: string;
	finishedAt?: string;
	/** Why the step was skipped or found already done. */
	reason?: string;
	/**
	 * Who skipped it: its own check found it in place (checked again on the next run, since things
	 * change), or someone asked (that choice is kept).
	 */
	skippedBy?: 'check' | 'request';
	lastError?: string;
	hint?: string;
	job?: JournalJob;
}

export type RunOutcome = 'running' | 'completed' | 'stopped' | 'failed';

export interface RunInfo {
	startedAt: string;
	outcome: RunOutcome;
	finishedAt?: string;
	/** Why the last run stopped, when it did not complete. */
	lastStop?: string;
}

/** The whole checkpoint file of one lab. */
export interface Journal {
	schemaVersion: number;
	labId: string;
	/** Step keys in plan order, so status can show steps that never started. */
	order: string[];
	steps: Record<string, StepRecord>;
	run?: RunInfo;
	/** The lab configuration the plan was built from, with secrets removed. */
	lab?: Lab;
}

export function emptyJournal(labId: string): Journal {
	return {schemaVersion: journalSchemaVersion, labId, order: [], steps: {}};
}
