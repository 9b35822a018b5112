import {inLanguage, localized, localizedBy} from '../i18n/localized.js';
import {ConnectionError, problemIn, StoreError} from '../errors.js';
import {t} from '../i18n/messages.js';
import {cleanStrings} from '../untrusted-text.js';
import type {Executor} from '../exec/executor.js';
import type {CheckpointStore} from '../state/checkpoint-store.js';
import type {JournalJob, RunOutcome, StepFields, StepRecord} from '../state/journal.js';
import {commandSummary} from '../exec/command-summary.js';
import {hintFor} from '../steps/step-kit.js';
import {stepKey, type Language, type Localized, type PlannedCommand, type PlannedFile, type Step, type StepContext, type VerifyResult} from '../steps/step.js';
import type {RunnerEvent, StepRef} from './events.js';
import type {JobControl} from './job-control.js';
import type {StepGate} from './step-gate.js';

export interface RunnerOptions {
	labId: string;
	steps: readonly Step[];
	store: CheckpointStore;
	/** The executor for a lab host name; the runner does not close it. */
	executorFor(host: string): Executor | Promise<Executor>;
	/** Needed only when a step has a detached command. */
	jobs?: JobControl;
	/** Folder on the target under which detached jobs keep their files. */
	jobBaseDir?: string;
	/** Asked before each needed step applies (learn mode); without it every needed step applies. */
	gate?: StepGate;
	/** What to do when a step fails: end the run, or wait for retry/skip/stop. */
	onFailure?: 'stop' | 'ask';
	language?: Language;
	verifyTimeoutMs?: number;
	verifyIntervalMs?: number;
	jobPollMs?: number;
	now?: () => Date;
}

type FailureDecision = 'retry' | 'skip' | 'stop';
type StepOutcome = 'done' | 'skipped' | 'failed' | 'stopped';

/** A step that failed, and why in both languages: the journal keeps both for whoever reads it later. */
class StepFailure extends Error {
	readonly problem: Localized;
	readonly output: string;
	constructor(problem: Localized, output = '') {
		super(problem.en);
		this.problem = problem;
		this.output = output;
	}
}

class Stopped extends Error {}

/**
 * Walks a plan step by step: check, plan, run, verify. Every transition is saved to the store
 * before listeners hear of it, so a crash at any point leaves a journal `resume` can continue.
 * Step failures never escape as exceptions; they become `failed` entries with a hint.
 */
export class Runner {
	readonly #options: RunnerOptions;
	readonly #listeners = new Set<(event: RunnerEvent) => void>();
	readonly #skipRequests = new Set<string>();
	readonly #abort = new AbortController();
	readonly #restartRequests = new Set<string>();
	/** The detached job being followed now, so a restart knows where it runs. */
	#following: {key: string; exec: Executor; job: JournalJob} | undefined;
	#decide: ((decision: FailureDecision) => void) | undefined;
	#stopping = false;

	constructor(options: RunnerOptions) {
		this.#options = options;
	}

