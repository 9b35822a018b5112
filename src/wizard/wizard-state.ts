import type {PreflightCheckName} from '../lab/lab-schema.js';
import type {RunnerEvent, StepRef} from '../runner/events.js';
import type {PreflightOutcome} from '../steps/preflight-findings.js';
import type {CheckResult, Localized, VerifyResult} from '../steps/step.js';
import type {BuildProgress} from './build-progress.js';
import {defaultTailLines} from './output-tail.js';

/** The command the step screen shows as running. */
export interface RunningCommand {
	text: string;
	index: number;
	total: number;
}

/** A stall the user is told about, with the tutorial's remedy one key away. */
export interface StallWarning {
	silentForMs: number;
	since: number;
}

/** What one screen holds; the wizard shows exactly one at a time. */
export type WizardScreen =
	| {kind: 'review'; confirmed: boolean}
	| {
		kind: 'step';
		step: StepRef;
		attempt: number;
		startedAt: number;
		command: RunningCommand | undefined;
		build: BuildProgress | undefined;
		stall: StallWarning | undefined;
		/** The detached job the step follows; `reattached` when it ran on while mesos-lab was away. */
		job: {name: string; reattached: boolean} | undefined;
		/** Learn mode: the step waits, showing what it will run, until the user decides. */
		learn: {commands: string[]} | undefined;
	}
	| {
		kind: 'failure';
		step: StepRef;
		attempt: number;
		error: string;
		hint: string | undefined;
		logPath: string;
		lastLines: string[];
		fullLog: string[] | undefined;
	}
	| {kind: 'summary'; outcome: 'completed' | 'stopped' | 'failed'};

/**
 * The preflight verdicts the review leads with. A FAIL blocks the start until a new check passes it or
 * the user ignores that check by name; `refused` is set when Enter was pressed while one still blocked.
 */
export interface ReviewPreflight {
	outcomes: PreflightOutcome[];
	ignored: PreflightCheckName[];
	/** Index into the failing outcomes: the one `i` ignores. */
	selected: number;
	refused: boolean;
	checking: boolean;
}

/** A step that has ended, kept for the scroll-back list above the live screen. */
export interface FinishedStep {
	step: StepRef;
	status: 'done' | 'skipped';
	reason: Localized | string;
	durationMs: number;
}

export interface WizardState {
	screen: WizardScreen;
	labId: string | undefined;
	resumed: boolean;
	steps: StepRef[];
	checks: Record<string, CheckResult>;
	preflight: ReviewPreflight;
	verified: Record<string, VerifyResult>;
	finished: FinishedStep[];
	/** Last lines of output of the running step, bounded by `tailLimit`. */
	tail: string[];
	tailLimit: number;
	/** How long a job may be silent before the stall warning shows. */
	stallAfterMs: number;
	now: number;
}

/** Everything the reducer folds: runner events, the clock, and what the user asked for. */
export type WizardAction =
	| {type: 'runner'; event: RunnerEvent; now: number}
	| {type: 'tick'; now: number}
	| {type: 'plan-loaded'; steps: StepRef[]; checks: Record<string, CheckResult>}
	| {type: 'plan-confirmed'}
	| {type: 'preflight-judged'; outcomes: PreflightOutcome[]}
	| {type: 'preflight-checking'}
	| {type: 'preflight-selected'; delta: 1 | -1}
	| {type: 'preflight-ignore-toggled'}
	| {type: 'stall-dismissed'}
	| {type: 'learn-paused'; key: string; commands: string[]}
	| {type: 'learn-decided'}
	| {type: 'log-opened'; lines: string[]}
	| {type: 'log-closed'};

export const defaultStallAfterMs = 5 * 60_000;

export function initialWizardState(options: {now: number; tailLimit?: number | undefined; stallAfterMs?: number | undefined}): WizardState {
	return {
		screen: {kind: 'review', confirmed: false},
		labId: undefined,
		resumed: false,
		steps: [],
		checks: {},
		preflight: {outcomes: [], ignored: [], selected: 0, refused: false, checking: false},
		verified: {},
		finished: [],
		tail: [],
		tailLimit: Math.max(1, options.tailLimit ?? defaultTailLines),
		stallAfterMs: options.stallAfterMs ?? defaultStallAfterMs,
		now: options.now,
	};
}
