import type {RunnerEvent} from '../runner/events.js';
import {blockingFailures} from '../steps/preflight-findings.js';
import {nextBuildProgress} from './build-progress.js';
import {appendToTail} from './output-tail.js';
import type {ReviewPreflight, WizardAction, WizardScreen, WizardState} from './wizard-state.js';

/** Folds runner events and user intents into what the wizard shows. Pure: no clock, no I/O. */
export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
	switch (action.type) {
		case 'runner': {
			return foldEvent({...state, now: Math.max(state.now, action.now)}, action.event);
		}

		case 'tick': {
			return action.now > state.now ? {...state, now: action.now} : state;
		}

		case 'plan-loaded': {
			return {...state, steps: action.steps, checks: {...action.checks, ...state.checks}};
		}

		case 'plan-confirmed': {
			if (state.screen.kind !== 'review') {
				return state;
			}

			return startBlocked(state.preflight)
				? {...state, preflight: {...state.preflight, refused: true}}
				: {...state, screen: {kind: 'review', confirmed: true}};
		}

		case 'preflight-judged': {
			const failing = failingChecks(action.outcomes).length;
			return {
				...state,
				preflight: {...state.preflight, outcomes: action.outcomes, checking: false, refused: false, selected: Math.min(state.preflight.selected, Math.max(0, failing - 1))},
			};
		}

		case 'preflight-checking': {
			return {...state, preflight: {...state.preflight, checking: true}};
		}

		case 'preflight-selected': {
			const failing = failingChecks(state.preflight.outcomes).length;
			return failing === 0 ? state : {...state, preflight: {...state.preflight, selected: (state.preflight.selected + action.delta + failing) % failing}};
		}

		case 'preflight-ignore-toggled': {
			const name = failingChecks(state.preflight.outcomes)[state.preflight.selected]?.name;
			if (name === undefined) {
				return state;
			}

			const {ignored} = state.preflight;
			return {
				...state,
				preflight: {...state.preflight, refused: false, ignored: ignored.includes(name) ? ignored.filter(other => other !== name) : [...ignored, name]},
			};
		}

		case 'stall-dismissed': {
			return state.screen.kind === 'step' && state.screen.stall ? {...state, screen: {...state.screen, stall: undefined}} : state;
		}

		case 'learn-paused': {
			return withStepScreen(state, action.key, screen => ({...state, screen: {...screen, learn: {commands: action.commands}}}));
		}

		case 'learn-decided': {
			return state.screen.kind === 'step' && state.screen.learn ? {...state, screen: {...state.screen, learn: undefined}} : state;
		}

		case 'log-opened': {
			return state.screen.kind === 'failure' ? {...state, screen: {...state.screen, fullLog: action.lines}} : state;
		}

		case 'log-closed': {
			return state.screen.kind === 'failure' ? {...state, screen: {...state.screen, fullLog: undefined}} : state;
		}
	}
}

function foldEvent(state: WizardState, event: RunnerEvent): WizardState {
	switch (event.type) {
		case 'run-started': {
			return {
				...state,
				labId: event.labId,
				resumed: event.resumed,
				steps: event.steps,
				screen: state.screen.kind === 'review' ? state.screen : {kind: 'review', confirmed: true},
			};
		}

		case 'step-checked': {
			return {...state, checks: {...state.checks, [event.step.key]: event.result}};
		}

		case 'step-started': {
			const screen: WizardScreen = {
				kind: 'step',
				step: event.step,
				attempt: event.attempt,
				startedAt: state.now,
				command: undefined,
				build: undefined,
				stall: undefined,
				job: undefined,
				learn: undefined,
			};
			return {...state, screen, tail: []};
		}

		case 'command-started': {
			return withStepScreen(state, event.step.key, screen => ({
				...state,
				screen: {...screen, command: {text: event.command, index: event.index, total: event.total}},
			}));
		}

		case 'command-output': {
			return withStepScreen(state, event.step.key, () => ({
				...state,
				tail: appendToTail(state.tail, event.line, state.tailLimit),
			}));
		}

		case 'command-finished': {
			return state;
		}

		case 'job-attached': {
			return withStepScreen(state, event.step.key, screen => ({
				...state,
				screen: {
					...screen,
					build: event.job.progress ? nextBuildProgress(undefined, event.job.progress, state.now) : undefined,
					stall: undefined,
					job: {name: event.job.name, reattached: event.reattached},
				},
			}));
		}

		case 'job-progress': {
			return withStepScreen(state, event.step.key, screen => ({
				...state,
				screen: {
					...screen,
					build: event.job.progress ? nextBuildProgress(screen.build, event.job.progress, state.now) : screen.build,
					stall: undefined,
				},
			}));
		}

		case 'job-silent': {
			if (event.silentForMs < state.stallAfterMs) {
				return state;
			}

			return withStepScreen(state, event.step.key, screen => ({
				...state,
				screen: {...screen, stall: {silentForMs: event.silentForMs, since: state.now}},
			}));
		}

		case 'step-verified': {
			return {...state, verified: {...state.verified, [event.step.key]: event.result}};
		}

		case 'step-finished': {
			const finished = [...state.finished.filter(entry => entry.step.key !== event.step.key), {
				step: event.step,
				status: event.status,
				reason: event.reason,
				durationMs: event.durationMs,
			}];
			return {...state, finished};
		}

		case 'step-failed': {
			return {
				...state,
				screen: {
					kind: 'failure',
					step: event.step,
					attempt: state.screen.kind === 'step' && state.screen.step.key === event.step.key ? state.screen.attempt : 1,
					error: event.error,
					hint: event.hint,
					logPath: event.logPath,
					lastLines: event.lastLines.slice(-state.tailLimit),
					fullLog: undefined,
				},
			};
		}

		case 'run-finished': {
			// A failed run keeps its failure screen: that is where retry, skip and quit live.
			if (event.outcome === 'failed' && state.screen.kind === 'failure') {
				return state;
			}

			return {...state, screen: {kind: 'summary', outcome: event.outcome}};
		}
	}
}

/** The preflight checks that failed, whether ignored or not: the ones the review lists and `i` toggles. */
export function failingChecks(outcomes: WizardState['preflight']['outcomes']): WizardState['preflight']['outcomes'] {
	return outcomes.filter(outcome => outcome.finding.level === 'fail');
}

/** Whether a preflight FAIL, neither fixed nor ignored, still stands between the user and the run. */
export function startBlocked(preflight: ReviewPreflight): boolean {
	return blockingFailures(preflight.outcomes, preflight.ignored).length > 0;
}

type StepScreen = Extract<WizardScreen, {kind: 'step'}>;

/** Events about a step other than the one on screen are stale (a late line after a failure): ignore them. */
function withStepScreen(state: WizardState, key: string, update: (screen: StepScreen) => WizardState): WizardState {
	if (state.screen.kind !== 'step' || state.screen.step.key !== key) {
		return state;
	}

	return update(state.screen);
}
