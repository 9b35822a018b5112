import type {Executor} from '../exec/executor.js';

/** Text in both languages the wizard speaks. */
export interface Localized {
	zh: string;
	en: string;
}

export type Language = keyof Localized;

/** Where a step stands. One value at a time; data rides on the journal entry, not on flags. */
export type StepStatus = 'pending' | 'running' | 'done' | 'failed' | 'skipped';

export type PhaseId =
	| 'preflight'
	| 'vm-prep'
	| 'docker'
	| 'zookeeper'
	| 'mesos-install'
	| 'mesos-masters'
	| 'mesos-agent'
	| 'marathon'
	| 'marathon-lb';

/** One command a step wants run. Built with `shellCommand`, never by pasting strings. */
export interface PlannedCommand {
	/** The exact command line, shown to the user before it runs. */
	command: string;
	/** What this command does, shown above it. */
	describe?: Localized;
	sudo?: boolean;
	timeoutMs?: number;
	/**
	 * A long command (the Mesos build) that must outlive the SSH link. The runner starts it as a
	 * detached job named `name` and re-attaches to it on resume.
	 */
	detached?: {name: string};
	/**
	 * Written to the command's stdin and never logged, shown or saved: how a secret such as a
	 * registry password reaches a command without appearing in its argv.
	 */
	stdin?: string;
}

/** A file a step puts on the target. */
export interface PlannedFile {
	path: string;
	content: string;
	mode?: number;
	sudo?: boolean;
}

export interface StepPlan {
	files: PlannedFile[];
	commands: PlannedCommand[];
}

/** Why a step is in place or still needed, in both languages: whoever shows it picks one. */
export type CheckResult =
	| {kind: 'satisfied'; reason: Localized}
	| {kind: 'needed'; reason: Localized};

export type VerifyResult =
	| {ok: true; proof: Localized}
	| {ok: false; problem: Localized};

/** What a step function may touch on its host. */
export interface StepContext {
	exec: Executor;
	signal: AbortSignal;
}

/** A known cause of failure: when the output matches, the hint says what to do. */
export interface FailureHint {
	id: string;
	matches: RegExp;
	hint: Localized;
}

/**
 * One idempotent unit of the install, bound to one host: check whether it is needed, describe
 * what to run, and prove afterwards that it works. Steps describe; the runner executes.
 */
export interface Step {
	/** Stable kebab-case id, the checkpoint key: never rename one. */
	id: string;
	phase: PhaseId;
	/** The lab's name for the host this step runs on. */
	host: string;
	title: Localized;
	why: Localized;
	check(ctx: StepContext): Promise<CheckResult>;
	plan(ctx: StepContext): Promise<StepPlan>;
	verify(ctx: StepContext): Promise<VerifyResult>;
	hints: readonly FailureHint[];
	/** Ids of steps (on any host) that must be done first; skipping one of them warns about this one. */
	dependsOn?: readonly string[];
	/**
	 * How far this step's detached job is, read from a chunk of its log (the Mesos build counts
	 * compiled objects); the runner passes it on to the screens and knows no job's output format.
	 */
	jobProgress?(logText: string): JobProgressCount | undefined;
}

/** Work done against the total, as a step reads it from its job's log. */
export interface JobProgressCount {
	done: number;
	total: number;
}

/** The journal key of a step on its host. */
export function stepKey(step: Pick<Step, 'id' | 'host'>): string {
	return `${step.id}@${step.host}`;
}
