import type {RunnerEvent, StepRef} from '../runner/events.js';
import type {PreflightCheckName} from '../lab/lab-schema.js';
import type {PreflightOutcome} from '../steps/preflight-findings.js';
import type {CheckResult} from '../steps/step.js';
import type {LearnControl} from './learn-gate.js';
import type {StepInfoLookup} from './step-info.js';

/** Where the finished cluster answers: the first master, the first Marathon, the load balancer's stats page. */
export interface ClusterAddresses {
	mesos: string;
	marathon: string;
	haproxyStats: string;
}

/** Something the lab fetches, and from where, as the plan review lists it. */
export interface PlannedDownload {
	what: string;
	from: string;
}

/** The commands of one topic's experiments, offered by the summary on one line. */
export interface ExperimentCommands {
	topic: 'apps' | 'availability';
	commands: readonly string[];
}

/** The part of the runner the wizard drives. */
export interface DrivableRun {
	on(listener: (event: RunnerEvent) => void): () => void;
	/** Starts the run; preflight checks the user ignored on the review go on with a warning. */
	start(choices?: {ignorePreflight: readonly PreflightCheckName[]}): Promise<'completed' | 'stopped' | 'failed'>;
	retry(key: string): void;
	skip(key: string): void;
	/**
	 * The stall remedy: stop the detached job and start it again; the build continues where it was.
	 * Absent when the runner cannot do it, and then the screen says to quit and resume instead.
	 */
	restartJob?(key: string): void;
	/** Learn mode's pauses before each step; absent when the run goes straight through. */
	learn?: LearnControl;
	stop(): void;
}

/** How the run behaves, decided before it is prepared. */
export interface RunChoices {
	resume: boolean;
	/** `ask` when keys can answer a failure (the wizard), `stop` for plain lines. */
	onFailure: 'ask' | 'stop';
	/** Pause before each step (learn mode); only where someone can press a key. */
	learn: boolean;
	/** Someone at a terminal may be asked a question before the run starts (not with --yes). */
	canAsk: boolean;
}

/** Everything the screens show about a run before it starts, and the run itself. */
export interface PreparedRun {
	steps: StepRef[];
	checks: Record<string, CheckResult>;
	info: StepInfoLookup;
	downloads: PlannedDownload[];
	estimateMs: number;
	addresses: ClusterAddresses;
	/** The commands that run the tutorial's experiments on this lab, by topic, offered by the summary. */
	experiments?: readonly ExperimentCommands[];
	/** Where an earlier run stopped, and why: shown first on resume. */
	lastStop: {step: string; reason: string} | undefined;
	/** Every preflight check's verdict, judged before anything else; a FAIL blocks the start until fixed or ignored. */
	preflight: PreflightOutcome[];
	/** Judges the preflight checks again, after the user fixed something. */
	recheckPreflight(): Promise<PreflightOutcome[]>;
	run: DrivableRun;
	/** Closes what preparing opened (connections to the hosts); called once the wizard is done. */
	dispose?(): Promise<void>;
}
