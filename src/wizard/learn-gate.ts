import {t} from '../i18n/messages.js';
import {stepKey, type Language, type Step, type StepContext} from '../steps/step.js';

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
	/** The same steps, each pausing after its check says it is needed and before anything changes. */
	wrap(steps: readonly Step[]): Step[];
}

/**
 * Learn mode: the tutorial asks people not to run commands blindly, so each step that needs doing
 * waits for the user. It pauses inside the step's check, after the host has been looked at, so a
 * step already in place never stops anyone, and a stopped run never waits on an answer.
 */
export function createLearnGate(language: Language = 'en'): LearnGate {
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

	const wrapOne = (step: Step): Step => ({
		...step,
		async check(context) {
			const result = await step.check(context);
			const key = stepKey(step);
			if (result.kind === 'satisfied' || !active || paused.has(key)) {
				return result;
			}

			paused.add(key);
			const decision = await pause(key, await describeCommands(step, context), context.signal);
			if (decision === 'skip') {
				return {kind: 'satisfied', reason: t(language, 'learnSkipped')};
			}

			if (decision === 'run-through') {
				active = false;
			}

			return result;
		},
	});

	return {
		onPause(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		decide(key, decision) {
			waiting.get(key)?.(decision);
		},
		wrap: steps => steps.map(step => wrapOne(step)),
	};
}

async function describeCommands(step: Step, context: StepContext): Promise<string[]> {
	try {
		const plan = await step.plan(context);
		// The files a step writes (zoo.cfg, myid, unit files with each daemon's flags) are what the tutorial
		// teaches, so their contents are shown, not only their names.
		return [
			...plan.files.flatMap(file => [`write ${file.path}:`, ...file.content.replace(/\n$/, '').split('\n').map(line => `  │ ${line}`)]),
			...plan.commands.map(command => `$ ${command.command}`),
		];
	} catch (error) {
		return [`(worked out on the host when the step runs: ${error instanceof Error ? error.message : String(error)})`];
	}
}
