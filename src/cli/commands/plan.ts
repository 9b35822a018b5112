import {readFileSync} from 'node:fs';
import {UserInputError} from '../../errors.js';
import {parseLab} from '../../lab/lab-file.js';
import {renderPlanScript, renderPlanSummary} from '../../steps/plan-script.js';
import type {CommandContext} from '../context.js';

export interface PlanOptions {
	config?: string;
	script?: boolean;
	/** `--lang`: given on the command line, it wins over the lab file's language. */
	lang?: 'zh' | 'en';
}

export async function run(options: PlanOptions, ctx: CommandContext): Promise<number> {
	const path = options.config ?? 'lab.yaml';
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch (error) {
		throw new UserInputError(`Cannot read the lab file ${path}.`, {hint: 'Pass --config <file>, or write one with `mesos-lab init` (see examples/lab.yaml).', cause: error});
	}
	const lab = parseLab(text, path);
	const language = options.lang ?? lab.language;
	ctx.stdout.write(options.script === true ? await renderPlanScript(lab, language) : `${renderPlanSummary(lab, language)}\n`);
	return 0;
}
