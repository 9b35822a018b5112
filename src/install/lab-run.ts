import {inLanguage, localized} from '../i18n/localized.js';
import type {Executor} from '../exec/executor.js';
import {t} from '../i18n/messages.js';
import type {Lab} from '../lab/lab-schema.js';
import type {RunnerEvent, StepRef} from '../runner/events.js';
import type {JobControl} from '../runner/job-control.js';
import {runLab} from '../runner/run-lab.js';
import type {Runner} from '../runner/runner.js';
import {CheckpointStore} from '../state/checkpoint-store.js';
import type {Journal} from '../state/journal.js';
import {experimentCommandsByTopic} from '../experiments/catalog.js';
import {buildPlan} from '../steps/catalog.js';
import {assessPreflight, blockingFailures, isPreflightCheck, type PreflightOutcome} from '../steps/preflight-findings.js';
import {findingAsCheck} from '../steps/preflight.js';
import type {SecretSource} from '../steps/secrets.js';
import {stepKey, type CheckResult, type Step} from '../steps/step.js';
import {createLearnGate} from './learn-gate.js';
import type {ClusterAddresses, DrivableRun, PlannedDownload, PreparedRun} from './prepared-run.js';
import type {StepInfo} from './step-info.js';

export interface LabRunInput {
	lab: Lab;
	home: string;
	labId: string;
	executorFor(host: string): Executor | Promise<Executor>;
	jobs?: JobControl;
	resume: boolean;
	/** `ask`: a failure waits for retry, skip or quit (the wizard's keys); `stop`: it ends the run (plain lines). */
	onFailure: 'ask' | 'stop';
	/** Pause before each step that needs doing, until the user has read it. */
	learn?: boolean;
	/** The plan of the lab: the step catalog's, unless a test brings its own steps. */
	plan?: (lab: Lab) => Step[];
	/** Answers the secrets steps need at run time (the registry password), held in memory only. */
	secrets?: SecretSource;
	/** How often a detached job is looked at; the runner's default unless a test is in a hurry. */
	jobPollMs?: number;
}

/** A rough minute per ordinary step; the Mesos build dominates everything else. */
const stepEstimateMs = 60_000;
const mesosBuildEstimateMs = 90 * 60_000;

/**
 * Builds everything the wizard shows before the run from the lab and its plan, checking each step
 * on its host so the review can say what is already in place, and wraps the runner for the keys.
 */
export async function prepareLabRun(input: LabRunInput): Promise<PreparedRun> {
	const {lab} = input;
	const steps = planOf(input, lab);
	const refs = steps.map((step, index): StepRef => ({
		key: stepKey(step), id: step.id, host: step.host, phase: step.phase, index, total: steps.length, title: step.title,
	}));
	const journal = CheckpointStore.exists(input.home, input.labId) ? CheckpointStore.open(input.home, input.labId).journal() : undefined;
	// Preflight first: its verdicts are what the review must lead with, and they take a second, not minutes.
	const preflight = await assessPreflight(steps, input.executorFor, new AbortController().signal);
	// A machine that fails preflight is not worth asking about every step: the failure shows at once, and
	// a run started past it (the check ignored) checks each step as it comes to it.
	const blocked = blockingFailures(preflight, lab.ignorePreflight).length > 0;
	const checks = input.resume ? {} : await checkAll(blocked ? steps.filter(isPreflightCheck) : steps, input.executorFor, preflight);
	const infos = new Map(steps.map(step => [stepKey(step), infoFor(step, steps)]));
	return {
		steps: refs,
		checks,
		info: key => infos.get(key),
		downloads: downloadsOf(lab),
		estimateMs: estimateOf(lab, steps, checks),
		addresses: addressesOf(lab),
		experiments: experimentCommandsByTopic(input.labId),
		lastStop: input.resume && journal ? lastStopOf(journal, lab.language) : undefined,
		preflight,
		recheckPreflight: async () => assessPreflight(steps, input.executorFor, new AbortController().signal),
		run: labRun(input, steps),
	};
}

function planOf(input: LabRunInput, lab: Lab): Step[] {
	return input.plan ? input.plan(lab) : buildPlan(lab, input.secrets === undefined ? {} : {secrets: input.secrets});
}

/**
 * Where the journal says the last run stopped, and why: a failed step and its error, a step cut
 * off while its detached job ran on (re-attached on resume), or the run's own reason.
 */
export function lastStopOf(journal: Journal, language: Lab['language']): {step: string; reason: string} | undefined {
	const entries = journal.order.flatMap(key => {
		const record = journal.steps[key];
		return record ? [[key, record] as const] : [];
	});
	const failed = entries.flatMap(([key, record]) => (record.status === 'failed' ? [{key, record}] : []))[0];
	if (failed) {
		return {step: failed.key, reason: inLanguage(failed.record.lastError, language)};
	}

	const running = entries.flatMap(([key, record]) => (record.status === 'running' ? [{key, record}] : []))[0];
	if (running) {
		const {key, record} = running;
		return {
			step: key,
			reason: record.job ? t(language, 'lastStopJobRanOn', {job: record.job.name}) : t(language, 'lastStopEnded'),
		};
	}

	return journal.run?.lastStop === undefined ? undefined : {step: t(language, 'lastStopTheRun'), reason: inLanguage(journal.run.lastStop, language)};
}

/** A minute per step still to do, and the Mesos build's hour and a half once when it is among them. */
export function estimateOf(lab: Lab, steps: readonly Step[], checks: Record<string, CheckResult>): number {
	const toDo = steps.filter(step => checks[stepKey(step)]?.kind !== 'satisfied');
	const builds = lab.mesos.source === 'build' && toDo.some(step => step.phase === 'mesos-install');
	return toDo.length * stepEstimateMs + (builds ? mesosBuildEstimateMs : 0);
}

