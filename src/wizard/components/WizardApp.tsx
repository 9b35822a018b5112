import {Box, Static, Text, useApp, useInput, useStdout} from 'ink';
import {t} from '../../i18n/messages.js';
import {useEffect, useReducer} from 'react';
import type {PreflightCheckName} from '../../lab/lab-schema.js';
import type {RunnerEvent, StepRef} from '../../runner/events.js';
import type {PreflightOutcome} from '../../steps/preflight-findings.js';
import type {CheckResult, Language} from '../../steps/step.js';
import {formatDuration} from '../build-progress.js';
import {inLanguage} from '../../i18n/localized.js';
import type {LearnControl, LearnDecision} from '../../install/learn-gate.js';
import type {ClusterAddresses, ExperimentCommands, PlannedDownload} from '../../install/prepared-run.js';
import type {StepInfoLookup} from '../../install/step-info.js';
import {NoColorContext, useTone, tint} from '../palette.js';
import {failingChecks, startBlocked, wizardReducer} from '../wizard-reducer.js';
import {initialWizardState, type FinishedStep, type WizardState} from '../wizard-state.js';
import {FailureView} from './FailureView.js';
import {PlanReview} from './PlanReview.js';
import {rowsPerFailure} from './PreflightFailures.js';
import {StepView} from './StepView.js';
import {Summary} from './Summary.js';

/** Where runner events come from: the runner itself, a replayed journal, or a test script. */
export interface RunnerEventSource {
	subscribe(listener: (event: RunnerEvent) => void): () => void;
}

/** What the user's keys ask of the run. Every effect is injected; the app only calls these. */
export interface WizardControls {
	/** Starts the run; the preflight checks the user ignored by name on the review go with it. */
	confirmPlan(ignorePreflight: readonly PreflightCheckName[]): void;
	/** Judges the preflight checks again after the user fixed something. */
	recheckPreflight(): Promise<PreflightOutcome[]>;
	retry(stepKey: string): void;
	skip(stepKey: string): void;
	/** The tutorial's remedy for a stuck build: stop it and start it again. */
	restartJob(stepKey: string): void;
	/** Learn mode: the user's answer to a step waiting before it runs. */
	decideLearn(stepKey: string, decision: LearnDecision): void;
	quit(): void;
	readLog(logPath: string): Promise<string[]>;
	openDashboard(): void;
}

export interface WizardAppProps {
	source: RunnerEventSource;
	controls: WizardControls;
	language: Language;
	info: StepInfoLookup;
	downloads: PlannedDownload[];
	estimateMs: (steps: WizardState['steps'], checks: Record<string, CheckResult>) => number;
	addresses: ClusterAddresses;
	/** Commands of the experiments the summary offers, by topic. */
	experiments?: readonly ExperimentCommands[] | undefined;
	clock: () => number;
	noColor: boolean;
	tailLines?: number | undefined;
	stallAfterMs?: number | undefined;
	/** Steps and their checks, known before the run starts, for the review screen. */
	plan?: {steps: StepRef[]; checks: Record<string, CheckResult>; preflight?: PreflightOutcome[]} | undefined;
	/** Whether the stall remedy can run from here; otherwise the screen says to quit and resume. */
	canRestartJob?: boolean | undefined;
	/** Skip the review screen: `--yes`, or a resumed run that was already confirmed. */
	autoConfirm?: boolean | undefined;
	/** Learn mode's pauses, when the run makes them. */
	learn?: Pick<LearnControl, 'onPause'> | undefined;
}

export function WizardApp(props: WizardAppProps) {
	return (
		<NoColorContext.Provider value={props.noColor}>
			<WizardScreens {...props}/>
		</NoColorContext.Provider>
	);
}

