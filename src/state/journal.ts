import type {JobHandle} from '../exec/job.js';
import type {Lab} from '../lab/lab-schema.js';
import type {StepRecord} from './journal-schema.js';
import type {Localized} from '../steps/step.js';

/** The journal format this build writes. Bump it and extend `migrateJournal` together. */
export const journalSchemaVersion = 1;

/** A detached job as the journal keeps it: the handle plus how much of its log was already read. */
export type JournalJob = JobHandle & {readBytes: number};

export type {StepRecord} from './journal-schema.js';

/**
 * Every field some status of a step record may hold, each optional: how a view that lists steps
 * of every status alike reads one. Code that acts on a step narrows on `status` instead.
 */
export interface StepFields {
	status?: StepRecord['status'];
	attempts?: number;
	startedAt?: string | undefined;
	finishedAt?: string | undefined;
	reason?: Localized | string | undefined;
	lastError?: Localized | string | undefined;
	hint?: Localized | string | undefined;
	job?: JournalJob | undefined;
	skippedBy?: 'check' | 'request' | undefined;
}

export type RunOutcome = 'running' | 'completed' | 'stopped' | 'failed';

export interface RunInfo {
	startedAt: string;
	outcome: RunOutcome;
	finishedAt?: string;
	/** Why the last run stopped, when it did not complete; plain text from an older build still reads. */
	lastStop?: Localized | string;
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
