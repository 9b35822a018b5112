import {readFileSync} from 'node:fs';
import {UserInputError} from '../../errors.js';
import {localized} from '../../i18n/localized.js';
import {assertHomeWritable} from '../../state/home-check.js';
import {readLabFile} from '../../lab/lab-file.js';
import type {Lab} from '../../lab/lab-schema.js';
import {assertLabId} from '../../state/paths.js';
import {runWizard} from '../../wizard/run-wizard.js';
import {realInstallDeps} from '../../install/install-deps.js';
import {languageWithLab, type CommandContext} from '../context.js';
import * as z from 'zod';
import {flag, hostAccessOptions, word, words} from '../command-options.js';
import {dashboardOpener} from './open-dashboard.js';

/** `mesos-lab init`'s flags. */
export const options = hostAccessOptions.extend({
	config: word,
	yes: flag,
	plain: flag,
	learn: flag,
	ignorePreflight: words,
	labId: word,
});
export type InitOptions = z.output<typeof options>;

export async function run(options: InitOptions, ctx: CommandContext): Promise<number> {
	const lab = options.config === undefined ? undefined : labFromFile(options.config, ctx);
	if (options.yes && options.config === undefined) {
		throw new UserInputError(localized('cmdYesNeedsLabFile'), {hint: localized('cmdYesNeedsLabFileHint')});
	}
	const labId = assertLabId(options.labId ?? 'default');
	assertHomeWritable(ctx.home);
	return runWizard(ctx, {
		...(options.config === undefined || lab === undefined ? {} : {config: options.config, lab}),
		yes: options.yes === true,
		plain: options.plain === true,
		learn: options.learn === true,
		...(options.ignorePreflight === undefined ? {} : {ignorePreflight: options.ignorePreflight}),
	}, realInstallDeps(ctx, {labId, openDashboard: dashboardOpener(ctx, labId), acceptNewHostKey: options.acceptNewHostKey === true, ...(options.sshConfig === undefined ? {} : {sshConfig: options.sshConfig})}));
}

/** The lab file, speaking the language chooseLanguage picks for it: --lang beats its `language:`. */
function labFromFile(path: string, ctx: CommandContext): Lab {
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		throw new UserInputError(code === 'ENOENT' ? localized('cmdLabFileMissing', {path}) : localized('cmdLabFileUnreadable', {path, detail: code ?? String(error)}), {
			hint: localized('cmdLabFileHint'),
			cause: error,
		});
	}
	const {lab, declaredLanguage} = readLabFile(text, path);
	return {...lab, language: languageWithLab(ctx, declaredLanguage)};
}
