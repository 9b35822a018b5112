import {localized} from '../i18n/localized.js';
import {t} from '../i18n/messages.js';
import {request, type Dispatcher} from 'undici';
import {ClusterError, InterruptedError, UserInputError} from '../errors.js';
import {mesosHeaders, mesosState} from './cluster-probes.js';
import type {ExperimentContext} from './experiment.js';
import type {Localized} from '../steps/step.js';
import type {LabServices} from './lab-services.js';
import {shellAppExperiment} from './shell-app.js';
import {pause, throwIfInterrupted, waitFor} from './wait-for.js';

/** host:port of a base URL, the form /v2/leader and Mesos pids name instances in. */
export function hostPortOf(url: string): string {
	return new URL(url).host;
}

/** 1-based position of the instance at `hostPort` among `urls` (the lab's order, the unit numbers). */
export function positionOf(urls: readonly string[], hostPort: string): number | undefined {
	const index = urls.findIndex(url => hostPortOf(url) === hostPort);
	return index < 0 ? undefined : index + 1;
}

/**
 * The master that leads and serves: the one answering /master/state itself. An elected master
 * that cannot read the registry from the replicated log (no quorum) answers 503 until it gives
 * up, and the others redirect, so neither counts.
 */
export async function mesosLeader(mesosUrls: readonly string[], dispatcher?: Dispatcher, authorization?: string): Promise<string | undefined> {
	const answers = await Promise.all(mesosUrls.map(async url => {
		try {
			const response = await request(`${url.replace(/\/+$/, '')}/master/state`, {...(dispatcher === undefined ? {} : {dispatcher}), headers: mesosHeaders(authorization), headersTimeout: 3_000, bodyTimeout: 3_000});
			await response.body.dump();
			return response.statusCode === 200 ? hostPortOf(url) : undefined;
		} catch {
			return undefined;
		}
	}));
	return answers.find(answer => answer !== undefined);
}

/** Who `/v2/leader` names, asked of each Marathon in turn; undefined when none names one. */
export async function marathonLeader(marathonUrls: readonly string[], dispatcher?: Dispatcher, authorization?: string): Promise<string | undefined> {
	for (const url of marathonUrls) {
		try {
			const response = await request(`${url.replace(/\/+$/, '')}/v2/leader`, {...(dispatcher === undefined ? {} : {dispatcher}), headers: authorization === undefined ? {} : {authorization}, headersTimeout: 3_000, bodyTimeout: 3_000});
			const text = await response.body.text();
			if (response.statusCode === 200) {
				const leader = (JSON.parse(text) as {leader?: unknown}).leader;
				if (typeof leader === 'string' && leader !== '') return leader;
			}
		} catch {
			// This one is down; the next may answer.
		}
	}
	return undefined;
}

/** Ids of the running tasks and the active agents, as the leading master reports them. */
export async function runningPicture(mesosUrls: readonly string[], dispatcher?: Dispatcher, authorization?: string): Promise<{tasks: Set<string>; agents: Set<string>}> {
	const state = await mesosState([...mesosUrls], dispatcher, authorization);
	return {
		tasks: new Set(state.tasks.filter(t => t.state === 'TASK_RUNNING').map(t => t.id)),
		agents: new Set(state.agents.filter(a => a.active).map(a => a.id)),
	};
}

export function requireServices(context: ExperimentContext, experiment: string): LabServices {
	if (context.services === undefined) {
		throw new UserInputError(localized('errTheExperimentStopsAndStarts', {experiment}), {
			hint: localized('errTheExperimentStopsAndStartsHint'),
		});
	}
	return context.services;
}

/**
 * Waits like `waitFor`, but a timeout is a finding to report, not a failure: used where the
 * experiment shows what happens, and a real cluster may take longer than the lesson says.
 */
export async function waitOrNote<T>(what: Localized, check: () => Promise<T | undefined>, context: Pick<ExperimentContext, 'pollMs' | 'signal'>, timeoutMs: number): Promise<T | undefined> {
	try {
		return await waitFor(what, check, {timeoutMs, pollMs: context.pollMs, ...(context.signal ? {signal: context.signal} : {})});
	} catch (error) {
		if (error instanceof InterruptedError || !(error instanceof ClusterError)) throw error;
		return undefined;
	}
}

/** Polls `check` for `holdMs` and returns the first value it gives, or undefined if it gave none: "still no leader after 5 s". */
export async function holdsFor<T>(check: () => Promise<T | undefined>, holdMs: number, context: Pick<ExperimentContext, 'pollMs' | 'signal'>): Promise<T | undefined> {
	const until = Date.now() + holdMs;
	while (Date.now() < until) {
		throwIfInterrupted(context.signal);
		const value = await check();
		if (value !== undefined) return value;
		await pause(context.pollMs, context.signal);
	}
	return undefined;
}

/**
 * The tutorial's shell app, as the tasks the failovers must not touch: deployed when missing, and
 * awaited until every instance runs.
 */
export async function ensureWitnessApp(context: ExperimentContext): Promise<{id: string; instances: number}> {
	const definition = shellAppExperiment.app(context);
	const existing = await context.marathon.findApp(definition.id);
	if (existing === undefined) {
		// It is the app of experiment 1, so it stays afterwards, as it would after `lab hello`.
		context.print(t(context.lang, 'labWitnessDeploying', {id: definition.id}));
		await context.marathon.deploy(definition);
	}
	const instances = existing?.instances ?? definition.instances ?? 1;
	await waitFor(localized('labWaitEveryInstance', {app: definition.id}), async () => {
		const app = await context.marathon.getApp(definition.id);
		return (app.tasksRunning ?? 0) >= instances && (app.deployments ?? []).length === 0 ? true : undefined;
	}, context);
	return {id: definition.id, instances};
}

export function since(start: number): number {
	return Date.now() - start;
}