/** Each step's check on its host; a preflight check already judged is not asked twice. */
async function checkAll(steps: readonly Step[], executorFor: LabRunInput['executorFor'], preflight: readonly PreflightOutcome[]): Promise<Record<string, CheckResult>> {
	const controller = new AbortController();
	const checks: Record<string, CheckResult> = {};
	const judged = new Map(preflight.map(outcome => [outcome.key, outcome.finding]));
	for (const step of steps) {
		const finding = isPreflightCheck(step) ? judged.get(stepKey(step)) : undefined;
		if (finding) {
			checks[stepKey(step)] = findingAsCheck(finding);
			continue;
		}

		try {
			checks[stepKey(step)] = await step.check({exec: await executorFor(step.host), signal: controller.signal});
		} catch (error) {
			checks[stepKey(step)] = {kind: 'needed', reason: localized('checkFailed', {error: error instanceof Error ? error.message : String(error)})};
		}
	}

	return checks;
}

function infoFor(step: Step, steps: readonly Step[]): StepInfo {
	const dependents = steps.filter(other => other.dependsOn?.includes(step.id)).map(other => stepKey(other));
	return {title: step.title, why: step.why, dependents};
}

function hostAddress(lab: Lab, name: string | undefined): string {
	return lab.hosts.find(host => host.name === name)?.address ?? lab.hosts[0]?.address ?? '127.0.0.1';
}

/** Where the finished cluster answers: the first master, the first Marathon, the load balancer's stats page. */
export function addressesOf(lab: Lab): ClusterAddresses {
	return {
		mesos: `http://${hostAddress(lab, lab.roles.masters[0])}:${lab.ports.masters[0] ?? 5050}`,
		marathon: `http://${hostAddress(lab, lab.roles.marathon[0])}:${lab.ports.marathon[0] ?? 8080}`,
		haproxyStats: `http://${hostAddress(lab, lab.roles.marathonLb)}:${lab.ports.marathonLb}/haproxy?stats`,
	};
}

/** What the lab fetches and from where, as far as the lab file names it. */
export function downloadsOf(lab: Lab): PlannedDownload[] {
	const downloads: PlannedDownload[] = [];
	const add = (what: string, from: string | undefined) => {
		if (from !== undefined) {
			downloads.push({what, from});
		}
	};

	const {language} = lab;
	const preset = t(language, 'downloadPreset', {preset: lab.mirrors.preset});
	const vaults = lab.mirrors.centosVault ?? [];
	add(t(language, 'downloadCentos'), vaults.length === 0 ? preset : vaults.length === 1 ? vaults[0] : t(language, 'downloadFirstOf', {count: vaults.length, urls: vaults.join(', ')}));
	add(`docker-ce ${lab.versions.dockerCe}`, lab.mirrors.dockerCe ?? preset);
	add(`ZooKeeper ${lab.versions.zookeeper}`, lab.zookeeper.distribution === 'tarball' ? lab.zookeeper.download?.url ?? lab.mirrors.apache ?? preset : undefined);
	if (lab.mesos.source === 'third-party-repo') {
		add(t(language, 'downloadThirdParty', {version: lab.versions.mesos}), t(language, 'downloadSignedWith', {repo: lab.mesos.thirdPartyRepo ?? '', key: lab.mesos.thirdPartyGpgKey ?? ''}));
	} else {
		add(t(language, 'downloadMesos', {version: lab.versions.mesos, source: lab.mesos.source}), lab.mesos.download?.url ?? lab.mirrors.apache ?? preset);
	}
	add(lab.versions.marathonImage, lab.mirrors.registryMirrors?.[0] ?? 'Docker Hub');
	add(lab.versions.marathonLbImage, lab.mirrors.registryMirrors?.[0] ?? 'Docker Hub');
	return downloads;
}

function labRun(input: LabRunInput, planned: readonly Step[]): DrivableRun {
	const listeners = new Set<(event: RunnerEvent) => void>();
	const gate = input.learn === true ? createLearnGate() : undefined;
	let runner: Runner | undefined;
	const broadcast = (event: RunnerEvent) => {
		for (const listener of listeners) {
			listener(event);
		}
	};

	return {
		on(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		async start(choices = {ignorePreflight: []}) {
			// Checks the user ignored on the review join the lab's own list: the run turns their FAIL into a
			// WARN, and the lab saved with the run keeps the choice for resume.
			const added = choices.ignorePreflight.filter(name => !input.lab.ignorePreflight.includes(name));
			const lab = added.length === 0 ? input.lab : {...input.lab, ignorePreflight: [...input.lab.ignorePreflight, ...added]};
			const chosen = added.length === 0 ? planned : planOf(input, lab);
			return runLab({
				home: input.home,
				labId: input.labId,
				steps: chosen,
				executorFor: input.executorFor,
				...(input.jobs ? {jobs: input.jobs} : {}),
				resumed: input.resume,
				lab,
				listeners: [broadcast],
				onRunner(created) {
					runner = created;
				},
				runner: {onFailure: input.onFailure, language: input.lab.language, ...(gate ? {gate: gate.gate} : {}), ...(input.jobPollMs === undefined ? {} : {jobPollMs: input.jobPollMs})},
			});
		},
		retry: key => runner?.retry(key),
		skip: key => runner?.skip(key),
		...(input.onFailure === 'ask' ? {
			restartJob(key: string) {
				void runner?.restartJob(key);
			},
		} : {}),
		...(gate ? {learn: gate} : {}),
		stop: () => runner?.stop(),
	};
}