	/** Adds a listener; returns the function that removes it. */
	on(listener: (event: RunnerEvent) => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	/** Runs the failed step again (when the runner waits on a failure). */
	retry(key: string): void {
		if (this.#decide && this.#options.store.step(key)?.status === 'failed') {
			this.#decide('retry');
		}
	}

	/** Skips a failed step, or marks a later one to be skipped when reached. */
	skip(key: string): void {
		if (this.#decide && this.#options.store.step(key)?.status === 'failed') {
			this.#decide('skip');
			return;
		}
		this.#skipRequests.add(key);
	}

	/**
	 * The stall remedy: stops the detached job the step follows now and starts it again, while the
	 * step goes on following the new one (the Mesos build continues from what it compiled). Resolves
	 * false when that step follows no job, or the job could not be stopped (the step's log says why).
	 */
	async restartJob(key: string): Promise<boolean> {
		const following = this.#following;
		const {jobs, store} = this.#options;
		if (!jobs || following?.key !== key) {
			return false;
		}
		this.#restartRequests.add(key);
		try {
			await jobs.stopJob(following.exec, following.job, {sudo: true});
			return true;
		} catch (error) {
			this.#restartRequests.delete(key);
			store.appendLog(key, `# the restart could not stop ${following.job.name}: ${error instanceof Error ? error.message : String(error)}\n`);
			return false;
		}
	}

	/** Ends the run after saving where it is; a detached job keeps running on the target. */
	stop(): void {
		this.#stopping = true;
		this.#abort.abort();
		this.#decide?.('stop');
	}

	/** Runs (or, with `resumed`, continues) the plan; resolves with the outcome, already saved. */
	async run({resumed = false}: {resumed?: boolean} = {}): Promise<Exclude<RunOutcome, 'running'>> {
		const {store, steps, labId} = this.#options;
		const refs = steps.map((step, index) => this.#ref(step, index));
		store.savePlan(refs.map(ref => ref.key));
		const startedAt = this.#now();
		store.saveRun({startedAt, outcome: 'running'});
		this.#emit({type: 'run-started', labId, at: startedAt, resumed, steps: refs});

		let outcome: Exclude<RunOutcome, 'running'> = 'completed';
		let lastStop: Localized | undefined;
		for (const [index, step] of steps.entries()) {
			const ref = refs[index]!;
			const result = await this.#runWithDecisions(step, ref);
			if (result === 'failed' || result === 'stopped') {
				outcome = result;
				const error = failureOf(store.step(ref.key));
				lastStop = result === 'failed'
					? localizedBy('runnerLastStopFailed', language => [{step: ref.key, error: inLanguage(error, language)}])
					: localized('runnerLastStopDuring', {step: ref.key});
				break;
			}
		}
		const finishedAt = this.#now();
		store.saveRun({startedAt, outcome, finishedAt, ...(lastStop ? {lastStop} : {})});
		this.#emit({type: 'run-finished', at: finishedAt, outcome});
		return outcome;
	}

	async #runWithDecisions(step: Step, ref: StepRef): Promise<StepOutcome> {
		for (;;) {
			if (this.#stopping) {
				return 'stopped';
			}
			const outcome = await this.#runStep(step, ref);
			if (outcome !== 'failed' || this.#options.onFailure !== 'ask') {
				return outcome;
			}
			const decision = await new Promise<FailureDecision>(resolve => {
				this.#decide = resolve;
			});
			this.#decide = undefined;
			if (decision === 'stop') {
				return 'stopped';
			}
			if (decision === 'skip') {
				this.#finish(ref, 'skipped', localized('runnerSkippedAfterFailure'), this.#options.store.step(ref.key), 'request');
				return 'skipped';
			}
		}
	}

	async #runStep(step: Step, ref: StepRef): Promise<StepOutcome> {
		const {store} = this.#options;
		const previous = store.step(ref.key);
		if (previous?.status === 'skipped' && previous.skippedBy !== 'check') {
			this.#emit({type: 'step-finished', step: ref, at: this.#now(), status: 'skipped', reason: previous.reason ?? localized('runnerSkippedEarlier'), durationMs: 0});
			return 'skipped';
		}
		if (this.#skipRequests.has(ref.key)) {
			this.#finish(ref, 'skipped', localized('runnerSkippedByRequest'), previous, 'request');
			return 'skipped';
		}
		const startedAt = this.#now();
		const attempt = (previous?.attempts ?? 0) + 1;
		// A job an interrupted or failed attempt left is kept, so this attempt can re-attach or restart it.
		const {job: previousJob}: StepFields = previous ?? {};
		const running: StepRecord = {status: 'running', attempts: attempt, startedAt, ...(previousJob ? {job: previousJob} : {})};
		store.saveStep(ref.key, running);
		this.#emit({type: 'step-started', step: ref, at: startedAt, attempt});

		const outputTail: string[] = [];
		try {
			const exec = await this.#options.executorFor(step.host);
			const context: StepContext = {exec, signal: this.#abort.signal};
			const reattach = previous?.status === 'running' ? previous.job : undefined;
			let resumeAfter: string | undefined;
			if (reattach) {
				const began = Date.now();
				const exitCode = await this.#followJob(step, ref, exec, reattach, true, outputTail);
				this.#commandFinished(ref, reattach.command, exitCode, Date.now() - began, outputTail);
				resumeAfter = reattach.name;
			} else {
				const check = await step.check(context);
				store.updateRunning(ref.key, {reason: check.reason});
				this.#emit({type: 'step-checked', step: ref, at: this.#now(), result: check});
				if (check.kind === 'satisfied') {
					this.#finish(ref, previous?.status === 'done' ? 'done' : 'skipped', check.reason, running, 'check');
					return previous?.status === 'done' ? 'done' : 'skipped';
				}
			}
			const plan = await step.plan(context);
			if (!reattach && this.#options.gate) {
				const decision = await this.#options.gate({step: ref, plan, signal: this.#abort.signal});
				this.#throwIfStopping();
				if (decision.kind === 'skip') {
					this.#finish(ref, 'skipped', decision.reason, store.step(ref.key), 'request');
					return 'skipped';
				}
			}
			await this.#apply(step, ref, exec, plan.files, plan.commands, resumeAfter, outputTail);
			await this.#verify(ref, step, context);
			this.#finish(ref, 'done', t(this.#options.language ?? 'en', 'stepApplied'), store.step(ref.key));
			return 'done';
		} catch (error) {
			if (error instanceof StoreError) {
				// The journal cannot take another write: stop the run with the last good checkpoint as it is.
				throw error;
			}
			if (error instanceof Stopped || this.#stopping) {
				const record = store.step(ref.key);
				if (record?.status === 'running' && record.job) {
					return 'stopped';
				}
				store.failStep(ref.key, {finishedAt: this.#now(), lastError: localized('runnerStoppedBeforeFinish')});
				return 'stopped';
			}
			this.#fail(step, ref, error, outputTail);
			return 'failed';
		}
	}

	async #apply(step: Step, ref: StepRef, exec: Executor, files: readonly PlannedFile[], commands: readonly PlannedCommand[], resumeAfter: string | undefined, outputTail: string[]): Promise<void> {
		const {store} = this.#options;
		if (resumeAfter === undefined) {
			for (const file of files) {
				store.appendLog(ref.key, `# upload ${file.path}\n`);
				await exec.upload(file.path, file.content, {...(file.mode === undefined ? {} : {mode: file.mode}), ...(file.sudo ? {sudo: true} : {})});
			}
		}
		const start = resumeAfter === undefined ? 0 : commands.findIndex(command => command.detached?.name === resumeAfter) + 1;
		for (let index = start; index < commands.length; index++) {
			this.#throwIfStopping();
			const planned = commands[index]!;
			const at = this.#now();
			store.appendLog(ref.key, `$ ${planned.command}\n`);
			this.#emit({type: 'command-started', step: ref, at, command: planned.command, index, total: commands.length});
			const began = Date.now();
			let exitCode: number | null;
			// Output arrives in stream callbacks, where a failed log write cannot be thrown; it is kept and thrown here.
			let logFailure: StoreError | undefined;
			const output = (stream: 'stdout' | 'stderr') => (line: string) => {
				try {
					this.#output(ref, stream, line, outputTail);
				} catch (error) {
					if (!(error instanceof StoreError)) {
						throw error;
					}
					logFailure ??= error;
				}
			};
			if (planned.detached) {
				const job = await this.#startJob(ref, exec, {name: planned.detached.name, command: planned.command});
				exitCode = await this.#followJob(step, ref, exec, job, false, outputTail);
			} else {
				const result = await exec.run(planned.command, {
					signal: this.#abort.signal,
					...(planned.sudo ? {sudo: true} : {}),
					...(planned.timeoutMs === undefined ? {} : {timeoutMs: planned.timeoutMs}),
					...(planned.stdin === undefined ? {} : {stdin: planned.stdin}),
					onStdoutLine: output('stdout'),
					onStderrLine: output('stderr'),
				});
				if (logFailure) {
					throw logFailure;
				}
				if (result.cancelled) {
					throw new Stopped();
				}
				exitCode = result.timedOut ? null : result.exitCode;
				if (result.timedOut) {
					store.appendLog(ref.key, `# timed out after ${planned.timeoutMs ?? 0} ms\n`);
				}
			}
			this.#commandFinished(ref, planned.command, exitCode, Date.now() - began, outputTail);
		}
	}

	#commandFinished(ref: StepRef, command: string, exitCode: number | null, durationMs: number, outputTail: string[]): void {
		this.#options.store.appendLog(ref.key, `# exit ${exitCode ?? 'none'} after ${durationMs} ms\n`);
		this.#emit({type: 'command-finished', step: ref, at: this.#now(), command, exitCode, durationMs});
		if (exitCode !== 0) {
			const exit = exitCode === null ? 'none' : String(exitCode);
			throw new StepFailure(localized('stepCommandEnded', {command: commandSummary(command), exit}), outputTail.join('\n'));
		}
	}

	async #startJob(ref: StepRef, exec: Executor, spec: {name: string; command: string}): Promise<JournalJob> {
		const jobs = this.#requireJobs();
		// A job runs as root, as the step's commands do: a sudo user's own rights reach neither the job
		// folder nor what the job builds.
		const handle = await jobs.startJob(exec, {...spec, baseDir: this.#options.jobBaseDir ?? '/var/lib/mesos-lab/jobs', sudo: true});
		const job: JournalJob = {...handle, readBytes: 0};
		this.#options.store.updateRunning(ref.key, {job});
		return job;
	}

	/**
	 * Follows a job's log from the byte the journal last saw until it exits; returns its exit status.
	 * A job stopped for a restart is started again and followed on.
	 */
	async #followJob(step: Step, ref: StepRef, exec: Executor, saved: JournalJob, reattached: boolean, outputTail: string[]): Promise<number> {
		try {
			return await this.#followJobs(step, ref, exec, saved, reattached, outputTail);
		} finally {
			this.#following = undefined;
			this.#restartRequests.delete(ref.key);
		}
	}

	async #followJobs(step: Step, ref: StepRef, exec: Executor, saved: JournalJob, reattached: boolean, outputTail: string[]): Promise<number> {
		const jobs = this.#requireJobs();
		const {store} = this.#options;
		let job = saved;
		this.#following = {key: ref.key, exec, job};
		this.#emit({type: 'job-attached', step: ref, at: this.#now(), job: {name: job.name, logBytes: job.readBytes}, reattached});
		let lastOutputAt = Date.now();
		let silentMinutesReported = 0;
		for (;;) {
			const state = await jobs.jobState(exec, job, {sudo: true});
			const tail = await jobs.tailJob(exec, job, job.readBytes, {sudo: true});
			// Only whole lines are taken, so a resume never splits or repeats one.
			const cut = state.kind === 'running' ? tail.text.lastIndexOf('\n') + 1 : tail.text.length;
			const text = tail.text.slice(0, cut);
			if (text.length > 0) {
				store.appendLog(ref.key, text.endsWith('\n') ? text : `${text}\n`);
				job = {...job, readBytes: job.readBytes + Buffer.byteLength(text)};
				this.#following = {key: ref.key, exec, job};
				store.updateRunning(ref.key, {job});
				for (const line of text.replace(/\n$/, '').split('\n')) {
					this.#remember(line, outputTail);
					this.#emit({type: 'command-output', step: ref, stream: 'stdout', line});
				}
				const progress = step.jobProgress?.(text);
				this.#emit({type: 'job-progress', step: ref, job: {name: job.name, logBytes: job.readBytes, ...(progress ? {progress} : {})}});
				lastOutputAt = Date.now();
				silentMinutesReported = 0;
			}
			const succeeded = state.kind === 'exited' && state.exitCode === 0;
			if (state.kind !== 'running' && this.#restartRequests.delete(ref.key) && !succeeded) {
				store.appendLog(ref.key, `# ${job.name} stopped for a restart; starting it again\n`);
				job = await this.#startJob(ref, exec, {name: job.name, command: job.command});
				this.#following = {key: ref.key, exec, job};
				this.#emit({type: 'job-attached', step: ref, at: this.#now(), job: {name: job.name, logBytes: job.readBytes}, reattached: false});
				lastOutputAt = Date.now();
				silentMinutesReported = 0;
				continue;
			}
			if (state.kind === 'exited') {
				return state.exitCode;
			}
			if (state.kind === 'lost') {
				throw new StepFailure(localized('runnerJobLost', {job: job.name, reason: state.reason}), outputTail.join('\n'));
			}
			if (this.#stopping) {
				throw new Stopped();
			}
			// A long build can go quiet for minutes; say so once a minute rather than on every poll.
			const silentForMs = Date.now() - lastOutputAt;
			if (Math.floor(silentForMs / 60_000) > silentMinutesReported) {
				silentMinutesReported = Math.floor(silentForMs / 60_000);
				this.#emit({type: 'job-silent', step: ref, at: this.#now(), silentForMs});
			}
			await this.#sleep(this.#options.jobPollMs ?? 2000);
		}
	}

