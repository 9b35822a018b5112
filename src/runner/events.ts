import type {CheckResult, JobProgressCount, Localized, StepStatus, VerifyResult} from '../steps/step.js';

/** Progress of a detached job as the runner sees it: bytes of log read so far, and lines. */
export interface JobProgress {
	name: string;
	logBytes: number;
	/** Work done against the total, when the step can read it from the job's log (the Mesos build's objects). */
	progress?: JobProgressCount;
}

/**
 * What the runner tells its renderers (the Ink wizard, the plain line printer, tests).
 * Every event is saved to the checkpoint store before it is emitted.
 */
export type RunnerEvent =
	| {type: 'run-started'; labId: string; at: string; resumed: boolean; steps: StepRef[]}
	| {type: 'step-started'; step: StepRef; at: string; attempt: number}
	| {type: 'step-checked'; step: StepRef; at: string; result: CheckResult}
	| {type: 'command-started'; step: StepRef; at: string; command: string; index: number; total: number}
	| {type: 'command-output'; step: StepRef; stream: 'stdout' | 'stderr'; line: string}
	| {type: 'command-finished'; step: StepRef; at: string; command: string; exitCode: number | null; durationMs: number}
	| {type: 'job-attached'; step: StepRef; at: string; job: JobProgress; reattached: boolean}
	| {type: 'job-progress'; step: StepRef; job: JobProgress}
	| {type: 'job-silent'; step: StepRef; at: string; silentForMs: number}
	| {type: 'step-verified'; step: StepRef; at: string; result: VerifyResult}
	| {type: 'step-finished'; step: StepRef; at: string; status: Extract<StepStatus, 'done' | 'skipped'>; reason: Localized | string; durationMs: number}
	| {type: 'step-failed'; step: StepRef; at: string; error: string; hint?: string; logPath: string; lastLines: string[]}
	| {type: 'run-finished'; at: string; outcome: 'completed' | 'stopped' | 'failed'};

/** Enough of a step for a renderer to show it without holding the step itself. */
export interface StepRef {
	key: string;
	id: string;
	host: string;
	phase: string;
	index: number;
	total: number;
	/** The step's title, so renderers need not hold the step. */
	title?: Localized;
}
