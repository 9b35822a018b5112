import {mkdir, readFile} from 'node:fs/promises';
import {dirname, join} from 'node:path';
import type {CommandContext} from '../cli/context.js';
import {parseLab, serializeLab} from '../lab/lab-file.js';
import type {Lab} from '../lab/lab-schema.js';
import {createLineRenderer, wantsColor} from '../runner/line-renderer.js';
import {t} from '../i18n/messages.js';
import {replaceFileDurably} from '../state/durable-write.js';
import {blockingFailures, type PreflightOutcome} from '../steps/preflight-findings.js';
import type {Language} from '../steps/step.js';
import {cleanLine} from '../untrusted-text.js';
import {answersToLab} from './answers-to-lab.js';
import {defaultAnswers, runInterview} from './interview.js';
import type {InstallDeps} from '../install/install-deps.js';
import type {PreparedRun} from '../install/prepared-run.js';
import {inquirerPromptKit, type PromptKit} from './prompt-kit.js';
import {chooseStartMode, type StartFlags} from '../install/start-mode.js';

/** The install's effects plus the wizard's own clock and prompts, so it can run against fakes. */
export interface WizardDeps extends InstallDeps {
	clock?: () => number;
	prompts?: PromptKit;
}

export interface WizardOptions extends StartFlags {
	/** Continue a run that stopped: `mesos-lab resume`. */
	resume?: boolean;
	/** Where the answers are saved; defaults to lab.yaml under the mesos-lab home. */
	labPath?: string;
	/** A lab already known (the saved one, on resume): nothing to ask, nothing to read. */
	lab?: Lab;
	/** Preflight checks whose FAIL becomes a WARN for this run (--ignore-preflight), on top of the lab's own. */
	ignorePreflight?: string[];
	/** Learn mode without asking; the interview's answer wins when it is asked. */
	learn?: boolean;
}

/** `mesos-lab`, `mesos-lab init` and `mesos-lab resume`: ask, review, run, summarise. Returns the exit code. */
export async function runWizard(ctx: CommandContext, options: WizardOptions, deps: WizardDeps): Promise<number> {
	const stdinIsTTY = (ctx.stdin as NodeJS.ReadStream).isTTY === true;
	// A known lab answers every question, as --config would.
	const flags = options.lab === undefined ? options : {...options, config: options.config ?? 'the saved lab'};
	const mode = chooseStartMode(flags, {stdinIsTTY, stdoutIsTTY: ctx.isTTY}, ctx.lang);
	const write = (text: string) => {
		ctx.stdout.write(text);
	};

	if (options.resume !== true) {
		write(`${t(ctx.lang, 'welcome')}\n`);
	}

	const {lab: obtained, learn} = options.lab === undefined
		? await obtainLab(ctx, options, mode.ask, deps, write)
		: {lab: options.lab, learn: options.learn === true};
	const lab = options.ignorePreflight === undefined || options.ignorePreflight.length === 0
		? obtained
		: {...obtained, ignorePreflight: [...new Set([...obtained.ignorePreflight, ...options.ignorePreflight])]};
	const prepared = await deps.prepareRun(lab, {
		resume: options.resume === true,
		onFailure: mode.kind === 'plain' ? 'stop' : 'ask',
		learn: mode.kind === 'wizard' && learn,
		canAsk: stdinIsTTY && options.yes !== true,
	});
	try {
		return await presentRun(ctx, options, lab, prepared, deps, mode.kind, write);
	} finally {
		await prepared.dispose?.();
	}
}

async function presentRun(ctx: CommandContext, options: WizardOptions, lab: Lab, prepared: PreparedRun, deps: WizardDeps, mode: 'wizard' | 'plain', write: (text: string) => void): Promise<number> {
	if (prepared.lastStop) {
		write(`${t(lab.language, 'lastStop', {step: prepared.lastStop.step, reason: cleanLine(prepared.lastStop.reason)})}\n`);
	}

	if (mode === 'plain') {
		const failures = blockingFailures(prepared.preflight, lab.ignorePreflight);
		if (failures.length > 0) {
			write(preflightReport(failures, lab.language));
			return 1;
		}

		const clock = deps.clock ?? Date.now;
		const unsubscribe = prepared.run.on(createLineRenderer({write, language: lab.language, color: wantsColor(ctx.isTTY, ctx.env), now: () => new Date(clock())}));
		try {
			return exitCodeFor(await prepared.run.start());
		} finally {
			unsubscribe();
		}
	}

	// Ink and React load only here, for the interactive view: plain runs never pay for them.
	const {runInk} = await import('./ink-run.js');
	const outcome = await runInk(ctx, options, lab, prepared, deps);
	return outcome === 'not-started' ? 0 : exitCodeFor(outcome);
}

async function obtainLab(ctx: CommandContext, options: WizardOptions, ask: boolean, deps: WizardDeps, write: (text: string) => void): Promise<{lab: Lab; learn: boolean}> {
	if (options.config !== undefined) {
		return {lab: parseLab(await readFile(options.config, 'utf8'), options.config), learn: options.learn === true};
	}

	const answers = ask
		? await runInterview(deps.prompts ?? inquirerPromptKit(write), deps.interview, {...defaultAnswers, language: ctx.lang})
		: {...defaultAnswers, language: ctx.lang};
	const lab = answersToLab(answers);
	const labPath = options.labPath ?? join(ctx.home, 'lab.yaml');
	await mkdir(dirname(labPath), {recursive: true});
	// A full disk must not cut the saved answers short; the previous file stays until the new one is whole.
	replaceFileDurably(labPath, serializeLab(lab));
	write(`${t(lab.language, 'answersSaved', {path: labPath})}\n`);
	return {lab, learn: ask ? answers.learnMode : options.learn === true};
}

/** Plain lines for a run that preflight stops before any step: every failure, its fix, and the way past it. */
function preflightReport(failures: readonly PreflightOutcome[], language: Language): string {
	const lines = failures.flatMap(outcome => [
		t(language, 'preflightFailure', {check: `${outcome.name}@${outcome.host}`, title: outcome.title[language], detail: cleanLine(outcome.finding.detail[language])}),
		`  ${t(language, 'preflightFix', {fix: outcome.finding.fix[language]})}`,
	]);
	const names = [...new Set(failures.map(outcome => outcome.name))];
	const flags = names.map(name => `--ignore-preflight ${name}`).join(' ');
	return [
		t(language, 'preflightStopped', {count: failures.length}),
		...lines,
		t(language, 'preflightWayPast', {flags}),
		'',
	].join('\n');
}

/** Only a completed install exits 0; a failure, or a stop (q on the failure screen) leaves it unfinished. */
function exitCodeFor(outcome: 'completed' | 'stopped' | 'failed'): number {
	return outcome === 'completed' ? 0 : 1;
}
