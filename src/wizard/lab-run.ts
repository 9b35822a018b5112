import type {Executor} from '../exec/executor.js';
import type {Lab} from '../lab/lab-schema.js';
import type {RunnerEvent, StepRef} from '../runner/events.js';
import type {JobControl} from '../runner/job-control.js';
import {runLab} from '../runner/run-lab.js';
import type {Runner} from '../runner/runner.js';
import {CheckpointStore} from '../state/checkpoint-store.js';
import {buildPlan} from '../steps/catalog.js';
import {stepKey, type CheckResult, type Step} from '../steps/step.js';
import type {PlannedDownload} from './components/PlanReview.js';
import type {ClusterAddresses} from './components/Summary.js';
import type {DrivableRun, PreparedRun} from './prepared-run.js';
import type {StepInfo} from './step-info.js';

export interface LabRunInput {
	lab: Lab;
	home: string;
	labId: string;
	executorFor(host: string): Executor | Promise<Executor>;
	jobs?: JobControl;
	resume: boolean;
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
	const steps = buildPlan(lab);
	const refs = steps.map((step, index): StepRef => ({
		key: stepKey(step), id: step.id, host: step.host, phase: step.phase, index, total: steps.length, title: step.title,
	}));
	const journal = CheckpointStore.exists(input.home, input.labId) ? CheckpointStore.open(input.home, input.labId).journal() : undefined;
	const checks = input.resume ? {} : await checkAll(steps, input.executorFor);
	const infos = new Map(steps.map(step => [stepKey(step), infoFor(step, steps)]));
	const failed = journal ? Object.entries(journal.steps).find(([, record]) => record.status === 'failed') : undefined;
	const lastStop = failed
		? {step: failed[0], reason: failed[1].lastError ?? 'failed'}
		: journal?.run?.lastStop === undefined ? undefined : {step: 'the run', reason: journal.run.lastStop};
	return {
		steps: refs,
		checks,
		info: key => infos.get(key),
		downloads: downloadsOf(lab),
		estimateMs: steps.reduce((total, step) => total + (step.phase === 'mesos-install' && lab.mesos.source === 'build' ? mesosBuildEstimateMs : stepEstimateMs), 0),
		addresses: addressesOf(lab),
		lastStop: input.resume ? lastStop : undefined,
		run: labRun(input, steps),
	};
}

async function checkAll(steps: readonly Step[], executorFor: LabRunInput['executorFor']): Promise<Record<string, CheckResult>> {
	const controller = new AbortController();
	const checks: Record<string, CheckResult> = {};
	for (const step of steps) {
		try {
			checks[stepKey(step)] = await step.check({exec: await executorFor(step.host), signal: controller.signal});
		} catch (error) {
			checks[stepKey(step)] = {kind: 'needed', reason: `could not check: ${error instanceof Error ? error.message : String(error)}`};
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

	add('CentOS 7 packages', lab.mirrors.centosVault?.[0] ?? `${lab.mirrors.preset} mirror preset`);
	add(`docker-ce ${lab.versions.dockerCe}`, lab.mirrors.dockerCe ?? `${lab.mirrors.preset} mirror preset`);
	add(`ZooKeeper ${lab.versions.zookeeper}`, lab.zookeeper.distribution === 'tarball' ? lab.zookeeper.download?.url ?? lab.mirrors.apache ?? `${lab.mirrors.preset} mirror preset` : undefined);
	add(`Mesos ${lab.versions.mesos} (${lab.mesos.source})`, lab.mesos.download?.url ?? lab.mesos.thirdPartyRepo ?? lab.mirrors.apache ?? `${lab.mirrors.preset} mirror preset`);
	add(lab.versions.marathonImage, lab.mirrors.registryMirrors?.[0] ?? 'Docker Hub');
	add(lab.versions.marathonLbImage, lab.mirrors.registryMirrors?.[0] ?? 'Docker Hub');
	return downloads;
}

function labRun(input: LabRunInput, steps: readonly Step[]): DrivableRun {
	const listeners = new Set<(event: RunnerEvent) => void>();
	let runner: Runner | undefined;
	return {
		on(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		async start() {
			return runLab({
				home: input.home,
				labId: input.labId,
				steps,
				executorFor: input.executorFor,
				...(input.jobs ? {jobs: input.jobs} : {}),
				resumed: input.resume,
				lab: input.lab as unknown as Record<string, unknown>,
				listeners: [event => {
					for (const listener of listeners) {
						listener(event);
					}
				}],
				onRunner(created) {
					runner = created;
				},
				runner: {onFailure: 'ask', language: input.lab.language},
			});
		},
		retry: key => runner?.retry(key),
		skip: key => runner?.skip(key),
		stop: () => runner?.stop(),
	};
}
