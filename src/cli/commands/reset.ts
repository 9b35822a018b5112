import {createInterface} from 'node:readline/promises';
import {UserInputError} from '../../errors.js';
import {localized} from '../../i18n/localized.js';
import type {Executor} from '../../exec/executor.js';
import {openHostAsRoot} from '../../exec/open-host.js';
import {t} from '../../i18n/messages.js';
import {hostDestination} from '../../lab/host-destination.js';
import type {Lab, LabHost} from '../../lab/lab-schema.js';
import {runUndo, type UndoResult} from '../../runner/undo-run.js';
import {CheckpointStore} from '../../state/checkpoint-store.js';
import {acquireLabLock} from '../../state/lock.js';
import {planningContext} from '../../steps/plan-script.js';
import {buildResetPlan, keptAfterReset} from '../../steps/reset.js';
import type {Language, Step} from '../../steps/step.js';
import type {CommandContext} from '../context.js';
import {hostAccess} from '../host-access.js';
import {loadSavedLab} from './resume.js';
import {resolveLabId} from './status.js';
import * as z from 'zod';
import {flag, hostAccessOptions, word} from '../command-options.js';

/** `mesos-lab reset`'s flags. */
export const options = hostAccessOptions.extend({
	labId: word,
	yes: flag,
	/** Also clean the hosts, not only forget the journal. */
	hosts: flag,
});
export type ResetOptions = z.output<typeof options>;

/** How reset reaches a lab host; tests may pass their own. */
export type OpenLabHost = (host: LabHost) => Promise<Executor>;

export interface ResetHooks {
	openHost?: OpenLabHost;
}

/**
 * `mesos-lab reset`: forgets a lab's checkpoints and logs. With --hosts it first removes from the
 * hosts what the lab installed, having said what that is; what cannot be removed is reported, and
 * then the checkpoints stay so the reset can be run again.
 */
export async function run(options: ResetOptions, ctx: CommandContext, hooks: ResetHooks = {}): Promise<number> {
	const labId = resolveLabId(ctx.home, options.labId);
	const store = CheckpointStore.open(ctx.home, labId);
	const lab = options.hosts === true ? loadSavedLab(ctx.home, labId) : undefined;
	const steps = lab === undefined ? [] : buildResetPlan(lab);
	if (lab !== undefined) {
		ctx.stdout.write(await describePlan(lab, steps, ctx.lang));
	}
	if (!options.yes) {
		const answer = await ask(t(ctx.lang, lab === undefined ? 'resetConfirm' : 'resetHostsConfirm', {labId}), ctx);
		if (answer.trim() !== labId) {
			throw new UserInputError(localized('cmdResetMismatch', {answer: answer.trim(), labId}), {hint: localized('cmdResetMismatchHint', {labId})});
		}
	}
	const lock = acquireLabLock(store.dir);
	try {
		if (lab !== undefined && !(await cleanHosts(lab, steps, options, ctx, hooks))) {
			ctx.stdout.write(`${t(ctx.lang, 'resetIncomplete')}\n`);
			return 1;
		}
	} finally {
		lock.release();
	}
	store.remove();
	ctx.stdout.write(`${t(ctx.lang, 'resetDone', {labId, dir: store.dir})}\n`);
	return 0;
}

/** Every command reset --hosts will run, host by host, and what it keeps. */
async function describePlan(lab: Lab, steps: readonly Step[], language: Language): Promise<string> {
	const lines = [t(language, 'resetHostsIntro')];
	const context = planningContext();
	for (const host of lab.hosts) {
		const own = steps.filter(step => step.host === host.name);
		if (own.length === 0) {
			continue;
		}
		lines.push('', `${host.name} (${hostDestination(host, language)})`);
		for (const step of own) {
			lines.push(`  - ${step.title[language]}`);
			for (const planned of (await step.plan(context)).commands) {
				lines.push(`      $ ${planned.command}`);
			}
		}
	}
	lines.push('', keptAfterReset[language], '');
	return `${lines.join('\n')}\n`;
}

async function cleanHosts(lab: Lab, steps: readonly Step[], options: ResetOptions, ctx: CommandContext, hooks: ResetHooks): Promise<boolean> {
	const access = hostAccess(ctx, options);
	const open = hooks.openHost ?? ((host: LabHost) => openHostAsRoot(host, access));
	const opened = new Map<string, Promise<Executor>>();
	const executorFor = (name: string): Promise<Executor> => {
		const host = lab.hosts.find(candidate => candidate.name === name)!;
		let executor = opened.get(name);
		if (executor === undefined) {
			executor = open(host);
			opened.set(name, executor);
		}
		return executor;
	};
	try {
		const results = await runUndo(steps, executorFor, result => ctx.stdout.write(`${describeResult(result, ctx.lang)}\n`));
		return results.every(result => result.outcome.kind === 'removed' || result.outcome.kind === 'already-gone');
	} finally {
		const settled = await Promise.allSettled(opened.values());
		await Promise.allSettled(settled.map(result => (result.status === 'fulfilled' ? result.value.close() : undefined)));
	}
}

function describeResult({step, outcome}: UndoResult, language: Language): string {
	const what = `${step.id}@${step.host} ${step.title[language]}`;
	switch (outcome.kind) {
		case 'removed': return `✓ ${what}: ${t(language, 'resetRemoved')}`;
		case 'already-gone': return `✓ ${what}: ${t(language, 'resetAlreadyGone')}`;
		case 'failed': return `✗ ${what}: ${t(language, 'resetFailed', {why: outcome.why[language]})}`;
		case 'not-tried': return `✗ ${what}: ${t(language, 'resetNotTried', {why: outcome.why[language]})}`;
	}
}

async function ask(question: string, ctx: CommandContext): Promise<string> {
	const reader = createInterface({input: ctx.stdin, output: ctx.stderr, terminal: false});
	try {
		ctx.stderr.write(question);
		const lines = reader[Symbol.asyncIterator]();
		const next = await lines.next();
		return next.done ? '' : next.value;
	} finally {
		reader.close();
	}
}
