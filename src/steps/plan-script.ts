import {localized} from '../i18n/localized.js';
import {t} from '../i18n/messages.js';
import {quoteShellArg} from '../exec/quote.js';
import {BugError} from '../errors.js';
import type {Executor} from '../exec/executor.js';
import {hostDestination} from '../lab/host-destination.js';
import type {Lab} from '../lab/lab-schema.js';
import {buildPlan} from './catalog.js';
import type {Language, Step, StepContext} from './step.js';

// Plans never probe the host; a context that refuses to run anything proves it.
const noProbe: Executor = {
	label: 'script',
	run: () => Promise.reject(new BugError(localized('errAStepProbedTheHost'))),
	upload: () => Promise.reject(new BugError(localized('errUploadWhilePlanning'))),
	download: () => Promise.reject(new BugError(localized('errDownloadWhilePlanning'))),
	close: () => Promise.resolve(),
};

export function planningContext(): StepContext {
	return {exec: noProbe, signal: new AbortController().signal};
}

function comment(text: string): string {
	return text.split('\n').map((line) => `# ${line}`.trimEnd()).join('\n');
}

/** One readable bash script of the whole install, steps grouped by host, the why as comments. */
export async function renderPlanScript(lab: Lab, language: Language = lab.language): Promise<string> {
	const steps = buildPlan(lab);
	const ctx = planningContext();
	const lines = [
		'#!/usr/bin/env bash',
		comment(t(language, 'stepScriptHeader')),
		'set -euo pipefail',
		`if [ "$(id -u)" -ne 0 ]; then echo ${quoteShellArg(t(language, 'stepScriptNeedsRoot'))} >&2; exit 1; fi`,
		'',
	];
	for (const host of lab.hosts) {
		const own = steps.filter((step) => step.host === host.name);
		if (own.length === 0) {
			continue;
		}
		lines.push(comment(`==== ${host.name} (${hostDestination(host, language)}) ====`), '');
		for (const step of own) {
			lines.push(...(await renderStep(step, language, ctx)), '');
		}
	}
	return `${lines.join('\n')}\n`;
}

async function renderStep(step: Step, language: Language, ctx: StepContext): Promise<string[]> {
	const plan = await step.plan(ctx);
	const lines = [comment(`--- [${step.id}] ${step.title[language]}`), comment(step.why[language])];
	for (const file of plan.files) {
		const marker = 'MESOS_LAB_EOF';
		lines.push(`mkdir -p ${quoteShellArg(file.path.slice(0, file.path.lastIndexOf('/')) || '/')}`, `cat > ${quoteShellArg(file.path)} <<'${marker}'`, file.content.replace(/\n$/, ''), marker);
		if (file.mode !== undefined) {
			lines.push(`chmod ${file.mode.toString(8)} ${quoteShellArg(file.path)}`);
		}
	}
	for (const command of plan.commands) {
		if (command.describe !== undefined) {
			lines.push(comment(command.describe[language]));
		}
		lines.push(command.command);
	}
	if (plan.files.length === 0 && plan.commands.length === 0) {
		lines.push(comment(t(language, 'stepScriptCheckOnly')));
	}
	return lines;
}

/** The per-host plan as text: step ids and titles. */
export function renderPlanSummary(lab: Lab, language: Language = lab.language): string {
	const steps = buildPlan(lab);
	return lab.hosts
		.filter((host) => steps.some((step) => step.host === host.name))
		.map((host) => [`${host.name} (${hostDestination(host, language)})`, ...steps.filter((step) => step.host === host.name).map((step, index) => `  ${String(index + 1).padStart(2)}. ${step.id.padEnd(24)} ${step.title[language]}`)].join('\n'))
		.join('\n\n');
}
