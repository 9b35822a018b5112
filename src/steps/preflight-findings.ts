import {localized} from '../i18n/localized.js';
import type {Executor} from '../exec/executor.js';
import type {PreflightCheckName} from '../lab/lab-schema.js';
import type {PreflightFinding, PreflightStep} from './preflight.js';
import {stepKey, type Localized, type Step} from './step.js';

/** One preflight check's verdict on one host, judged before any step runs. */
export interface PreflightOutcome {
	key: string;
	name: PreflightCheckName;
	host: string;
	title: Localized;
	finding: PreflightFinding;
}

export function isPreflightCheck(step: Step): step is PreflightStep {
	return 'assess' in step && 'checkName' in step;
}

/**
 * Judges every preflight check of the plan before anything runs, hosts side by side. On a host, a
 * check that follows a preflight step which changes the machine and is not yet in place (the swap
 * file the memory check counts) cannot be judged yet: the run judges it after that step.
 */
export async function assessPreflight(steps: readonly Step[], executorFor: (host: string) => Executor | Promise<Executor>, signal: AbortSignal): Promise<PreflightOutcome[]> {
	const hosts = [...new Set(steps.filter(step => step.phase === 'preflight').map(step => step.host))];
	const perHost = await Promise.all(hosts.map(async host => assessHost(steps.filter(step => step.phase === 'preflight' && step.host === host), host, executorFor, signal)));
	return perHost.flat();
}

async function assessHost(steps: readonly Step[], host: string, executorFor: (host: string) => Executor | Promise<Executor>, signal: AbortSignal): Promise<PreflightOutcome[]> {
	const outcomes: PreflightOutcome[] = [];
	let exec: Executor;
	try {
		exec = await executorFor(host);
	} catch (error) {
		return steps.filter(isPreflightCheck).map(step => unreachable(step, error));
	}

	// The probes only read, so the checks between two machine-changing steps run side by side: the
	// slowest one (asking registries for images) sets the pace, not their sum.
	let batch: PreflightStep[] = [];
	const judgeBatch = async () => {
		outcomes.push(...await Promise.all(batch.map(async step => judge(step, exec, signal))));
		batch = [];
	};

	for (const step of steps) {
		if (isPreflightCheck(step)) {
			batch.push(step);
			continue;
		}

		await judgeBatch();
		const result = await step.check({exec, signal}).catch(() => ({kind: 'needed'} as const));
		if (result.kind !== 'satisfied') {
			return outcomes;
		}
	}

	await judgeBatch();
	return outcomes;
}

async function judge(step: PreflightStep, exec: Executor, signal: AbortSignal): Promise<PreflightOutcome> {
	try {
		return {key: stepKey(step), name: step.checkName, host: step.host, title: step.title, finding: await step.assess({exec, signal})};
	} catch (error) {
		return unreachable(step, error);
	}
}

function unreachable(step: PreflightStep, error: unknown): PreflightOutcome {
	const message = error instanceof Error ? error.message : String(error);
	return {
		key: stepKey(step),
		name: step.checkName,
		host: step.host,
		title: step.title,
		finding: {level: 'fail', detail: localized('stepReasonCouldNotCheck', {error: message}), fix: localized('stepPreflightUnreachableFix')},
	};
}

/** The failures that stand between the user and the run: every FAIL not ignored by name. */
export function blockingFailures(outcomes: readonly PreflightOutcome[], ignored: readonly string[]): PreflightOutcome[] {
	return outcomes.filter(outcome => outcome.finding.level === 'fail' && !ignored.includes(outcome.name));
}
