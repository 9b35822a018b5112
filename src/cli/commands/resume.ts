import {UserInputError} from '../../errors.js';
import {localized} from '../../i18n/localized.js';
import type {Lab} from '../../lab/lab-schema.js';
import {CheckpointStore} from '../../state/checkpoint-store.js';
import {assertHomeWritable} from '../../state/home-check.js';
import {runWizard, type WizardDeps} from '../../wizard/run-wizard.js';
import {realInstallDeps, type RealDepsOptions} from '../../install/install-deps.js';
import {languageWithLab, type CommandContext} from '../context.js';
import {dashboardOpener} from './open-dashboard.js';
import {resolveLabId} from './status.js';
import * as z from 'zod';
import {flag, hostAccessOptions, word} from '../command-options.js';

/** `mesos-lab resume`'s flags. */
export const options = hostAccessOptions.extend({
	labId: word,
	plain: flag,
});
export type ResumeOptions = z.output<typeof options>;

/** Where the wizard's effects come from; tests pass their own hosts and steps. */
export type ResumeDepsFactory = (ctx: CommandContext, options: RealDepsOptions) => WizardDeps;

/** `mesos-lab resume`: the wizard again, on the lab the journal kept, continuing where it stopped. */
export async function run(options: ResumeOptions, ctx: CommandContext, makeDeps: ResumeDepsFactory = realInstallDeps): Promise<number> {
	const labId = resolveLabId(ctx.home, options.labId);
	assertHomeWritable(ctx.home);
	const saved = loadSavedLab(ctx.home, labId);
	// The saved lab's language was chosen at init; --lang or MESOS_LAB_LANG given now still wins.
	const lab = {...saved, language: languageWithLab(ctx, saved.language)};
	return runWizard(ctx, {resume: true, lab, plain: options.plain === true}, makeDeps(ctx, {labId, openDashboard: dashboardOpener(ctx, labId), acceptNewHostKey: options.acceptNewHostKey === true, ...(options.sshConfig === undefined ? {} : {sshConfig: options.sshConfig})}));
}

/**
 * The lab a run saved beside its journal. Reading the journal checks it again: one written by
 * another version, or edited by hand, that this one cannot use is a StoreError naming the field.
 */
export function loadSavedLab(home: string, labId: string): Lab {
	const saved = CheckpointStore.open(home, labId).journal().lab;
	if (!saved) {
		throw new UserInputError(localized('cmdResumeNothingSaved', {labId}), {hint: localized('cmdResumeNothingSavedHint', {labId})});
	}
	return saved;
}
