import {inLanguage} from '../i18n/localized.js';
import {t} from '../i18n/messages.js';
import type {Language} from '../steps/step.js';
import type {RunnerEvent, StepRef} from './events.js';

export interface LineRendererOptions {
	write: (text: string) => void;
	language?: Language;
	/** Colour only when the output is a terminal and NO_COLOR is unset; see `wantsColor`. */
	color?: boolean;
	/** Print each output line of commands (off keeps the log to transitions). */
	showOutput?: boolean;
	now?: () => Date;
}

/** Whether to colour output: a terminal, and no NO_COLOR in the environment (https://no-color.org). */
export function wantsColor(isTTY: boolean, env: NodeJS.ProcessEnv): boolean {
	return isTTY && (env['NO_COLOR'] === undefined || env['NO_COLOR'] === '');
}

const paint = {
	green: (text: string) => `\u001B[32m${text}\u001B[39m`,
	red: (text: string) => `\u001B[31m${text}\u001B[39m`,
	yellow: (text: string) => `\u001B[33m${text}\u001B[39m`,
	dim: (text: string) => `\u001B[2m${text}\u001B[22m`,
};

/** Formats one event as one line (without newline), or undefined for events this printer leaves out. */
export function formatEvent(event: RunnerEvent, options: Omit<LineRendererOptions, 'write'> = {}): string | undefined {
	const color = options.color ?? false;
	const tint = (name: keyof typeof paint, text: string) => (color ? paint[name](text) : text);
	const language = options.language ?? 'en';
	const at = 'at' in event ? event.at : (options.now?.() ?? new Date()).toISOString();
	const stamp = tint('dim', at.slice(11, 19));
	const body = describe(event, language, tint, options.showOutput ?? true);
	return body === undefined ? undefined : `${stamp} ${body}`;
}

/** A listener for `Runner.on` that prints timestamped lines, one per event. */
export function createLineRenderer(options: LineRendererOptions): (event: RunnerEvent) => void {
	return event => {
		const line = formatEvent(event, options);
		if (line !== undefined) {
			options.write(`${line}\n`);
		}
	};
}

function name(step: StepRef, language: Language): string {
	const title = step.title ? ` ${step.title[language]}` : '';
	return `[${step.index + 1}/${step.total}] ${step.key}${title}`;
}

function describe(event: RunnerEvent, language: Language, tint: (name: keyof typeof paint, text: string) => string, showOutput: boolean): string | undefined {
	// The colour goes on one word of a line, so that word is its own message and the line is put together here.
	const colon = language === 'zh' ? '：' : ': ';
	switch (event.type) {
		case 'run-started':
			return t(language, 'runnerRunStarted', {resumed: event.resumed ? 'yes' : 'no', labId: event.labId, steps: event.steps.length});
		case 'step-started':
			return event.attempt > 1
				? t(language, 'runnerStepStartedAttempt', {step: name(event.step, language), attempt: event.attempt})
				: t(language, 'runnerStepStarted', {step: name(event.step, language)});
		case 'step-checked':
			return t(language, event.result.kind === 'satisfied' ? 'runnerStepSatisfied' : 'runnerStepNeeded', {step: name(event.step, language), reason: event.result.reason[language]});
		case 'command-started':
			return `${name(event.step, language)} $ ${event.command}`;
		case 'command-output':
			return showOutput ? `${event.step.key} ${event.stream === 'stderr' ? tint('yellow', '!') : '|'} ${event.line}` : undefined;
		case 'command-finished':
			return t(language, 'runnerCommandFinished', {step: name(event.step, language), exit: event.exitCode ?? '-', ms: event.durationMs});
		case 'job-attached':
			return t(language, event.reattached ? 'runnerJobReattached' : 'runnerJobStarted', {step: name(event.step, language), job: event.job.name, offset: event.job.logBytes});
		case 'job-progress':
			return undefined;
		case 'job-silent':
			return t(language, 'runnerJobSilent', {step: name(event.step, language), seconds: Math.round(event.silentForMs / 1000)});
		case 'step-verified':
			return event.result.ok
				? t(language, 'runnerVerified', {step: name(event.step, language), proof: event.result.proof[language]})
				: t(language, 'runnerNotVerified', {step: name(event.step, language), problem: event.result.problem[language]});
		case 'step-finished':
			return `${name(event.step, language)} ${tint('green', t(language, event.status === 'done' ? 'runnerDone' : 'runnerSkipped'))} (${inLanguage(event.reason, language)}, ${event.durationMs} ms)`;
		case 'step-failed':
			return [
				`${name(event.step, language)} ${tint('red', t(language, 'runnerFailed'))}${colon}${event.error}`,
				...(event.hint ? [`  ${t(language, 'runnerHint', {hint: event.hint})}`] : []),
				`  ${t(language, 'runnerLog', {path: event.logPath})}`,
			].join('\n');
		case 'run-finished': {
			const word = t(language, event.outcome === 'completed' ? 'runnerCompleted' : event.outcome === 'stopped' ? 'runnerStopped' : 'runnerFailed');
			return t(language, 'runnerRunFinished', {outcome: tint(event.outcome === 'completed' ? 'green' : 'red', word)});
		}
	}
}