function WizardScreens({plan, canRestartJob = true, source, controls, language, info, downloads, estimateMs, addresses, experiments, clock, tailLines, stallAfterMs, autoConfirm, learn}: WizardAppProps) {
	const {exit} = useApp();
	const {stdout} = useStdout();
	// Room for the title, the downloads and the keys; the steps get the rest of the screen.
	const rows = 'rows' in stdout && typeof stdout.rows === 'number' && stdout.rows > 0 ? stdout.rows : 24;
	const columns = 'columns' in stdout && typeof stdout.columns === 'number' && stdout.columns > 0 ? stdout.columns : 80;
	const [state, dispatch] = useReducer(wizardReducer, {now: clock(), tailLimit: tailLines, stallAfterMs}, initialWizardState);
	// Failing preflight checks come first; while one blocks the start it takes the downloads' place too.
	const failing = failingChecks(state.preflight.outcomes).length;
	const failureRows = failing === 0 ? 0 : 3 + failing * rowsPerFailure;
	const maxStepRows = Math.max(failing === 0 ? 5 : 2, rows - failureRows - (startBlocked(state.preflight) ? 8 : 14));
	// The failure screen's log gets all but its title and keys; learn mode's commands share the step screen.
	const logRows = Math.max(5, rows - 4);
	const commandRows = Math.max(3, rows - 14);
	// Title, three addresses, a gap, a line per topic of experiments and the keys line stay on screen with the proofs.
	const proofRows = Math.max(3, rows - 7 - Math.max(1, experiments?.length ?? 0));

	useEffect(() => {
		if (plan) {
			dispatch({type: 'plan-loaded', steps: plan.steps, checks: plan.checks});
			dispatch({type: 'preflight-judged', outcomes: plan.preflight ?? []});
		}
	}, [plan]);

	useEffect(() => source.subscribe(event => {
		dispatch({type: 'runner', event, now: clock()});
	}), [source, clock]);

	useEffect(() => learn?.onPause(pause => {
		dispatch({type: 'learn-paused', key: pause.key, commands: pause.commands});
	}), [learn]);

	useEffect(() => {
		const timer = setInterval(() => {
			dispatch({type: 'tick', now: clock()});
		}, 1000);
		return () => {
			clearInterval(timer);
		};
	}, [clock]);

	const {screen} = state;
	const needsConfirm = screen.kind === 'review' && !screen.confirmed && state.steps.length > 0;
	const blocked = startBlocked(state.preflight);
	const confirm = () => {
		dispatch({type: 'plan-confirmed'});
		// The reducer refuses the same way: a blocking failure keeps the review, with the reason on it.
		if (!blocked) {
			controls.confirmPlan(state.preflight.ignored);
		}
	};

	// --yes and resume skip the question, never a failing preflight check: that waits for the user.
	useEffect(() => {
		if (needsConfirm && autoConfirm && !blocked) {
			dispatch({type: 'plan-confirmed'});
			controls.confirmPlan(state.preflight.ignored);
		}
	}, [needsConfirm, autoConfirm, blocked, controls, state.preflight.ignored]);

	const recheck = () => {
		dispatch({type: 'preflight-checking'});
		void controls.recheckPreflight().then(outcomes => {
			dispatch({type: 'preflight-judged', outcomes});
		}, () => {
			dispatch({type: 'preflight-judged', outcomes: state.preflight.outcomes});
		});
	};

	const leave = () => {
		controls.quit();
		exit();
	};

	useInput((input, key) => {
		if (key.ctrl && input === 'c') {
			leave();
			return;
		}

		switch (screen.kind) {
			case 'review': {
				if (input === 'q') {
					leave();
				} else if (needsConfirm && (key.return || input === 'y')) {
					confirm();
				} else if (needsConfirm && failing > 0 && (key.upArrow || key.downArrow)) {
					dispatch({type: 'preflight-selected', delta: key.upArrow ? -1 : 1});
				} else if (needsConfirm && failing > 0 && input === 'i') {
					dispatch({type: 'preflight-ignore-toggled'});
				} else if (needsConfirm && input === 'c' && !state.preflight.checking) {
					recheck();
				}

				return;
			}

			case 'step': {
				if (screen.learn) {
					const decision: LearnDecision | undefined = key.return || input === 'r' ? 'run' : input === 's' ? 'skip' : input === 'n' ? 'run-through' : undefined;
					if (decision) {
						dispatch({type: 'learn-decided'});
						controls.decideLearn(screen.step.key, decision);
					} else if (input === 'q') {
						leave();
					}

					return;
				}

				if (input === 'x' && screen.stall && canRestartJob) {
					dispatch({type: 'stall-dismissed'});
					controls.restartJob(screen.step.key);
				}

				return;
			}

			case 'failure': {
				if (screen.fullLog) {
					if (key.escape || input === 'l' || input === 'q') {
						dispatch({type: 'log-closed'});
					}

					return;
				}

				if (input === 'r') {
					controls.retry(screen.step.key);
				} else if (input === 's') {
					controls.skip(screen.step.key);
				} else if (input === 'l') {
					void controls.readLog(screen.logPath).then(lines => {
						dispatch({type: 'log-opened', lines});
					}, (error: unknown) => {
						dispatch({type: 'log-opened', lines: [t(language, 'logUnreadable', {path: screen.logPath, error: error instanceof Error ? error.message : String(error)})]});
					});
				} else if (input === 'q') {
					leave();
				}

				return;
			}

			case 'summary': {
				if (input === 'd') {
					controls.openDashboard();
					exit();
				} else if (input === 'q') {
					leave();
				}
			}
		}
	});

	return (
		<Box flexDirection="column">
			<Static items={state.finished}>
				{entry => <FinishedLine key={entry.step.key} entry={entry} language={language}/>}
			</Static>
			{screen.kind === 'review' ? (
				state.steps.length === 0
					? <Text>{t(language, 'reviewChecking')}</Text>
					: screen.confirmed
						? <Text>{t(language, 'reviewStarting')}</Text>
						: <PlanReview steps={state.steps} checks={state.checks} downloads={downloads} estimateMs={estimateMs(state.steps, state.checks)} language={language} info={info} maxStepRows={maxStepRows} preflight={state.preflight}/>
			) : null}
			{screen.kind === 'step' ? <StepView screen={screen} canRestartJob={canRestartJob} tail={state.tail} now={state.now} language={language} info={info} commandRows={commandRows} columns={columns}/> : null}
			{screen.kind === 'failure' ? <FailureView screen={screen} language={language} info={info} logRows={logRows}/> : null}
			{screen.kind === 'summary' ? (
				<Summary outcome={screen.outcome} addresses={addresses} steps={state.steps} verified={state.verified} language={language} info={info} proofRows={proofRows} experiments={experiments}/>
			) : null}
		</Box>
	);
}

function FinishedLine({entry, language}: {entry: FinishedStep; language: Language}) {
	const tone = useTone();
	const mark = entry.status === 'done' ? '✓' : '↷';
	return (
		<Text wrap="truncate-end">
			<Text {...tint(entry.status === 'done' ? tone('ok') : tone('warn'))}>{`${mark} `}</Text>
			{t(language, entry.status === 'done' ? 'finishedDone' : 'finishedSkipped', {step: `${entry.step.id}@${entry.step.host}`, duration: formatDuration(entry.durationMs, language), reason: inLanguage(entry.reason, language)})}
		</Text>
	);
}
