import {ConnectionError, problemIn} from '../errors.js';
import {localized, withDetail} from '../i18n/localized.js';
import type {Executor} from '../exec/executor.js';
import {stepKey, type Localized, type Step} from '../steps/step.js';

/** How one step of a clean-up ended. */
export type UndoOutcome =
	| {kind: 'removed'}
	| {kind: 'already-gone'}
	| {kind: 'failed'; why: Localized}
	| {kind: 'not-tried'; why: Localized};

export interface UndoResult {
	step: Step;
	outcome: UndoOutcome;
}

/**
 * Runs clean-up steps host by host. Unlike an install, a failure does not stop the rest: every step
 * that does not depend on a failed one still runs, so one stuck unit leaves the other files removed,
 * and the result says, step by step, what could not be removed and why.
 */
export async function runUndo(steps: readonly Step[], executorFor: (host: string) => Promise<Executor>, onResult: (result: UndoResult) => void = () => {}): Promise<UndoResult[]> {
	const results: UndoResult[] = [];
	const unfinished = new Set<string>();
	const record = (step: Step, outcome: UndoOutcome) => {
		if (outcome.kind === 'failed' || outcome.kind === 'not-tried') {
			unfinished.add(stepKey(step));
		}
		const result = {step, outcome};
		results.push(result);
		onResult(result);
	};
	for (const step of steps) {
		const blocker = step.dependsOn?.map(id => stepKey({id, host: step.host})).find(key => unfinished.has(key));
		if (blocker !== undefined) {
			record(step, {kind: 'not-tried', why: localized('runnerUndoBlocked', {blocker})});
			continue;
		}
		try {
			const exec = await executorFor(step.host);
			// A link that drops is no verdict on the step: the executor reconnects, and every step can run twice.
			record(step, await undoOne(step, exec).catch(async (error: unknown) => {
				if (!(error instanceof ConnectionError)) {
					throw error;
				}
				return undoOne(step, exec);
			}));
		} catch (error) {
			record(step, {kind: 'failed', why: problemIn(error)});
		}
	}
	return results;
}

async function undoOne(step: Step, exec: Executor): Promise<UndoOutcome> {
	const signal = new AbortController().signal;
	const context = {exec, signal};
	if ((await step.check(context)).kind === 'satisfied') {
		return {kind: 'already-gone'};
	}
	const plan = await step.plan(context);
	for (const planned of plan.commands) {
		const result = await exec.run(planned.command, {
			...(planned.sudo ? {sudo: true} : {}),
			timeoutMs: planned.timeoutMs ?? 600_000,
		});
		if (result.exitCode !== 0) {
			const detail = (result.stderr.trim() || result.stdout.trim()).split('\n').slice(-3).join(' / ');
			const exit = result.timedOut ? 'timeout' : result.exitCode === null ? 'signal' : String(result.exitCode);
			return {kind: 'failed', why: withDetail(localized('runnerUndoCommandEnded', {command: planned.command, exit}), detail)};
		}
	}
	const verdict = await step.verify(context);
	return verdict.ok ? {kind: 'removed'} : {kind: 'failed', why: verdict.problem};
}