	async #verify(ref: StepRef, step: Step, context: StepContext): Promise<void> {
		// Waiting lets a service come up; a preflight verdict (the OS, the disk, a taken port) describes the
		// machine as it is and no wait changes it, so its first answer is final.
		const deadline = step.phase === 'preflight' ? Date.now() : Date.now() + (this.#options.verifyTimeoutMs ?? 60_000);
		for (;;) {
			this.#throwIfStopping();
			const result = await this.#verifyOnce(step, context);
			if (result.ok || Date.now() >= deadline) {
				this.#emit({type: 'step-verified', step: ref, at: this.#now(), result});
				if (!result.ok) {
					throw new StepFailure(localizedBy('runnerVerificationFailed', language => [{problem: result.problem[language]}]), result.problem.en);
				}
				return;
			}
			await this.#sleep(this.#options.verifyIntervalMs ?? 2000);
		}
	}

	// A link that drops while a verify probes is no verdict on the step: the executor reconnects for the
	// next probe, and only a problem that outlasts the verify deadline fails it.
	async #verifyOnce(step: Step, context: StepContext): Promise<VerifyResult> {
		try {
			return await step.verify(context);
		} catch (error) {
			if (error instanceof ConnectionError) {
				return {ok: false, problem: {zh: error.textIn('zh').message, en: error.textIn('en').message}};
			}
			throw error;
		}
	}

	#finish(ref: StepRef, status: 'done' | 'skipped', reason: Localized | string, record: StepRecord | undefined, skippedBy?: 'check' | 'request'): void {
		const finishedAt = this.#now();
		const {startedAt = finishedAt}: StepFields = record ?? {};
		const attempts = record?.attempts ?? 0;
		// A finished step keeps no job handle or error of an earlier attempt.
		const saved: StepRecord = status === 'skipped'
			? {status, attempts, reason, startedAt, finishedAt, ...(skippedBy ? {skippedBy} : {})}
			: {status, attempts, reason, startedAt, finishedAt};
		this.#options.store.saveStep(ref.key, saved);
		const durationMs = Date.parse(finishedAt) - Date.parse(startedAt);
		this.#emit({type: 'step-finished', step: ref, at: finishedAt, status, reason, durationMs});
	}

	#fail(step: Step, ref: StepRef, error: unknown, outputTail: string[]): void {
		const problem = problemOf(error);
		const output = error instanceof StepFailure ? error.output : '';
		const language = this.#options.language ?? 'en';
		const matched = hintFor(step.hints, output, problem.en);
		const message = problem[language];
		const hint = matched?.hint[language];
		const at = this.#now();
		this.#options.store.failStep(ref.key, {finishedAt: at, lastError: problem, ...(matched ? {hint: matched.hint} : {})});
		// The failure screen points at this log: it must exist and say why, even when the step printed nothing.
		this.#options.store.appendLog(ref.key, `✗ ${message}\n`);
		const logPath = this.#options.store.logPath(ref.key);
		this.#emit({type: 'step-failed', step: ref, at, error: message, ...(hint ? {hint} : {}), logPath, lastLines: outputTail.slice(-20)});
	}

	#output(ref: StepRef, stream: 'stdout' | 'stderr', line: string, outputTail: string[]): void {
		this.#options.store.appendLog(ref.key, stream === 'stderr' ? `! ${line}\n` : `${line}\n`);
		this.#remember(line, outputTail);
		this.#emit({type: 'command-output', step: ref, stream, line});
	}

	#remember(line: string, outputTail: string[]): void {
		outputTail.push(line);
		if (outputTail.length > 200) {
			outputTail.splice(0, outputTail.length - 200);
		}
	}

	#ref(step: Step, index: number): StepRef {
		return {key: stepKey(step), id: step.id, host: step.host, phase: step.phase, index, total: this.#options.steps.length, title: step.title};
	}

	#requireJobs(): JobControl {
		if (!this.#options.jobs) {
			throw new StepFailure(localized('runnerNoJobControl'));
		}
		return this.#options.jobs;
	}

	#throwIfStopping(): void {
		if (this.#stopping) {
			throw new Stopped();
		}
	}

	async #sleep(ms: number): Promise<void> {
		if (this.#stopping) {
			return;
		}
		await new Promise<void>(resolve => {
			const timer = setTimeout(resolve, ms);
			this.#abort.signal.addEventListener('abort', () => {
				clearTimeout(timer);
				resolve();
			}, {once: true});
		});
	}

	#now(): string {
		return (this.#options.now?.() ?? new Date()).toISOString();
	}

	#emit(event: RunnerEvent): void {
		// Events carry target output and messages built from it to every screen; the logs on disk keep it raw.
		const clean = cleanStrings(event);
		for (const listener of this.#listeners) {
			listener(clean);
		}
	}
}

/** What a failed step's record says went wrong. */
function failureOf(record: StepRecord | undefined): Localized | string {
	return record?.status === 'failed' ? record.lastError : '';
}

/** Why a step failed, in both languages: ours from the catalog, anything else as it was thrown. */
function problemOf(error: unknown): Localized {
	return error instanceof StepFailure ? error.problem : problemIn(error);
}
