import {StoreError, UserInputError} from '../../errors.js';
import {localized} from '../../i18n/localized.js';
import {validateLab} from '../../lab/lab-file.js';
import type {Lab} from '../../lab/lab-schema.js';
import {CheckpointStore} from '../../state/checkpoint-store.js';
import {assertHomeWritable} from '../../state/home-check.js';
import {runWizard, type WizardDeps} from '../../wizard/run-wizard.js';
import {realInstallDeps, type RealDepsOptions} from '../../install/install-deps.js';
import {languageWithLab, type CommandContext} from '../context.js';
import type {HostAccessFlags} from '../host-access.js';
import {dashboardOpener} from './open-dashboard.js';
import {resolveLabId} from './status.js';

export interface ResumeOptions extends HostAccessFlags {
	labId?: string;
	plain?: boolean;
}

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
 * The lab a run saved beside its journal, validated again: a journal written by another version,
 * or edited by hand, may hold a lab this one cannot use. The journal itself is never touched here.
 */
export function loadSavedLab(home: string, labId: string): Lab {
	const store = CheckpointStore.open(home, labId);
	const saved = store.journal().lab;
	if (!saved) {
		throw new UserInputError(localized('cmdResumeNothingSaved', {labId}), {hint: localized('cmdResumeNothingSavedHint', {labId})});
	}

	try {
		return validateLab(saved, `the lab saved in ${store.file}`);
	} catch (error) {
		if (!(error instanceof UserInputError)) {
			throw error;
		}

		throw new StoreError(localized('cmdSavedLabUnusable', {labId, detail: error.message}), {
			hint: localized('cmdSavedLabUnusableHint', {labId}),
			cause: error,
		});
	}
}
