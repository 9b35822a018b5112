import {localized} from '../i18n/localized.js';
import type {StepGate} from '../runner/step-gate.js';
import type {StepPlan} from '../steps/step.js';

/** A step waiting in learn mode, with what it is about to run. */
export interface LearnPause {
	key: string;
	commands: string[];
}

/** `run`: this step; `skip`: not this one; `run-through`: this one and the rest without pausing. */
export type LearnDecision = 'run' | 'skip' | 'run-through';

/** What the screens see of learn mode: pauses to show, and the user's answer to each. */
export interface LearnControl {
	onPause(listener: (pause: LearnPause) => void): () => void;
	decide(key: string, decision: LearnDecision): void;
}

export interface LearnGate extends LearnControl {
	/** The runner's gate: each needed step pauses after its check and before anything changes. */
	gate: StepGate;
}

/**
 * Learn mode: the tutorial asks people not to run commands blindly, so each step that needs doing
 * waits for the user. The runner asks after the host has been looked at, so a step already in place
 * never stops anyone, and a stopped run never waits on an answer.
 */
export function createLearnGate(): LearnGate {
	const listeners = new Set<(pause: LearnPause) => void>();
	const waiting = new Map<string, (decision: LearnDecision) => void>();
	// A retried step does not pause again: the user has read it already.
	const paused = new Set<string>();
	let active = true;

	const pause = async (key: string, commands: string[], signal: AbortSignal): Promise<LearnDecision> => new Promise(resolve => {
		const settle = (decision: LearnDecision) => {
			waiting.delete(key);
			signal.removeEventListener('abort', onAbort);
			resolve(decision);
		};

		const onAbort = () => {
			settle('run');
		};

		if (signal.aborted) {
			resolve('run');
			return;
		}

		signal.addEventListener('abort', onAbort, {once: true});
		waiting.set(key, settle);
		for (const listener of listeners) {
			listener({key, commands});
		}
	});

	const gate: StepGate = async ({step, plan, signal}) => {
		if (!active || paused.has(step.key)) {
			return {kind: 'apply'};
		}

		paused.add(step.key);
		const decision = await pause(step.key, describePlan(plan), signal);
		if (decision === 'skip') {
			return {kind: 'skip', reason: localized('learnSkipped')};
		}

		if (decision === 'run-through') {
			active = false;
		}

		return {kind: 'apply'};
	};

	return {
		onPause(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		decide(key, decision) {
			waiting.get(key)?.(decision);
		},
		gate,
	};
}

// The files a step writes (zoo.cfg, myid, unit files with each daemon's flags) are what the tutorial
// teaches, so their contents are shown, not only their names.
function describePlan(plan: StepPlan): string[] {
	return [
		...plan.files.flatMap(file => [`write ${file.path}:`, ...file.content.replace(/\n$/, '').split('\n').map(line => `  │ ${line}`)]),
		...plan.commands.map(command => `$ ${command.command}`),
	];
}
