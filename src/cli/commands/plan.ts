import {UserInputError} from '../../errors.js';
import {readFileSync} from 'node:fs';
import {localized} from '../../i18n/localized.js';
import {readLabFile} from '../../lab/lab-file.js';
import {renderPlanScript, renderPlanSummary} from '../../steps/plan-script.js';
import {languageWithLab, type CommandContext} from '../context.js';

export interface PlanOptions {
	config?: string;
	script?: boolean;
}

export async function run(options: PlanOptions, ctx: CommandContext): Promise<number> {
	const path = options.config ?? 'lab.yaml';
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch (error) {
		throw new UserInputError(localized('labFileUnreadable', {path}), {hint: localized('labFileUnreadableHint'), cause: error});
	}
	const {lab, declaredLanguage} = readLabFile(text, path);
	// --lang (on plan or before it) wins over the lab file's language, as for every command.
	const language = languageWithLab(ctx, declaredLanguage);
	ctx.stdout.write(options.script === true ? await renderPlanScript(lab, language) : `${renderPlanSummary(lab, language)}\n`);
	return 0;
}
